"""The changes the service refused after the console had moved on (made offline, sent
later): each one shown with why, to be sent again on the incident as it is now, or dropped.
Nothing here is decided for the operator."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.sync import SyncClient
from app.sync.outbox import Entry
from app.ui import timefmt
from app.ui.shortcuts import add_help
from app.ui.tasks import run_task
from app.ui.words import ACTION, word

KINDS = {
    "register": QT_TRANSLATE_NOOP("Conflicts", "register the incident"),
    "update": QT_TRANSLATE_NOOP("Conflicts", "edit the incident"),
    "claim": QT_TRANSLATE_NOOP("Conflicts", "take the incident"),
    "release": QT_TRANSLATE_NOOP("Conflicts", "release the incident"),
    "hand_over": QT_TRANSLATE_NOOP("Conflicts", "hand over to a duty service"),
    "stage": QT_TRANSLATE_NOOP("Conflicts", "report a hand-over stage"),
    "note": QT_TRANSLATE_NOOP("Conflicts", "add a note"),
    "caller": QT_TRANSLATE_NOOP("Conflicts", "add a caller"),
}

# The fields an edit can change, named as the card names them.
FIELDS = {
    "type_code": QT_TRANSLATE_NOOP("Conflicts", "type"),
    "priority": QT_TRANSLATE_NOOP("Conflicts", "priority"),
    "address": QT_TRANSLATE_NOOP("Conflicts", "address"),
    "description": QT_TRANSLATE_NOOP("Conflicts", "description"),
}


def field_word(name: str) -> str:
    text = FIELDS.get(name)
    return QCoreApplication.translate("Conflicts", text) if text else name


def word_of(kind: str) -> str:
    text = KINDS.get(kind)
    return QCoreApplication.translate("Conflicts", text) if text else kind


class ConflictsDialog(QDialog):
    open_incident = Signal(int)

    def __init__(self, client: SyncClient, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        add_help(self)  # F1: this window's keys
        self.setObjectName("conflicts")
        self.client = client
        self.setWindowTitle(self.tr("Changes the service refused"))
        self.resize(980, 420)
        intro = QLabel(self.tr(
            "These changes were made while the service could not be reached, and the service "
            "refused them when they arrived — usually because someone else changed the "
            "incident meanwhile. Check the incident, then send the change again on its "
            "current state, or drop it."))
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Made at"), self.tr("Incident"),
                                              self.tr("Change"), self.tr("Why it was refused")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.doubleClicked.connect(self._open)
        self.resend_button = QPushButton(self.tr("&Send again"))
        self.resend_button.setShortcut(QKeySequence("Ctrl+Return"))
        self.resend_button.setToolTip(self.tr("Send it again on the incident as it is now — "
                                              "Ctrl+Enter"))
        self.resend_button.clicked.connect(self.resend)
        self.discard_button = QPushButton(self.tr("&Drop it"))
        self.discard_button.setShortcut(QKeySequence("Ctrl+Delete"))
        self.discard_button.setToolTip(self.tr("Drop this change — Ctrl+Delete"))
        self.discard_button.clicked.connect(self.discard)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.resend_button)
        buttons.addWidget(self.discard_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.entries: list[Entry] = []
        self.reload()

    def reload(self) -> None:
        self.entries = self.client.conflicts()
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            cells = (timefmt.city_time(entry.recorded_at, seconds=True), self._incident(entry),
                     self._what(entry), (entry.error or {}).get("message", ""))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, col, item)
        for col in range(3):
            self.table.resizeColumnToContents(col)
        self.table.resizeRowsToContents()
        if self.entries:
            self.table.selectRow(0)
        has = bool(self.entries)
        self.resend_button.setEnabled(has)
        self.discard_button.setEnabled(has)

    def _incident(self, entry: Entry) -> str:
        if entry.kind == "register":
            return entry.body.get("description", "")[:60]
        inc = (self.client.store.get("incident", entry.incident_id)
               if entry.incident_id is not None else None)
        return inc["number"] if inc else "—"

    def _what(self, entry: Entry) -> str:
        if entry.kind == "act":
            return word(ACTION, entry.body.get("action", ""))
        what = word_of(entry.kind)
        if entry.kind == "update":
            return f"{what}: " + ", ".join(field_word(k) for k in entry.body
                                           if k != "base_version")
        if entry.kind == "note":
            return f"{what}: {entry.body.get('text', '')[:80]}"
        return what

    def selected(self) -> Entry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.entries[rows[0].row()] if rows else None

    def resend(self) -> None:
        entry = self.selected()
        if entry is not None:
            run_task(lambda: self.client.resend(entry.id), lambda _r: self.reload(),
                     owner=self)

    def discard(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        sure = QMessageBox.question(
            self, self.tr("Drop the change"),
            self.tr("Drop “%1”? It will not be sent, and the incident stays as the service "
                    "has it.").replace("%1", self._what(entry)))
        if sure == QMessageBox.StandardButton.Yes:
            run_task(lambda: self.client.discard(entry.id), lambda _r: self.reload(),
                     owner=self)

    def _open(self) -> None:
        entry = self.selected()
        if entry is not None and entry.incident_id is not None and entry.incident_id > 0:
            self.open_incident.emit(entry.incident_id)

    def keyPressEvent(self, event: Any) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self._open()
            return
        super().keyPressEvent(event)
