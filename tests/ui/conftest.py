"""Qt tests run offscreen; replicas are real ReplicaStores fed with wire-shaped data."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from app.maps.tiles import register_scheme
from app.server.app import create_app
from app.server.embedded import ServiceThread
from app.services.demo import DEMO_PASSWORD
from app.sync import SyncClient
from app.ui.bridge import SyncBridge
from app.ui.catalog_view import CatalogView
from app.ui.i18n import install_translator
from app.ui.main_window import MainWindow
from tests.conftest import fast_settings, fresh_database

SHOTS = Path(__file__).parents[2] / "build" / "screenshots"
register_scheme()  # before pytest-qt creates the application


@pytest.fixture(autouse=True)
def english(qapp):  # type: ignore[no-untyped-def]
    """Tests read the English source strings; the Russian ones are checked on their own."""
    install_translator(qapp, "en")
    yield
    install_translator(qapp, "en")


@pytest.fixture
def live_service(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ServiceThread]:
    """The real service on SQLite, for console tests (the server suite covers PostgreSQL)."""
    for url in fresh_database("sqlite", request, tmp_path):
        svc = ServiceThread(create_app(fast_settings(url))).start()
        yield svc
        svc.stop()


@pytest.fixture
def console(qapp, qtbot, live_service: ServiceThread, tmp_path: Path):  # type: ignore[no-untyped-def]
    """Make signed-in main windows: ``console("operator")``."""
    made: list[tuple[MainWindow, SyncClient]] = []

    def make(login: str = "operator", *, with_map: bool = False,
             url: str | None = None) -> MainWindow:
        # As the console runs: a replica file with its outbox.
        client = SyncClient(url or live_service.url, replica=tmp_path / f"{login}.replica.db",
                            outbox=True, retry_seconds=0.2, timeout=3)
        client.login(login, DEMO_PASSWORD)
        catalog = CatalogView.from_wire(client.catalog(), "ru")
        bridge = SyncBridge(client)
        settings = QSettings(str(tmp_path / f"{login}.ini"), QSettings.Format.IniFormat)
        window = MainWindow(bridge, catalog, settings,
                            basemap=client.basemap() if with_map else None)
        qtbot.addWidget(window)
        client.start()
        assert client.wait_live(10)
        qtbot.waitUntil(lambda: bool(window.book.streets), timeout=20000)
        with qtbot.waitExposed(window):
            window.show()
        with qtbot.waitActive(window):
            window.activateWindow()
        window.queue.table.setFocus()
        made.append((window, client))
        return window

    yield make
    for window, client in made:
        window.bridge.close()
        client.close()
