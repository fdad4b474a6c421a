"""Who may do what where: role and room checks shared by every use case."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.claims import Lease, check_may_edit
from app.domain.enums import Role
from app.models import Handover, Incident
from app.services.context import Actor
from app.services.errors import Forbidden, NotFound

DESK = frozenset({Role.OPERATOR, Role.SUPERVISOR, Role.ADMIN})


def require_desk(actor: Actor) -> None:
    if actor.role not in DESK:
        raise Forbidden(
            "The role '{role}' cannot change incidents.", role=actor.role.value
        )


def require_room(actor: Actor, room: str) -> None:
    """Desk users change their own room's incidents; an admin, or a user with no room, any."""
    if actor.role is not Role.ADMIN and actor.room is not None and actor.room != room:
        raise Forbidden(
            "The incident belongs to room '{room}'; you work in room '{own_room}'.",
            room=room, own_room=actor.room,
        )


def load_incident(session: Session, incident_id: int, *, lock: bool = True) -> Incident:
    stmt = select(Incident).where(Incident.id == incident_id)
    if lock:
        stmt = stmt.with_for_update()
    incident = session.scalars(stmt).one_or_none()
    if incident is None:
        raise NotFound("There is no incident with id {incident_id}.", incident_id=incident_id)
    return incident


def load_handover(session: Session, handover_id: int) -> Handover:
    row = session.scalars(
        select(Handover).where(Handover.id == handover_id).with_for_update()
    ).one_or_none()
    if row is None:
        raise NotFound("There is no hand-over with id {handover_id}.", handover_id=handover_id)
    return row


def lease_of(incident: Incident) -> Lease | None:
    if incident.claim_holder_id is None or incident.claim_expires_at is None:
        return None
    return Lease(incident.claim_holder_id, incident.claim_holder_name or "?",
                 incident.claim_expires_at)


def require_readable(session: Session, actor: Actor, incident: Incident) -> None:
    """A duty service sees only incidents handed over to it; everyone else sees the city."""
    if actor.role is Role.DUTY_SERVICE:
        mine = session.scalar(select(Handover.id).where(
            Handover.incident_id == incident.id, Handover.service == actor.duty_service))
        if mine is None:
            raise Forbidden("This incident was not handed over to your service.")


def require_editable(actor: Actor, incident: Incident, now: datetime) -> None:
    require_desk(actor)
    require_room(actor, incident.room)
    check_may_edit(lease_of(incident), actor.id or 0, now)
