"""What the wall shows, as plain values: every number from ``app.domain.metrics``.

``compute_figures`` works from wire dicts, from scratch. ``WallSource`` keeps each
incident's facts and a few time indexes, updated from the replica's change batches, and
hands the metrics only the incidents that can count at that moment (open ones, and those
received or registered inside a window the wall looks at); a metric over that subset equals
the metric over the whole state, which a test checks against ``compute_figures``.

No Qt here: names are resolved through the catalogue in its language; the panels translate
their own words. Nothing personal enters the figures: no caller, no phone, no description,
no flat; a sensitive type is reduced to a flag and its place to the district.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from sortedcontainers import SortedList

from app.domain.catalog import IncidentType, Norms
from app.domain.emergencies import in_force, pinned
from app.domain.enums import Priority
from app.domain.facts import IncidentFacts
from app.domain.metrics import (
    HOUR,
    Compliance,
    Kpis,
    attention,
    kpis,
    load_by_service,
    overdue_by_kind,
    shift_stats,
    trend,
)
from app.domain.norms import NormKind
from app.domain.shifts import ShiftCalendar
from app.sync.facts import incident_facts
from app.sync.store import Applied
from app.ui.catalog_view import CatalogView

GHOST = timedelta(days=7)
TREND_HOURS = 24
# A shift keeping fewer than 90% of its steps within the norm is flagged: the share that
# NENA (calls answered) and NFPA 1221 (alarms processed) set as the standard.
TARGET_SHARE = 0.9
DESK_ROLES = ("operator", "supervisor")


@dataclass(frozen=True)
class StepFigures:
    """One step of the shift (registration, hand-over): durations in seconds."""

    count: int
    mean: float | None
    p90: float | None
    within: float | None  # share of steps done within their type's norm
    norm: int | None  # the most common norm of the step among the shift's incidents

    @property
    def below_target(self) -> bool:
        return self.within is not None and self.within < TARGET_SHARE


@dataclass(frozen=True)
class ShiftFigures:
    label: str
    start: datetime
    end: datetime
    received: int
    register: StepFigures
    handover: StepFigures


@dataclass(frozen=True)
class ServiceBar:
    code: str
    name: str
    open: int
    overdue: int


@dataclass(frozen=True)
class TrendSeries:
    code: str
    name: str
    current: tuple[int, ...]
    ghost: tuple[int, ...]


@dataclass(frozen=True)
class LateStep:
    kind: NormKind
    service: str | None  # the duty service's short name for a hand-over's step
    late_seconds: int


@dataclass(frozen=True)
class ExceptionRow:
    id: int
    number: str
    priority: int
    type_name: str | None  # None: a sensitive type, masked
    place: str  # street and house; only the district for a sensitive type
    received_at: datetime
    late: tuple[LateStep, ...]

    @property
    def critical(self) -> bool:
        return self.priority == Priority.CRITICAL

    @property
    def masked(self) -> bool:
        return self.type_name is None

    @property
    def ack_late(self) -> bool:
        return any(s.kind is NormKind.ACKNOWLEDGEMENT for s in self.late)


@dataclass(frozen=True)
class EmergencyRow:
    """An emergency in view: in force, or lifted with its final report still due."""

    id: int
    number: str
    level: str
    type_name: str | None  # None: a sensitive type, masked
    place: str
    declared_at: datetime
    in_force: bool
    report_due: datetime | None

    @property
    def masked(self) -> bool:
        return self.type_name is None

    def report_late(self, now: datetime) -> bool:
        return self.report_due is not None and now > self.report_due


@dataclass(frozen=True)
class Person:
    name: str
    role: str
    holds: tuple[str, ...]  # the numbers of the incidents they hold


@dataclass(frozen=True)
class WallFigures:
    now: datetime
    kpis: Kpis
    late_by_kind: Mapping[NormKind, int]  # open incidents running late, per step
    shift: ShiftFigures
    load: tuple[ServiceBar, ...]  # every service of the catalogue, in its order
    trend_start: datetime
    trends: tuple[TrendSeries, ...]  # every category seen in either window
    exceptions: tuple[ExceptionRow, ...]  # critical and overdue, most urgent first
    people: tuple[Person, ...]
    # Emergencies first, whatever else: the earliest report deadline first.
    emergencies: tuple[EmergencyRow, ...] = ()

    @property
    def emergencies_in_force(self) -> int:
        return sum(1 for e in self.emergencies if e.in_force)

    @property
    def ack_late(self) -> int:
        """Open incidents with a hand-over not acknowledged within its norm (30 s)."""
        return self.late_by_kind.get(NormKind.ACKNOWLEDGEMENT, 0)


def domain_types(catalog: CatalogView) -> dict[str, IncidentType]:
    return {
        code: IncidentType(code, t["category"], t["name_ru"], t["name_en"],
                           priority=Priority(t["priority"]), services=tuple(t["services"]),
                           norms=Norms(**t["norms"]), sensitive=bool(t.get("sensitive")))
        for code, t in catalog.types.items()
    }


def category_name(catalog: CatalogView, code: str) -> str:
    row = catalog.categories.get(code)
    if row is None:
        return code
    return row.get(f"name_{catalog.language}") or row.get("name_ru") or code


def facts_of(row: dict[str, Any], handovers: Sequence[dict[str, Any]],
             catalog: CatalogView) -> IncidentFacts:
    code = row.get("type_code")
    return incident_facts(row, handovers, category=catalog.category_of(code),
                          sensitive=catalog.sensitive(code))


def _step(c: Compliance, norms: Iterable[int | None]) -> StepFigures:
    seen = [n for n in norms if n is not None]
    common = max(set(seen), key=seen.count) if seen else None
    return StepFigures(c.count, c.mean, c.p90, c.share, common)


def _place(row: dict[str, Any], masked: bool) -> str:
    if masked:
        return row.get("district") or ""
    street, house = row.get("street") or "", row.get("house") or ""
    return f"{street}, {house}" if street and house else street or row.get("district") or ""


def is_emergency(row: Mapping[str, Any]) -> bool:
    return pinned(row.get("emergency_level"), row.get("emergency_lifted_at"),
                  row.get("emergency_report_due"))


def emergency_rows(ids: Iterable[int], row_of: Callable[[int], dict[str, Any] | None],
                   catalog: CatalogView) -> tuple[EmergencyRow, ...]:
    rows = []
    for i in ids:
        row = row_of(i)
        if row is None or not is_emergency(row):
            continue
        masked = catalog.sensitive(row.get("type_code"))
        due = row.get("emergency_report_due")
        rows.append(EmergencyRow(
            i, row.get("number") or str(i), row["emergency_level"],
            None if masked else catalog.type_name(row.get("type_code")), _place(row, masked),
            datetime.fromisoformat(row["emergency_at"]),
            in_force(row["emergency_level"], row.get("emergency_lifted_at")),
            datetime.fromisoformat(due) if due else None))
    far = datetime.max.replace(tzinfo=UTC)
    return tuple(sorted(rows, key=lambda e: (e.report_due or far, e.number)))


def figures_from_facts(
    facts: Sequence[IncidentFacts],
    row_of: Callable[[int], dict[str, Any] | None],
    catalog: CatalogView,
    types: Mapping[str, IncidentType],
    now: datetime,
    calendar: ShiftCalendar,
    presence: Iterable[Mapping[str, Any]] = (),
    emergencies: Iterable[int] = (),
) -> WallFigures:
    """The figures of ``facts`` (all incidents, or every one that can count at ``now``)."""
    shift = calendar.shift_at(now)
    stats = shift_stats(facts, types, shift)
    in_shift = [types[f.type_code].norms if f.type_code in types else Norms()
                for f in facts if f.received_at in shift]
    load = load_by_service(facts, types, now)
    codes = [*catalog.services, *(c for c in load if c not in catalog.services)]
    bars = tuple(ServiceBar(c, catalog.service_short(c), load[c].open if c in load else 0,
                            load[c].overdue if c in load else 0) for c in codes)
    tr = trend(facts, now, TREND_HOURS, GHOST)
    series = tuple(TrendSeries(c, category_name(catalog, c), tuple(tr.current[c]),
                               tuple(tr.ghost[c])) for c in tr.current)
    rows = []
    for a in attention(facts, types, now):
        row = row_of(a.facts.id) or {}
        masked = a.facts.sensitive
        late = tuple(LateStep(o.kind, catalog.service_short(o.service) if o.service else None,
                              int(o.late_by.total_seconds())) for o in a.overdue)
        rows.append(ExceptionRow(
            a.facts.id, row.get("number") or str(a.facts.id), int(a.facts.priority),
            None if masked else catalog.type_name(a.facts.type_code), _place(row, masked),
            a.facts.received_at, late))
    people = []
    for u in presence:
        if u.get("role") in DESK_ROLES:
            held = ((row_of(i) or {}).get("number") or str(i) for i in u.get("holds", ()))
            people.append(Person(u["name"], u["role"], tuple(held)))
    return WallFigures(
        now=now,
        kpis=kpis(facts, types, now),
        late_by_kind=overdue_by_kind(facts, types, now),
        shift=ShiftFigures(
            shift.label, shift.start, shift.end, stats.received,
            _step(stats.compliance[NormKind.REGISTRATION], (n.registration for n in in_shift)),
            _step(stats.compliance[NormKind.HANDOVER], (n.handover for n in in_shift))),
        load=bars,
        trend_start=tr.start,
        trends=series,
        exceptions=tuple(rows),
        people=tuple(people),
        emergencies=emergency_rows(emergencies, row_of, catalog),
    )


def compute_figures(
    incidents: Iterable[dict[str, Any]],
    handovers_of: Callable[[int], Sequence[dict[str, Any]]],
    catalog: CatalogView,
    now: datetime,
    calendar: ShiftCalendar | None = None,
    presence: Iterable[Mapping[str, Any]] = (),
) -> WallFigures:
    """From scratch: every incident's facts built and measured (the reference)."""
    rows = {r["id"]: r for r in incidents}
    facts = [facts_of(r, handovers_of(i), catalog) for i, r in rows.items()]
    return figures_from_facts(facts, rows.get, catalog, domain_types(catalog), now,
                              calendar or ShiftCalendar(), presence,
                              [i for i, r in rows.items() if is_emergency(r)])


