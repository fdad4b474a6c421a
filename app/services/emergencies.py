"""Emergencies (ЧС): declaring one on an incident or changing its level, lifting it, and
recording the reports sent to the regional crisis centre.

The emergency lives on the incident (level, declared, lifted, next report's deadline), so
its every change is an incident change in the journal and reaches every console, the wall
and the map through the stream. A report is frozen as sent, in its own table, and
journaled whole.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.emergencies import (
    LEVEL_RU,
    STAGE_RU,
    Consequences,
    DueReport,
    EmergencyLevel,
    Force,
    Measure,
    ReportFacts,
    ReportKind,
    ReportSection,
    SentReport,
    check_kind,
    draft_report,
    in_force,
    next_due,
    overdue,
)
from app.domain.enums import FINAL_STATUSES, Role, Status
from app.models import (
    Crew,
    DutyServiceRow,
    EmergencyReport,
    Handover,
    HandoverCrew,
    Incident,
    IncidentTypeRow,
    Note,
)
from app.schemas.emergencies import EmergencyDeclare, EmergencyLift, EmergencyReportIn
from app.services.access import load_incident, require_desk, require_room
from app.services.context import Actor, ServiceContext
from app.services.errors import Forbidden, Invalid
from app.services.incidents import add_note, check_version
from app.services.journal import Journal
from app.services.mutations import run_mutation
from app.services.states import incident_detail, incident_state

OFFICERS = frozenset({Role.SUPERVISOR, Role.ADMIN})


def _require_officer(actor: Actor, incident: Incident) -> None:
    """Declaring and lifting an emergency is the senior duty officer's decision."""
    if actor.role not in OFFICERS:
        raise Forbidden("Only a supervisor (the senior duty officer) or an admin may declare, "
                        "change or lift an emergency.", role=actor.role.value)
    require_room(actor, incident.room)


def _current_reports(session: Session, incident: Incident) -> list[EmergencyReport]:
    """The reports of the incident's latest emergency, in the order they were sent."""
    if incident.emergency_at is None:
        return []
    return list(session.scalars(
        select(EmergencyReport)
        .where(EmergencyReport.incident_id == incident.id,
               EmergencyReport.declared_at == incident.emergency_at)
        .order_by(EmergencyReport.number)))


def _due(ctx: ServiceContext, incident: Incident,
         reports: list[EmergencyReport]) -> DueReport | None:
    if incident.emergency_level is None or incident.emergency_at is None:
        return None
    return next_due(ctx.emergency_schedule, declared_at=incident.emergency_at,
                    lifted_at=incident.emergency_lifted_at,
                    sent=[SentReport(ReportKind(r.kind), r.due_at, r.sent_at) for r in reports])


def report_state(row: EmergencyReport) -> dict[str, Any]:
    """A report as the journal, the stream and the console carry it."""
    return {
        "id": row.id, "incident_id": row.incident_id,
        "declared_at": row.declared_at.isoformat(), "kind": row.kind, "number": row.number,
        "due_at": row.due_at.isoformat(), "sent_at": row.sent_at.isoformat(),
        "sent_by_id": row.sent_by_id, "sent_by_name": row.sent_by_name,
        "channel": row.channel, "accepted_by": row.accepted_by,
        "sections": row.body["sections"], "consequences": row.body["consequences"],
    }


def _sections_json(sections: list[ReportSection]) -> list[dict[str, Any]]:
    return [{"key": s.key, "title": s.title,
             "fields": [asdict(f) for f in s.fields]} for s in sections]


def _address(incident: Incident) -> str:
    # Never the flat: it is the caller's, and the report goes outside the room.
    street = ", ".join(p for p in (incident.street, incident.house) if p)
    return "; ".join(p for p in (street, incident.landmark) if p)


