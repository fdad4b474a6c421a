"""The status bar of the live room: connection, last change, clock offset, who is online."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from app.sync.client import CLOCK_WARN_SECONDS
from app.sync.stream import StreamState
from app.ui import timefmt
from app.ui.bridge import SyncBridge

WARN = "color: #b71c1c; font-weight: bold;"


class LiveStatusBar(QStatusBar):
    def __init__(self, bridge: SyncBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.connection = QLabel()
        self.connection.setObjectName("connection")
        self.last_change = QLabel()
        self.offset = QLabel()
        self.offset.setObjectName("clockOffset")
        self.online = QLabel()
        self.online.setObjectName("online")
        for w in (self.connection, self.last_change, self.offset):
            self.addWidget(w)
        self.addPermanentWidget(self.online)
        self._state = bridge.client.state
        self._since = datetime.now(UTC)
        self._last_change: datetime | None = None
        bridge.state_changed.connect(self.on_state)
        bridge.presence_changed.connect(self.on_presence)
        bridge.changes.connect(self.on_changes)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.refresh)
        self.timer.start(1000)
        self.on_presence(bridge.client.presence)
        self.refresh()

    def on_state(self, state: str, _message: str) -> None:
        self._state = state
        self._since = datetime.now(UTC)
        self.refresh()

    def on_changes(self, batch: list[Any]) -> None:
        self._last_change = datetime.now(UTC)
        self.refresh()

    def refresh(self) -> None:
        waited = int((datetime.now(UTC) - self._since).total_seconds())
        if self._state == StreamState.LIVE:
            self.connection.setText(self.tr("● Live"))
            self.connection.setStyleSheet("color: #2e7d32;")
        elif self._state == StreamState.SIGNED_OUT:
            self.connection.setText(self.tr("Signed out: sign in again"))
            self.connection.setStyleSheet(WARN)
        elif self._state == StreamState.OFFLINE:
            self.connection.setText(self.tr("✕ Offline for %s — reconnecting") %
                                    timefmt.age(waited))
            self.connection.setStyleSheet(WARN)
        else:
            self.connection.setText(self.tr("Connecting…"))
            self.connection.setStyleSheet("")
        self.last_change.setText(
            self.tr("Last change: %s") % timefmt.clock(self._last_change)
            if self._last_change else self.tr("Last change: —"))
        offset = self.bridge.client.clock_offset
        if abs(offset) > CLOCK_WARN_SECONDS:
            self.offset.setText(self.tr("⚠ Clock differs from the service by %.1f s") % offset)
            self.offset.setStyleSheet(WARN)
        else:
            self.offset.setText(self.tr("Clock offset %+.1f s") % offset)
            self.offset.setStyleSheet("")

    def on_presence(self, users: list[dict[str, Any]]) -> None:
        room = (self.bridge.client.user or {}).get("room")
        if room:  # this room's people, and the city-wide ones (supervisors without a room)
            users = [u for u in users if u.get("room") in (room, None)]
        names = [f"{u['name']} ({len(u['holds'])})" if u["holds"] else u["name"] for u in users]
        self.online.setText(self.tr("Online: %s") % (", ".join(names) or "—"))
        self.online.setToolTip("\n".join(
            self.tr("%s holds %d incident(s)") % (u["name"], len(u["holds"])) for u in users))
