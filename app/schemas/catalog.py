from __future__ import annotations

from app.schemas.base import Out


class RoomOut(Out):
    code: str
    name_ru: str
    name_en: str


class DutyServiceOut(Out):
    code: str
    name_ru: str
    name_en: str
    phone: str
    short_ru: str
    short_en: str


class CategoryOut(Out):
    code: str
    name_ru: str
    name_en: str


class NormsOut(Out):
    registration: int | None
    handover: int | None
    acknowledgement: int | None
    arrival: int | None
    resolution: int | None


class IncidentTypeOut(Out):
    code: str
    category: str
    name_ru: str
    name_en: str
    priority: int
    services: list[str]
    synonyms: list[str]
    sensitive: bool
    norms: NormsOut


class CatalogOut(Out):
    rooms: list[RoomOut]
    duty_services: list[DutyServiceOut]
    categories: list[CategoryOut]
    incident_types: list[IncidentTypeOut]


class AddressOut(Out):
    street: str
    house: str
    lat: float
    lon: float
    district: str | None
