"""Reference data: what the consoles need to classify and route."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.catalog import Category, DutyService, IncidentType, Room
from app.models import CategoryRow, DutyServiceRow, IncidentTypeRow, RoomRow, SettingRow
from app.schemas.catalog import (
    CatalogOut,
    CategoryOut,
    DutyServiceOut,
    IncidentTypeOut,
    NormsOut,
    RoomOut,
)
from app.services.context import ServiceContext


def _type_out(row: IncidentTypeRow) -> IncidentTypeOut:
    return IncidentTypeOut(
        code=row.code, category=row.category, name_ru=row.name_ru, name_en=row.name_en,
        priority=row.priority, services=list(row.services), synonyms=list(row.synonyms),
        sensitive=row.sensitive,
        norms=NormsOut(registration=row.norm_registration, handover=row.norm_handover,
                       acknowledgement=row.norm_acknowledgement, arrival=row.norm_arrival,
                       resolution=row.norm_resolution),
    )


def catalog(ctx: ServiceContext) -> CatalogOut:
    with ctx.db.read() as s:
        return CatalogOut(
            rooms=[RoomOut.model_validate(r) for r in s.scalars(select(RoomRow))],
            duty_services=[DutyServiceOut.model_validate(r) for r in
                           s.scalars(select(DutyServiceRow))],
            categories=[CategoryOut.model_validate(r) for r in s.scalars(select(CategoryRow))],
            incident_types=[_type_out(r) for r in
                            s.scalars(select(IncidentTypeRow).order_by(IncidentTypeRow.code))],
        )


def store_reference(
    session: Session,
    rooms: list[Room],
    services: list[DutyService],
    categories: list[Category],
    types: list[IncidentType],
    settings: dict[str, dict],
) -> None:
    """Insert or update the reference data (idempotent, so seeding twice is harmless)."""
    for r in rooms:
        session.merge(RoomRow(code=r.code, name_ru=r.name_ru, name_en=r.name_en))
    for d in services:
        session.merge(DutyServiceRow(code=d.code, name_ru=d.name_ru, name_en=d.name_en,
                                     phone=d.phone, short_ru=d.short_ru or d.name_ru,
                                     short_en=d.short_en or d.name_en))
    for c in categories:
        session.merge(CategoryRow(code=c.code, name_ru=c.name_ru, name_en=c.name_en))
    session.flush()
    for t in types:
        n = t.norms
        session.merge(IncidentTypeRow(
            code=t.code, category=t.category, name_ru=t.name_ru, name_en=t.name_en,
            priority=int(t.priority), services=list(t.services), synonyms=list(t.synonyms),
            sensitive=t.sensitive, norm_registration=n.registration, norm_handover=n.handover,
            norm_acknowledgement=n.acknowledgement, norm_arrival=n.arrival,
            norm_resolution=n.resolution,
        ))
    for key, value in settings.items():
        session.merge(SettingRow(key=key, value=value))
    session.flush()
