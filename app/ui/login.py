"""Sign-in: the embedded service or a central one, login and password. Each way it can fail
gets its own sentence; nothing typed is cleared by a failure."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.sync import ApiError, Offline, SessionExpired, SyncClient
from app.ui.tasks import run_task

ClientFactory = Callable[[str, str], SyncClient]  # (service URL, login)


class LoginDialog(QDialog):
    signed_in = Signal(object)  # the SyncClient, signed in

    def __init__(self, *, embedded_url: str | None, server_url: str = "",
                 login: str = "", notice: str = "",
                 client_factory: ClientFactory = lambda url, _login: SyncClient(url),
                 existing: SyncClient | None = None,
                 parent: QWidget | None = None) -> None:
        """``existing``: a client whose session ended, to sign in again (its replica and
        outbox stay as they are)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign in — city dispatch"))
        self.embedded_url = embedded_url
        self.client_factory = client_factory
        self.existing = existing
        self.client: SyncClient | None = None

        self.embedded = QRadioButton(self.tr("&Embedded service on this computer"))
        self.central = QRadioButton(self.tr("&Central service:"))
        self.url = QLineEdit(server_url)
        self.url.setPlaceholderText("http://dispatch.city.local:8700")
        self.login = QLineEdit(login)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel(notice)
        self.error.setObjectName("loginError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b71c1c;")
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.embedded.setEnabled(embedded_url is not None)
        (self.embedded if embedded_url and not server_url else self.central).setChecked(True)
        self.url.setEnabled(self.central.isChecked())
        self.central.toggled.connect(self.url.setEnabled)

        form = QFormLayout()
        form.addRow(self.embedded)
        form.addRow(self.central, self.url)
        form.addRow(self.tr("&Login:"), self.login)
        form.addRow(self.tr("&Password:"), self.password)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        (self.password if login else self.login).setFocus()

    def target_url(self) -> str:
        if self.embedded.isChecked() and self.embedded_url:
            return self.embedded_url
        return self.url.text().strip()

    def submit(self) -> None:
        url, login, password = self.target_url(), self.login.text().strip(), self.password.text()
        if not url:
            self.show_error(self.tr("Enter the address of the central service."))
            return
        if not login or not password:
            self.show_error(self.tr("Enter your login and password."))
            return
        self.buttons.setEnabled(False)
        self.error.setText(self.tr("Signing in…"))

        def work() -> SyncClient:
            client = self.existing or self.client_factory(url, login)
            try:
                client.login(login, password)
            except Exception:
                if client is not self.existing:
                    client.close()
                raise
            return client

        run_task(work, self._done, self._failed, owner=self)

    def _done(self, client: SyncClient) -> None:
        self.client = client
        self.buttons.setEnabled(True)
        self.signed_in.emit(client)
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.buttons.setEnabled(True)
        self.show_error(self.explain(error))
        self.password.selectAll()
        self.password.setFocus()

    def explain(self, error: Exception) -> str:
        if isinstance(error, Offline):
            return self.tr("The service at %s cannot be reached. Check the address and the "
                           "network, or choose the embedded service.") % error.url
        if isinstance(error, SessionExpired):
            return self.tr("Your session has expired. Sign in again.")
        if isinstance(error, ApiError):
            if error.status == 401:
                return self.tr("Wrong login or password.")
            if error.status == 429:
                wait = error.params.get("retry_after", "")
                return self.tr("Too many failed attempts. Try again in %s s.") % wait
            return error.message
        return self.tr("Signing in failed: %s") % error

    def show_error(self, text: str) -> None:
        self.error.setText(text)
