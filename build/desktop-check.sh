#!/usr/bin/env bash
# Before the console starts: a display to draw on, and the X11 libraries Qt's xcb platform
# plugin loads (Debian-based desktops, Astra Linux included, do not always have them all).
set -u
missing=()
for lib in libxcb-cursor.so.0 libxkbcommon-x11.so.0 libxcb-icccm.so.4 libxcb-image.so.0 \
           libxcb-keysyms.so.1 libxcb-randr.so.0 libxcb-render-util.so.0 libxcb-shape.so.0 \
           libxcb-xkb.so.1 libEGL.so.1 libfontconfig.so.1; do
  ldconfig -p 2>/dev/null | grep -q "$lib" || missing+=("$lib")
done
if [ ${#missing[@]} -gt 0 ] && [ -z "${QT_QPA_PLATFORM:-}" -o "${QT_QPA_PLATFORM:-}" = "xcb" ]; then
  pkgs="libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libegl1 libfontconfig1"
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing the X11 libraries Qt needs: $pkgs"
    apt-get install -y -qq $pkgs >/dev/null || { apt-get update -qq && apt-get install -y -qq $pkgs; }
  else
    echo "Qt needs these system libraries: ${missing[*]}" >&2
    echo "install them with: sudo apt-get install $pkgs" >&2
    exit 1
  fi
fi
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ "${QT_QPA_PLATFORM:-xcb}" = "xcb" ]; then
  echo "There is no display to open the console on (DISPLAY is not set)." >&2
  echo "On a machine without a screen: Xvfb :99 & DISPLAY=:99 make run" >&2
  exit 1
fi
exit 0
