"""The card's emergency line: level, since when, the next report's countdown, and the
buttons for what this user may do about it. The dialogs themselves are the main window's,
so the menu, the shortcuts, the banner and the card open the same ones."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain.emergencies import in_force
from app.ui import timefmt
from app.ui.emergency_words import (
    COLOUR,
    MARK,
    OVERDUE_COLOUR,
    due_text,
    is_late,
    level_word,
)

OFFICER_ROLES = frozenset({"supervisor", "admin"})
DECLARE_KEYS = "Ctrl+Shift+E"
LIFT_KEYS = "Ctrl+Shift+L"
REPORT_KEYS = "Ctrl+Alt+R"


class EmergencyBox(QWidget):
    requested = Signal(str, int)  # "declare", "lift" or "report"; incident id

    def __init__(self, role: str, *, now: Callable[[], datetime] = lambda: datetime.now(UTC),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cardEmergency")
        self.officer = role in OFFICER_ROLES
        self.now = now
        self.incident: dict[str, Any] | None = None
        self.line = QLabel()
        self.line.setObjectName("cardEmergencyLine")
        self.line.setWordWrap(True)
        self.declare = QPushButton(self.tr("Raise to emergency…"))
        self.declare.setObjectName("cardDeclare")
        self.declare.setToolTip(self.tr("Declare an emergency on this incident — %1")
                                .replace("%1", DECLARE_KEYS))
        self.lift = QPushButton(self.tr("Lift emergency…"))
        self.lift.setObjectName("cardLift")
        self.lift.setToolTip(self.tr("Lift the emergency on this incident — %1")
                             .replace("%1", LIFT_KEYS))
        self.report = QPushButton(self.tr("Emergency report…"))
        self.report.setObjectName("cardReport")
        self.report.setToolTip(self.tr("The report to the crisis centre — %1")
                               .replace("%1", REPORT_KEYS))
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(self.line)
        row = QHBoxLayout()
        for button, what in ((self.declare, "declare"), (self.lift, "lift"),
                             (self.report, "report")):
            button.clicked.connect(lambda _c=False, w=what: self._ask(w))
            row.addWidget(button)
        row.addStretch(1)
        box.addLayout(row)

    def _ask(self, what: str) -> None:
        if self.incident is not None:
            self.requested.emit(what, self.incident["id"])

    def show_incident(self, inc: dict[str, Any] | None) -> None:
        self.incident = inc
        level = (inc or {}).get("emergency_level")
        active = in_force(level, (inc or {}).get("emergency_lifted_at"))
        open_ = (inc or {}).get("status") not in ("closed", "cancelled", "merged")
        # A lifted emergency whose final report is still due is not declared again yet.
        final_due = (not active and level is not None
                     and (inc or {}).get("emergency_report_due") is not None)
        self.declare.setText(self.tr("Change emergency level…") if active else
                             self.tr("Raise to emergency…"))
        self.declare.setVisible(self.officer and inc is not None and inc["id"] > 0 and open_
                                and not final_due)
        self.lift.setVisible(self.officer and active)
        self.report.setVisible(level is not None)
        self.tick()

    def tick(self) -> None:
        inc = self.incident
        level = (inc or {}).get("emergency_level")
        if inc is None or level is None:
            self.line.setText(self.tr("No emergency"))
            self.line.setStyleSheet("color: #757575;")
            return
        now = self.now()
        lifted = inc.get("emergency_lifted_at")
        text = (self.tr("%1 %2 since %3") if lifted is None else
                self.tr("%1 %2, lifted at %3")).replace("%1", MARK).replace(
            "%2", level_word(level)).replace(
            "%3", timefmt.city_time(lifted or inc.get("emergency_at")))
        due = due_text(inc, now)
        self.line.setText(f"{text} · {due}" if due else text)
        colour = OVERDUE_COLOUR if is_late(inc, now) else COLOUR
        self.line.setStyleSheet(f"color: {colour}; font-weight: bold;")
