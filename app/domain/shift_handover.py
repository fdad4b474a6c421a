"""The shift handover's summary: what the outgoing shift of a room leaves to the incoming one.

Built at one moment (``as_of``) from the incidents as they stand then: the shift's counts,
the room's unfinished incidents with their hand-overs and holders, the emergencies in
effect, each norm's compliance over the shift (``metrics.shift_stats``, the figures the
console's "Shift compliance" window and the wall show) and the claims that pass to the
incoming supervisor. The summary is plain JSON (times as ISO 8601 UTC text, seconds and
percent rounded to 0.1), so the text that is stored, sent and printed is the one hashed:
``content_hash`` binds both signatures to exactly what was signed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from app.domain.catalog import IncidentType
from app.domain.enums import OPEN_STATUSES, HandoverStage, Status
from app.domain.facts import HandoverFacts, IncidentFacts
from app.domain.handovers import ORDER, STAMP
from app.domain.metrics import shift_stats
from app.domain.norms import NormKind
from app.domain.shifts import Shift, ShiftCalendar

FORMAT = 1
# A shift is often handed over a little after its end (a long call, an emergency): within
# this long after a shift begins, the previous one is still the one to hand over, until
# it has been.
LATE_HANDOVER = timedelta(hours=2)
# What the next shift inherits: the incidents still being worked, and the resolved ones
# still waiting for their result and closing.
UNFINISHED = OPEN_STATUSES | {Status.RESOLVED}


@dataclass(frozen=True)
class IncidentRecord:
    """An incident as the summary reads it: the metrics' facts plus what the paper names."""

    facts: IncidentFacts
    number: str
    address: str = ""
    claim_holder_id: int | None = None
    claim_holder_name: str | None = None
    claim_expires_at: datetime | None = None
    emergency_level: str | None = None
    emergency_at: datetime | None = None
    emergency_lifted_at: datetime | None = None
    emergency_report_due: datetime | None = None

    def holder_at(self, moment: datetime) -> tuple[int, str] | None:
        """Who holds a live lease at ``moment``; a lapsed one is nobody's any more."""
        if (self.claim_holder_id is None or self.claim_expires_at is None
                or self.claim_expires_at <= moment):
            return None
        return self.claim_holder_id, self.claim_holder_name or ""

    @property
    def in_emergency(self) -> bool:
        return bool(self.emergency_level) and self.emergency_lifted_at is None


def address_text(street: str | None, house: str | None, landmark: str | None) -> str:
    """The place as the paper names it; no flat, entrance or floor (nobody's home on it)."""
    if street:
        return f"{street}, {house}" if house else street
    return landmark or ""


def stage_of(h: HandoverFacts) -> HandoverStage:
    """A hand-over's stage from its stamps: the furthest one set, unless it was recalled."""
    if h.recalled_at is not None:
        return HandoverStage.RECALLED
    return next(s for s in reversed(ORDER) if getattr(h, STAMP[s]) is not None)


def shift_to_hand_over(calendar: ShiftCalendar, now: datetime,
                       handed_over: Collection[datetime]) -> Shift:
    """The shift whose handover is due at ``now``: the current one, or in the first
    ``LATE_HANDOVER`` of a shift the previous one while it has not been handed over
    (``handed_over`` holds the starts of the room's shifts that have been)."""
    current = calendar.shift_at(now)
    previous = calendar.previous(current)
    if now - current.start < LATE_HANDOVER and previous.start not in handed_over:
        return previous
    return current


def _iso(t: datetime | None) -> str | None:
    return None if t is None else t.isoformat()


def _seconds(v: float | None) -> float | None:
    return None if v is None else round(v, 1)


def _incident_line(r: IncidentRecord, as_of: datetime) -> dict[str, Any]:
    f = r.facts
    holder = r.holder_at(as_of)
    return {
        "id": f.id, "number": r.number, "type_code": f.type_code or None,
        "priority": int(f.priority), "status": f.status.value, "address": r.address,
        "received_at": _iso(f.received_at),
        "age_seconds": int((as_of - f.received_at).total_seconds()),
        "handovers": [{"service": h.service, "stage": stage_of(h).value}
                      for h in sorted(f.handovers, key=lambda h: (h.handed_over_at, h.service))],
        "claim_holder_id": holder[0] if holder else None,
        "claim_holder_name": holder[1] if holder else None,
        "emergency_level": r.emergency_level if r.in_emergency else None,
    }


