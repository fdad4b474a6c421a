"""Reports: counts and times of a period's incidents, for supervisors and administrators."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Query

from app.domain.enums import Role
from app.domain.reports import Grouping
from app.schemas.base import ErrorBody
from app.schemas.reports import ReportOut
from app.server.deps import Ctx, require_roles
from app.services import reports

router = APIRouter(tags=["reports"])


@router.get(
    "/reports", response_model=ReportOut,
    # Reports judge the whole room's work against its norms: the senior duty officer's and
    # the head's business, as is the look back in time. Operators see their live queue;
    # the wall and duty services have no use for them.
    dependencies=[require_roles(Role.SUPERVISOR, Role.ADMIN)],
    responses={s: {"model": ErrorBody} for s in (401, 403, 422)},
    summary="Counts and times of the incidents received in a period, by type, duty service, "
            "district or source",
    description="Incidents received in [from, to), city-wide. Times are seconds of the steps "
    "that are done; each carries its own count. At most "
    f"{reports.MAX_SPAN.days} days.")
def get_report(
    ctx: Ctx,
    start: datetime = Query(alias="from", description="ISO 8601 with its offset; included"),
    end: datetime = Query(alias="to", description="ISO 8601 with its offset; excluded"),
    by: Grouping = Query(Grouping.TYPE, description="What the rows are"),
) -> ReportOut:
    return reports.build(ctx, start, end, by)
