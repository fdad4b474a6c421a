"""Handing an incident to duty services, and their reports back, stage by stage."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.enums import HandoverStage, Role, Status
from app.domain.handovers import check_stage, incident_status_after, stamps_for
from app.models import Crew, DutyServiceRow, Handover, HandoverCrew, Incident
from app.schemas.incident import HandoverCreate, HandoverStageIn
from app.services.access import load_handover, load_incident, require_desk, require_room
from app.services.context import Actor, ServiceContext
from app.services.errors import Forbidden, Invalid, NotFound
from app.services.incidents import begin_edit
from app.services.journal import Journal
from app.services.mutations import run_mutation
from app.services.states import handover_state, incident_detail, incident_state
from app.services.webhooks import queue_handover_events

_HANDABLE = (Status.REGISTERED, Status.DISPATCHED, Status.IN_PROGRESS)


def hand_over(ctx: ServiceContext, actor: Actor, incident_id: int, body: HandoverCreate):
    def work(session: Session, journal: Journal) -> tuple[int, dict[str, Any]]:
        incident, old = begin_edit(ctx, session, journal, actor, incident_id, body.base_version)
        if Status(incident.status) not in _HANDABLE:
            raise Invalid(
                "Incident {number} is {status}; only a registered incident "
                "that is still open can be handed over.",
                number=incident.number, status=incident.status,
            )
        known = set(session.scalars(select(DutyServiceRow.code)))
        unknown = [s for s in body.services if s not in known]
        if unknown:
            raise Invalid("Unknown duty service: {_names}.", _names=", ".join(unknown),
                          services=unknown)
        now = journal.now
        existing = {
            h.service: h
            for h in session.scalars(select(Handover).where(Handover.incident_id == incident.id))
        }
        for service in dict.fromkeys(body.services):
            row = existing.get(service)
            if row is not None and row.stage != HandoverStage.RECALLED.value:
                continue  # already with that service: handing over twice changes nothing
            if row is None:
                row = Handover(incident_id=incident.id, service=service, version=0,
                               handed_over_at=now, stage=HandoverStage.HANDED_OVER.value)
                session.add(row)
                session.flush()
                before: dict[str, Any] = {}
            else:
                before = handover_state(session, row)
                for field in ("acknowledged_at", "crew_dispatched_at", "on_scene_at",
                              "resolved_at", "recalled_at"):
                    setattr(row, field, None)
                row.handed_over_at, row.stage = now, HandoverStage.HANDED_OVER.value
            row.handed_over_by_id = actor.id
            row.version += 1
            after = handover_state(session, row)
            if before:
                journal.changed("handover.renewed", "handover", row.id, before, after,
                                incident_id=incident.id, room=incident.room)
            else:
                journal.record("handover.created", "handover", row.id, after,
                               incident_id=incident.id, room=incident.room)
        if incident.status == Status.REGISTERED.value:
            incident.status = Status.DISPATCHED.value
        if incident.dispatched_at is None:
            incident.dispatched_at = now
        journal.changed("incident.dispatched", "incident", incident.id, old,
                        incident_state(incident), incident_id=incident.id, room=incident.room)
        # The services' own systems hear of it through the outbox, in this transaction.
        queue_handover_events(session, journal)
        return 200, incident_detail(session, incident)

    return run_mutation(ctx, actor, body, work)


def _may_report(actor: Actor, handover: Handover, incident: Incident) -> None:
    if actor.role is Role.DUTY_SERVICE:
        if actor.duty_service != handover.service:
            raise Forbidden("A duty service reports only on its own hand-overs.",
                            service=handover.service)
        return
    require_desk(actor)
    require_room(actor, incident.room)


def report_stage(ctx: ServiceContext, actor: Actor, handover_id: int, body: HandoverStageIn):
    def work(session: Session, journal: Journal) -> tuple[int, dict[str, Any]]:
        handover = load_handover(session, handover_id)
        incident = load_incident(session, handover.incident_id)
        _may_report(actor, handover, incident)
        target = HandoverStage(body.stage)
        current = HandoverStage(handover.stage)
        check_stage(current, target)
        before = handover_state(session, handover)
        for stamp in stamps_for(current, target):
            if getattr(handover, stamp) is None:
                setattr(handover, stamp, journal.now)
        handover.stage = target.value
        handover.version += 1
        if body.crew_id is not None:
            crew = session.get(Crew, body.crew_id)
            if crew is None or crew.service != handover.service:
                raise NotFound("The {service} service has no crew {crew_id}.",
                               service=handover.service, crew_id=body.crew_id)
            attached = session.scalar(select(HandoverCrew.id).where(
                HandoverCrew.handover_id == handover.id, HandoverCrew.crew_id == crew.id))
            if attached is None:
                session.add(HandoverCrew(handover_id=handover.id, crew_id=crew.id,
                                         attached_at=journal.now))
                session.flush()
        journal.changed(f"handover.{target.value}", "handover", handover.id, before,
                        handover_state(session, handover), incident_id=incident.id,
                        room=incident.room)
        _follow_incident(session, journal, incident)
        queue_handover_events(session, journal)
        return 200, incident_detail(session, incident)

    return run_mutation(ctx, actor, body, work)


def _follow_incident(session: Session, journal: Journal, incident: Incident) -> None:
    """Move the incident along with its hand-overs: acknowledged → in progress, all resolved
    → resolved."""
    stages = [HandoverStage(s) for s in session.scalars(
        select(Handover.stage).where(Handover.incident_id == incident.id))]
    status = Status(incident.status)
    target = incident_status_after(status, stages)
    if target is status:
        return
    old = incident_state(incident)
    incident.status = target.value
    if target is Status.IN_PROGRESS:
        incident.in_progress_at = incident.in_progress_at or journal.now
    if target is Status.RESOLVED:
        incident.resolved_at = journal.now
    incident.version += 1
    journal.changed(f"incident.{target.value}", "incident", incident.id, old,
                    incident_state(incident), incident_id=incident.id, room=incident.room)
