"""The map pane: Leaflet in a QWebEngineView, driven through a QWebChannel bridge.

Calls made before the page is ready are queued and sent once it says so (the way Anki's
webview does), so a caller never has to know whether the page has loaded."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
)
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QWidget

from app.maps import assets
from app.maps.page import build_page
from app.maps.tiles import SCHEME, TEMPLATE, MBTilesHandler

LOCAL_SCHEMES = {"file", "qrc", "data", "blob", "about", SCHEME.decode()}


class OfflineGuard(QWebEngineUrlRequestInterceptor):
    """Lets the page load only local files, plus the tile server the workstation was given.
    Anything else is blocked and remembered (a closed network must not wait on timeouts)."""

    def __init__(self, allowed_hosts: Sequence[str] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.allowed_hosts = set(allowed_hosts)
        self.blocked: list[str] = []

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        url = info.requestUrl()
        if url.scheme() in LOCAL_SCHEMES or url.host() in self.allowed_hosts:
            return
        self.blocked.append(url.toString())
        info.block(True)


class MapBridge(QObject):
    """The Python end of the web channel. Signals go to the page; slots come from it."""

    upsert = Signal(str)
    remove = Signal(str)
    select = Signal(int, bool)
    crews = Signal(str)
    layerNames = Signal(str)
    heat = Signal(str)
    preview = Signal(str)

    ready = Signal()
    marker_clicked = Signal(int)
    context_menu = Signal(float, float)

    @Slot()
    def pageReady(self) -> None:
        self.ready.emit()

    @Slot(int)
    def markerClicked(self, incident_id: int) -> None:
        self.marker_clicked.emit(incident_id)

    @Slot(float, float)
    def mapContextMenu(self, lat: float, lon: float) -> None:
        self.context_menu.emit(lat, lon)


class MapView(QWebEngineView):
    marker_clicked = Signal(int)
    context_menu = Signal(float, float)
    loaded = Signal()

    def __init__(self, *, center: tuple[float, float], basemap: dict[str, Any],
                 tiles: str | None = None, attribution: str | None = None,
                 mbtiles: Path | None = None, parent: QWidget | None = None) -> None:
        """``tiles``: an online tile URL template; ``mbtiles``: a local tile file, served
        by the console itself. Neither: the basemap drawn from the city's own data."""
        super().__init__(parent)
        self.setObjectName("mapView")
        hosts = [urlparse(tiles.replace("{s}", "a")).hostname or ""] if tiles else []
        self.profile = QWebEngineProfile(self)  # off the record: nothing written to disk
        self.tile_file: MBTilesHandler | None = None
        if mbtiles is not None:
            self.tile_file = MBTilesHandler(mbtiles, self.profile)
            self.profile.installUrlSchemeHandler(SCHEME, self.tile_file)
            tiles = TEMPLATE
            attribution = attribution or self.tile_file.attribution
        # Children of the profile: they must outlive it, and do, being deleted after it.
        self.guard = OfflineGuard(hosts, self.profile)
        self.profile.setUrlRequestInterceptor(self.guard)
        page = QWebEnginePage(self.profile, self)
        # A page must go before its profile: the profile becomes the page's child, so it
        # is deleted after the page, not before it.
        self.profile.setParent(page)
        self.setPage(page)
        self.bridge = MapBridge(self)
        self.channel = QWebChannel(self)
        self.channel.registerObject("bridge", self.bridge)
        self.page().setWebChannel(self.channel)
        self.is_ready = False
        self._queue: list[tuple[Signal, tuple[Any, ...]]] = []
        self.bridge.ready.connect(self._on_ready)
        self.bridge.marker_clicked.connect(self.marker_clicked)
        self.bridge.context_menu.connect(self.context_menu)
        html = build_page(center, basemap, tiles=tiles, attribution=attribution)
        self.setHtml(html, assets.base_url())

    def _on_ready(self) -> None:
        self.is_ready = True
        queued, self._queue = self._queue, []
        for signal, args in queued:
            signal.emit(*args)
        self.loaded.emit()

    def _send(self, signal: Signal, *args: Any) -> None:
        if self.is_ready:
            signal.emit(*args)
        else:
            self._queue.append((signal, args))

    def upsert_incidents(self, markers: list[dict[str, Any]]) -> None:
        if markers:
            self._send(self.bridge.upsert, json.dumps(markers, ensure_ascii=False))

    def remove_incidents(self, ids: list[int]) -> None:
        if ids:
            self._send(self.bridge.remove, json.dumps(ids))

    def select_incident(self, incident_id: int, pan: bool = True) -> None:
        self._send(self.bridge.select, incident_id, pan)

    def upsert_crews(self, crews: list[dict[str, Any]]) -> None:
        if crews:
            self._send(self.bridge.crews, json.dumps(crews, ensure_ascii=False))

    def show_heat(self, cells: list[tuple[float, float, float, float, int]]) -> None:
        self._send(self.bridge.heat, json.dumps(cells))

    def show_preview(self, lat: float, lon: float, radius_m: float,
                     duplicates: list[int]) -> None:
        self._send(self.bridge.preview, json.dumps(
            {"lat": lat, "lon": lon, "radius": radius_m, "duplicates": duplicates}))

    def clear_preview(self) -> None:
        self._send(self.bridge.preview, "null")

    def name_layers(self, names: dict[str, str]) -> None:
        self._send(self.bridge.layerNames, json.dumps(names, ensure_ascii=False))
