"""Sign-in: each way of failing has its own sentence, and nothing typed is cleared."""

from __future__ import annotations

import shutil
import time

from PySide6.QtCore import Qt

from app.server.app import create_app
from app.server.embedded import ServiceThread, free_port
from app.services.demo import DEMO_PASSWORD
from app.sync import SessionExpired, SyncClient
from app.ui.bridge import SyncBridge
from app.ui.live_status import LiveStatusBar
from app.ui.login import LoginDialog
from tests.conftest import fast_settings
from tests.ui.keys import type_text


def dialog_for(qtbot, url: str) -> LoginDialog:
    dialog = LoginDialog(embedded_url=None, server_url=url)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def sign_in(qtbot, dialog: LoginDialog, login: str, password: str) -> None:
    type_text(dialog.login, login)
    type_text(dialog.password, password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)


def test_wrong_password_says_so_and_keeps_the_login(qapp, qtbot, live_service) -> None:
    dialog = dialog_for(qtbot, live_service.url)
    sign_in(qtbot, dialog, "operator", "not-the-password")
    qtbot.waitUntil(lambda: dialog.error.text() == "Wrong login or password.", timeout=10000)
    assert dialog.login.text() == "operator"
    assert dialog.isVisible()


def test_the_right_password_signs_in(qapp, qtbot, live_service) -> None:
    dialog = dialog_for(qtbot, live_service.url)
    with qtbot.waitSignal(dialog.signed_in, timeout=10000) as signed:
        sign_in(qtbot, dialog, "operator", DEMO_PASSWORD)
    client = signed.args[0]
    assert client.user["name"] == "Иванова Анна"
    client.close()


def test_an_unreachable_service_is_named(qapp, qtbot) -> None:
    url = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    dialog = dialog_for(qtbot, url)
    sign_in(qtbot, dialog, "operator", DEMO_PASSWORD)
    qtbot.waitUntil(lambda: "cannot be reached" in dialog.error.text(), timeout=20000)
    assert url in dialog.error.text()
    assert dialog.password.text() == DEMO_PASSWORD


def test_an_expired_session_is_announced_in_the_status_bar(qapp, qtbot, sqlite_template,
                                                            tmp_path) -> None:
    db = tmp_path / "d.db"
    shutil.copy(sqlite_template, db)
    svc = ServiceThread(create_app(fast_settings(f"sqlite:///{db}",
                                                 token_ttl_hours=1.0 / 3600))).start()
    client = SyncClient(svc.url)
    try:
        client.login("operator", DEMO_PASSWORD)
        bridge = SyncBridge(client)
        bar = LiveStatusBar(bridge)
        qtbot.addWidget(bar)
        time.sleep(1.1)  # the one-second session runs out before the console connects
        client.start()
        qtbot.waitUntil(lambda: bar.connection.text() == "Signed out: sign in again",
                        timeout=10000)
        again = LoginDialog(embedded_url=None, server_url=svc.url)
        qtbot.addWidget(again)
        expired = SessionExpired(401, {"code": "session_expired", "message": "expired"})
        assert again.explain(expired) == "Your session has expired. Sign in again."
    finally:
        client.close()
        svc.stop()
