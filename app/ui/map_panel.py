"""The city map in step with the room: incidents and crews from the replica, pushed to the
map as they change; selection shared with the queue."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QObject, Signal

from app.domain.norms import running_overdue
from app.maps.map_widget import MapView
from app.sync.facts import incident_facts
from app.sync.store import Applied, ReplicaStore
from app.ui.catalog_view import CatalogView
from app.ui.queue_model import address_text
from app.ui.words import STATUS, word

ON_MAP = {"new", "registered", "dispatched", "in_progress", "resolved"}


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
        view.marker_clicked.connect(self.incident_clicked)
        view.name_layers({"Incidents": self.tr("Incidents"), "Crews": self.tr("Crews")})

    def marker(self, inc: dict[str, Any]) -> dict[str, Any]:
        code = inc.get("type_code")
        overdue = False
        if inc["status"] in ("new", "registered", "dispatched", "in_progress"):
            facts = incident_facts(inc, self.store.handovers_of(inc["id"]),
                                   category=self.catalog.category_of(code))
            overdue = bool(running_overdue(facts, self.catalog.norms(code), self.now()))
        label = (f"{inc['number']} · {self.catalog.type_name(code)} · "
                 f"{word(STATUS, inc['status'])}<br>{address_text(inc)}")
        return {"id": inc["id"], "lat": inc.get("lat"), "lon": inc.get("lon"),
                "priority": inc["priority"], "status": inc["status"], "overdue": overdue,
                "label": label}

    def reload(self) -> None:
        markers = [self.marker(i) for i in self.store.incidents() if i["status"] in ON_MAP]
        gone = self.shown - {m["id"] for m in markers}
        self.view.remove_incidents(sorted(gone))
        self.view.upsert_incidents(markers)
        self.shown = {m["id"] for m in markers}
        self.view.upsert_crews(list(self.store.data["crew"].values()))

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