def _facts(session: Session, ctx: ServiceContext, incident: Incident, number: int,
           now: datetime, reporter: str, consequences: Consequences | None = None,
           additions: str = "") -> ReportFacts:
    type_row = (session.get(IncidentTypeRow, incident.type_code)
                if incident.type_code else None)
    services = dict(session.execute(select(DutyServiceRow.code, DutyServiceRow.name_ru)).all())
    handovers = list(session.scalars(
        select(Handover).where(Handover.incident_id == incident.id).order_by(Handover.id)))
    crews: dict[int, list[str]] = {h.id: [] for h in handovers}
    if handovers:
        for handover_id, callsign in session.execute(
            select(HandoverCrew.handover_id, Crew.callsign)
            .join(Crew, Crew.id == HandoverCrew.crew_id)
            .where(HandoverCrew.handover_id.in_(crews)).order_by(HandoverCrew.id)
        ):
            crews[handover_id].append(callsign)
    notes = session.scalars(
        select(Note).where(Note.incident_id == incident.id).order_by(Note.id))
    assert incident.emergency_level is not None and incident.emergency_at is not None
    return ReportFacts(
        number=number, as_of=now, edds=ctx.edds_name, incident_number=incident.number,
        type_name=type_row.name_ru if type_row else "", description=incident.description,
        address=_address(incident), district=incident.district, lat=incident.lat,
        lon=incident.lon, received_at=incident.received_at,
        level=EmergencyLevel(incident.emergency_level), declared_at=incident.emergency_at,
        lifted_at=incident.emergency_lifted_at, reporter=reporter,
        consequences=consequences or Consequences(),
        forces=tuple(Force(services.get(h.service, h.service), STAGE_RU.get(h.stage, h.stage),
                           tuple(crews[h.id])) for h in handovers),
        measures=tuple(Measure(n.at, n.author_name, n.text) for n in notes),
        additions=additions)


def declare(ctx: ServiceContext, actor: Actor, incident_id: int, body: EmergencyDeclare):
    """Declare an emergency on the incident, or change the level of the one in force."""

    def work(session: Session, journal: Journal) -> tuple[int, dict[str, Any]]:
        incident = load_incident(session, incident_id)
        _require_officer(actor, incident)
        check_version(incident, body.base_version)
        if Status(incident.status) in FINAL_STATUSES:
            raise Invalid("Incident {number} is {status}; an emergency is "
                          "declared on an incident that is still being worked.",
                          number=incident.number, status=incident.status)
        old = incident_state(incident)
        reason = (body.reason or "").strip()
        if in_force(incident.emergency_level, incident.emergency_lifted_at):
            if incident.emergency_level == body.level.value:
                raise Invalid("The emergency on incident {number} is already {level}.",
                              number=incident.number, level=body.level.value)
            was = EmergencyLevel(incident.emergency_level)
            incident.emergency_level = body.level.value
            kind = "emergency.level_changed"
            text = f"Уровень ЧС изменён: {LEVEL_RU[was]} → {LEVEL_RU[body.level]}"
        else:
            if incident.emergency_level is not None and incident.emergency_report_due:
                raise Invalid(
                    "The emergency on incident {number} was lifted and its final "
                    "report has not been sent yet; send it before declaring a new one.",
                    number=incident.number)
            incident.emergency_level = body.level.value
            incident.emergency_at = journal.now
            incident.emergency_lifted_at = None
            incident.emergency_report_due = journal.now + ctx.emergency_schedule.first_within
            kind = "emergency.declared"
            text = f"Введён режим ЧС, уровень: {LEVEL_RU[body.level]}"
        incident.version += 1
        journal.changed(kind, "incident", incident.id, old, incident_state(incident),
                        incident_id=incident.id, room=incident.room)
        add_note(session, journal, incident, f"{text}. {reason}" if reason else text)
        return 200, incident_detail(session, incident)

    return run_mutation(ctx, actor, body, work)


