"""Starting the unattended wall: ``dispatch wall``. Signs in with the read-only wall
role, opens one full-screen window per laid-out screen, and re-signs in by itself if the
service ends its session; the stream reconnects on its own."""

from __future__ import annotations

import logging
import signal
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, QStandardPaths, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from app.sync import Offline, SyncClient
from app.sync.stream import StreamState
from app.ui.bridge import SyncBridge
from app.ui.catalog_view import CatalogView
from app.ui.console import _off_gui, _start_embedded, make_application, private, replica_file
from app.ui.wall.layout import (
    Layout,
    LayoutError,
    default_layout,
    layout_path,
    load_layout,
    placements,
)
from app.ui.wall.window import WallFeed, WallWindow

RELOGIN_SECONDS = 10
log = logging.getLogger(__name__)


def chosen_screen(store: QSettings, requested: int | None) -> int | None:
    """``--screen N`` is remembered for this workstation; without it, the last one."""
    if requested is not None:
        store.setValue("wall/screen", requested)
        return requested
    kept = store.value("wall/screen")
    try:
        return int(kept) if kept is not None else None  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return None


def configured_layout(store: QSettings, layout_file: Path | None) -> Layout:
    """``--layout FILE`` wins; then the one chosen in the console's settings
    (``wall/layout``); then the default. A file that no longer loads is said, not skipped."""
    if layout_file is not None:
        return load_layout(layout_file)
    kept = str(store.value("wall/layout", "") or "")
    return load_layout(layout_path(kept)) if kept else default_layout()


def open_windows(feed: WallFeed, layout: Layout, chosen: int | None, *,
                 basemap: dict[str, Any] | None = None) -> list[WallWindow]:
    """One full-screen window per laid-out screen, each on its own screen."""
    screens = QApplication.screens()
    windows = []
    for screen_layout, index in placements(layout, len(screens), chosen):
        window = WallWindow(feed, screen_layout, basemap=basemap)
        window.show_on(screens[index])
        windows.append(window)
    return windows


def open_wall_window(bridge: SyncBridge, catalog: CatalogView, *,
                     basemap: dict[str, Any] | None = None,
                     parent: QWidget | None = None,
                     settings: QSettings | None = None) -> WallWindow:
    """The wall in an ordinary window, for the console's user (its menu): the screen of the
    layout chosen in the settings that the wall would show here, else the default's."""
    layout = default_layout()
    chosen = None
    if settings is not None:
        try:
            layout = configured_layout(settings, None)
        except LayoutError as e:
            log.warning("the wall layout in the settings is not used: %s", e)
        chosen = chosen_screen(settings, None)
    screen = (layout.screen(chosen) if chosen is not None else None) or layout.screens[0]
    feed = WallFeed(bridge, catalog)
    window = WallWindow(feed, screen, basemap=basemap, kiosk=False, parent=parent)
    feed.setParent(window)  # the feed goes with the window
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.show_on(parent.screen() if parent is not None else None)
    return window


class Wall:
    """A running wall: its client, bridge, feed and windows; ``close`` ends them."""

    def __init__(self, client: SyncClient, bridge: SyncBridge, feed: WallFeed,
                 windows: list[WallWindow]) -> None:
        self.client, self.bridge, self.feed, self.windows = client, bridge, feed, windows

    def close(self) -> None:
        for window in self.windows:
            window.close()
        self.bridge.close()
        self.client.close()


def first_contact(client: SyncClient, who: str, password: str,
                  retry_seconds: float) -> tuple[dict[str, Any], dict[str, Any]]:
    """Sign in and fetch what the windows are built from. An unattended wall may come up
    before the service does (after a power cut both restart): it waits and tries again
    rather than exit. A refused sign-in is a mistake in its set-up and is said at once."""
    while True:
        try:
            client.login(who, password)
            return client.catalog(), client.basemap()
        except Offline:
            log.warning("the dispatch service at %s cannot be reached; trying again in %g s",
                        client.http.base_url, retry_seconds)
            time.sleep(retry_seconds)


def start_wall(url: str, *, login: tuple[str, str], layout: Layout, chosen: int | None,
               replica: Path | None, language: str,
               retry_seconds: float = RELOGIN_SECONDS) -> Wall:
    """Signed in as ``login``, the windows open and the stream started; the caller runs
    the event loop (``run_wall``) or drives it (tests)."""
    who, password = login
    client = SyncClient(url, replica=replica)
    wire, basemap = _off_gui(  # type: ignore[misc]
        lambda: first_contact(client, who, password, retry_seconds))
    catalog = CatalogView.from_wire(wire, language)
    bridge = SyncBridge(client)
    feed = WallFeed(bridge, catalog)

    signing_in = threading.Lock()

    def sign_in_again() -> None:
        if not signing_in.acquire(blocking=False):
            return  # already at it
        # Nobody stands at the wall to type a password: it signs in again by itself, and
        # keeps trying while the service cannot be reached.
        def work() -> None:
            while True:
                try:
                    client.login(who, password)
                    break
                except Exception:
                    time.sleep(RELOGIN_SECONDS)
            signing_in.release()
            # The stream that was refused may still be winding down: start() would leave
            # it be and the wall would stay signed out, so it is joined first.
            client.stop()
            client.start()
        threading.Thread(target=work, name="wall-sign-in", daemon=True).start()

    def on_state(state: str, _message: str) -> None:
        if state == StreamState.SIGNED_OUT:
            sign_in_again()

    bridge.state_changed.connect(on_state)
    windows = open_windows(feed, layout, chosen, basemap=basemap)  # type: ignore[arg-type]
    client.start()
    return Wall(client, bridge, feed, windows)


def run_wall(target: str | Callable[[], str], *, login: tuple[str, str],
             screen: int | None = None, layout_file: Path | None = None,
             replicas: Path | None = None) -> int:
    """``target``: a central service's URL, or a function that starts the embedded one and
    returns its URL. ``login``: the wall role's account."""
    app, store, language = make_application(scaled=False)  # read from metres away
    try:  # a wrong file is said at once, before any service is started
        layout = configured_layout(store, layout_file)
        chosen = chosen_screen(store, screen)
        placements(layout, len(app.screens()), chosen)
    except LayoutError as e:
        print(f"dispatch wall: {e}", file=sys.stderr)
        return 2

    embedded = callable(target)
    url = _start_embedded(app, target) if callable(target) else target
    folder = replicas or Path(QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.AppLocalDataLocation)) / "replicas"
    wall = start_wall(url, login=login, layout=layout, chosen=chosen, language=language,
                      replica=private(replica_file(folder, "embedded" if embedded else url,
                                                   login[0])))
    # Ctrl+C in the terminal that started it ends the wall: Python sees the signal only
    # when Qt hands it control, which this timer does.
    signal.signal(signal.SIGINT, lambda *_a: app.quit())
    wake = QTimer()
    wake.timeout.connect(lambda: None)
    wake.start(500)
    try:
        return app.exec()
    finally:
        wall.close()
