"""Personal data on request (152-FZ): what the service holds about one phone number."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from app.domain.phones import InvalidPhone, normalize_phone
from app.schemas.base import ErrorBody
from app.schemas.personal import PersonalDataExport
from app.server.deps import Ctx, CurrentActor
from app.services import personal_data
from app.services.context import Actor
from app.services.errors import Invalid

router = APIRouter(tags=["personal data"])

REFUSALS: dict[int | str, dict[str, Any]] = {s: {"model": ErrorBody} for s in (401, 403, 422)}


def exporter(actor: CurrentActor) -> Actor:
    # A dependency, so the role is checked before the number: others learn nothing, not
    # even whether their number was well formed.
    personal_data.require_exporter(actor)
    return actor


Exporter = Annotated[Actor, Depends(exporter)]


def normalized(phone: str) -> str:
    try:
        return normalize_phone(phone)
    except InvalidPhone as e:
        raise Invalid(e.template, **e.fields, field="phone") from None


@router.get("/personal-data", response_model=PersonalDataExport, responses=REFUSALS,
            summary="Everything held about one phone number: its callers, their incidents, "
                    "and who read them (supervisors and administrators; the export is recorded)")
def export(ctx: Ctx, actor: Exporter,
           phone: str = Query(min_length=1, max_length=40)) -> PersonalDataExport:
    return personal_data.export(ctx, actor, normalized(phone))
