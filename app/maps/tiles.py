"""Tiles from a local MBTiles file, served to the map page by the console itself: a room
with an offline basemap needs no tile server.

The page asks for ``mbtiles://local/{z}/{x}/{y}``; the handler answers from the file's
``tiles`` table (MBTiles rows count from the south, as TMS does, so y is flipped)."""

from __future__ import annotations

import re
import sqlite3
import threading
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject
from PySide6.QtWebEngineCore import (
    QWebEngineUrlRequestJob,
    QWebEngineUrlScheme,
    QWebEngineUrlSchemeHandler,
)

SCHEME = b"mbtiles"
TEMPLATE = "mbtiles://local/{z}/{x}/{y}"
_PATH = re.compile(r"^/(\d+)/(\d+)/(\d+)$")


def register_scheme() -> None:
    """Must run before the QApplication exists (Qt's rule for custom schemes)."""
    if QWebEngineUrlScheme.schemeByName(SCHEME).name() == SCHEME:
        return
    scheme = QWebEngineUrlScheme(SCHEME)
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Host)
    scheme.setFlags(QWebEngineUrlScheme.Flag.LocalScheme
                    | QWebEngineUrlScheme.Flag.LocalAccessAllowed
                    | QWebEngineUrlScheme.Flag.CorsEnabled)
    QWebEngineUrlScheme.registerScheme(scheme)


class MBTilesHandler(QWebEngineUrlSchemeHandler):
    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        meta = dict(self._db.execute("SELECT name, value FROM metadata"))
        self.format = meta.get("format", "png")
        self.attribution = meta.get("attribution", "")
        self.min_zoom = int(meta.get("minzoom", 0))
        self.max_zoom = int(meta.get("maxzoom", 19))

    def tile(self, z: int, x: int, y: int) -> bytes | None:
        with self._lock:
            row = self._db.execute(
                "SELECT tile_data FROM tiles WHERE zoom_level=? AND tile_column=? "
                "AND tile_row=?", (z, x, (1 << z) - 1 - y)).fetchone()
        return bytes(row[0]) if row else None

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:
        m = _PATH.match(job.requestUrl().path())
        data = self.tile(*(int(g) for g in m.groups())) if m else None
        if data is None:
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        buffer = QBuffer(job)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        kind = b"image/jpeg" if self.format in ("jpg", "jpeg") else b"image/" + \
            self.format.encode()
        job.reply(kind, buffer)

    def close(self) -> None:
        self._db.close()
