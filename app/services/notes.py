"""Notes and callers attached to an incident; reads of personal data are recorded."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Caller, Incident, PersonalDataRead
from app.schemas.incident import CallerAdd, CallerOut, NoteIn
from app.services.access import load_incident, require_desk, require_room
from app.services.context import Actor, ServiceContext
from app.services.incidents import add_caller, add_note
from app.services.journal import Journal
from app.services.mutations import run_mutation
from app.services.states import note_state


def note(ctx: ServiceContext, actor: Actor, incident_id: int, body: NoteIn):
    # Notes add, they do not overwrite: anyone at the desk may add one, claim or not.
    def work(session: Session, journal: Journal) -> tuple[int, dict[str, Any]]:
        require_desk(actor)
        incident = load_incident(session, incident_id, lock=False)
        return 201, note_state(add_note(session, journal, incident, body.text.strip()))

    return run_mutation(ctx, actor, body, work)


def caller(ctx: ServiceContext, actor: Actor, incident_id: int, body: CallerAdd):
    def work(session: Session, journal: Journal) -> tuple[int, dict[str, Any]]:
        require_desk(actor)
        incident = load_incident(session, incident_id, lock=False)
        row = add_caller(session, journal, incident, body.caller)
        return 201, {"id": row.id if row else None, "incident_id": incident.id}

    return run_mutation(ctx, actor, body, work)


def read_callers(ctx: ServiceContext, actor: Actor, incident_id: int) -> list[CallerOut]:
    require_desk(actor)
    with ctx.db.write() as session:
        incident = load_incident(session, incident_id, lock=False)
        require_room(actor, incident.room)
        # A merge keeps the duplicate's callers where they are; they are read through the
        # incident it was merged into, marked with the duplicate's number (a split undoes it
        # by clearing the link, with nothing to move back).
        merged = {r.id: r.number for r in session.execute(
            select(Incident.id, Incident.number).where(Incident.merged_into_id == incident_id))}
        rows = session.scalars(
            select(Caller).where(Caller.incident_id.in_([incident_id, *merged]),
                                 Caller.erased_at.is_(None))
            .order_by(Caller.id)
        ).all()
        session.add(PersonalDataRead(user_id=actor.id, at=ctx.clock(), incident_id=incident_id,
                                     purpose="incident_card"))
        return [CallerOut.model_validate(r).model_copy(
                    update={"merged_from": merged.get(r.incident_id)}) for r in rows]


def incidents_by_phone(ctx: ServiceContext, actor: Actor, phone: str) -> list[dict[str, Any]]:
    """Earlier incidents from the same number, for the intake form. The lookup is recorded."""
    require_desk(actor)
    with ctx.db.write() as session:
        rows = session.execute(
            select(Incident.id, Incident.number, Incident.received_at, Incident.status,
                   Incident.type_code)
            .join(Caller, Caller.incident_id == Incident.id)
            .where(Caller.phone == phone, Caller.erased_at.is_(None))
            .order_by(Incident.received_at.desc()).limit(50)
        ).all()
        session.add(PersonalDataRead(user_id=actor.id, at=ctx.clock(), phone=phone,
                                     purpose="phone_lookup"))
        return [
            dict(id=r.id, number=r.number, received_at=r.received_at.isoformat(),
                 status=r.status, type_code=r.type_code)
            for r in rows
        ]
