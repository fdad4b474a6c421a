from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from app.schemas.auth import RevokeIn, SessionsRevoked
from app.schemas.base import ErrorBody
from app.server.deps import Ctx, CurrentActor, IdPath
from app.services import auth

router = APIRouter(prefix="/users", tags=["users"])

REFUSALS: dict[int | str, dict[str, Any]] = {
    s: {"model": ErrorBody} for s in (401, 403, 404, 409, 422)
}


@router.post("/{user_id}/sessions/revoke", response_model=SessionsRevoked, responses=REFUSALS,
             summary="End every session of a user at once (administrators only)")
def revoke_sessions(ctx: Ctx, actor: CurrentActor, user_id: IdPath,
                    body: RevokeIn) -> JSONResponse:
    status, result = auth.revoke_sessions(ctx, actor, user_id, body.mutation_id)
    return JSONResponse(result, status_code=status)