def lift(ctx: ServiceContext, actor: Actor, incident_id: int, body: EmergencyLift):
    """End the emergency; the final report becomes due."""

    def work(session: Session, journal: Journal) -> tuple[int, dict[str, Any]]:
        incident = load_incident(session, incident_id)
        _require_officer(actor, incident)
        check_version(incident, body.base_version)
        if not in_force(incident.emergency_level, incident.emergency_lifted_at):
            raise Invalid("No emergency is in force on incident {number}.", number=incident.number)
        old = incident_state(incident)
        incident.emergency_lifted_at = journal.now
        due = _due(ctx, incident, _current_reports(session, incident))
        incident.emergency_report_due = due.due_at if due else None
        incident.version += 1
        journal.changed("emergency.lifted", "incident", incident.id, old,
                        incident_state(incident), incident_id=incident.id, room=incident.room)
        add_note(session, journal, incident, f"Режим ЧС снят. {body.reason.strip()}")
        return 200, incident_detail(session, incident)

    return run_mutation(ctx, actor, body, work)


def send_report(ctx: ServiceContext, actor: Actor, incident_id: int, body: EmergencyReportIn):
    """Record a report as sent: its body is made from the incident as it is now, with the
    officer's figures and words, and kept as it was sent."""

    def work(session: Session, journal: Journal) -> tuple[int, dict[str, Any]]:
        require_desk(actor)
        incident = load_incident(session, incident_id)
        require_room(actor, incident.room)
        if incident.emergency_level is None or incident.emergency_at is None:
            raise Invalid("No emergency has been declared on incident {number}.",
                          number=incident.number)
        reports = _current_reports(session, incident)
        due = _due(ctx, incident, reports)
        check_kind(due, body.kind)
        assert due is not None
        now = journal.now
        consequences = Consequences(**body.consequences.model_dump())
        sections = draft_report(body.kind, _facts(session, ctx, incident, due.number, now,
                                                  actor.name, consequences, body.additions))
        row = EmergencyReport(
            incident_id=incident.id, declared_at=incident.emergency_at, kind=body.kind.value,
            number=due.number, due_at=due.due_at, sent_at=now, sent_by_id=actor.id,
            sent_by_name=actor.name, channel=body.channel, accepted_by=body.accepted_by,
            body={"sections": _sections_json(sections),
                  "consequences": body.consequences.model_dump(mode="json")},
            mutation_id=journal.mutation_id)
        session.add(row)
        session.flush()
        journal.record("emergency.report_sent", "emergency_report", row.id, report_state(row),
                       incident_id=incident.id, room=incident.room)
        old = incident_state(incident)
        following = _due(ctx, incident, [*reports, row])
        incident.emergency_report_due = following.due_at if following else None
        incident.version += 1
        journal.changed("emergency.report_due", "incident", incident.id, old,
                        incident_state(incident), incident_id=incident.id, room=incident.room)
        return 201, report_state(row)

    return run_mutation(ctx, actor, body, work)


def reports(ctx: ServiceContext, actor: Actor, incident_id: int) -> dict[str, Any]:
    """Every report sent on the incident's emergencies, and the one due now with its draft
    from the incident as it is (the consequences left for the officer to enter)."""
    require_desk(actor)
    with ctx.db.read() as session:
        incident = load_incident(session, incident_id, lock=False)
        current = _current_reports(session, incident)
        due = _due(ctx, incident, current)
        now = ctx.clock()
        draft = (_sections_json(draft_report(due.kind, _facts(
            session, ctx, incident, due.number, now, actor.name))) if due else None)
        rows = session.scalars(select(EmergencyReport)
                               .where(EmergencyReport.incident_id == incident.id)
                               .order_by(EmergencyReport.id))
        return {
            "incident_id": incident.id,
            "level": incident.emergency_level,
            "declared_at": incident.emergency_at,
            "lifted_at": incident.emergency_lifted_at,
            "due": ({"kind": due.kind.value, "number": due.number, "due_at": due.due_at,
                     "overdue": overdue(due.due_at, now)} if due else None),
            "draft": draft,
            "reports": [report_state(r) for r in rows],
        }
