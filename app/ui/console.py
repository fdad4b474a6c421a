"""Starting the console: the application, its language, sign-in, the main window."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEventLoop, QMetaObject, QSettings, Qt
from PySide6.QtWidgets import QApplication, QLabel

from app.maps.tiles import register_scheme
from app.sync import SyncClient
from app.sync.stream import StreamState
from app.ui.bridge import SyncBridge
from app.ui.catalog_view import CatalogView
from app.ui.i18n import install_translator
from app.ui.login import LoginDialog
from app.ui.main_window import MainWindow

DEMO_LOGIN = ("operator", "demo-2018")


def settings() -> QSettings:
    return QSettings("city-dispatch", "console")


def _start_embedded(app: QApplication, start: Callable[[], str]) -> str:
    """Start the embedded service off the GUI thread (the first start builds the demo city,
    some seconds of work) with a window saying so."""
    notice = QLabel(QCoreApplication.translate(
        "Console", "Preparing the embedded service and the demo city…"))
    notice.setWindowTitle(QCoreApplication.translate("Console", "City dispatch"))
    notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
    notice.setMinimumSize(520, 160)
    notice.setStyleSheet("font-size: 14pt; padding: 24px;")
    notice.show()
    result: dict[str, object] = {}
    loop = QEventLoop()

    def work() -> None:
        try:
            result["url"] = start()
        except Exception as e:  # shown to the person who started the console
            result["error"] = e
        # Queued to the GUI thread: it quits the loop even if it has not started yet.
        QMetaObject.invokeMethod(loop, "quit", Qt.ConnectionType.QueuedConnection)

    worker = threading.Thread(target=work, name="embedded-start", daemon=True)
    worker.start()
    loop.exec()
    worker.join()
    notice.close()
    if "error" in result:
        raise result["error"]  # type: ignore[misc]
    return str(result["url"])


def run_console(target: str | Callable[[], str], *,
                login: tuple[str, str] | None = None) -> int:
    """``target``: a central service's URL, or a function that starts the embedded one and
    returns its URL."""
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

    embedded = callable(target)
    url = _start_embedded(app, target) if callable(target) else target
    client: SyncClient | None = None
    if embedded:
        # The embedded demo lands the operator signed in as the demo operator.
        client = SyncClient(url)
        client.login(*(login or DEMO_LOGIN))
    else:
        dialog = LoginDialog(embedded_url=None, server_url=url,
                             login=str(store.value("login", "")))
        if dialog.exec() != LoginDialog.DialogCode.Accepted or dialog.client is None:
            return 1
        client = dialog.client
        store.setValue("login", dialog.login.text().strip())
    catalog = CatalogView.from_wire(client.catalog(), language)
    bridge = SyncBridge(client)
    window = MainWindow(bridge, catalog, store, basemap=client.basemap())

    def on_state(state: str, _message: str) -> None:
        if state == StreamState.SIGNED_OUT:
            again = LoginDialog(embedded_url=None, server_url=client.http.base_url,
                                login=(client.user or {}).get("login", ""),
                                notice=window.tr("Your session has expired. Sign in again."),
                                client_factory=lambda _url: client, parent=window)
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
