"""Reading the journal back: snapshots, and the changes after a sequence number."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from pydantic import BaseModel, TypeAdapter
from pydantic_core import to_json
from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.orm import Session

from app.domain.chain import FIELDS, OPTIONAL_FIELDS, first_broken
from app.domain.enums import FINAL_STATUSES
from app.models import ChangeLog, Crew, Handover, HandoverCrew, Incident, LogHead, Note
from app.schemas.incident import CrewOut, HandoverOut, IncidentOut, NoteOut
from app.schemas.stream import Change, ChangeBatch, Snapshot
from app.services.context import ServiceContext


def head(session: Session) -> tuple[int, str]:
    row = session.get(LogHead, 1)
    assert row is not None, "the log head row is created by the migrations"
    return row.seq, row.epoch


HOUR = timedelta(hours=1)
_CHANGES = TypeAdapter(list[Change])
_CHANGE_COLUMNS = [c for c in ChangeLog.__table__.columns if c.name in Change.model_fields]


def _live(ctx: ServiceContext) -> ColumnElement[bool]:
    """The incidents of the live state (app.domain.live_state), as SQL."""
    cutoff = ctx.clock() - ctx.live_horizon
    return or_(
        Incident.status.not_in([str(s) for s in FINAL_STATUSES]),
        Incident.emergency_report_due.is_not(None),
        func.coalesce(Incident.closed_at, Incident.cancelled_at, Incident.received_at) >= cutoff,
    )


def _handovers(session: Session, live: Select[Any]) -> list[HandoverOut]:
    crews_of: dict[int, list[int]] = defaultdict(list)
    for handover_id, crew_id in session.execute(
        select(HandoverCrew.handover_id, HandoverCrew.crew_id)
        .join(Handover, Handover.id == HandoverCrew.handover_id)
        .where(Handover.incident_id.in_(live)).order_by(HandoverCrew.id)
    ):
        crews_of[handover_id].append(crew_id)
    handovers = []
    for h in session.scalars(select(Handover).where(Handover.incident_id.in_(live))
                             .order_by(Handover.id)):
        out = HandoverOut.model_validate(h)
        out.crew_ids = crews_of.get(h.id, [])
        handovers.append(out)
    return handovers


def snapshot(ctx: ServiceContext) -> Snapshot:
    """The live state and the sequence number it is exact at, from one consistent read."""
    live = select(Incident.id).where(_live(ctx))
    with ctx.db.read(consistent=True) as session:
        row = session.get(LogHead, 1)
        assert row is not None, "the log head row is created by the migrations"
        return Snapshot(
            epoch=row.epoch,
            seq=row.seq,
            hash=row.last_hash,
            server_time=ctx.clock(),
            horizon_hours=ctx.live_horizon / HOUR,
            incidents=[IncidentOut.model_validate(i) for i in session.scalars(
                select(Incident).where(Incident.id.in_(live)).order_by(Incident.id))],
            handovers=_handovers(session, live),
            notes=[NoteOut.model_validate(n) for n in session.scalars(
                select(Note).where(Note.incident_id.in_(live)).order_by(Note.id))],
            crews=[CrewOut.model_validate(c) for c in
                   session.scalars(select(Crew).order_by(Crew.id))],
        )


def _rows_json(session: Session, model: Any, schema: type[BaseModel],
               where: ColumnElement[bool]) -> bytes:
    """The rows of a table ``where`` says, as the schema's JSON list, straight from the
    columns.

    The rows come from our own typed columns, so checking them against the schema again
    only costs time (seconds, at 100,000 incidents); the encoder is pydantic's own, so times
    and numbers are written exactly as the schema writes them. A schema field that is not
    a column takes the schema's own path."""
    table = model.__table__
    names = list(schema.model_fields)
    if not all(n in table.c for n in names):
        return TypeAdapter(list[schema]).dump_json(  # type: ignore[valid-type]
            [schema.model_validate(r) for r in
             session.scalars(select(model).where(where).order_by(model.id))])
    rows = session.execute(select(*(table.c[n] for n in names)).where(where)
                           .order_by(table.c.id))
    return to_json([r._asdict() for r in rows], inf_nan_mode="null")


def snapshot_json(ctx: ServiceContext) -> bytes:
    """``snapshot`` as the wire carries it, encoded in one pass from one consistent read."""
    live = select(Incident.id).where(_live(ctx))
    with ctx.db.read(consistent=True) as session:
        row = session.get(LogHead, 1)
        assert row is not None, "the log head row is created by the migrations"
        head_ = to_json({"epoch": row.epoch, "seq": row.seq, "hash": row.last_hash,
                         "server_time": ctx.clock(),
                         "horizon_hours": ctx.live_horizon / HOUR})
        crews = [CrewOut.model_validate(c) for c in
                 session.scalars(select(Crew).order_by(Crew.id))]
        return b"".join((
            head_[:-1],
            b',"incidents":', _rows_json(session, Incident, IncidentOut, Incident.id.in_(live)),
            b',"handovers":', TypeAdapter(list[HandoverOut]).dump_json(
                _handovers(session, live)),
            b',"notes":', _rows_json(session, Note, NoteOut, Note.incident_id.in_(live)),
            b',"crews":', TypeAdapter(list[CrewOut]).dump_json(crews),
            b"}",
        ))


def changes_after(ctx: ServiceContext, seq: int, limit: int = 1000) -> list[Change]:
    with ctx.db.read() as session:
        rows = session.execute(
            select(*_CHANGE_COLUMNS).where(ChangeLog.seq > seq).order_by(ChangeLog.seq)
            .limit(limit)
        )
        return _CHANGES.validate_python([r._asdict() for r in rows])


def changes_batch_after(ctx: ServiceContext, seq: int, limit: int = 1000) -> tuple[int, int, str]:
    """The changes after ``seq`` as one stream message, encoded: (last seq, count, text).
    A console catching up on a long absence gets them a thousand to a message."""
    changes = changes_after(ctx, seq, limit)
    if not changes:
        return seq, 0, ""
    return changes[-1].seq, len(changes), ChangeBatch(changes=changes).model_dump_json()


def continues(ctx: ServiceContext, seq: int, link: str) -> bool:
    """Whether this journal's change ``seq`` is the one whose link a console holds: the
    console's history is a prefix of ours. False after a restore from a backup older than
    what the console saw, even once the restored service has numbered past it again."""
    if seq <= 0 or not link:
        return True
    with ctx.db.read() as session:
        found = session.execute(select(ChangeLog.hash).where(ChangeLog.seq == seq)).scalar()
        return found == link


def timeline(ctx: ServiceContext, incident_id: int) -> list[Change]:
    """Everything the journal holds about one incident, oldest first: the card's history."""
    with ctx.db.read() as session:
        rows = session.scalars(
            select(ChangeLog).where(ChangeLog.incident_id == incident_id).order_by(ChangeLog.seq)
        )
        return [Change.model_validate(r) for r in rows]


def new_epoch(ctx: ServiceContext) -> str:
    """After a restore from a backup: the journal's history is no longer what consoles
    saw. A new epoch makes every console and wall reload a snapshot on its next connect,
    instead of resuming from a number this history may give to other changes."""
    epoch = str(uuid.uuid4())
    with ctx.db.write() as session:
        row = session.get(LogHead, 1, with_for_update=True)
        assert row is not None, "the log head row is created by the migrations"
        row.epoch = epoch
    return epoch


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
    columns = [getattr(ChangeLog, f) for f in (*FIELDS, *OPTIONAL_FIELDS, "prev_hash", "hash")]
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
