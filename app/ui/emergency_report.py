"""The report to the regional crisis centre: the draft the service makes from the incident,
read-only, with the officer's figures and words, who took it and how it went; Send records
it as sent. The reports already sent are listed beneath."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain.emergencies import ADDITIONS
from app.sync import ApiError, SyncClient
from app.sync.client import new_mutation_id
from app.ui import emergency_calls as calls
from app.ui import timefmt
from app.ui.emergency_words import (
    COLOUR,
    MARK,
    OVERDUE_COLOUR,
    explain,
    kind_word,
    level_word,
    span,
    when,
)
from app.ui.shortcuts import add_help
from app.ui.tasks import run_task
from app.ui.text_size import set_style

FIGURES = ("dead", "injured", "evacuated", "affected")
ERROR_STYLE = "color: #b71c1c; font-weight: bold;"


COPY_KEYS = "Ctrl+Shift+C"
SEND_KEYS = "Ctrl+Return"


class ReportDialog(QDialog):
    sent = Signal(dict)  # the report as recorded

    def __init__(self, client: SyncClient, incident_id: int, *,
                 now: Callable[[], datetime] = lambda: datetime.now(UTC),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        add_help(self)  # F1: this window's keys
        self.setObjectName("emergencyReport")
        self.client = client
        self.incident_id = incident_id
        self.now = now
        self.mutation_id = new_mutation_id()
        self.data: dict[str, Any] | None = None
        inc = client.store.get("incident", incident_id) or {}
        self.setWindowTitle(self.tr("Emergency report — %1").replace(
            "%1", inc.get("number") or str(incident_id)))

        self.heading = QLabel(self.tr("Loading the draft…"))
        self.heading.setObjectName("reportHeading")
        self.heading.setWordWrap(True)
        set_style(self.heading, f"color: {COLOUR}; font-size: 12pt; font-weight: bold;")
        # Read-only, wrapped, and selectable: the officer reads it out or copies it.
        self.draft = QTextBrowser()
        self.draft.setObjectName("reportDraft")
        self.draft.setMinimumHeight(360)
        self.rows: list[tuple[str, str, str]] = []  # (section, label, value) as drawn

        self.figures: dict[str, QSpinBox] = {}
        figures = QGroupBox(self.tr("Consequences, people (as far as known)"))
        grid = QGridLayout(figures)
        names = {"dead": self.tr("Dead"), "injured": self.tr("Injured"),
                 "evacuated": self.tr("Evacuated"),
                 "affected": self.tr("Living conditions disrupted")}
        for n, key in enumerate(FIGURES):
            box = QSpinBox()
            box.setObjectName(f"figure_{key}")
            box.setRange(-1, 10_000_000)
            box.setSpecialValueText(self.tr("not known"))  # shown at -1
            box.setValue(-1)
            box.valueChanged.connect(self._preview)
            self.figures[key] = box
            grid.addWidget(QLabel(names[key] + ":"), n // 2, (n % 2) * 2)
            grid.addWidget(box, n // 2, (n % 2) * 2 + 1)
        self.additions = QPlainTextEdit()
        self.additions.setObjectName("reportAdditions")
        self.additions.setPlaceholderText(self.tr("anything the draft does not say"))
        self.additions.setMaximumHeight(70)
        self.additions.textChanged.connect(self._preview)
        self.channel = QComboBox()
        self.channel.setObjectName("reportChannel")
        self.channel.setEditable(True)
        self.channel.addItems([self.tr("phone"), self.tr("fax"), self.tr("e-mail"),
                               self.tr("the ministry's system")])
        self.accepted_by = QLineEdit()
        self.accepted_by.setObjectName("reportAcceptedBy")
        self.accepted_by.setPlaceholderText(self.tr("name and post of the crisis-centre "
                                                    "officer"))
        self.accepted_by.textChanged.connect(self._enable)
        sending = QFormLayout()
        sending.addRow(self.tr("Additions:"), self.additions)
        sending.addRow(self.tr("Sent by:"), self.channel)
        sending.addRow(self.tr("Accepted by:"), self.accepted_by)

        self.history = QListWidget()
        self.history.setObjectName("reportsSent")
        self.history.setMaximumHeight(70)
        self.error = QLabel()
        self.error.setObjectName("reportError")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = self.buttons.addButton(self.tr("Copy text"),
                                                  QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.setToolTip(self.tr("Copy the report as text, to send it by e-mail "
                                            "or the ministry's system"))
        self.copy_button.setShortcut(QKeySequence(COPY_KEYS))
        self.copy_button.clicked.connect(self.copy)
        self.send_button = self.buttons.addButton(self.tr("Send"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.send_button.setObjectName("reportSend")
        self.send_button.setToolTip(self.tr("Record the report as sent to the crisis centre"))
        self.send_button.setShortcut(QKeySequence(SEND_KEYS))
        self.send_button.setEnabled(False)
        self.buttons.accepted.connect(self.send)
        self.buttons.rejected.connect(self.reject)

        box = QVBoxLayout(self)
        box.addWidget(self.heading)
        box.addWidget(self.draft, 1)
        box.addWidget(figures)
        box.addLayout(sending)
        box.addWidget(QLabel(self.tr("Reports sent:")))
        box.addWidget(self.history)
        box.addWidget(self.error)
        box.addWidget(self.buttons)
        self.resize(760, 820)
        self.clock = QTimer(self)  # the heading's countdown runs on while the dialog is open
        self.clock.timeout.connect(self._heading)
        self.clock.start(1000)
        self.load()

    # -- the draft -----------------------------------------------------------------------

    def load(self) -> None:
        incident_id = self.incident_id
        run_task(lambda: calls.reports(self.client, incident_id), self._show, self._failed,
                 owner=self)

    def _show(self, data: dict[str, Any]) -> None:
        self.data = data
        current = [r for r in data["reports"] if r["declared_at"] == data.get("declared_at")]
        if current:  # the figures go on from the last report; the officer corrects them
            for key, value in current[-1]["consequences"].items():
                if key in self.figures:
                    self.figures[key].setValue(-1 if value is None else value)
        self.history.clear()
        if not data["reports"]:
            self.history.addItem(self.tr("None yet."))
        for r in data["reports"]:
            self.history.addItem(self.tr("No. %1, %2: sent %3 by %4, accepted by %5 (%6)")
                                 .replace("%1", str(r["number"]))
                                 .replace("%2", kind_word(r["kind"]))
                                 .replace("%3", timefmt.city_time(r["sent_at"]))
                                 .replace("%4", r["sent_by_name"])
                                 .replace("%5", r["accepted_by"])
                                 .replace("%6", r["channel"]))
        self._heading()
        self._preview()
        self._enable()

    def _heading(self) -> None:
        if self.data is None:
            return
        data = self.data
        due = data.get("due")
        level = level_word(data.get("level"))
        if due is None:
            self.heading.setText(f"{MARK} " + self.tr("Emergency (%1): no report is due.")
                                 .replace("%1", level))
            return
        deadline = when(due["due_at"])
        assert deadline is not None
        left = (deadline - self.now()).total_seconds()
        timing = (self.tr("overdue by %1").replace("%1", span(-left)) if left < 0 else
                  self.tr("in %1").replace("%1", span(left)))
        self.heading.setText(
            f"{MARK} " + self.tr("Emergency (%1): %2 No. %3 due by %4 — %5")
            .replace("%1", level).replace("%2", kind_word(due["kind"]))
            .replace("%3", str(due["number"])).replace("%4", timefmt.city_time(due["due_at"]))
            .replace("%5", timing))
        set_style(
            self.heading, f"color: {OVERDUE_COLOUR if left < 0 else COLOUR}; font-size: 12pt; "
            "font-weight: bold;")

    def consequences(self) -> dict[str, int | None]:
        return {k: (None if b.value() < 0 else b.value()) for k, b in self.figures.items()}

    def _preview(self) -> None:
        """The draft as it will be sent: the figures and additions typed here drawn into
        the service's sections (the service makes the same sections when it records it)."""
        draft = (self.data or {}).get("draft") or []
        figures = self.consequences()
        additions = self.additions.toPlainText().strip()
        self.rows = []
        for section in draft:
            if section["key"] == "reporter" and additions:
                # Where and as the service puts the officer's words (the report's language).
                self.rows.append((ADDITIONS[1], ADDITIONS[3], additions))
            for f in section["fields"]:
                value = f["value"]
                if section["key"] == "consequences" and figures.get(f["key"]) is not None:
                    value = str(figures[f["key"]])
                self.rows.append((section["title"], f["label"], value))
        scroll = self.draft.verticalScrollBar().value()  # typing must not jump to the top
        self.draft.setHtml(self._html())
        self.draft.verticalScrollBar().setValue(scroll)

    def _html(self) -> str:
        out, title = ['<table cellspacing="0" cellpadding="2" width="100%">'], None
        for section, label, value in self.rows:
            if section != title:
                title = section
                out.append(f'<tr><td colspan="2" style="padding-top: 6px;"><b>'
                           f"{html.escape(section)}</b></td></tr>")
            out.append(f'<tr><td width="38%" style="color: #555;">{html.escape(label)}</td>'
                       f"<td>{html.escape(value)}</td></tr>")
        out.append("</table>")
        return "".join(out)

    def text(self) -> str:
        """The report as plain text, section by section."""
        lines, title = [], None
        for section, label, value in self.rows:
            if section != title:
                title = section
                lines.append(f"{section}:" if not lines else f"\n{section}:")
            lines.append(f"  {label}: {value}")
        return "\n".join(lines)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text())

    def _enable(self) -> None:
        due = (self.data or {}).get("due")
        self.send_button.setEnabled(due is not None and bool(self.accepted_by.text().strip()))

    # -- sending -------------------------------------------------------------------------

    def send(self) -> None:
        due = (self.data or {}).get("due")
        if due is None:
            return
        self.send_button.setEnabled(False)
        self.error.setStyleSheet("")
        self.error.setText(self.tr("Sending…"))
        args = dict(kind=due["kind"], consequences=self.consequences(),
                    additions=self.additions.toPlainText().strip(),
                    channel=self.channel.currentText().strip(),
                    accepted_by=self.accepted_by.text().strip(),
                    mutation_id=self.mutation_id)
        incident_id = self.incident_id
        run_task(lambda: calls.send_report(self.client, incident_id, **args),
                 self._sent, self._failed, owner=self)

    def _sent(self, report: dict[str, Any]) -> None:
        self.sent.emit(report)
        self.accept()

    def _failed(self, error: Exception) -> None:
        if isinstance(error, ApiError) and error.code == "report_out_of_order":
            self.load()  # someone else sent it meanwhile: show what is due now
        self._enable()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setText(explain(error))
