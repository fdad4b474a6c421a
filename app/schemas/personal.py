"""What the service holds about one phone number (152-FZ: the person's right to know)."""

from __future__ import annotations

from datetime import datetime

from app.schemas.base import Out


class CallerIncident(Out):
    id: int
    number: str
    status: str
    received_at: datetime
    street: str | None
    house: str | None
    entrance: str | None
    floor: str | None
    flat: str | None
    landmark: str | None
    district: str | None


class CallerRecord(Out):
    id: int
    name: str | None
    phone: str | None
    created_at: datetime
    erased_at: datetime | None
    incident: CallerIncident


class ReadRecord(Out):
    """One recorded read of personal data: who, when, why, and of what."""

    at: datetime
    user_id: int
    user_login: str | None
    user_name: str | None
    purpose: str
    incident_id: int | None
    incident_number: str | None
    phone: str | None


class PersonalDataExport(Out):
    phone: str
    exported_at: datetime
    callers: list[CallerRecord]
    reads: list[ReadRecord]
