"""Escalation: an incident of the room that goes past one of its norms sounds once, and
its supervisors get a notice they can click to open the card.

The queue already paints late rows; this adds what the regulations ask beyond the
colour. Each (incident, norm, duty service) escalates at most once per console session:
a step that stays late is not news, and a repeated alarm teaches people to ignore it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStatusBar, QWidget

from app.domain.enums import OPEN_STATUSES
from app.domain.norms import NormKind
from app.sync.store import Applied, ReplicaStore
from app.ui import timefmt
from app.ui.catalog_view import CatalogView
from app.ui.sound import SoundEvents

# Those who step in on a late incident (the senior duty officer, the head of the service);
# the same roles the console opens the reports and the wall's look back to.
SUPERVISOR_ROLES = frozenset({"supervisor", "admin"})

NORM_NAMES: Mapping[NormKind, str] = {
    NormKind.REGISTRATION: QT_TRANSLATE_NOOP("Escalation", "registration"),
    NormKind.HANDOVER: QT_TRANSLATE_NOOP("Escalation", "hand-over"),
    NormKind.ACKNOWLEDGEMENT: QT_TRANSLATE_NOOP("Escalation", "acknowledgement"),
    NormKind.ARRIVAL: QT_TRANSLATE_NOOP("Escalation", "arrival"),
    NormKind.RESOLUTION: QT_TRANSLATE_NOOP("Escalation", "resolution"),
}


def norm_name(kind: NormKind) -> str:
    return QCoreApplication.translate("Escalation", NORM_NAMES[kind])


def is_supervisor(user: Mapping[str, Any] | None) -> bool:
    return (user or {}).get("role") in SUPERVISOR_ROLES


@dataclass(frozen=True)
class Escalation:
    incident_id: int
    number: str
    kind: NormKind
    service: str | None  # the duty service for a hand-over's step
    at: datetime  # when this console noticed it

    @property
    def key(self) -> tuple[int, NormKind, str | None]:
        return self.incident_id, self.kind, self.service


class EscalationWatch(QObject):
    """Checks the room's open incidents on every change batch and every second."""

    escalated = Signal(object)  # Escalation, once per incident, norm and duty service

    def __init__(self, store: ReplicaStore, catalog: CatalogView, sounds: SoundEvents, *,
                 room: str | None = None,
                 now: Callable[[], datetime] = lambda: datetime.now(UTC),
                 tick_ms: int = 1000, done: set[tuple[int, NormKind, str | None]] | None = None,
                 parent: QObject | None = None) -> None:
        """``done``: what already escalated in this session (a rebuilt window keeps it)."""
        super().__init__(parent)
        self.store = store
        self.catalog = catalog
        self.sounds = sounds
        self.room = room
        self.now = now
        self._watched: set[int] = set()  # open incidents of the room
        self._done: set[tuple[int, NormKind, str | None]] = done if done is not None else set()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        if tick_ms:  # tests drive the clock themselves
            self.timer.start(tick_ms)
        self.reload()

    @property
    def done(self) -> set[tuple[int, NormKind, str | None]]:
        """What has escalated in this session (incident, norm, duty service)."""
        return self._done

    def _watch(self, inc: dict[str, Any]) -> bool:
        # A row registered offline has a temporary id and local stamps; it is checked once
        # the service has numbered it, so the renumbering cannot escalate it twice.
        return (inc["id"] > 0 and inc["status"] in OPEN_STATUSES
                and (self.room is None or inc["room"] == self.room))

    def reload(self) -> None:
        """After a reset the replica is new; what already escalated stays escalated."""
        self._watched = {i["id"] for i in self.store.incidents() if self._watch(i)}
        self.check()

    def apply(self, batch: list[Applied]) -> None:
        for change in batch:
            if change.entity != "incident":
                continue  # a hand-over's change never opens or closes its incident
            inc = self.store.data["incident"].get(change.entity_id)
            if inc is not None and self._watch(inc):
                self._watched.add(change.entity_id)
            else:
                self._watched.discard(change.entity_id)
        # A change can make a step late at once: a late stamp replayed after an outage.
        self.check()

    def check(self) -> list[Escalation]:
        now = self.now()
        new = []
        for incident_id in sorted(self._watched):
            inc = self.store.data["incident"].get(incident_id)
            if inc is None:
                continue
            for late in self.catalog.overdue(inc, self.store.handovers_of(incident_id), now):
                e = Escalation(incident_id, inc.get("number") or str(incident_id), late.kind,
                               late.service, now)
                if e.key not in self._done:
                    self._done.add(e.key)
                    new.append(e)
        if new:
            # One sound for everything that turned late together: a burst of identical
            # sounds says no more than one, and the notices list each item.
            self.sounds.play("overdue")
        for e in new:
            self.escalated.emit(e)
        return new


class NoticeList(QListWidget):
    """The supervisor's escalation notices, newest first; a click opens the card."""

    open_incident = Signal(int)
    ID = Qt.ItemDataRole.UserRole

    def __init__(self, watch: EscalationWatch, catalog: CatalogView,
                 status: QStatusBar | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("escalationNotices")
        self.catalog = catalog
        self.status = status
        self.setToolTip(self.tr("Incidents past a norm; click one to open its card"))
        watch.escalated.connect(self.add)
        self.itemClicked.connect(self._open)
        self.itemActivated.connect(self._open)  # Enter, for the keyboard

    def text_of(self, e: Escalation) -> str:
        if e.service:
            return self.tr("%1 is past its %2 norm (%3)").replace("%1", e.number).replace(
                "%2", norm_name(e.kind)).replace("%3", self.catalog.service_short(e.service))
        return self.tr("%1 is past its %2 norm").replace("%1", e.number).replace(
            "%2", norm_name(e.kind))

    def add(self, e: Escalation) -> None:
        text = self.text_of(e)
        item = QListWidgetItem(f"{timefmt.clock(e.at)}  {text}")
        item.setData(self.ID, e.incident_id)
        self.insertItem(0, item)
        if self.status is not None:
            self.status.showMessage(text, 15000)

    def _open(self, item: QListWidgetItem) -> None:
        self.open_incident.emit(int(item.data(self.ID)))
