"""Reports: counts and times of the incidents received in a period, per incident type, duty
service, district or source, derived from the same stamps and norms as the wall.

Times (seconds) are the steps of ``app.domain.norms`` that are done: to register (received
→ registered), to hand over (registered → first hand-over) and to resolve (received →
resolved). A step still running, or never done (a cancelled call), has no time and is left
out of that column, so each time carries its own count. "Within norm" is the share of the
measured steps that kept to the norm of their incident's type, among types that set one.

By duty service an incident counts once under every service it was handed over to (a gas
explosion under fire, ambulance, gas and police), so those counts add up to more than the
incidents; the report's total counts each incident once. Incidents with no value for the
grouping (no type yet, no district, handed to nobody) are grouped under ``""``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from app.domain.catalog import IncidentType
from app.domain.facts import IncidentFacts
from app.domain.metrics import compliance, norms_for
from app.domain.norms import NormKind, norm_seconds, steps

NONE = ""  # the group of incidents without a value for the grouping


class Grouping(StrEnum):
    TYPE = "type"
    SERVICE = "service"
    DISTRICT = "district"
    SOURCE = "source"


# The measured steps, in the report's column order.
MEASURED = (NormKind.REGISTRATION, NormKind.HANDOVER, NormKind.RESOLUTION)


@dataclass(frozen=True)
class ReportIncident:
    """An incident's facts with what only reports group by. Kept apart from
    ``IncidentFacts`` so the wall's and the queue's facts need not carry them."""

    facts: IncidentFacts
    source: str
    district: str | None = None


@dataclass(frozen=True)
class Timing:
    count: int  # steps measured (done)
    mean: float | None
    p90: float | None
    within_norm: float | None  # share 0..1 of those with a norm; None when none has one


@dataclass(frozen=True)
class ReportRow:
    group: str  # the type, service or district code, the source, or NONE
    count: int
    registration: Timing
    handover: Timing
    resolution: Timing


def _timing(pairs: Sequence[tuple[float, int | None]]) -> Timing:
    """From (duration, its own norm) pairs: norms differ between the types of one group."""
    spread = compliance((d for d, _ in pairs), None)
    by_norm: dict[int, list[float]] = {}
    for d, n in pairs:
        if n is not None:
            by_norm.setdefault(n, []).append(d)
    normed = sum(len(ds) for ds in by_norm.values())
    within = sum(compliance(ds, n).within or 0 for n, ds in by_norm.items())
    return Timing(count=spread.count, mean=spread.mean, p90=spread.p90,
                  within_norm=within / normed if normed else None)


def _groups(item: ReportIncident, by: Grouping) -> Iterable[str]:
    if by is Grouping.TYPE:
        return (item.facts.type_code or NONE,)
    if by is Grouping.DISTRICT:
        return (item.district or NONE,)
    if by is Grouping.SOURCE:
        return (item.source or NONE,)
    # A service handed over twice (recalled, then again) is still one incident for it.
    services = sorted({h.service for h in item.facts.handovers})
    return services or (NONE,)


def _row(group: str, items: Sequence[ReportIncident], types: Mapping[str, IncidentType]
         ) -> ReportRow:
    took: dict[NormKind, list[tuple[float, int | None]]] = {k: [] for k in MEASURED}
    for item in items:
        norms = norms_for(item.facts, types)
        for s in steps(item.facts):
            if s.kind in took and s.end is not None:
                took[s.kind].append(((s.end - s.start).total_seconds(),
                                     norm_seconds(norms, s.kind)))
    return ReportRow(group, len(items), *(_timing(took[k]) for k in MEASURED))


@dataclass(frozen=True)
class Report:
    by: Grouping
    rows: tuple[ReportRow, ...]  # the most incidents first, then by group; NONE last
    total: ReportRow  # every incident once, whatever the grouping


def report(items: Iterable[ReportIncident], types: Mapping[str, IncidentType],
           by: Grouping) -> Report:
    """The report of ``items`` (already chosen for the period) grouped ``by``."""
    every = list(items)
    grouped: dict[str, list[ReportIncident]] = {}
    for item in every:
        for g in _groups(item, by):
            grouped.setdefault(g, []).append(item)
    rows = [_row(g, grouped[g], types) for g in grouped]
    # "Without a value" last whatever its count: it is the remainder, not a group to rank.
    rows.sort(key=lambda r: (r.group == NONE, -r.count, r.group))
    return Report(by, tuple(rows), _row(NONE, every, types))
