"""The shift handover window (View → "Shift handover…", supervisors and admins): the summary
of the shift due for handover as the service computes it now, the outgoing officer's notes,
"Sign and hand over" for the outgoing supervisor and "Accept and sign" for the incoming one
(each asks the password again), the signed handovers of the room, and their PDF and CSV.

Everything is fetched off the GUI thread; a handover signed elsewhere reaches the window
through the stream (a ``shift_handover`` change) and the list is asked for again."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.domain.timezone import to_city
from app.sync import ApiError, Offline
from app.sync.client import new_mutation_id
from app.sync.http import Http
from app.ui import timefmt
from app.ui.bridge import SyncBridge
from app.ui.catalog_view import CatalogView
from app.ui.shift_handover_document import Document, DocumentMaker
from app.ui.shift_handover_files import write_csv, write_pdf
from app.ui.shift_handover_view import SummaryView
from app.ui.shortcuts import add_help
from app.ui.tasks import run_task

DRAFT = -1  # the list's item for the shift not signed yet
ERROR_STYLE = "color: #b71c1c;"


class HandoverApi:
    """The service's shift-handover routes; called on the thread pool only."""

    def __init__(self, http: Http) -> None:
        self.http = http

    def load(self, room: str | None) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        params = {"room": room} if room else None
        return (self.http.request("GET", "/shift-handovers/draft", params=params),
                self.http.request("GET", "/shift-handovers", params=params))

    def sign_out(self, room: str, notes: str, password: str, mutation_id: str) -> Any:
        return self.http.request("POST", "/shift-handovers", json={
            "mutation_id": mutation_id, "room": room, "notes": notes, "password": password})

    def sign_in(self, handover_id: int, password: str, mutation_id: str) -> Any:
        return self.http.request("POST", f"/shift-handovers/{handover_id}/sign", json={
            "mutation_id": mutation_id, "password": password})


