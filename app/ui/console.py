"""Starting the console: the application, its language, sign-in, the main window."""

from __future__ import annotations

import os
import re
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QMetaObject,
    QSettings,
    QStandardPaths,
    Qt,
)
from PySide6.QtWidgets import QApplication, QLabel

from app.maps.tiles import register_scheme
from app.sync import ApiError, Offline, SyncClient
from app.sync.duty import FeedState
from app.sync.stream import StreamState
from app.ui import smoke, text_size
from app.ui.bridge import SyncBridge
from app.ui.catalog_view import CatalogView
from app.ui.console_windows import ConsoleWindows
from app.ui.duty.window import DutyWindow
from app.ui.i18n import install_translator
from app.ui.login import LoginDialog
from app.ui.sound import SoundEvents
from app.ui.text_size import set_style

DEMO_LOGIN = ("operator", "demo-2018")


def settings() -> QSettings:
    return QSettings("city-dispatch", "console")


def _start_embedded(app: QApplication, start: Callable[[], str]) -> str:
    """Start the embedded service off the GUI thread (the first start builds the demo city,
    some seconds of work) with a window saying so."""
    notice = QLabel(QCoreApplication.translate(
        "Console", "Preparing the embedded service and the demo city…"))
    notice.setWindowTitle(QCoreApplication.translate("Console", "City dispatch"))
    notice.setObjectName(smoke.START_NOTICE)
    notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
    notice.setMinimumSize(520, 160)
    set_style(notice, "font-size: 14pt; padding: 24px;")
    notice.show()
    try:
        return str(_off_gui(start))
    finally:
        notice.close()


def replica_file(folder: Path, url: str, login: str) -> Path:
    """One replica (state and outbox) per service and operator on this workstation."""
    folder.mkdir(parents=True, exist_ok=True)
    where = urlsplit(url).netloc or url
    return folder / (re.sub(r"[^A-Za-z0-9.]+", "-", f"{where}-{login}") + ".db")


def private(path: Path) -> Path:
    """The replica keeps the session token and the room's state: for this user's eyes only
    (SQLite gives its journal files the same permissions)."""
    path.touch(mode=0o600, exist_ok=True)
    path.chmod(0o600)
    return path


def _off_gui(work: Callable[[], object]) -> object:
    """Run ``work`` on a thread while the GUI thread keeps its event loop turning."""
    result: dict[str, object] = {}
    loop = QEventLoop()

    def run() -> None:
        try:
            result["value"] = work()
        except Exception as e:  # handed back to the caller
            result["error"] = e
        QMetaObject.invokeMethod(loop, "quit", Qt.ConnectionType.QueuedConnection)

    worker = threading.Thread(target=run, name="console-start", daemon=True)
    worker.start()
    loop.exec()
    worker.join()
    if "error" in result:
        raise result["error"]  # type: ignore[misc]
    return result.get("value")


def kept_session(url: str, login: str, replicas: Path) -> SyncClient | None:
    """The console's last session with this service, if it still holds or the service
    cannot say (offline: the console opens on its kept state and outbox)."""
    path = replica_file(replicas, url, login)
    if not login or not path.exists():
        return None
    client = SyncClient(url, replica=private(path), outbox=True)
    if not client.has_session:
        client.close()
        return None
    try:
        _off_gui(client.check_session)
    except Offline:
        return client
    except ApiError:  # the session ended meanwhile: sign in again
        client.close()
        return None
    return client


def make_application(*, scaled: bool = True) -> tuple[QApplication, QSettings, str]:
    """The application in the workstation's language and text size (``scaled``; the wall
    keeps its own sizes), with what the map needs first."""
    register_scheme()  # before the application exists, as Qt requires
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # Chromium refuses to run its sandbox as root; a kiosk or test machine may be root.
        flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
        if "--no-sandbox" not in flags:
            os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = f"{flags} --no-sandbox".strip()
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("city-dispatch")
    store = settings()
    language = str(store.value("language", "ru"))
    install_translator(app, language)
    if scaled:
        text_size.apply_scale(text_size.stored_scale(store))
    return app, store, language  # type: ignore[return-value]


