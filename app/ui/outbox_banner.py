"""What the operator did that the service has not taken yet: a banner while the console is
offline or still sending, and the changes the service refused, for the operator to decide."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app.sync.stream import StreamState
from app.ui.bridge import SyncBridge

OFFLINE = "#e65100"  # amber: working, but alone
SENDING = "#455a64"
REFUSED = "#b71c1c"


class OutboxBanner(QWidget):
    review = Signal()

    def __init__(self, bridge: SyncBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outboxBanner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.text = QLabel()
        self.text.setObjectName("outboxText")
        self.button = QPushButton(self.tr("Review refused changes (F9)"))
        self.button.setToolTip(self.tr("Decide on the changes the service refused — "
                                       "F9"))
        self.button.clicked.connect(self.review)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)
        client = bridge.client
        self.state = client.state
        self.waiting, self.conflicts = client.outbox.counts() if client.outbox else (0, 0)
        bridge.state_changed.connect(self.on_state)
        bridge.outbox_changed.connect(self.on_counts)
        self.refresh()

    def on_state(self, state: str, _message: str) -> None:
        self.state = state
        self.refresh()

    def on_counts(self, waiting: int, conflicts: int) -> None:
        self.waiting, self.conflicts = waiting, conflicts
        self.refresh()

    @property
    def offline(self) -> bool:
        return self.state in (StreamState.OFFLINE, StreamState.SIGNED_OUT)

    def refresh(self) -> None:
        parts = []
        if self.offline:
            parts.append(self.tr("Offline — %1 changes waiting").replace("%1",
                                                                         str(self.waiting)))
        elif self.waiting:
            parts.append(self.tr("Sending %1 changes…").replace("%1", str(self.waiting)))
        if self.conflicts:
            parts.append(self.tr("%1 changes refused by the service wait for your decision")
                         .replace("%1", str(self.conflicts)))
        self.text.setText("  ·  ".join(parts))
        self.button.setVisible(bool(self.conflicts))
        colour = REFUSED if self.conflicts else OFFLINE if self.offline else SENDING
        self.setStyleSheet(f"#outboxBanner {{ background: {colour}; }}"
                           "#outboxBanner QLabel { color: white; font-weight: bold; }")
        self.setVisible(bool(parts))
