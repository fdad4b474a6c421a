"""Starting the console: the application, its language, sign-in, the main window."""

from __future__ import annotations

import sys

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

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


def run_console(url: str, *, embedded: bool, login: tuple[str, str] | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("city-dispatch")
    store = settings()
    language = str(store.value("language", "ru"))
    install_translator(app, language)

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
    window = MainWindow(bridge, catalog, store)

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
    window.show()
    try:
        return app.exec()
    finally:
        client.close()
