"""Emergencies (ЧС) on an incident: declare or change the level, lift, and the reports to
the regional crisis centre."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from app.schemas.emergencies import (
    EmergencyDeclare,
    EmergencyLift,
    EmergencyReportIn,
    EmergencyReportOut,
    EmergencyReports,
)
from app.schemas.incident import IncidentDetail
from app.server.deps import Ctx, CurrentActor, IdPath
from app.server.routes.incidents import REFUSALS, reply
from app.services import emergencies

router = APIRouter(tags=["emergencies"])


@router.post("/incidents/{incident_id}/emergency", response_model=IncidentDetail,
             responses=REFUSALS,
             summary="Declare an emergency on the incident, or change its level (supervisors "
                     "and admins of the room); the first report becomes due")
def declare(ctx: Ctx, actor: CurrentActor, incident_id: IdPath,
            body: EmergencyDeclare) -> JSONResponse:
    return reply(emergencies.declare(ctx, actor, incident_id, body))


@router.post("/incidents/{incident_id}/emergency/lift", response_model=IncidentDetail,
             responses=REFUSALS,
             summary="Lift the emergency (supervisors and admins of the room); the final "
                     "report becomes due")
def lift(ctx: Ctx, actor: CurrentActor, incident_id: IdPath,
         body: EmergencyLift) -> JSONResponse:
    return reply(emergencies.lift(ctx, actor, incident_id, body))


@router.get("/incidents/{incident_id}/emergency/reports", response_model=EmergencyReports,
            responses=REFUSALS,
            summary="The reports sent to the crisis centre, and the draft of the one due now")
def reports(ctx: Ctx, actor: CurrentActor, incident_id: IdPath) -> dict[str, Any]:
    return emergencies.reports(ctx, actor, incident_id)


@router.post("/incidents/{incident_id}/emergency/reports", status_code=201,
             response_model=EmergencyReportOut, responses=REFUSALS,
             summary="Record a report as sent to the crisis centre (desk users of the room); "
                     "one out of order is refused")
def send_report(ctx: Ctx, actor: CurrentActor, incident_id: IdPath,
                body: EmergencyReportIn) -> JSONResponse:
    return reply(emergencies.send_report(ctx, actor, incident_id, body))
