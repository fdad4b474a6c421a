"""Claims: compare-and-set leases in one UPDATE, takeovers, renewal and expiry."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import and_, or_, select, update
from sqlalchemy.orm import Session

from app.domain.claims import check_may_take_over
from app.domain.enums import OPEN_STATUSES, Status
from app.domain.errors import ClaimRefused
from app.models import Incident
from app.schemas.base import MutationIn
from app.schemas.incident import ClaimIn
from app.services.access import load_incident, require_desk, require_room
from app.services.context import SYSTEM, Actor, ServiceContext
from app.services.journal import Journal
from app.services.mutations import run_mutation, run_system
from app.services.states import incident_state

_CLAIMABLE = {s.value for s in OPEN_STATUSES | {Status.RESOLVED}}


def _holder_fields(incident: Incident) -> dict[str, Any]:
    return {k: v for k, v in incident_state(incident).items() if k.startswith("claim_")}


def claim(ctx: ServiceContext, actor: Actor, incident_id: int, body: ClaimIn):
    def work(session: Session, journal: Journal) -> tuple[int, dict[str, Any]]:
        require_desk(actor)
        now = journal.service_now  # a lease runs on the service's clock, even if offline
        current = load_incident(session, incident_id, lock=False)
        require_room(actor, current.room)
        if current.status not in _CLAIMABLE:
            raise ClaimRefused("Incident {number} is {status}; there is nothing "
                               "left to work on it.", number=current.number,
                               status=current.status)
        before = _holder_fields(current)
        values = dict(claim_holder_id=actor.id, claim_holder_name=actor.name,
                      claim_expires_at=now + ctx.lease)
        stmt = update(Incident).where(Incident.id == incident_id)
        if body.takeover:
            check_may_take_over(actor.role)
        else:
            # The compare-and-set: exactly one of many simultaneous claimants wins.
            stmt = stmt.where(or_(
                Incident.claim_holder_id.is_(None),
                Incident.claim_holder_id == actor.id,
                Incident.claim_expires_at <= now,
            ))
        won = session.execute(stmt.values(**values)).rowcount == 1
        session.expire(current)
        incident = load_incident(session, incident_id, lock=False)
        if not won:
            raise ClaimRefused(
                "Incident {number} is already being worked by {holder}.",
                number=incident.number, holder=incident.claim_holder_name,
                holder_id=incident.claim_holder_id,
            )
        after = _holder_fields(incident)
        taken_from = before.get("claim_holder_id")
        kind = ("claim.taken_over" if body.takeover and taken_from not in (None, actor.id)
                else "claim.taken")
        if kind == "claim.taken" and taken_from not in (None, actor.id):
            # The holder's lease ran out before the sweep noticed: the journal says so
            # itself rather than showing the incident passing hands silently.
            cleared = {k: None for k in before}
            journal.record("claim.expired", "incident", incident.id, cleared, before=before,
                           incident_id=incident.id, room=incident.room)
            before = cleared
        journal.record(kind, "incident", incident.id, after, before=before,
                       incident_id=incident.id, room=incident.room)
        return 200, incident_state(incident)

    return run_mutation(ctx, actor, body, work)


def release(ctx: ServiceContext, actor: Actor, incident_id: int, body: MutationIn | UUID):
    def work(session: Session, journal: Journal) -> tuple[int, dict[str, Any]]:
        incident = load_incident(session, incident_id)
        if incident.claim_holder_id != actor.id:
            raise ClaimRefused("You do not hold incident {number}.", number=incident.number)
        before = _holder_fields(incident)
        incident.claim_holder_id = incident.claim_holder_name = None
        incident.claim_expires_at = None
        journal.record("claim.released", "incident", incident.id, _holder_fields(incident),
                       before=before, incident_id=incident.id, room=incident.room)
        return 200, incident_state(incident)

    return run_mutation(ctx, actor, body, work)


def renew(ctx: ServiceContext, user_ids: set[int]) -> int:
    """Extend the live leases of connected users. Not journaled: a renewal changes nothing
    anyone sees; only taking, releasing and expiring a claim does."""
    if not user_ids:
        return 0
    now = ctx.clock()
    with ctx.db.write() as session:
        return session.execute(
            update(Incident)
            .where(Incident.claim_holder_id.in_(user_ids), Incident.claim_expires_at > now)
            .values(claim_expires_at=now + ctx.lease)
        ).rowcount


def expire(ctx: ServiceContext) -> int:
    """Clear leases past their time, with a journal row each, so every console sees it."""

    def work(session: Session, journal: Journal) -> int:
        now: datetime = journal.now
        stale = session.scalars(
            select(Incident).where(and_(Incident.claim_holder_id.is_not(None),
                                        Incident.claim_expires_at <= now)).with_for_update()
        ).all()
        for incident in stale:
            before = _holder_fields(incident)
            incident.claim_holder_id = incident.claim_holder_name = None
            incident.claim_expires_at = None
            journal.record("claim.expired", "incident", incident.id, _holder_fields(incident),
                           before=before, incident_id=incident.id, room=incident.room)
        return len(stale)

    return run_system(ctx, SYSTEM, work)
