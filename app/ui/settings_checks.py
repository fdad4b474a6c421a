"""What the settings dialog refuses, each with its reason in words (None: acceptable)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication

from app.ui.wall.layout import Layout, LayoutError, layout_path, load_layout, placements

SQLITE_MAGIC = b"SQLite format 3\x00"
TILE_PLACES = ("{z}", "{x}", "{y}")
MOST_SCREENS = 16  # the wall's computer may have more screens than this console's
T = QCoreApplication


def _web_address(text: str) -> str | None:
    """Why ``text`` is not an http(s) address with a host, or None."""
    if any(ch.isspace() for ch in text):
        return T.translate("Settings", "The address has a space in it.")
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https"):
        return T.translate("Settings", "The address must start with http:// or https://.")
    try:
        port_ok = parts.port is None or 0 < parts.port < 65536
    except ValueError:
        port_ok = False
    if not parts.hostname:
        return T.translate("Settings",
                           "The address names no host (a computer's name or IP address).")
    if not port_ok:
        return T.translate("Settings",
                           "The port after the host must be a number from 1 to 65535.")
    return None


def server_problem(url: str) -> str | None:
    if not url.strip():
        return T.translate("Settings", "Type the central service's address, e.g. "
                                       "http://dispatch.city.local:8700.")
    return _web_address(url.strip())


def tiles_problem(template: str) -> str | None:
    template = template.strip()
    if not template:
        return T.translate("Settings", "Type the tile address template, e.g. "
                                       "https://tiles.city.local/{z}/{x}/{y}.png.")
    missing = [p for p in TILE_PLACES if p not in template]
    if missing:
        return T.translate("Settings", "The template must contain {z}, {x} and {y}; %1 is "
                                       "missing.").replace("%1", ", ".join(missing))
    probe = template
    for place in (*TILE_PLACES, "{s}", "{r}"):
        probe = probe.replace(place, "0")
    return _web_address(probe)


def mbtiles_problem(path: str) -> str | None:
    """An MBTiles file is an SQLite database with a ``tiles`` table (or view)."""
    if not path.strip():
        return T.translate("Settings", "Choose an MBTiles file.")
    file = Path(path.strip())
    if not file.is_file():
        return T.translate("Settings", "There is no file %1.").replace("%1", str(file))
    try:
        with file.open("rb") as f:
            head = f.read(len(SQLITE_MAGIC))
    except OSError as e:
        return T.translate("Settings", "The file cannot be read: %1").replace(
            "%1", e.strerror or str(e))
    if head != SQLITE_MAGIC:
        return T.translate("Settings",
                           "This is not an MBTiles file: it is not an SQLite database.")
    try:
        db = sqlite3.connect(f"file:{file}?mode=ro", uri=True)
        try:
            found = db.execute("SELECT 1 FROM sqlite_master WHERE name = 'tiles' "
                               "AND type IN ('table', 'view')").fetchone()
        finally:
            db.close()
    except sqlite3.Error as e:
        return T.translate("Settings", "The file cannot be read as a database: %1").replace(
            "%1", str(e))
    if found is None:
        return T.translate("Settings", "This SQLite file has no tiles table, so it is not "
                                       "an MBTiles file.")
    return None


def layout_problem(path: str | None, screen: int) -> tuple[Layout | None, str | None]:
    """The layout (None for the default) and why it cannot be used with ``screen``."""
    if path is None:
        return None, None
    if not path.strip():
        return None, T.translate("Settings", "Choose a layout file.")
    try:
        layout = load_layout(layout_path(path.strip()))
        placements(layout, MOST_SCREENS, screen)
    except LayoutError as e:
        return None, T.translate("Settings", "This layout cannot be used: %1").replace(
            "%1", str(e))
    return layout, None
