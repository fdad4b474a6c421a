"""The state as it was at a past moment, rebuilt from the change log (the wall's time travel).

Every incident, hand-over and note is created in the journal with all its fields and
changed there field by field, so replaying the rows stamped at or before a moment, in
sequence order, onto an empty state gives that moment's state. Crews are the exception:
they are reference data made with the city (no creation row), moved in the journal. They
are taken as they are now and their later moves undone with the rows' ``before``.

Callers are never part of the answer: the journal carries them by id only, and the rebuilt
state has no place for them."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from pydantic_core import to_json
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.chain import GENESIS
from app.models import ChangeLog, Crew, LogHead
from app.schemas.incident import CrewOut
from app.services.context import ServiceContext
from app.services.errors import Invalid

# How far back the wall may be scrubbed: "the last days". The journal itself goes back
# further; the limit keeps one request's replay bounded.
WINDOW = timedelta(days=7)
# Rows read per query: a whole journal in one result would sit in memory twice (driver
# rows and the state) for no gain; keyset pages keep the peak to one page.
BATCH = 5000
REPLAYED = ("incident", "handover", "note")  # created in the journal, with every field
KEYS = {"incident": "incidents", "handover": "handovers", "note": "notes"}


def check_moment(ctx: ServiceContext, at: datetime | None, window: timedelta = WINDOW) -> datetime:
    """The moment asked for, or now; refused in words when it is not one we can show."""
    now = ctx.clock()
    if at is None:
        return now
    if at.tzinfo is None or at.utcoffset() is None:
        raise Invalid("Give the moment with its time zone offset, e.g. 2026-11-26T14:30:00+07:00.",
                      at=at.isoformat())
    if at > now + ctx.client_clock_skew:
        raise Invalid("That moment is in the future; the state is known up to now.",
                      at=at.isoformat(), now=now.isoformat())
    if at < now - window:
        raise Invalid("The state can be rebuilt for the last {days} days only.",
                      at=at.isoformat(), days=window.days)
    # A console whose clock runs a little ahead asks for "now" slightly in the future.
    return min(at, now)


def _replay(session: Session, at: datetime) -> tuple[dict[str, dict[int, dict[str, Any]]],
                                                      int, str]:
    state: dict[str, dict[int, dict[str, Any]]] = {e: {} for e in REPLAYED}
    last, link = 0, GENESIS  # before the first change, the chain's start
    columns = (ChangeLog.seq, ChangeLog.entity, ChangeLog.entity_id, ChangeLog.after,
               ChangeLog.hash)
    while True:
        rows = session.execute(
            select(*columns).where(ChangeLog.seq > last, ChangeLog.at <= at)
            .order_by(ChangeLog.seq).limit(BATCH)).all()
        for seq, entity, entity_id, after, hash_ in rows:
            table = state.get(entity)
            if table is not None:  # callers (by id only) and crews are not replayed
                row = table.get(entity_id)
                if row is None:
                    table[entity_id] = dict(after)
                else:
                    row.update(after)
            last, link = seq, hash_
        if len(rows) < BATCH:
            return state, last, link


def _crews(session: Session, at: datetime) -> list[dict[str, Any]]:
    crews = {c.id: CrewOut.model_validate(c).model_dump(mode="json")
             for c in session.scalars(select(Crew).order_by(Crew.id))}
    # Undo the moves made after the moment, newest first: each row's ``before`` is what its
    # fields were until then.
    moves = session.execute(
        select(ChangeLog.entity_id, ChangeLog.before)
        .where(ChangeLog.entity == "crew", ChangeLog.at > at).order_by(ChangeLog.seq.desc()))
    for crew_id, before in moves:
        if crew_id in crews and before:
            crews[crew_id].update(before)
    return list(crews.values())


def state_at(ctx: ServiceContext, at: datetime) -> dict[str, Any]:
    """The state at ``at`` (checked by ``check_moment``) in the snapshot's shape: ``seq`` and
    ``hash`` are those of the last change replayed, ``at`` the moment itself."""
    with ctx.db.read(consistent=True) as session:
        head = session.get(LogHead, 1)
        assert head is not None, "the log head row is created by the migrations"
        state, seq, link = _replay(session, at)
        crews = _crews(session, at)
        epoch = head.epoch
    body: dict[str, Any] = {"epoch": epoch, "seq": seq, "hash": link,
                            "server_time": ctx.clock(), "at": at}
    for entity, key in KEYS.items():
        body[key] = [state[entity][i] for i in sorted(state[entity])]
    body["crews"] = crews
    return body


def state_at_json(ctx: ServiceContext, at: datetime) -> bytes:
    """``state_at`` as the wire carries it: the rows are the journal's own wire dicts
    already, so they are written out as they are, in one pass."""
    return to_json(state_at(ctx, at))
