from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from app.domain.phones import InvalidPhone, normalize_phone
from app.schemas.base import ErrorBody, MutationIn
from app.schemas.incident import (
    CallerAdd,
    CallerOut,
    ClaimIn,
    CrewOut,
    CrewPosition,
    HandoverCreate,
    HandoverStageIn,
    IncidentAction,
    IncidentCreate,
    IncidentDetail,
    IncidentOut,
    IncidentPatch,
    NoteIn,
    NoteOut,
)
from app.schemas.stream import Change
from app.server.deps import Ctx, CurrentActor, IdPath
from app.services import claims, crews, feed, handovers, incidents, notes
from app.services.errors import Invalid

router = APIRouter(tags=["incidents"])

REFUSALS: dict[int | str, dict[str, Any]] = {
    s: {"model": ErrorBody} for s in (401, 403, 404, 409, 422, 429)
}


def reply(result: tuple[int, dict[str, Any]]) -> JSONResponse:
    status, body = result
    return JSONResponse(body, status_code=status)


@router.post("/incidents", status_code=201, response_model=IncidentDetail, responses=REFUSALS,
             summary="Register an incident (a phone call is registered at once; app, sensor and "
                     "112 reports arrive as new)")
def register(ctx: Ctx, actor: CurrentActor, body: IncidentCreate) -> JSONResponse:
    return reply(incidents.register(ctx, actor, body))


@router.get("/incidents/{incident_id}", response_model=IncidentDetail, responses=REFUSALS)
def get_incident(ctx: Ctx, actor: CurrentActor, incident_id: IdPath) -> dict[str, Any]:
    return incidents.get_detail(ctx, actor, incident_id)


@router.get("/incidents/{incident_id}/timeline", response_model=list[Change],
            responses=REFUSALS, summary="The incident's history from the change log")
def get_timeline(ctx: Ctx, actor: CurrentActor, incident_id: IdPath) -> list[Change]:
    incidents.get_detail(ctx, actor, incident_id)  # 404 or 403 before any history
    return feed.timeline(ctx, incident_id)


@router.patch("/incidents/{incident_id}", response_model=IncidentDetail, responses=REFUSALS,
              summary="Change fields; refused with 409 and the current state if it is stale")
def patch(ctx: Ctx, actor: CurrentActor, incident_id: IdPath, body: IncidentPatch) -> JSONResponse:
    return reply(incidents.patch(ctx, actor, incident_id, body))


@router.post("/incidents/{incident_id}/actions", response_model=IncidentDetail,
             responses=REFUSALS, summary="Move the incident: register, close, cancel, reopen…")
def act(ctx: Ctx, actor: CurrentActor, incident_id: IdPath, body: IncidentAction) -> JSONResponse:
    return reply(incidents.act(ctx, actor, incident_id, body))


@router.post("/incidents/{incident_id}/claim", response_model=IncidentOut, responses=REFUSALS,
             summary="Take the lease on an incident; 409 names the holder")
def claim(ctx: Ctx, actor: CurrentActor, incident_id: IdPath, body: ClaimIn) -> JSONResponse:
    return reply(claims.claim(ctx, actor, incident_id, body))


@router.post("/incidents/{incident_id}/release", response_model=IncidentOut, responses=REFUSALS)
def release(ctx: Ctx, actor: CurrentActor, incident_id: IdPath, body: MutationIn) -> JSONResponse:
    return reply(claims.release(ctx, actor, incident_id, body))


@router.post("/incidents/{incident_id}/handovers", response_model=IncidentDetail,
             responses=REFUSALS, summary="Hand the incident over to one or more duty services")
def hand_over(ctx: Ctx, actor: CurrentActor, incident_id: IdPath,
              body: HandoverCreate) -> JSONResponse:
    return reply(handovers.hand_over(ctx, actor, incident_id, body))


@router.post("/handovers/{handover_id}/stages", response_model=IncidentDetail,
             responses=REFUSALS,
             summary="A duty service reports: acknowledged, crew dispatched, on scene, resolved")
def report(ctx: Ctx, actor: CurrentActor, handover_id: IdPath,
           body: HandoverStageIn) -> JSONResponse:
    return reply(handovers.report_stage(ctx, actor, handover_id, body))


@router.post("/crews/{crew_id}/position", response_model=CrewOut, responses=REFUSALS,
             summary="A crew device reports where it is (its duty service's account)")
def crew_position(ctx: Ctx, actor: CurrentActor, crew_id: IdPath,
                  body: CrewPosition) -> JSONResponse:
    return reply(crews.report_position(ctx, actor, crew_id, body))


@router.post("/incidents/{incident_id}/notes", status_code=201, response_model=NoteOut,
             responses=REFUSALS)
def add_note(ctx: Ctx, actor: CurrentActor, incident_id: IdPath, body: NoteIn) -> JSONResponse:
    return reply(notes.note(ctx, actor, incident_id, body))


@router.post("/incidents/{incident_id}/callers", status_code=201, responses=REFUSALS)
def add_caller(ctx: Ctx, actor: CurrentActor, incident_id: IdPath,
               body: CallerAdd) -> JSONResponse:
    return reply(notes.caller(ctx, actor, incident_id, body))


@router.get("/incidents/{incident_id}/callers", response_model=list[CallerOut],
            responses=REFUSALS, summary="Callers' personal data; every read is recorded")
def read_callers(ctx: Ctx, actor: CurrentActor, incident_id: IdPath) -> list[CallerOut]:
    return notes.read_callers(ctx, actor, incident_id)


@router.get("/callers/incidents", responses=REFUSALS,
            summary="Earlier incidents from one phone number; the lookup is recorded")
def by_phone(ctx: Ctx, actor: CurrentActor,
             phone: str = Query(min_length=3, max_length=40)) -> list[dict[str, Any]]:
    try:
        normalized = normalize_phone(phone)
    except InvalidPhone as e:
        raise Invalid(e.template, **e.fields) from None
    return notes.incidents_by_phone(ctx, actor, normalized)
