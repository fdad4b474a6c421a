"""Sound events. QtMultimedia needs the system's audio libraries; a workstation without
them falls back to the system beep rather than staying silent."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtWidgets import QApplication

SOUNDS = Path(__file__).resolve().parents[2] / "resources" / "sounds"

# The events the console plays, each with resources/sounds/<name>.wav: distinct sounds, so
# an operator can tell a new arrival from a missed norm without looking.
EVENTS = (
    "unclaimed",  # an incident arrived by itself and nobody has taken it (unclaimed.py)
    "overdue",  # an incident of the room went past one of its norms (escalation.py)
)


class SoundEvents(QObject):
    played = Signal(str)  # the event name, whatever the device did with it
    previewed = Signal(str)  # the event name, played from the settings to hear it

    def __init__(self, enabled: bool = True, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.enabled = enabled
        self._effects: dict[str, object] = {}
        try:
            from PySide6.QtMultimedia import QSoundEffect
        except ImportError:
            self._effect_class = None
        else:
            self._effect_class = QSoundEffect

    def play(self, name: str) -> None:
        if not self.enabled:
            return
        self._sound(name)
        self.played.emit(name)

    def preview(self, name: str) -> None:
        """Heard even while the sounds are off: the operator is choosing whether to."""
        self._sound(name)
        self.previewed.emit(name)

    def _sound(self, name: str) -> None:
        effect = self._effect(name)
        if effect is not None:
            effect.play()  # type: ignore[attr-defined]
        else:
            QApplication.beep()

    def _effect(self, name: str) -> object | None:
        if self._effect_class is None or not (SOUNDS / f"{name}.wav").exists():
            return None
        if name not in self._effects:
            effect = self._effect_class(self)
            effect.setSource(QUrl.fromLocalFile(str(SOUNDS / f"{name}.wav")))
            self._effects[name] = effect
        return self._effects[name]
