"""View → "Export journal…": the change log of a date range (at most 31 days) saved as the
service's CSV. The file is fetched off the GUI thread and written as it arrives."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QDateTime, Qt, QTimeZone, Signal
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.timezone import to_city
from app.sync import ApiError, Offline
from app.sync.download import download
from app.ui.bridge import SyncBridge
from app.ui.shortcuts import add_help
from app.ui.tasks import run_task

MAX_DAYS = 31
Fetch = Callable[[datetime, datetime, Path], int]


class JournalExportDialog(QDialog):
    saved = Signal(str)
    failed = Signal(str)

    def __init__(self, fetch: Fetch, now: Callable[[], datetime], *,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        add_help(self)  # F1: this window's keys
        self.setObjectName("journalExport")
        self.setWindowTitle(self.tr("Export the journal"))
        self.fetch = fetch
        self.start_edit, self.end_edit = QDateTimeEdit(), QDateTimeEdit()
        midnight = to_city(now()).replace(hour=0, minute=0, second=0, microsecond=0)
        for edit, t in ((self.start_edit, midnight), (self.end_edit, midnight + timedelta(1))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy HH:mm")
            edit.setTimeZone(QTimeZone(b"Asia/Novokuznetsk"))
            edit.setDateTime(QDateTime.fromSecsSinceEpoch(int(t.timestamp()), edit.timeZone()))
        form = QFormLayout()
        form.addRow(self.tr("From (city time):"), self.start_edit)
        form.addRow(self.tr("To, not included:"), self.end_edit)
        note = QLabel(self.tr(
            "Every change the service recorded in the period, in order, with who made it and "
            "its link in the journal's hash chain; at most %1 days. Callers appear by id "
            "only.").replace("%1", str(MAX_DAYS)))
        note.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("journalStatus")
        self.status.setWordWrap(True)
        self.save_button = QPushButton(self.tr("&Save as CSV…"))
        self.save_button.clicked.connect(self._ask_file)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.resize(520, 220)

    def period(self) -> tuple[datetime, datetime]:
        # From the instant, not toPython(): that gives the edit's wall clock without its
        # zone, which astimezone() would then read in the workstation's own zone.
        return tuple(datetime.fromtimestamp(e.dateTime().toSecsSinceEpoch(), UTC)
                     for e in (self.start_edit, self.end_edit))  # type: ignore[return-value]

    def _ask_file(self) -> None:
        start, end = self.period()
        suggested = f"journal-{to_city(start):%Y%m%d-%H%M}-{to_city(end):%Y%m%d-%H%M}.csv"
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export the journal"), suggested,
                                              self.tr("CSV (*.csv)"))
        if name:
            self.save_to(Path(name))

    def save_to(self, path: Path) -> None:
        start, end = self.period()
        if end <= start or end - start > timedelta(days=MAX_DAYS):
            self._failed(self.tr("Choose a period that ends after it starts and spans at most "
                                 "%1 days.").replace("%1", str(MAX_DAYS)))
            return
        self.save_button.setEnabled(False)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Exporting…"))
        run_task(lambda: self.fetch(start, end, path), lambda size: self._saved(path, size),
                 lambda e: self._failed(self._explain(e)), owner=self)

    def _saved(self, path: Path, size: int) -> None:
        self.save_button.setEnabled(True)
        self.status.setText(self.tr("Saved to %1 (%2 KB)").replace("%1", str(path)).replace(
            "%2", str(max(1, size // 1024))))
        self.saved.emit(str(path))

    def _explain(self, error: Exception) -> str:
        if isinstance(error, Offline):
            return self.tr("The service cannot be reached; try again.")
        if isinstance(error, ApiError):
            return error.message
        if isinstance(error, OSError):
            return self.tr("Could not write the file: %1").replace(
                "%1", error.strerror or str(error))
        return str(error)

    def _failed(self, message: str) -> None:
        self.save_button.setEnabled(True)
        self.status.setStyleSheet("color: #b71c1c;")
        self.status.setText(message)
        self.failed.emit(message)


def open_journal_export(bridge: SyncBridge, *, parent: QWidget | None = None
                        ) -> JournalExportDialog:
    client = bridge.client

    def fetch(start: datetime, end: datetime, path: Path) -> int:
        return download(client.http, "/journal",
                        {"start": start.isoformat(), "end": end.isoformat()}, path)

    dialog = JournalExportDialog(fetch, client.server_now, parent=parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
