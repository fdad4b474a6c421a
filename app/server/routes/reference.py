from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Query

from app.schemas.catalog import AddressOut, CatalogOut
from app.server.deps import Ctx, CurrentActor
from app.services import catalog, gazetteer

router = APIRouter(tags=["reference"])


@router.get("/catalog", response_model=CatalogOut, summary="Rooms, duty services, classifier")
def get_catalog(ctx: Ctx, _actor: CurrentActor) -> CatalogOut:
    return catalog.catalog(ctx)


@router.get("/time", summary="The service's clock, the truth for every stamp")
def server_time(ctx: Ctx) -> dict[str, datetime]:
    return {"server_time": ctx.clock()}


@router.get("/gazetteer/streets", response_model=list[str])
def streets(
    ctx: Ctx, _actor: CurrentActor, q: str = Query("", max_length=100),
    limit: int = Query(20, ge=1, le=5000),
) -> list[str]:
    """Streets whose name contains ``q`` (all of them, up to ``limit``, when it is empty)."""
    with ctx.db.read() as s:
        return gazetteer.streets(s, q, limit)


@router.get("/gazetteer/houses", response_model=list[AddressOut])
def houses(ctx: Ctx, _actor: CurrentActor,
           street: str = Query(min_length=1, max_length=200)) -> list[AddressOut]:
    with ctx.db.read() as s:
        return gazetteer.houses(s, street)


@router.get("/gazetteer/reverse", response_model=AddressOut | None,
            summary="The nearest known house to a point (offline reverse geocoding)")
def reverse(ctx: Ctx, _actor: CurrentActor, lat: float = Query(ge=-90, le=90),
            lon: float = Query(ge=-180, le=180)) -> AddressOut | None:
    with ctx.db.read() as s:
        found = gazetteer.reverse(s, lat, lon)
    return AddressOut.model_validate(found, from_attributes=True) if found else None


@router.get("/gazetteer/basemap",
            summary="Districts, rivers and streets for the offline basemap, as [lat, lon] lines")
def basemap(ctx: Ctx, _actor: CurrentActor) -> dict[str, object]:
    with ctx.db.read() as s:
        return gazetteer.basemap(s)


@router.get("/gazetteer/districts", summary="District polygons as [lat, lon] rings")
def districts(ctx: Ctx, _actor: CurrentActor) -> dict[str, list[list[float]]]:
    with ctx.db.read() as s:
        return gazetteer.districts(s)
