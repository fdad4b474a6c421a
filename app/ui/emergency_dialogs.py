"""Raising an incident to an emergency (or changing its level), and lifting it: the senior
duty officer's decisions, each in a small dialog that waits for the service's answer."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.emergencies import LEVELS, in_force, suggest_level
from app.sync import SyncClient
from app.sync.client import new_mutation_id
from app.ui import emergency_calls as calls
from app.ui.emergency_words import COLOUR, MARK, explain, level_word
from app.ui.tasks import run_task
from app.ui.text_size import set_style

ERROR_STYLE = "color: #b71c1c; font-weight: bold;"


class _Decision(QDialog):
    """What both dialogs share: one mutation id for the decision, a button that sends it,
    and the refusal shown in words with everything typed left in place."""

    done = Signal(dict)  # the incident's detail as the service answered

    def __init__(self, client: SyncClient, incident: dict[str, Any], ok_text: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client = client
        self.incident = incident
        self.mutation_id = new_mutation_id()
        self.form = QFormLayout()
        self.error = QLabel()
        self.error.setObjectName("emergencyError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("emergencyOk")
        self.buttons.accepted.connect(self.send)
        self.buttons.rejected.connect(self.reject)
        self.setMinimumWidth(520)
        box = QVBoxLayout(self)
        box.addLayout(self.form)
        box.addWidget(self.error)
        box.addWidget(self.buttons)

    def work(self) -> Callable[[], Any]:
        raise NotImplementedError

    def send(self) -> None:
        self.ok.setEnabled(False)
        self.error.setStyleSheet("")
        self.error.setText(QCoreApplication.translate("Emergency", "Sending…"))
        run_task(self.work(), self._done, self._failed, owner=self)

    def _done(self, detail: dict[str, Any]) -> None:
        self.done.emit(detail)
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.ok.setEnabled(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setText(explain(error))


class DeclareDialog(_Decision):
    """The level, with the decree's level for the entered figures as a hint: it follows
    the figures until the officer picks a level of their own."""

    def __init__(self, client: SyncClient, incident: dict[str, Any],
                 parent: QWidget | None = None) -> None:
        active = in_force(incident.get("emergency_level"), incident.get("emergency_lifted_at"))
        super().__init__(client, incident,
                         self.tr("Change the level") if active else self.tr("Declare"), parent)
        self.setObjectName("declareEmergency")
        self.setWindowTitle(
            (self.tr("Emergency level of %1") if active else
             self.tr("Raise %1 to an emergency")).replace("%1", incident["number"]))
        self.active = active
        self.victims = QSpinBox()
        self.victims.setRange(0, 10_000_000)
        self.victims.setToolTip(self.tr("Dead and injured, as far as known"))
        self.damage = QSpinBox()
        self.damage.setRange(0, 2_000_000_000)
        self.damage.setSuffix(self.tr(" thousand roubles"))
        self.settlements = QSpinBox()
        self.settlements.setRange(1, 1000)
        self.regions = QSpinBox()
        self.regions.setRange(1, 100)
        self.hint = QLabel()
        self.hint.setObjectName("levelHint")
        self.level = QComboBox()
        self.level.setObjectName("level")
        for lv in LEVELS:
            self.level.addItem(level_word(lv.value), lv.value)
        self.reason = QLineEdit()
        self.reason.setObjectName("emergencyReason")
        self.reason.setPlaceholderText(self.tr("what happened, who decided"))
        title = QLabel(f"{MARK} " + self.windowTitle())
        set_style(title, f"color: {COLOUR}; font-size: 12pt; font-weight: bold;")
        self.form.addRow(title)
        self.form.addRow(self.tr("Victims:"), self.victims)
        self.form.addRow(self.tr("Damage:"), self.damage)
        self.form.addRow(self.tr("Settlements or districts in the zone:"), self.settlements)
        self.form.addRow(self.tr("Regions in the zone:"), self.regions)
        self.form.addRow(self.tr("By decree 304:"), self.hint)
        self.form.addRow(self.tr("Level:"), self.level)
        self.form.addRow(self.tr("Reason:"), self.reason)
        self.chosen = False  # the officer picked a level: the hint no longer moves it
        self.level.activated.connect(self._chose)
        for box in (self.victims, self.damage, self.settlements, self.regions):
            box.valueChanged.connect(self._suggest)
        if active:
            self._select(incident["emergency_level"])
            self.chosen = True
        self._suggest()
        self.level.setFocus()

    def _chose(self) -> None:
        self.chosen = True

    def _select(self, level: str) -> None:
        self.level.setCurrentIndex(max(0, self.level.findData(level)))

    def suggestion(self) -> str:
        return suggest_level(self.victims.value(), self.damage.value() * 1000,
                             self.settlements.value(), self.regions.value()).value

    def _suggest(self) -> None:
        level = self.suggestion()
        self.hint.setText(self.tr("%1 (a hint: the decision is yours)").replace(
            "%1", level_word(level)))
        if not self.chosen:
            self._select(level)

    def work(self) -> Callable[[], Any]:
        args = (self.client, self.incident["id"], self.incident["version"],
                self.level.currentData(), self.reason.text().strip(), self.mutation_id)
        return lambda: calls.declare(*args)


class LiftDialog(_Decision):
    def __init__(self, client: SyncClient, incident: dict[str, Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(client, incident, self.tr("Lift"), parent)
        self.setObjectName("liftEmergency")
        self.setWindowTitle(self.tr("Lift the emergency on %1").replace(
            "%1", incident["number"]))
        self.reason = QLineEdit()
        self.reason.setObjectName("liftReason")
        self.reason.setPlaceholderText(self.tr("why it is over, on whose decision"))
        note = QLabel(self.tr("The final report to the crisis centre becomes due."))
        note.setWordWrap(True)
        self.form.addRow(self.tr("Reason:"), self.reason)
        self.form.addRow(note)
        self.ok.setEnabled(False)
        self.reason.textChanged.connect(lambda t: self.ok.setEnabled(bool(t.strip())))
        self.reason.setFocus()

    def work(self) -> Callable[[], Any]:
        args = (self.client, self.incident["id"], self.incident["version"],
                self.reason.text().strip(), self.mutation_id)
        return lambda: calls.lift(*args)
