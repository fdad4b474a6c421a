"""Where reported points may lie: the gazetteer's houses plus ``ctx.service_area_margin_km``.

The area comes from the city's own address register, so a deployment for another city gets
its own area by importing its gazetteer; with no gazetteer yet there is no area to check."""

from __future__ import annotations

import time

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.area import Box, km_outside, widen
from app.models import AddressRow
from app.services.context import ServiceContext
from app.services.errors import Invalid

# The register changes by an administrator's import, rarely; crews report often.
CACHE_SECONDS = 300.0


def service_area(ctx: ServiceContext, session: Session) -> Box | None:
    cached = ctx.area_cache.get("area")
    if cached is not None and time.monotonic() - cached[1] < CACHE_SECONDS:
        return cached[0]
    south, west, north, east = session.execute(
        select(func.min(AddressRow.lat), func.min(AddressRow.lon),
               func.max(AddressRow.lat), func.max(AddressRow.lon))
    ).one()
    box = (None if south is None else
           widen((south, west, north, east), ctx.service_area_margin_km))
    ctx.area_cache["area"] = (box, time.monotonic())
    return box


def require_in_area(
    ctx: ServiceContext, session: Session, lat: float | None, lon: float | None, name: str
) -> None:
    """Refuse a point (given in field ``name``) far outside the city's service area."""
    if lat is None or lon is None:
        return
    box = service_area(ctx, session)
    if box is None:
        return
    away = km_outside(box, lat, lon)
    if away > 0:
        margin = ctx.service_area_margin_km
        raise Invalid(
            "The point in '{field}' ({lat:.5f}, {lon:.5f}) lies about "
            "{_away:,.0f} km from the city's known addresses; the service accepts "
            "points up to {margin_km:g} km from them. Check the coordinates (latitude first, "
            "then longitude).",
            field=name, lat=lat, lon=lon, margin_km=margin, _away=away + margin)
