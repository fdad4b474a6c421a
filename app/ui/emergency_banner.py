"""The banner across the top of the console while an emergency is in view: each one's
number, level and the countdown to its next report, on the service's clock. Red, and the
``overdue`` sound once, when a report is late; a click opens the report dialog."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from app.sync.store import Applied, ReplicaStore
from app.ui.emergency_words import (
    COLOUR,
    MARK,
    OVERDUE_COLOUR,
    due_text,
    is_late,
    is_pinned,
    level_word,
    when,
)
from app.ui.sound import SoundEvents
from app.ui.text_size import set_style

MAX_ROWS = 3  # more than three at once: the last row says how many more


def _style(background: str) -> str:
    return (f"QPushButton {{ background: {background}; color: white; font-weight: bold; "
            "font-size: 11pt; text-align: left; padding: 5px 10px; border: none; }")


class EmergencyBanner(QWidget):
    open_report = Signal(int)  # incident id
    shown_changed = Signal(bool)

    def __init__(self, store: ReplicaStore, sounds: SoundEvents, *,
                 now: Callable[[], datetime] = lambda: datetime.now(UTC),
                 tick_ms: int = 1000, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emergencyBanner")
        self.store = store
        self.sounds = sounds
        self.now = now
        self._pinned: set[int] = set()
        # (incident, deadline) pairs already sounded: each late report sounds once.
        self._sounded: set[tuple[int, str]] = set()
        self.rows: list[QPushButton] = []
        self.active = False  # any emergency shown
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(1)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.refresh)
        if tick_ms:  # tests move the clock themselves
            self.timer.start(tick_ms)
        self.reload()

    def reload(self) -> None:
        self._pinned = {i["id"] for i in self.store.incidents() if i["id"] > 0 and is_pinned(i)}
        self.refresh()

    def apply(self, batch: list[Applied]) -> None:
        for change in batch:
            if change.entity != "incident":
                continue
            inc = self.store.data["incident"].get(change.entity_id)
            if inc is not None and change.entity_id > 0 and is_pinned(inc):
                self._pinned.add(change.entity_id)
            else:
                self._pinned.discard(change.entity_id)
        self.refresh()

    def emergencies(self) -> list[dict[str, Any]]:
        """Most urgent first: the earliest deadline, then by number."""
        rows = [r for i in self._pinned if (r := self.store.data["incident"].get(i))]
        far = datetime.max.replace(tzinfo=UTC)
        return sorted(rows, key=lambda r: (when(r.get("emergency_report_due")) or far,
                                           r["number"]))

    def text_of(self, inc: dict[str, Any], now: datetime) -> str:
        head = (self.tr("EMERGENCY %1 · %2") if inc.get("emergency_lifted_at") is None else
                self.tr("EMERGENCY LIFTED %1 · %2"))
        parts = [f"{MARK} " + head.replace("%1", inc["number"]).replace(
            "%2", level_word(inc.get("emergency_level")))]
        due = due_text(inc, now)
        if due:
            parts.append(due)
        return " · ".join(parts)

    def refresh(self) -> None:
        now = self.now()
        shown = self.emergencies()
        late = [inc for inc in shown if is_late(inc, now)]
        fresh = {(inc["id"], inc["emergency_report_due"]) for inc in late} - self._sounded
        if fresh:
            # One sound for whatever fell late together, as the escalation watch does.
            self._sounded |= fresh
            self.sounds.play("overdue")
        visible = shown[:MAX_ROWS]
        while len(self.rows) < len(visible):
            button = QPushButton()
            button.setObjectName("emergencyRow")
            button.setToolTip(self.tr("Open the report to the crisis centre — Ctrl+Alt+R"))
            button.clicked.connect(lambda _c=False, b=button: self._open(b))
            self.box.addWidget(button)
            self.rows.append(button)
        for button, inc in zip(self.rows, visible, strict=False):
            text = self.text_of(inc, now)
            if inc is visible[-1] and len(shown) > len(visible):
                text += "  " + self.tr("(+%1 more)").replace("%1", str(len(shown) - MAX_ROWS))
            button.setText(text)
            button.setProperty("incident_id", inc["id"])
            button.setProperty("late", inc in late)
            set_style(button, _style(OVERDUE_COLOUR if inc in late else COLOUR))
            button.show()
        for button in self.rows[len(visible):]:
            button.setProperty("incident_id", None)
            button.hide()
        self.setVisible(bool(shown))
        if self.active != bool(shown):
            self.active = bool(shown)
            self.shown_changed.emit(self.active)

    def most_urgent(self) -> int | None:
        shown = self.emergencies()
        return shown[0]["id"] if shown else None

    def _open(self, button: QPushButton) -> None:
        incident_id = button.property("incident_id")
        if incident_id is not None:
            self.open_report.emit(int(incident_id))
