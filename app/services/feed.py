"""Reading the journal back: snapshots, and the changes after a sequence number."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.chain import FIELDS, first_broken
from app.models import ChangeLog, Crew, Handover, HandoverCrew, Incident, LogHead, Note
from app.schemas.incident import CrewOut, HandoverOut, IncidentOut, NoteOut
from app.schemas.stream import Change, Snapshot
from app.services.context import ServiceContext


def head(session: Session) -> tuple[int, str]:
    row = session.get(LogHead, 1)
    assert row is not None, "the log head row is created by the migrations"
    return row.seq, row.epoch


def snapshot(ctx: ServiceContext) -> Snapshot:
    """The whole live state and the sequence number it is exact at, from one consistent read."""
    with ctx.db.read(consistent=True) as session:
        seq, epoch = head(session)
        crews_of: dict[int, list[int]] = defaultdict(list)
        for handover_id, crew_id in session.execute(
            select(HandoverCrew.handover_id, HandoverCrew.crew_id).order_by(HandoverCrew.id)
        ):
            crews_of[handover_id].append(crew_id)
        handovers = []
        for h in session.scalars(select(Handover).order_by(Handover.id)):
            out = HandoverOut.model_validate(h)
            out.crew_ids = crews_of.get(h.id, [])
            handovers.append(out)
        return Snapshot(
            epoch=epoch,
            seq=seq,
            server_time=ctx.clock(),
            incidents=[IncidentOut.model_validate(i) for i in
                       session.scalars(select(Incident).order_by(Incident.id))],
            handovers=handovers,
            notes=[NoteOut.model_validate(n) for n in
                   session.scalars(select(Note).order_by(Note.id))],
            crews=[CrewOut.model_validate(c) for c in
                   session.scalars(select(Crew).order_by(Crew.id))],
        )


def changes_after(ctx: ServiceContext, seq: int, limit: int = 1000) -> list[Change]:
    with ctx.db.read() as session:
        rows = session.scalars(
            select(ChangeLog).where(ChangeLog.seq > seq).order_by(ChangeLog.seq).limit(limit)
        )
        return [Change.model_validate(r) for r in rows]


def timeline(ctx: ServiceContext, incident_id: int) -> list[Change]:
    """Everything the journal holds about one incident, oldest first: the card's history."""
    with ctx.db.read() as session:
        rows = session.scalars(
            select(ChangeLog).where(ChangeLog.incident_id == incident_id).order_by(ChangeLog.seq)
        )
        return [Change.model_validate(r) for r in rows]


def current_head(ctx: ServiceContext) -> tuple[int, str]:
    with ctx.db.read() as session:
        return head(session)


@dataclass
class ChainReport:
    rows: int
    broken_at: int | None


def verify_chain(ctx: ServiceContext) -> ChainReport:
    """Walk the whole journal and check every link; name the first that does not hold.
    The head row closes the chain: rows cut off at the end are found by it."""
    columns = [getattr(ChangeLog, f) for f in (*FIELDS, "prev_hash", "hash")]
    with ctx.db.read(consistent=True) as session:
        seen: dict[str, Any] = {"count": 0, "last": None}

        def rows() -> Iterator[Any]:
            for row in session.execute(select(*columns).order_by(ChangeLog.seq)).mappings():
                seen["count"] += 1
                seen["last"] = row
                yield row

        broken = first_broken(rows())
        head_row = session.get(LogHead, 1)
        assert head_row is not None
        last = seen["last"]
        cut_off = head_row.seq > 0 and (
            last is None or last["seq"] != head_row.seq or last["hash"] != head_row.last_hash)
        if broken is None and cut_off:
            broken = (last["seq"] + 1) if last is not None else 1
    return ChainReport(rows=seen["count"], broken_at=broken)