def _emergency_line(r: IncidentRecord) -> dict[str, Any]:
    f = r.facts
    return {
        "id": f.id, "number": r.number, "room": f.room, "type_code": f.type_code or None,
        "level": r.emergency_level, "address": r.address, "declared_at": _iso(r.emergency_at),
        "report_due": _iso(r.emergency_report_due),
    }


def _claims(unfinished: list[IncidentRecord], as_of: datetime) -> list[dict[str, Any]]:
    held: dict[tuple[int, str], list[IncidentRecord]] = {}
    for r in unfinished:
        holder = r.holder_at(as_of)
        if holder is not None:
            held.setdefault(holder, []).append(r)
    return [{"holder_id": hid, "holder_name": name,
             "incidents": [{"id": r.facts.id, "number": r.number}
                           for r in sorted(rs, key=lambda r: r.number)]}
            for (hid, name), rs in sorted(held.items(), key=lambda kv: (kv[0][1], kv[0][0]))]


def build_summary(room: str, shift: Shift, as_of: datetime, incidents: Iterable[IncidentRecord],
                  types: Mapping[str, IncidentType]) -> dict[str, Any]:
    """The summary of ``room``'s ``shift`` as things stand at ``as_of``.

    - counts: incidents of the room received in the shift (up to ``as_of``), closed in it,
      and unfinished at ``as_of`` (open, and resolved but not closed), whenever received;
    - incidents: those unfinished ones, critical first, then the oldest;
    - emergencies: every incident of the city whose emergency is not lifted (the whole
      city's duty officers must know of one), most recently declared first;
    - compliance: per norm, the steps done by the room's incidents received in the shift;
    - claims: live leases on the unfinished incidents, per holder.
    """
    records = list(incidents)
    mine = [r for r in records if r.facts.room == room]
    until = min(shift.end, as_of)
    unfinished = sorted(
        (r for r in mine if r.facts.status in UNFINISHED),
        key=lambda r: (int(r.facts.priority), r.facts.received_at, r.facts.id))
    emergencies = sorted((r for r in records if r.in_emergency),
                         key=lambda r: (r.emergency_at or r.facts.received_at, r.facts.id),
                         reverse=True)
    stats = shift_stats([r.facts for r in mine if r.facts.received_at < until], types, shift)
    compliance = []
    for kind in NormKind:
        c = stats.compliance[kind]
        compliance.append({
            "norm": kind.value, "count": c.count, "within": c.within,
            "share_pct": None if c.share is None else round(100 * c.share, 1),
            "p90": _seconds(c.p90), "p95": _seconds(c.p95), "p98": _seconds(c.p98),
        })
    return {
        "format": FORMAT,
        "room": room,
        "shift": {"start": _iso(shift.start), "end": _iso(shift.end), "label": shift.label},
        "as_of": _iso(as_of),
        "counts": {
            "received": stats.received,
            "closed": sum(1 for r in mine if r.facts.closed_at is not None
                          and r.facts.status is Status.CLOSED
                          and shift.start <= r.facts.closed_at < until),
            "open": sum(1 for r in unfinished if r.facts.status in OPEN_STATUSES),
            "resolved": sum(1 for r in unfinished if r.facts.status is Status.RESOLVED),
        },
        "incidents": [_incident_line(r, as_of) for r in unfinished],
        "emergencies": [_emergency_line(r) for r in emergencies],
        "compliance": compliance,
        "claims": _claims(unfinished, as_of),
    }


def canonical_json(value: Any) -> bytes:
    """One spelling of a JSON value: sorted keys, no spaces, UTF-8 (Cyrillic as is)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False).encode("utf-8")


def content_hash(summary: Mapping[str, Any], notes: str) -> str:
    """sha256 of what the supervisors sign: the summary and the outgoing officer's notes."""
    return hashlib.sha256(canonical_json({"notes": notes, "summary": summary})).hexdigest()


def claims_to_pass(summary: Mapping[str, Any]) -> list[tuple[int, int]]:
    """(incident id, holder id) of every claim the summary lists: the incoming supervisor
    takes each one whose holder still holds it when they sign, and no other."""
    return [(i["id"], c["holder_id"]) for c in summary.get("claims", ())
            for i in c["incidents"]]
