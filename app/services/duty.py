"""A duty service's own board: the hand-overs given to it, each with its incident, and its
crews. The service acknowledges and reports on them from here (handovers.report_stage)."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from datetime import timedelta

from sqlalchemy import or_, select

from app.domain.catalog import Norms
from app.domain.enums import HandoverStage, Role
from app.models import Crew, Handover, HandoverCrew, Incident, IncidentTypeRow
from app.schemas.duty import DutyBoardOut, DutyHandoverOut
from app.schemas.incident import CrewOut, HandoverOut, IncidentOut
from app.services.context import Actor, ServiceContext
from app.services.errors import Forbidden

# A finished hand-over stays on the board this long, so the service sees what it closed.
KEEP_FINISHED = timedelta(hours=12)
_FINISHED = (HandoverStage.RESOLVED.value, HandoverStage.RECALLED.value)


def service_of(actor: Actor) -> str:
    if actor.role is not Role.DUTY_SERVICE or not actor.duty_service:
        raise Forbidden("This board is a duty service's: sign in with the service's account.",
                        role=actor.role.value)
    return actor.duty_service


def board(ctx: ServiceContext, actor: Actor) -> DutyBoardOut:
    service = service_of(actor)
    now = ctx.clock()
    horizon = now - KEEP_FINISHED
    with ctx.db.read() as s:
        handovers = list(s.scalars(
            select(Handover)
            .where(Handover.service == service,
                   or_(Handover.stage.not_in(_FINISHED), Handover.resolved_at >= horizon,
                       Handover.recalled_at >= horizon))
            .order_by(Handover.handed_over_at, Handover.id)))
        ids = {h.incident_id for h in handovers}
        incidents = {i.id: IncidentOut.model_validate(i) for i in
                     s.scalars(select(Incident).where(Incident.id.in_(ids)))} if ids else {}
        crews_of: dict[int, list[int]] = defaultdict(list)
        if handovers:
            for handover_id, crew_id in s.execute(
                    select(HandoverCrew.handover_id, HandoverCrew.crew_id)
                    .where(HandoverCrew.handover_id.in_([h.id for h in handovers]))
                    .order_by(HandoverCrew.id)):
                crews_of[handover_id].append(crew_id)
        types = {i.type_code for i in incidents.values() if i.type_code}
        ack_norm: dict[str, int | None] = {
            code: norm for code, norm in s.execute(
                select(IncidentTypeRow.code, IncidentTypeRow.norm_acknowledgement)
                .where(IncidentTypeRow.code.in_(types)))}
        crews = [CrewOut.model_validate(c) for c in
                 s.scalars(select(Crew).where(Crew.service == service).order_by(Crew.id))]
        rows = []
        for h in handovers:
            incident = incidents[h.incident_id]
            seconds = ack_norm.get(incident.type_code or "", Norms().acknowledgement)
            base = HandoverOut.model_validate(h)
            due = base.handed_over_at + timedelta(seconds=seconds) if seconds is not None else None
            rows.append(DutyHandoverOut(**{**base.model_dump(), "crew_ids": crews_of.get(h.id, [])},
                                        incident=incident, ack_due_at=due))
    return DutyBoardOut(service=service, server_time=now, etag=_tag(rows, crews),
                        handovers=rows, crews=crews)


def _tag(rows: list[DutyHandoverOut], crews: list[CrewOut]) -> str:
    digest = hashlib.sha256()
    for part in (*rows, *crews):
        digest.update(part.model_dump_json().encode())
    return digest.hexdigest()[:32]
