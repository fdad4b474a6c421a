"""The shift handover (signed by the outgoing and the incoming supervisor) and the journal
export of a date range."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse, StreamingResponse

from app.domain.timezone import to_city
from app.schemas.base import ErrorBody
from app.schemas.shift_handover import (
    DraftOut,
    ShiftHandoverOut,
    SignedIn,
    SignInIn,
    SignOutIn,
)
from app.server.deps import Ctx, CurrentActor, IdPath
from app.services import journal_export, shift_handovers

router = APIRouter()

REFUSALS: dict[int | str, dict[str, Any]] = {
    s: {"model": ErrorBody} for s in (401, 403, 404, 409, 422, 429)
}
ROOM = Query(None, min_length=1, max_length=20,
             description="The room; a supervisor's own if not given.")


def reply(result: tuple[int, dict[str, Any]]) -> JSONResponse:
    status, body = result
    return JSONResponse(body, status_code=status)


@router.get("/shift-handovers/draft", response_model=DraftOut, responses=REFUSALS,
            tags=["shift handovers"],
            summary="The summary of the shift due for handover, as it stands now")
def get_draft(ctx: Ctx, actor: CurrentActor, room: str | None = ROOM) -> JSONResponse:
    return JSONResponse(shift_handovers.draft(ctx, actor, room))


@router.post("/shift-handovers", status_code=201, response_model=ShiftHandoverOut,
             responses=REFUSALS, tags=["shift handovers"],
             summary="The outgoing supervisor signs the handover (password asked again); the "
                     "summary is frozen with its hash. One per room and shift.")
def sign_out(ctx: Ctx, actor: CurrentActor, body: SignOutIn) -> JSONResponse:
    return reply(shift_handovers.sign_out(ctx, actor, body))


@router.post("/shift-handovers/{shift_handover_id}/sign", response_model=SignedIn,
             responses=REFUSALS, tags=["shift handovers"],
             summary="Another supervisor of the room accepts the shift; the claims the summary "
                     "lists that their holders still hold pass to them")
def sign_in(ctx: Ctx, actor: CurrentActor, shift_handover_id: IdPath,
            body: SignInIn) -> JSONResponse:
    return reply(shift_handovers.sign_in(ctx, actor, shift_handover_id, body))


@router.get("/shift-handovers", response_model=list[ShiftHandoverOut], responses=REFUSALS,
            tags=["shift handovers"], summary="Signed handovers, the newest first")
def list_handovers(ctx: Ctx, actor: CurrentActor, room: str | None = ROOM,
                   limit: int = Query(20, ge=1, le=shift_handovers.MAX_LIST)) -> JSONResponse:
    return JSONResponse(shift_handovers.listing(ctx, actor, room, limit))


@router.get("/shift-handovers/{shift_handover_id}", response_model=ShiftHandoverOut,
            responses=REFUSALS, tags=["shift handovers"])
def get_handover(ctx: Ctx, actor: CurrentActor, shift_handover_id: IdPath) -> JSONResponse:
    return JSONResponse(shift_handovers.get(ctx, actor, shift_handover_id))


@router.get(
    "/journal", response_class=StreamingResponse, tags=["journal"],
    responses={200: {"description": "The change log's rows stamped in [start, end), as CSV "
                     "(UTF-8 with a byte-order mark): " + ", ".join(journal_export.COLUMNS),
                     "content": {"text/csv": {"schema": {"type": "string"}}}},
               **{s: {"model": ErrorBody} for s in (401, 403, 422)}},
    summary="The change log of a date range as CSV (supervisors and administrators)",
    description=f"At most {journal_export.MAX_SPAN.days} days. Callers appear by id only.")
def export_journal(
    ctx: Ctx, actor: CurrentActor,
    start: datetime = Query(description="ISO 8601 with its offset; included"),
    end: datetime = Query(description="ISO 8601 with its offset; excluded"),
) -> StreamingResponse:
    journal_export.check_range(actor, start, end)
    name = f"journal-{to_city(start):%Y%m%d-%H%M}-{to_city(end):%Y%m%d-%H%M}.csv"
    return StreamingResponse(journal_export.csv_chunks(ctx, start, end),
                             media_type="text/csv; charset=utf-8",
                             headers={"Content-Disposition": f'attachment; filename="{name}"'})
