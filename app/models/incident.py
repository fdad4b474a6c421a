"""Incidents, their hand-overs to duty services, crews and notes."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class IncidentCounter(Base):
    """Per-year counter for human numbers (2026-000123), taken by UPDATE ... RETURNING."""

    __tablename__ = "incident_counters"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last: Mapped[int] = mapped_column(Integer, default=0)


class Incident(Base):
    __tablename__ = "incidents"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    room: Mapped[str] = mapped_column(ForeignKey("rooms.code"), index=True)
    type_code: Mapped[str | None] = mapped_column(ForeignKey("incident_types.code"))
    priority: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20), index=True)
    source: Mapped[str] = mapped_column(String(20))

    street: Mapped[str | None] = mapped_column(String(200))
    house: Mapped[str | None] = mapped_column(String(20))
    entrance: Mapped[str | None] = mapped_column(String(10))
    floor: Mapped[str | None] = mapped_column(String(10))
    flat: Mapped[str | None] = mapped_column(String(10))
    landmark: Mapped[str | None] = mapped_column(String(300))
    # False: the gazetteer had no match and the place is a pin only.
    address_verified: Mapped[bool] = mapped_column(Boolean, default=False)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    district: Mapped[str | None] = mapped_column(String(60))
    description: Mapped[str] = mapped_column(Text, default="")
    result: Mapped[str | None] = mapped_column(Text)

    received_at: Mapped[datetime]
    registered_at: Mapped[datetime | None]
    dispatched_at: Mapped[datetime | None]
    in_progress_at: Mapped[datetime | None]
    resolved_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    cancelled_at: Mapped[datetime | None]
    reopened_at: Mapped[datetime | None]
    # How long the operator's intake form was open before registering: a quality figure.
    registration_seconds: Mapped[float | None] = mapped_column(Float)
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("incidents.id"))

    # An emergency (ЧС) declared on the incident: its level (app.domain.emergencies), when
    # it was declared and lifted, and the next report's deadline, kept here so that every
    # console, the wall and the map count down from the replica alone.
    emergency_level: Mapped[str | None] = mapped_column(String(20))
    emergency_at: Mapped[datetime | None]
    emergency_lifted_at: Mapped[datetime | None]
    emergency_report_due: Mapped[datetime | None]

    claim_holder_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    claim_holder_name: Mapped[str | None] = mapped_column(String(120))
    claim_expires_at: Mapped[datetime | None]

    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)


class Handover(Base):
    """One incident handed to one duty service, with that service's own stamps."""

    __tablename__ = "handovers"
    __table_args__ = (UniqueConstraint("incident_id", "service"),)

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"), index=True)
    service: Mapped[str] = mapped_column(ForeignKey("duty_services.code"))
    stage: Mapped[str] = mapped_column(String(20))
    handed_over_at: Mapped[datetime]
    acknowledged_at: Mapped[datetime | None]
    crew_dispatched_at: Mapped[datetime | None]
    on_scene_at: Mapped[datetime | None]
    resolved_at: Mapped[datetime | None]
    recalled_at: Mapped[datetime | None]
    handed_over_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)


class Crew(Base):
    __tablename__ = "crews"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    service: Mapped[str] = mapped_column(ForeignKey("duty_services.code"))
    callsign: Mapped[str] = mapped_column(String(40), unique=True)
    status: Mapped[str] = mapped_column(String(20))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    position_at: Mapped[datetime | None]
    version: Mapped[int] = mapped_column(Integer, default=1)


class HandoverCrew(Base):
    __tablename__ = "handover_crews"
    __table_args__ = (UniqueConstraint("handover_id", "crew_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    handover_id: Mapped[int] = mapped_column(ForeignKey("handovers.id"), index=True)
    crew_id: Mapped[int] = mapped_column(ForeignKey("crews.id"))
    attached_at: Mapped[datetime]


class Note(Base):
    __tablename__ = "notes"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"), index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    author_name: Mapped[str] = mapped_column(String(120))
    at: Mapped[datetime]
    text: Mapped[str] = mapped_column(Text)
