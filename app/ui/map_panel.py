"""The city map in step with the room: incidents and crews from the replica, pushed to the
map as they change; selection shared with the queue."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from app.domain.heat import Cell, grid
from app.maps.map_widget import MapView
from app.sync.store import Applied, ReplicaStore
from app.ui.catalog_view import CatalogView
from app.ui.emergency_words import MARK, due_text, is_late, is_pinned, level_word
from app.ui.queue_model import address_text
from app.ui.tasks import run_task
from app.ui.words import PRIORITY, STATUS, word

ON_MAP = {"new", "registered", "dispatched", "in_progress", "resolved"}
OPEN = {"new", "registered", "dispatched", "in_progress"}
HEAT_CELL_M = 300.0
HEAT_DELAY_MS = 1000
SLICE = 500  # incidents checked per event-loop turn: about 25 ms


class MapController(QObject):
    incident_clicked = Signal(int)

    def __init__(self, view: MapView, store: ReplicaStore, catalog: CatalogView, *,
                 now: Any = lambda: datetime.now(UTC), origin: tuple[float, float] = (0, 0),
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.store = store
        self.catalog = catalog
        self.now = now
        self.shown: set[int] = set()
        self.overdue: dict[int, bool] = {}
        self.report_late: dict[int, bool] = {}  # an emergency's report past its deadline
        self.queue_filter: Callable[[int], int | None] | None = None
        self.origin = origin
        self._pending: list[int] = []
        self._slicer = QTimer(self)
        self._slicer.timeout.connect(self._next_slice)
        self._clock = QTimer(self)
        self._clock.timeout.connect(self.check_norms)
        self._clock.timeout.connect(self.refresh_heat)
        self._heat_due = QTimer(self)
        self._heat_due.setSingleShot(True)
        self._heat_due.timeout.connect(self.refresh_heat)
        self._clock.start(15_000)
        view.marker_clicked.connect(self.incident_clicked)
        view.name_layers({"Incidents": self.tr("Incidents"),
                          "Emergencies": self.tr("Emergencies"), "Crews": self.tr("Crews"),
                          "Heat, 24 h": self.tr("Heat, 24 h"),
                          "Districts": self.tr("Districts")})

    def is_overdue(self, inc: dict[str, Any]) -> bool:
        if inc["status"] not in OPEN:
            return False
        return bool(self.catalog.overdue(inc, self.store.handovers_of(inc["id"]), self.now()))

    def hidden(self, incident_id: int) -> bool:
        """With the toggle on, the map shows what the queue shows."""
        return self.queue_filter is not None and self.queue_filter(incident_id) is None

    def follow_queue(self, row_of: Callable[[int], int | None] | None) -> None:
        """``row_of``: the queue's row of an incident (None when filtered out), or None to
        show every active incident whatever the queue's filter."""
        self.queue_filter = row_of
        self.reload()

    def heat_cells(self) -> list[Cell]:
        since = self.now() - timedelta(hours=24)
        points = [(i["lat"], i["lon"]) for i in self.store.incidents()
                  if i.get("lat") is not None
                  and datetime.fromisoformat(i["received_at"]) >= since]
        return grid(points, cell_m=HEAT_CELL_M, origin=self.origin)

    def refresh_heat(self) -> None:
        # A pass over every incident: off the GUI thread (the replica is safe to read).
        run_task(self.heat_cells, self.view.show_heat, owner=self.view)

    def marker(self, inc: dict[str, Any], overdue: bool | None = None) -> dict[str, Any]:
        if overdue is None:
            overdue = self.is_overdue(inc)
        self.overdue[inc["id"]] = overdue
        code = inc.get("type_code")
        label = (f"{inc['number']} · {self.catalog.type_name(code)} · "
                 f"{word(PRIORITY, inc['priority'])} · {word(STATUS, inc['status'])}"
                 f"<br>{address_text(inc)}")
        if overdue:
            label += "<br>⚠ " + self.tr("past its norm")
        emergency = is_pinned(inc)
        if emergency:
            label = f"{MARK} {level_word(inc.get('emergency_level'))} · {label}"
        late = self.report_late[inc["id"]] = emergency and is_late(inc, self.now())
        if late:
            label += "<br>⚠ " + due_text(inc, self.now())
        return {"id": inc["id"], "lat": inc.get("lat"), "lon": inc.get("lon"),
                "priority": inc["priority"], "status": inc["status"], "overdue": overdue,
                "label": label, "hidden": self.hidden(inc["id"]), "emergency": emergency,
                "reportLate": late}

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
        self.refresh_heat()
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
            late = is_pinned(inc) and is_late(inc, self.now())
            if (flag != self.overdue.get(incident_id, False)
                    or late != self.report_late.get(incident_id, False)):
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
                if change.created and not self._heat_due.isActive():
                    self._heat_due.start(HEAT_DELAY_MS)  # one recount for a burst
            elif change.entity == "handover" and change.incident_id is not None:
                touched[change.incident_id] = None
            elif change.entity == "crew":
                crews[change.entity_id] = None
        upserts, removals = [], []
        for incident_id in touched:
            inc = self.store.data["incident"].get(incident_id)
            if inc is not None and inc["status"] in ON_MAP:
                marker = self.marker(inc)
                upserts.append(marker)
                self.shown.add(incident_id)
            elif incident_id in self.shown:
                removals.append(incident_id)
                self.shown.discard(incident_id)
            if inc is None:  # gone from the replica (past the live horizon): forget it here
                self.overdue.pop(incident_id, None)
                self.report_late.pop(incident_id, None)
        self.view.upsert_incidents(upserts)
        self.view.remove_incidents(removals)
        self.view.upsert_crews([self.store.data["crew"][c] for c in crews
                                if c in self.store.data["crew"]])

    def select(self, incident_id: int | None) -> None:
        if incident_id is not None:
            self.view.select_incident(incident_id)
