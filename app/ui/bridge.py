"""The sync client, seen from the GUI thread: its changes, state, presence and clock
arrive as Qt signals; changes are coalesced so a burst repaints once."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from app.sync import SyncClient
from app.sync.store import Applied


class SyncBridge(QObject):
    changes = Signal(list)  # list[Applied], on the GUI thread, in order
    reset = Signal()  # the replica was replaced by a snapshot
    state_changed = Signal(str, str)
    presence_changed = Signal(list)
    outbox_changed = Signal(int, int)  # changes waiting to be sent, conflicts to decide
    _wake = Signal()

    def __init__(self, client: SyncClient, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.client = client
        self._pending: list[Applied] = []
        self._pending_reset = False
        self._lock = threading.Lock()
        self._scheduled = False
        self._wake.connect(self._flush_soon)
        self._unsubscribe = client.store.subscribe(self._on_batch)
        client.on_state.append(lambda s, m: self.state_changed.emit(s, m))
        client.on_presence.append(lambda users: self.presence_changed.emit(users))
        client.on_outbox.append(lambda waiting, conflicts:
                                self.outbox_changed.emit(waiting, conflicts))

    def _on_batch(self, batch: list[Applied] | None) -> None:
        """On the stream thread: queue the batch and wake the GUI thread once."""
        with self._lock:
            if batch is None:
                self._pending_reset = True
                self._pending.clear()
            else:
                self._pending.extend(batch)
            if self._scheduled:
                return
            self._scheduled = True
        self._wake.emit()

    @Slot()
    def _flush_soon(self) -> None:
        # One event-loop turn lets a burst of stream messages gather into one batch.
        QTimer.singleShot(0, self._flush)

    @Slot()
    def _flush(self) -> None:
        with self._lock:
            pending, self._pending = self._pending, []
            reset, self._pending_reset = self._pending_reset, False
            self._scheduled = False
        if reset:
            self.reset.emit()
        if pending:
            self.changes.emit(pending)

    def close(self) -> None:
        self._unsubscribe()

    @property
    def user(self) -> dict[str, Any]:
        return self.client.user or {}
