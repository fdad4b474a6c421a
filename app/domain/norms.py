"""Time norms: which stamps start and end each step, and when a step is late.

Steps of an incident:

===============  ==================================  =========================
kind             starts                              ends
===============  ==================================  =========================
registration     received                            registered
handover         registered                          first hand-over
acknowledgement  each hand-over handed over          that hand-over acknowledged
arrival          first hand-over (dispatched)        first crew on scene
resolution       received                            resolved
===============  ==================================  =========================

A step is late when it lasts longer than its norm; exactly the norm is on time.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from app.domain.catalog import Norms
from app.domain.facts import HandoverFacts, IncidentFacts


class NormKind(StrEnum):
    # Values equal the field names of catalog.Norms.
    REGISTRATION = "registration"
    HANDOVER = "handover"
    ACKNOWLEDGEMENT = "acknowledgement"
    ARRIVAL = "arrival"
    RESOLUTION = "resolution"


@dataclass(frozen=True)
class Step:
    """One measured step. ``end`` is None while it is not done; ``running`` says whether
    it is still expected to be done (the incident is open and, for a hand-over's step,
    the hand-over is active). A step that is neither done nor running was abandoned."""

    kind: NormKind
    service: str | None
    start: datetime
    end: datetime | None
    running: bool


@dataclass(frozen=True)
class Overdue:
    kind: NormKind
    service: str | None  # the duty service for a hand-over's step, None for the incident's
    due_at: datetime
    late_by: timedelta


def norm_seconds(norms: Norms, kind: NormKind) -> int | None:
    return getattr(norms, kind.value)


def steps(facts: IncidentFacts) -> Iterator[Step]:
    """Every step whose start is known, in the order of the table above."""
    live = facts.is_open

    def step(
        kind: NormKind, start: datetime | None, end: datetime | None, expected: bool = True
    ) -> Iterator[Step]:
        if start is not None:
            yield Step(kind, None, start, end, live and expected and end is None)

    yield from step(NormKind.REGISTRATION, facts.received_at, facts.registered_at)
    yield from step(NormKind.HANDOVER, facts.registered_at, facts.first_handover_at)
    for h in facts.handovers:
        yield _acknowledgement(h, live)
    # Nobody is on the way once every hand-over is done or recalled: the operator now has
    # to hand it over again or resolve it, and the arrival clock would only mislead.
    yield from step(
        NormKind.ARRIVAL,
        facts.first_handover_at,
        facts.first_on_scene_at,
        expected=any(h.is_active for h in facts.handovers),
    )
    yield from step(NormKind.RESOLUTION, facts.received_at, facts.resolved_at)


def _acknowledgement(h: HandoverFacts, live: bool) -> Step:
    running = live and h.awaiting_ack
    return Step(NormKind.ACKNOWLEDGEMENT, h.service, h.handed_over_at, h.acknowledged_at, running)


def elapsed(facts: IncidentFacts, kind: NormKind, now: datetime) -> list[timedelta]:
    """Durations of the steps of ``kind``: done ones in full, running ones up to ``now``.

    Abandoned steps (a hand-over recalled before it was acknowledged, a closed incident
    nobody went out to) have no duration and are left out.
    """
    out = []
    for s in steps(facts):
        if s.kind is kind:
            if s.end is not None:
                out.append(s.end - s.start)
            elif s.running:
                out.append(now - s.start)
    return out


def _late(s: Step, norm: int | None, at: datetime) -> Overdue | None:
    if norm is None:
        return None
    due = s.start + timedelta(seconds=norm)
    return Overdue(s.kind, s.service, due, at - due) if at > due else None


def running_overdue(facts: IncidentFacts, norms: Norms, now: datetime) -> list[Overdue]:
    """Steps still running past their norm: what is late now (queue colour, wall counts).

    Only open incidents have running steps, so a resolved, closed, cancelled or merged
    incident is never overdue here.
    """
    late = (_late(s, norm_seconds(norms, s.kind), now) for s in steps(facts) if s.running)
    return [o for o in late if o is not None]


def breaches(facts: IncidentFacts, norms: Norms) -> list[Overdue]:
    """Steps that were done, but later than their norm (compliance reports)."""
    late = (_late(s, norm_seconds(norms, s.kind), s.end) for s in steps(facts) if s.end is not None)
    return [o for o in late if o is not None]


def handover_overdue(
    facts: IncidentFacts, handover: HandoverFacts, norms: Norms, now: datetime
) -> list[Overdue]:
    """What one duty service is late with now, measured from its own hand-over:
    confirming receipt (acknowledgement norm) and getting a crew there (arrival norm).

    The incident's own arrival step starts at the first hand-over; a service handed the
    incident later is measured from when it got it, which is what it answers for.
    """
    if not (facts.is_open and handover.is_active):
        return []
    late = []
    if handover.acknowledged_at is None:
        late.append(_late(_acknowledgement(handover, True), norms.acknowledgement, now))
    if handover.on_scene_at is None:
        arrival = Step(NormKind.ARRIVAL, handover.service, handover.handed_over_at, None, True)
        late.append(_late(arrival, norms.arrival, now))
    return [o for o in late if o is not None]