class PasswordDialog(QDialog):
    """The signer's password, asked again: a signature is the person's, not the console's."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("handoverPassword")
        self.setWindowTitle(title)
        label = QLabel(text)
        label.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setObjectName("handoverPasswordField")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.password)
        layout.addWidget(buttons)
        self.resize(420, 150)


class ShiftHandoverWindow(QWidget):
    loaded = Signal()
    signed = Signal(object)  # the handover as the service answered
    failed = Signal(str)

    def __init__(self, api: HandoverApi, catalog: CatalogView, user: dict[str, Any], *,
                 bridge: SyncBridge | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        add_help(self)  # F1: this window's keys
        self.setObjectName("shiftHandoverWindow")
        self.setWindowTitle(self.tr("Shift handover"))
        self.api = api
        self.catalog = catalog
        self.user = user
        self.maker = DocumentMaker(catalog)
        self.draft: dict[str, Any] | None = None
        self.handovers: dict[int, dict[str, Any]] = {}
        self.draft_notes = ""  # typed notes survive a refresh and a refused signature
        self._shown: int | None = None
        self._sign_id = new_mutation_id()  # one signature, however often it is sent
        self._asked = 0

        self.room_box = QComboBox()
        for code in catalog.rooms:
            self.room_box.addItem(catalog.room_name(code), code)
        mine = user.get("room")
        if mine:
            self.room_box.setCurrentIndex(max(0, self.room_box.findData(mine)))
        # A supervisor hands over their own room; an administrator reads any.
        self.room_box.setEnabled(user.get("role") == "admin")
        self.room_box.currentIndexChanged.connect(self.refresh)
        refresh = QPushButton(self.tr("&Refresh"))
        refresh.clicked.connect(self.refresh)
        self.status = QLabel()
        self.status.setObjectName("handoverStatus")
        self.status.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Room:")))
        top.addWidget(self.room_box)
        top.addWidget(refresh)
        top.addWidget(self.status, 1)

        self.list = QListWidget()
        self.list.setObjectName("handoverList")
        self.list.currentItemChanged.connect(lambda item, _old: self._select(item))
        self.view = SummaryView()
        scroll = QScrollArea()
        scroll.setWidget(self.view)
        scroll.setWidgetResizable(True)
        split = QSplitter()
        split.addWidget(self.list)
        split.addWidget(scroll)
        split.setSizes([250, 1050])

        self.sign_button = QPushButton(self.tr("&Sign and hand over…"))
        self.sign_button.setObjectName("handoverSign")
        self.sign_button.clicked.connect(self.ask_sign_out)
        self.accept_button = QPushButton(self.tr("&Accept and sign…"))
        self.accept_button.setObjectName("handoverAccept")
        self.accept_button.clicked.connect(self.ask_sign_in)
        self.pdf_button = QPushButton(self.tr("Export &PDF…"))
        self.pdf_button.clicked.connect(lambda: self._export("pdf"))
        self.csv_button = QPushButton(self.tr("Export &CSV…"))
        self.csv_button.clicked.connect(lambda: self._export("csv"))
        buttons = QHBoxLayout()
        for b in (self.sign_button, self.accept_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        for b in (self.pdf_button, self.csv_button):
            buttons.addWidget(b)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        self.resize(1300, 850)
        self._set_buttons()

        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(300)
        self._soon.timeout.connect(self.refresh)
        if bridge is not None:
            bridge.changes.connect(self._on_changes)
        self.refresh()

    # -- reading -------------------------------------------------------------------------

    @property
    def room(self) -> str | None:
        return self.room_box.currentData()

    def refresh(self) -> None:
        self._asked += 1
        asked, room = self._asked, self.room
        run_task(lambda: self.api.load(room), lambda got: self._loaded(asked, *got),
                 lambda e: self._failed(asked, e), owner=self)

    def _on_changes(self, batch: list[Any]) -> None:
        """A handover signed at another console: ask again (once for a burst)."""
        if any(getattr(c, "entity", None) == "shift_handover" for c in batch):
            self._soon.start()

    def _loaded(self, asked: int, draft: dict[str, Any], items: list[dict[str, Any]]) -> None:
        if asked != self._asked:
            return
        self._keep_notes()
        self.draft = draft
        self.handovers = {h["id"]: h for h in items}
        keep = self._shown
        self.list.blockSignals(True)
        self.list.clear()
        if draft["handover"] is None:
            item = QListWidgetItem(self.tr("Shift %1\nnot signed yet").replace(
                "%1", draft["summary"]["shift"]["label"]))
            item.setData(Qt.ItemDataRole.UserRole, DRAFT)
            self.list.addItem(item)
        for h in items:
            item = QListWidgetItem(self._item_text(h))
            item.setData(Qt.ItemDataRole.UserRole, h["id"])
            self.list.addItem(item)
        self.list.blockSignals(False)
        ids = [self.list.item(r).data(Qt.ItemDataRole.UserRole) for r in range(self.list.count())]
        if keep not in ids:
            keep = DRAFT if DRAFT in ids else (draft["handover"] or {}).get("id")
        if keep in ids:
            self.list.setCurrentRow(ids.index(keep))
        else:
            self._show(None)
        self.loaded.emit()

    def _item_text(self, h: dict[str, Any]) -> str:
        label = h["summary"]["shift"]["label"]
        if h["incoming_id"] is None:
            return self.tr("Shift %1\n%2, waiting for the incoming supervisor").replace(
                "%1", label).replace("%2", h["outgoing_name"])
        return self.tr("Shift %1\n%2 → %3").replace("%1", label).replace(
            "%2", h["outgoing_name"]).replace("%3", h["incoming_name"])

    def _failed(self, asked: int, error: Exception) -> None:
        if asked == self._asked:
            self.show_error(self.explain(error))

    # -- showing -------------------------------------------------------------------------

    def _select(self, item: QListWidgetItem | None) -> None:
        self._keep_notes()
        self._show(item.data(Qt.ItemDataRole.UserRole) if item is not None else None)

    def _keep_notes(self) -> None:
        if self._shown == DRAFT:
            self.draft_notes = self.view.notes.toPlainText()

    def _show(self, key: int | None) -> None:
        self._shown = key
        doc = self.document()
        if doc is not None:
            self.view.show_document(doc, editable=key == DRAFT and self._may_sign_out())
        self._set_buttons()

    def document(self) -> Document | None:
        """What is on screen (and what the files get)."""
        if self._shown == DRAFT and self.draft is not None:
            return self.maker.make(self.draft["summary"], notes=self.draft_notes)
        shown = self.selected()
        if shown is not None:
            return self.maker.make(shown["summary"], handover=shown)
        return None

    def selected(self) -> dict[str, Any] | None:
        """The signed handover on screen, if it is one."""
        return self.handovers.get(self._shown) if self._shown not in (None, DRAFT) else None

    def _may_sign_out(self) -> bool:
        return (self.user.get("role") == "supervisor" and self.user.get("room") == self.room
                and self.draft is not None and self.draft["handover"] is None)

    def _may_sign_in(self) -> bool:
        h = self.selected()
        return (h is not None and h["incoming_id"] is None
                and self.user.get("role") == "supervisor" and self.user.get("room") == h["room"]
                and self.user.get("id") != h["outgoing_id"])

    def _set_buttons(self) -> None:
        self.sign_button.setEnabled(self._shown == DRAFT and self._may_sign_out())
        self.accept_button.setEnabled(self._may_sign_in())
        signed = self.selected() is not None
        self.pdf_button.setEnabled(signed)
        self.csv_button.setEnabled(signed)
        h = self.selected()
        if h is not None and h["incoming_id"] is None and h["outgoing_id"] == self.user.get("id"):
            self.accept_button.setToolTip(self.tr(
                "You handed this shift over; the incoming supervisor accepts it."))
        else:
            self.accept_button.setToolTip("")

    # -- signing -------------------------------------------------------------------------

    def ask_sign_out(self) -> PasswordDialog | None:
        if self.draft is None or not self._may_sign_out():
            return None
        self._keep_notes()
        label = self.draft["summary"]["shift"]["label"]
        dialog = PasswordDialog(self.tr("Sign and hand over"), self.tr(
            "You sign the handover of shift %1 as the outgoing supervisor. The summary is "
            "frozen as it stands at this moment. Your password:").replace("%1", label), self)
        dialog.accepted.connect(lambda: self.sign_out(dialog.password.text()))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def sign_out(self, password: str) -> None:
        room, notes, mid = self.room or "", self.draft_notes.strip(), self._sign_id
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Signing…"))
        run_task(lambda: self.api.sign_out(room, notes, password, mid),
                 self._signed, self._sign_failed, owner=self)

    def ask_sign_in(self) -> PasswordDialog | None:
        h = self.selected()
        if h is None or not self._may_sign_in():
            return None
        dialog = PasswordDialog(self.tr("Accept and sign"), self.tr(
            "You accept shift %1 from %2 as the incoming supervisor; the incidents they list "
            "as worked pass to you if their operators still hold them. Your password:").replace(
            "%1", h["summary"]["shift"]["label"]).replace("%2", h["outgoing_name"]), self)
        handover_id = h["id"]
        dialog.accepted.connect(lambda: self.sign_in(handover_id, dialog.password.text()))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def sign_in(self, handover_id: int, password: str) -> None:
        mid = self._sign_id
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Signing…"))
        run_task(lambda: self.api.sign_in(handover_id, password, mid),
                 self._signed, self._sign_failed, owner=self)

    def _signed(self, handover: dict[str, Any]) -> None:
        self._sign_id = new_mutation_id()
        self.handovers[handover["id"]] = handover
        if handover.get("incoming_id") is None:
            self.draft_notes = ""
            self.status.setText(self.tr("Shift %1 handed over at %2.").replace(
                "%1", handover["summary"]["shift"]["label"]).replace(
                "%2", timefmt.city_time(handover["outgoing_signed_at"])))
        else:
            passed = handover.get("claims_passed") or []
            self.status.setText(self.tr(
                "Shift accepted. Incidents passed to you: %1.").replace(
                "%1", ", ".join(p["number"] for p in passed) or self.tr("none")))
        self._shown = handover["id"]
        self.signed.emit(handover)
        self.refresh()

    def _sign_failed(self, error: Exception) -> None:
        # The notes stay as typed: nothing was signed, and they are the officer's work.
        self.show_error(self.explain(error))
        self.failed.emit(self.status.text())

    def explain(self, error: Exception) -> str:
        if isinstance(error, Offline):
            return self.tr("The service cannot be reached; nothing was signed. Try again.")
        if isinstance(error, ApiError):
            if error.code == "wrong_password":
                return self.tr("The password is wrong; nothing was signed.")
            return error.message
        return str(error)

    def show_error(self, text: str) -> None:
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(text)

    # -- files ---------------------------------------------------------------------------

    def _file_words(self) -> tuple[str, str]:
        return self.tr("Notes for the next shift"), self.tr("Content hash (sha256)")

    def export_csv(self, path: Path) -> None:
        doc = self.document()
        assert doc is not None and self.selected() is not None
        write_csv(path, doc, *self._file_words())

    def export_pdf(self, path: Path) -> None:
        doc = self.document()
        assert doc is not None and self.selected() is not None
        write_pdf(path, doc, *self._file_words())

    def _export(self, kind: str) -> None:
        h = self.selected()
        if h is None:
            return
        start = to_city(datetime.fromisoformat(h["summary"]["shift"]["start"]))
        suggested = f"handover-{h['room']}-{start:%Y%m%d-%H%M}.{kind}"
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the handover"), suggested,
            self.tr("PDF (*.pdf)") if kind == "pdf" else self.tr("CSV (*.csv)"))
        if not name:
            return
        write: Callable[[Path], None] = self.export_pdf if kind == "pdf" else self.export_csv
        try:
            write(Path(name))
        except OSError as e:
            self.show_error(self.tr("Could not write %1: %2").replace("%1", name).replace(
                "%2", e.strerror or str(e)))
            return
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Saved to %1").replace("%1", name))


def open_shift_handover_window(bridge: SyncBridge, catalog: CatalogView, *,
                               parent: QWidget | None = None) -> ShiftHandoverWindow:
    client = bridge.client
    window = ShiftHandoverWindow(HandoverApi(client.http), catalog, client.user or {},
                                 bridge=bridge, parent=parent)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.show()
    return window
