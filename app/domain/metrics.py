"""The one place the wall and the reports get their numbers from, all derived from stamps.

Durations are in seconds (floats). Norms come from each incident's type; an incident
whose type is missing from ``types`` (retired from the classifier, say) is measured
against the default ``Norms()`` rather than dropped, so counts still add up.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from app.domain.catalog import IncidentType, Norms
from app.domain.enums import Priority
from app.domain.facts import IncidentFacts
from app.domain.norms import (
    NormKind,
    Overdue,
    handover_overdue,
    norm_seconds,
    running_overdue,
    steps,
)
from app.domain.shifts import Shift

HOUR = timedelta(hours=1)
_DEFAULT_NORMS = Norms()


def norms_for(facts: IncidentFacts, types: Mapping[str, IncidentType]) -> Norms:
    t = types.get(facts.type_code)
    return t.norms if t is not None else _DEFAULT_NORMS


def percentile(values: Sequence[float], q: float) -> float | None:
    """The ``q``-th percentile (0..100) by the nearest-rank method; None for no values.

    Nearest rank: sort the n values and take the one at rank ceil(q/100 * n), counting
    from 1 (rank 1 for q = 0). The answer is always one of the values, never an
    interpolation, so "p90 = 25 s" means a real incident took 25 s and 90% took no longer;
    that is the reading the System-112 norms ("98% within 20 s") ask for.
    """
    if not 0 <= q <= 100:
        raise ValueError(f"A percentile is between 0 and 100, not {q}.")
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(q * len(ordered) / 100))
    return float(ordered[rank - 1])


@dataclass(frozen=True)
class Compliance:
    count: int
    within: int | None  # how many took no longer than the norm; None without a norm
    share: float | None  # within / count; None without a norm or without values
    p90: float | None
    p95: float | None
    p98: float | None
    mean: float | None


def _compliance(pairs: Sequence[tuple[float, float]]) -> Compliance:
    """From (duration, its own norm) pairs: norms differ between incident types.
    A duration equal to its norm keeps to it."""
    values = [d for d, _ in pairs]
    within = sum(1 for d, n in pairs if d <= n)
    return Compliance(
        count=len(values),
        within=within,
        share=within / len(values) if values else None,
        p90=percentile(values, 90),
        p95=percentile(values, 95),
        p98=percentile(values, 98),
        mean=statistics.fmean(values) if values else None,
    )


def compliance(durations_seconds: Iterable[float], norm_seconds: float | None) -> Compliance:
    """How many durations kept to the norm; with no norm, only the distribution."""
    values = [float(d) for d in durations_seconds]
    if norm_seconds is None:
        return replace(_compliance([(d, math.inf) for d in values]), within=None, share=None)
    return _compliance([(d, norm_seconds) for d in values])


@dataclass(frozen=True)
class Kpis:
    open: int
    critical: int  # open with priority 1
    overdue: int  # open with at least one step running past its norm
    awaiting_ack: int  # open with a hand-over not yet acknowledged (nor recalled, nor done)
    registered_last_hour: int  # registered in (now - 1 h, now]


def kpis(
    incidents: Iterable[IncidentFacts], types: Mapping[str, IncidentType], now: datetime
) -> Kpis:
    n_open = critical = overdue = awaiting = registered = 0
    for f in incidents:
        if f.registered_at is not None and now - HOUR < f.registered_at <= now:
            registered += 1
        if not f.is_open:
            continue
        n_open += 1
        critical += f.priority == Priority.CRITICAL
        overdue += bool(running_overdue(f, norms_for(f, types), now))
        awaiting += any(h.awaiting_ack for h in f.handovers)
    return Kpis(n_open, critical, overdue, awaiting, registered)


@dataclass(frozen=True)
class ShiftStats:
    """Incidents received within the shift. Compliance counts steps that are done
    (whenever they were done); steps still running are on the queue, not in a report yet.
    Compliance of a kind covers only incidents whose type sets a norm for it."""

    shift: Shift
    received: int
    register_mean: float | None
    register_p90: float | None
    handover_mean: float | None
    handover_p90: float | None
    compliance: dict[NormKind, Compliance] = field(default_factory=dict)


def shift_stats(
    incidents: Iterable[IncidentFacts], types: Mapping[str, IncidentType], shift: Shift
) -> ShiftStats:
    mine = [f for f in incidents if f.received_at in shift]
    took: dict[NormKind, list[tuple[float, float | None]]] = {k: [] for k in NormKind}
    for f in mine:
        norms = norms_for(f, types)
        for s in steps(f):
            if s.end is not None:
                took[s.kind].append(
                    ((s.end - s.start).total_seconds(), norm_seconds(norms, s.kind))
                )
    register = [d for d, _ in took[NormKind.REGISTRATION]]
    handover = [d for d, _ in took[NormKind.HANDOVER]]
    return ShiftStats(
        shift=shift,
        received=len(mine),
        register_mean=statistics.fmean(register) if register else None,
        register_p90=percentile(register, 90),
        handover_mean=statistics.fmean(handover) if handover else None,
        handover_p90=percentile(handover, 90),
        compliance={
            k: _compliance([(d, n) for d, n in pairs if n is not None]) for k, pairs in took.items()
        },
    )


@dataclass(frozen=True)
class ServiceLoad:
    open: int  # active hand-overs (not done, not recalled) on open incidents
    overdue: int  # of those, late to acknowledge or to arrive


def load_by_service(
    incidents: Iterable[IncidentFacts], types: Mapping[str, IncidentType], now: datetime
) -> dict[str, ServiceLoad]:
    """Per duty service code, sorted by code; services with nothing open are absent."""
    counts: dict[str, list[int]] = {}
    for f in incidents:
        if not f.is_open:
            continue
        norms = norms_for(f, types)
        for h in f.handovers:
            if h.is_active:
                c = counts.setdefault(h.service, [0, 0])
                c[0] += 1
                c[1] += bool(handover_overdue(f, h, norms, now))
    return {s: ServiceLoad(*counts[s]) for s in sorted(counts)}


def per_hour_by_category(
    incidents: Iterable[IncidentFacts], start: datetime, end: datetime
) -> dict[str, list[int]]:
    """Incidents received in [start, end), counted per category in one-hour buckets
    counted from ``start`` (the last bucket may be shorter). Categories with none are absent."""
    if end <= start:
        raise ValueError("The period must end after it starts.")
    buckets = math.ceil((end - start) / HOUR)
    out: dict[str, list[int]] = {}
    for f in incidents:
        if start <= f.received_at < end:
            out.setdefault(f.category, [0] * buckets)[(f.received_at - start) // HOUR] += 1
    return dict(sorted(out.items()))


# -- the wall: what is abnormal now, and the day's shape -----------------------------------


def overdue_by_kind(
    incidents: Iterable[IncidentFacts], types: Mapping[str, IncidentType], now: datetime
) -> dict[NormKind, int]:
    """Open incidents with a step of each kind running past its norm now. An incident late
    on two kinds counts under both; one with two hand-overs late to acknowledge, once.
    Every kind is present, zero when nothing is late on it."""
    out = dict.fromkeys(NormKind, 0)
    for f in incidents:
        if f.is_open:
            for kind in {o.kind for o in running_overdue(f, norms_for(f, types), now)}:
                out[kind] += 1
    return out


@dataclass(frozen=True)
class Attention:
    """An open incident the wall singles out: critical, or running past a norm."""

    facts: IncidentFacts
    overdue: tuple[Overdue, ...]

    @property
    def critical(self) -> bool:
        return self.facts.priority == Priority.CRITICAL

    @property
    def late_by(self) -> timedelta:
        return max((o.late_by for o in self.overdue), default=timedelta(0))


def attention(
    incidents: Iterable[IncidentFacts], types: Mapping[str, IncidentType], now: datetime
) -> list[Attention]:
    """Open incidents that are critical or overdue, most urgent first: critical before the
    rest, within that overdue before on time, then the longest late, then the oldest."""
    out = []
    for f in incidents:
        if not f.is_open:
            continue
        late = tuple(running_overdue(f, norms_for(f, types), now))
        if late or f.priority == Priority.CRITICAL:
            out.append(Attention(f, late))
    out.sort(key=lambda a: (not a.critical, not a.overdue, -a.late_by, a.facts.received_at,
                            a.facts.id))
    return out


@dataclass(frozen=True)
class Trend:
    """Incidents received per hour by category. ``start`` opens the first of the whole
    hours; the last one is the hour ``now`` is in, counted up to ``now`` only, and the
    ghost (the same hours ``ghost_offset`` earlier) is cut at the same minute, so the two
    compare like with like. Both dicts have the same categories, zero-filled."""

    start: datetime
    hours: int
    current: dict[str, list[int]]
    ghost: dict[str, list[int]]


def trend(
    incidents: Iterable[IncidentFacts],
    now: datetime,
    hours: int = 24,
    ghost_offset: timedelta = timedelta(days=7),
) -> Trend:
    if hours < 1:
        raise ValueError("A trend needs at least one hour.")
    start = now.replace(minute=0, second=0, microsecond=0) - (hours - 1) * HOUR
    end = start + hours * HOUR
    then = now - ghost_offset
    facts = list(incidents)
    current = per_hour_by_category((f for f in facts if f.received_at <= now), start, end)
    ghost = per_hour_by_category(
        (f for f in facts if f.received_at <= then), start - ghost_offset, end - ghost_offset
    )
    for c in current.keys() | ghost.keys():
        current.setdefault(c, [0] * hours)
        ghost.setdefault(c, [0] * hours)
    return Trend(start, hours, dict(sorted(current.items())), dict(sorted(ghost.items())))
