"""Incidents that arrived by themselves (app, sensor, 112) and nobody has taken yet: a
banner with their count and how long the oldest has waited, and a sound for each new one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app.sync.store import Applied, ReplicaStore
from app.ui import timefmt
from app.ui.sound import SoundEvents


def waiting(incident: dict[str, Any]) -> bool:
    return incident["status"] == "new" and incident.get("claim_holder_id") is None


class UnclaimedBanner(QWidget):
    take_oldest = Signal(int)  # incident id

    def __init__(self, store: ReplicaStore, sounds: SoundEvents, *, room: str | None = None,
                 now: Callable[[], datetime] = lambda: datetime.now(UTC),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unclaimedBanner")
        self.store = store
        self.sounds = sounds
        self.room = room
        self.now = now
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("#unclaimedBanner { background: #b71c1c; }"
                           "#unclaimedBanner QLabel { color: white; font-weight: bold; }")
        self.text = QLabel()
        self.button = QPushButton(self.tr("Take the oldest (F2)"))
        self.button.setToolTip(self.tr("Claim the incident that has waited longest — F2"))
        self.button.clicked.connect(self._take)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)
        self._waiting: dict[int, str] = {}  # id -> received_at
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.refresh)
        self.timer.start(1000)
        self.reload()

    def _mine(self, incident: dict[str, Any]) -> bool:
        return self.room is None or incident["room"] == self.room

    def reload(self) -> None:
        self._waiting = {i["id"]: i["received_at"] for i in self.store.incidents()
                         if waiting(i) and self._mine(i)}
        self.refresh()

    def apply(self, batch: list[Applied]) -> None:
        arrived = False
        for change in batch:
            if change.entity != "incident":
                continue
            inc = self.store.data["incident"].get(change.entity_id)
            if inc is None:  # a temporary row, now numbered by the service
                self._waiting.pop(change.entity_id, None)
                continue
            if waiting(inc) and self._mine(inc):
                arrived |= change.entity_id not in self._waiting
                self._waiting[change.entity_id] = inc["received_at"]
            else:
                self._waiting.pop(change.entity_id, None)
        if arrived:
            self.sounds.play("unclaimed")
        self.refresh()

    @property
    def count(self) -> int:
        return len(self._waiting)

    def oldest(self) -> int | None:
        return min(self._waiting, key=self._waiting.__getitem__) if self._waiting else None

    def refresh(self) -> None:
        oldest = self.oldest()
        self.setVisible(oldest is not None)
        if oldest is None:
            return
        waited = (self.now() - datetime.fromisoformat(self._waiting[oldest])).total_seconds()
        self.text.setText(self.tr("%n unclaimed incident(s) waiting; the oldest for %1", "",
                                  self.count).replace("%1", timefmt.age(waited)))

    def _take(self) -> None:
        oldest = self.oldest()
        if oldest is not None:
            self.take_oldest.emit(oldest)