def _run_duty_console(app: QApplication, client: SyncClient, catalog: CatalogView,
                      store: QSettings) -> int:
    """A duty service's account opens its own board, not the room's console: it sees
    only the hand-overs given to it."""
    sounds = SoundEvents(enabled=store.value("sounds/enabled", True, type=bool))
    window = DutyWindow(client.http, catalog, client.user or {}, sounds=sounds)
    asking = False

    def on_state(state: str, _message: str) -> None:
        nonlocal asking
        if state != FeedState.SIGNED_OUT or asking:
            return
        asking = True
        again = LoginDialog(embedded_url=None, server_url=client.http.base_url,
                            login=(client.user or {}).get("login", ""),
                            notice=window.tr("Your session has expired. Sign in again."),
                            existing=client, parent=window)
        again.exec()
        asking = False

    window.feed_state.connect(on_state)
    window.showMaximized()
    try:
        return app.exec()
    finally:
        window.close()
        client.close()


def run_console(target: str | Callable[[], str], *,
                login: tuple[str, str] | None = None, replicas: Path | None = None,
                smoke_test: dict[str, Callable[[], bool]] | None = None) -> int:
    """``target``: a central service's URL, or a function that starts the embedded one and
    returns its URL. ``replicas``: the folder for the console's replica and outbox files.
    ``smoke_test``: report the first window and what the build carries (with these
    further checks), then leave."""
    app, store, language = make_application()
    if smoke_test is not None:
        smoke.watch(app, smoke_test)

    embedded = callable(target)
    url = _start_embedded(app, target) if callable(target) else target
    folder = replicas or Path(QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.AppLocalDataLocation)) / "replicas"

    def make_client(service: str, user: str) -> SyncClient:
        # Embedded, the service runs on a new port each start: one replica per login.
        where = "embedded" if embedded else service
        return SyncClient(service, replica=private(replica_file(folder, where, user)),
                          outbox=True)

    client: SyncClient | None = None
    if embedded:
        # The embedded demo lands the operator signed in as the demo operator.
        who, password = login or DEMO_LOGIN
        client = make_client(url, who)
        _off_gui(lambda: client.login(who, password))
    else:
        client = kept_session(url, str(store.value("login", "")), folder)
        if client is None:
            dialog = LoginDialog(embedded_url=None, server_url=url,
                                 login=str(store.value("login", "")),
                                 client_factory=make_client)
            if dialog.exec() != LoginDialog.DialogCode.Accepted or dialog.client is None:
                return 0 if smoke.reported() else 1
            client = dialog.client
            store.setValue("login", dialog.login.text().strip())
    catalog = CatalogView.from_wire(_off_gui(client.catalog), language)  # type: ignore[arg-type]
    if (client.user or {}).get("role") == "duty_service":
        return _run_duty_console(app, client, catalog, store)
    bridge = SyncBridge(client)
    windows = ConsoleWindows(bridge, catalog, store,
                             basemap=_off_gui(client.basemap))  # type: ignore[arg-type]
    window = windows.window

    def on_state(state: str, _message: str) -> None:
        if state == StreamState.SIGNED_OUT:
            window = windows.window  # the one standing now (a language change rebuilds it)
            again = LoginDialog(embedded_url=None, server_url=client.http.base_url,
                                login=(client.user or {}).get("login", ""),
                                notice=window.tr("Your session has expired. Sign in again."),
                                existing=client, parent=window)
            if again.exec() == LoginDialog.DialogCode.Accepted:
                client.start()

    bridge.state_changed.connect(on_state)
    client.start()
    screen = app.primaryScreen()
    if screen is not None:  # where no window manager maximizes, fill the screen ourselves
        window.setGeometry(screen.availableGeometry())
    window.showMaximized()
    try:
        return app.exec()
    finally:
        client.close()
