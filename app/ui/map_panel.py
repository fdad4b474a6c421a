"""The city map in step with the room: incidents and crews from the replica, pushed to the
map as they change; selection shared with the queue."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from app.domain.norms import running_overdue
from app.maps.map_widget import MapView
from app.sync.facts import incident_facts
from app.sync.store import Applied, ReplicaStore
from app.ui.catalog_view import CatalogView
from app.ui.queue_model import address_text
from app.ui.words import STATUS, word

ON_MAP = {"new", "registered", "dispatched", "in_progress", "resolved"}
OPEN = {"new", "registered", "dispatched", "in_progress"}
SLICE = 500  # incidents checked per event-loop turn: about 25 ms


class MapController(QObject):
    incident_clicked = Signal(int)

    def __init__(self, view: MapView, store: ReplicaStore, catalog: CatalogView, *,
                 now: Any = lambda: datetime.now(UTC), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.store = store
        self.catalog = catalog
        self.now = now
        self.shown: set[int] = set()
        self.overdue: dict[int, bool] = {}
        self._pending: list[int] = []
        self._slicer = QTimer(self)
        self._slicer.timeout.connect(self._next_slice)
        self._clock = QTimer(self)
        self._clock.timeout.connect(self.check_norms)
        self._clock.start(15_000)
        view.marker_clicked.connect(self.incident_clicked)
        view.name_layers({"Incidents": self.tr("Incidents"), "Crews": self.tr("Crews")})

    def is_overdue(self, inc: dict[str, Any]) -> bool:
        if inc["status"] not in OPEN:
            return False
        code = inc.get("type_code")
        facts = incident_facts(inc, self.store.handovers_of(inc["id"]),
                               category=self.catalog.category_of(code))
        return bool(running_overdue(facts, self.catalog.norms(code), self.now()))

    def marker(self, inc: dict[str, Any], overdue: bool | None = None) -> dict[str, Any]:
        if overdue is None:
            overdue = self.is_overdue(inc)
        self.overdue[inc["id"]] = overdue
        code = inc.get("type_code")
        label = (f"{inc['number']} · {self.catalog.type_name(code)} · "
                 f"{word(STATUS, inc['status'])}<br>{address_text(inc)}")
        return {"id": inc["id"], "lat": inc.get("lat"), "lon": inc.get("lon"),
                "priority": inc["priority"], "status": inc["status"], "overdue": overdue,
                "label": label}

    def reload(self) -> None:
        """Every marker at once, with the halos known so far; the norms are checked right
        after, in slices (50 µs an incident adds up to half a second for a big city)."""
        markers = [self.marker(i, self.overdue.get(i["id"], False))
                   for i in self.store.incidents() if i["status"] in ON_MAP]
        gone = self.shown - {m["id"] for m in markers}
        self.view.remove_incidents(sorted(gone))
        self.view.upsert_incidents(markers)
        self.shown = {m["id"] for m in markers}
        self.view.upsert_crews(list(self.store.data["crew"].values()))
        self.check_norms()

    def check_norms(self) -> None:
        """Time passes norms without any change arriving: recheck the open incidents in
        slices between events, and restyle only those whose halo changes."""
        self._pending = [i for i in self.shown]
        if not self._slicer.isActive():
            self._slicer.start(0)

    def _next_slice(self) -> None:
        batch, self._pending = self._pending[:SLICE], self._pending[SLICE:]
        changed = []
        for incident_id in batch:
            inc = self.store.data["incident"].get(incident_id)
            if inc is None:
                continue
            flag = self.is_overdue(inc)
            if flag != self.overdue.get(incident_id, False):
                changed.append(self.marker(inc, flag))
        self.view.upsert_incidents(changed)
        if not self._pending:
            self._slicer.stop()

    def apply(self, batch: list[Applied]) -> None:
        touched: dict[int, None] = {}
        crews: dict[int, None] = {}
        for change in batch:
            if change.entity == "incident":
                touched[change.entity_id] = None
            elif change.entity == "handover" and change.incident_id is not None:
                touched[change.incident_id] = None
            elif change.entity == "crew":
                crews[change.entity_id] = None
        upserts, removals = [], []
        for incident_id in touched:
            inc = self.store.data["incident"].get(incident_id)
            if inc is not None and inc["status"] in ON_MAP:
                upserts.append(self.marker(inc))
                self.shown.add(incident_id)
            elif incident_id in self.shown:
                removals.append(incident_id)
                self.shown.discard(incident_id)
        self.view.upsert_incidents(upserts)
        self.view.remove_incidents(removals)
        self.view.upsert_crews([self.store.data["crew"][c] for c in crews
                                if c in self.store.data["crew"]])

    def select(self, incident_id: int | None) -> None:
        if incident_id is not None:
            self.view.select_incident(incident_id)