class State(Protocol):
    """What the wall reads: the live replica, or a state rebuilt for another moment."""

    def incidents(self) -> list[dict[str, Any]]: ...

    def handovers_of(self, incident_id: int) -> list[dict[str, Any]]: ...

    def get(self, entity: str, entity_id: int) -> dict[str, Any] | None: ...


_LOW, _HIGH = -(2**63), 2**63


class WallSource:
    """Facts per incident, kept in step with ``state`` by ``apply``; ``figures(now)``
    measures only what can count at ``now``."""

    def __init__(self, state: State, catalog: CatalogView,
                 calendar: ShiftCalendar | None = None) -> None:
        self.state = state
        self.catalog = catalog
        self.calendar = calendar or ShiftCalendar()
        self.types = domain_types(catalog)
        self.reload()

    def reload(self, state: State | None = None) -> None:
        """Everything again: after a snapshot, or for another state (time travel)."""
        if state is not None:
            self.state = state
        self._facts: dict[int, IncidentFacts] = {}
        self._open: dict[int, IncidentFacts] = {}
        self._emergencies: set[int] = set()  # ids; the rows are read when measured
        self._forgotten_to: datetime | None = None  # see _forget
        self._received: SortedList = SortedList()
        self._registered: SortedList = SortedList()
        for row in self.state.incidents():
            self._put(row)

    def apply(self, batch: list[Applied] | None) -> None:
        if batch is None:
            self.reload()
            return
        touched = {c.entity_id if c.entity == "incident" else c.incident_id for c in batch
                   if c.entity in ("incident", "handover")}
        for incident_id in touched:
            if incident_id is None:
                continue
            self._drop(incident_id)
            row = self.state.get("incident", incident_id)
            if row is not None:
                self._put(row)

    def _put(self, row: dict[str, Any]) -> None:
        f = facts_of(row, self.state.handovers_of(row["id"]), self.catalog)
        self._facts[f.id] = f
        if is_emergency(row):
            self._emergencies.add(f.id)
        if f.is_open:
            self._open[f.id] = f
        self._received.add((f.received_at, f.id))
        if f.registered_at is not None:
            self._registered.add((f.registered_at, f.id))

    def _drop(self, incident_id: int) -> None:
        f = self._facts.pop(incident_id, None)
        self._emergencies.discard(incident_id)
        if f is None:
            return
        self._open.pop(incident_id, None)
        self._received.discard((f.received_at, f.id))
        if f.registered_at is not None:
            self._registered.discard((f.registered_at, f.id))

    def _received_in(self, start: datetime, end: datetime | None) -> Iterable[int]:
        top = None if end is None else (end, _HIGH)
        return (i for _, i in self._received.irange((start, _LOW), top))

    def relevant(self, now: datetime) -> list[IncidentFacts]:
        """Every incident any figure at ``now`` can count: open ones (load, late, the
        list), received in the shift or the trend's hours or the ghost's, registered in
        the last hour. Wider than needed at the edges; the metrics cut exactly."""
        shift = self.calendar.shift_at(now)
        trend_start = now.replace(minute=0, second=0, microsecond=0) - TREND_HOURS * HOUR
        ids = dict.fromkeys(self._open)
        ids.update(dict.fromkeys(self._received_in(min(shift.start, trend_start), None)))
        ids.update(dict.fromkeys(self._received_in(trend_start - GHOST,
                                                   now - GHOST + HOUR)))
        ids.update(dict.fromkeys(
            i for _, i in self._registered.irange((now - 2 * HOUR, _LOW), None)))
        return [self._facts[i] for i in ids]

    def _forget(self, now: datetime) -> None:
        """Drop the facts no figure at ``now`` or later can count: finished, received
        before the ghost's first hour and not registered in the last two hours. Without
        this a wall that runs for days kept every incident it ever saw; now it keeps about
        eight days. A change to such an incident puts it back (``apply``); a moment before
        the last one asked for builds everything again."""
        shift = self.calendar.shift_at(now)
        trend_start = now.replace(minute=0, second=0, microsecond=0) - TREND_HOURS * HOUR
        horizon = min(shift.start, trend_start) - GHOST
        if self._forgotten_to is not None and horizon < self._forgotten_to:
            self.reload()
        elif self._forgotten_to is not None and horizon - self._forgotten_to < HOUR:
            return  # an hour's worth at a time: the scan is not paid on every refresh
        recent = now - 2 * HOUR
        old = [i for _, i in self._received.irange(None, (horizon, _LOW))]
        for i in old:
            f = self._facts[i]
            if (not f.is_open and i not in self._emergencies
                    and (f.registered_at is None or f.registered_at < recent)):
                self._drop(i)
        self._forgotten_to = horizon

    def figures(self, now: datetime, presence: Iterable[Mapping[str, Any]] = ()) -> WallFigures:
        self._forget(now)
        return figures_from_facts(
            self.relevant(now), lambda i: self.state.get("incident", i), self.catalog,
            self.types, now, self.calendar, presence, sorted(self._emergencies))

    def __len__(self) -> int:
        return len(self._facts)
