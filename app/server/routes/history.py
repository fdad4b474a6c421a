"""Time travel: the state at a past moment, rebuilt from the change log, for supervisors."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Query, Response
from pydantic import Field

from app.domain.enums import Role
from app.schemas.base import ErrorBody
from app.schemas.stream import Snapshot
from app.server.deps import Ctx, require_roles
from app.services import history

router = APIRouter(tags=["history"])


class StateAt(Snapshot):
    at: datetime = Field(description="The moment the state is rebuilt for.")


@router.get(
    "/history/state", response_model=StateAt,
    # Supervisors look back; the unattended wall, the desks and duty services see the
    # live state only.
    dependencies=[require_roles(Role.SUPERVISOR, Role.ADMIN)],
    responses={s: {"model": ErrorBody} for s in (401, 403, 422)},
    summary="The state at a past moment, rebuilt from the change log",
    description="Every change stamped at or before ``at`` (the service's clock), replayed "
    "in order onto an empty state. ``seq`` is the last change replayed. Without ``at``: "
    f"now. At most {history.WINDOW.days} days back.")
def get_state_at(ctx: Ctx, at: datetime | None = Query(
        None, description="An ISO 8601 time with its offset")) -> Response:
    moment = history.check_moment(ctx, at)
    return Response(history.state_at_json(ctx, moment), media_type="application/json")
