"""The stage the screenshots are taken on: the real service on a fresh SQLite database with
the demo city, consoles signed in to it as the demo's people, drawn offscreen, and what it
takes to wait for them and save what they show."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from app.models.db import migrate
from app.server.app import create_app, make_context
from app.server.embedded import ServiceThread
from app.server.settings import ServerSettings
from app.services.demo import DEMO_PASSWORD, seed_demo
from app.sync import SyncClient
from app.sync.http import Http
from app.ui.bridge import SyncBridge
from app.ui.catalog_view import CatalogView
from app.ui.duty.window import DutyWindow
from app.ui.main_window import MainWindow
from app.ui.sound import SoundEvents
from docs.screenshots import SHOTS
from docs.screenshots.palette import indexed
from tests.sync.netcut import NetCut

# The console's size in the guide: about the least its queue, card and map take side by side.
WINDOW = (1680, 1000)
MAP_HEIGHT = 380
WAIT = 20.0
DEMO_INCIDENTS = 300


def wait_until(ready: Callable[[], object], what: str, timeout: float = WAIT) -> None:
    """Turn Qt's event loop until ``ready()`` holds."""
    deadline = time.monotonic() + timeout
    while not ready():
        if time.monotonic() > deadline:
            raise TimeoutError(f"waited {timeout:g} s for {what}")
        QTest.qWait(50)


def gone(widget: QWidget) -> bool:
    """Closed: hidden, or deleted on close as the console's dialogs are."""
    return not shiboken6.isValid(widget) or not widget.isVisible()


def settle(ms: int = 400) -> None:
    """Let the windows lay out and paint what they were just given."""
    QTest.qWait(ms)


def zoom_map(view: QWidget, zoom: int) -> None:
    """As the operator zooms with the map's buttons: the city around the selected marker."""
    view.page().runJavaScript(  # type: ignore[attr-defined]
        "Object.values(window).find(function (v) { return v instanceof L.Map; })"
        f".setZoom({zoom}, {{animate: false}}); 1")
    settle(2500)  # the page redraws the streets and markers at the new zoom


def press(widget: QWidget, key: Qt.Key) -> None:
    QTest.keyClick(widget, key)
    QApplication.processEvents()


class Stage:
    """One language's run: the service, the people at it, and the images they make."""

    def __init__(self, language: str, out: Path, work: Path) -> None:
        self.language = language
        self.out = out
        self.work = work
        self.taken: list[str] = []
        self._windows: list[QWidget] = []
        self._clients: list[SyncClient] = []
        self._bridges: list[SyncBridge] = []
        self.url = self._start_service()
        # The operators' consoles reach the service through a cable that can be pulled.
        self.cable = NetCut(self.service.port)

    def _start_service(self) -> str:
        """As the embedded console starts it (app/main.py), on a database of its own, with
        the demo's crews and sensors standing still so the pictures are alike run to run."""
        url = f"sqlite:///{self.work / 'dispatch.db'}"
        migrate(url)
        settings = ServerSettings(database_url=url)
        ctx = make_context(settings)
        try:
            seed_demo(ctx, incidents=DEMO_INCIDENTS)
        finally:
            ctx.db.dispose()
        self.service = ServiceThread(create_app(settings, run_migrations=False)).start()
        return self.service.url

    # -- people -------------------------------------------------------------------------

    def person(self, login: str) -> SyncClient:
        """Someone working at another desk: the real client, each command answered."""
        client = SyncClient(self.url)
        client.login(login, DEMO_PASSWORD)
        self._clients.append(client)
        return client

    def console(self, login: str, *, with_map: bool = False, cabled: bool = False,
                settings: dict[str, Any] | None = None) -> MainWindow:
        """A signed-in console as ``dispatch`` builds it, with its own replica file and
        settings (never this machine's)."""
        client = SyncClient(self.cable.url if cabled else self.url,
                            replica=self.work / f"{login}.replica.db", outbox=True,
                            retry_seconds=0.3, timeout=5)
        client.login(login, DEMO_PASSWORD)
        self._clients.append(client)
        catalog = CatalogView.from_wire(client.catalog(), self.language)
        bridge = SyncBridge(client)
        self._bridges.append(bridge)
        store = QSettings(str(self.work / f"{login}.ini"), QSettings.Format.IniFormat)
        store.setValue("sounds/enabled", False)
        store.setValue("language", self.language)
        for key, value in (settings or {}).items():
            store.setValue(key, value)
        window = MainWindow(bridge, catalog, store,
                            basemap=client.basemap() if with_map else None)
        client.start()
        wait_until(lambda: client.wait_live(0.1), f"{login}'s console to go live")
        wait_until(lambda: bool(window.book.streets), "the gazetteer's streets")
        self.show(window, *WINDOW)
        window.queue.table.setFocus()
        if window.map_view is not None:
            view = window.map_view
            wait_until(lambda: view.is_ready, "the map page", timeout=60)
            window.resizeDocks([window.map_dock], [MAP_HEIGHT], Qt.Orientation.Vertical)
        return window

    def duty_board(self, login: str) -> DutyWindow:
        """A duty service's board, as ``dispatch --as ds-gas`` opens it."""
        http = Http(self.url, timeout=5)
        answer = http.request("POST", "/auth/login",
                              json={"login": login, "password": DEMO_PASSWORD})
        http.token = answer["token"]
        catalog = CatalogView.from_wire(http.request("GET", "/catalog"), self.language)
        window = DutyWindow(http, catalog, answer["user"], sounds=SoundEvents(enabled=False),
                            wait=2, retry_seconds=0.3)
        self.show(window, 1400, 700)
        return window

    def show(self, window: QWidget, width: int, height: int) -> None:
        window.resize(width, height)
        window.show()
        window.activateWindow()
        self._windows.append(window)
        settle()

    # -- images -------------------------------------------------------------------------

    def save(self, name: str, widget: QWidget, *, wait: int = 300) -> Path:
        """``wait``: let it paint first (0 for a widget sized just for the picture, which
        its layout would size back)."""
        if name not in SHOTS:
            raise KeyError(f"{name} is not in the shot list (docs/screenshots/__init__.py)")
        if wait:
            settle(wait)
        self.out.mkdir(parents=True, exist_ok=True)
        path = self.out / f"{name}.png"
        # Quality 0 is PNG's strongest compression: lossless, only slower to write.
        if not indexed(widget.grab().toImage()).save(str(path), "PNG", 0):
            raise OSError(f"could not write {path}")
        self.taken.append(name)
        print(f"  {path}", flush=True)
        return path

    def close(self) -> None:
        for window in reversed(self._windows):
            if shiboken6.isValid(window):  # those deleted on close are gone already
                window.close()
                window.deleteLater()
        for bridge in self._bridges:
            bridge.close()
        for client in self._clients:
            client.close()
        settle(200)
        self.cable.close()
        self.service.stop()
