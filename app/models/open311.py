"""Open311 GeoReport v2: the client apps allowed to file reports, and which incidents came
through it (only those are ever listed back to citizens)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class Open311Key(Base):
    """One client app (the regional citizen app, a city portal). Only the SHA-256 of its key
    is kept: the key is 256 random bits, so its hash cannot be reversed by guessing, and an
    indexed equality finds the app in one lookup per request."""

    __tablename__ = "open311_keys"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]


class Open311Request(Base):
    """An incident filed through Open311, and what the citizen app sent beside it that is not
    the incident's own (no personal data: the reporter is an incident caller)."""

    __tablename__ = "open311_requests"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"), unique=True)
    key_id: Mapped[int] = mapped_column(ForeignKey("open311_keys.id"), index=True)
    # The incident's number: what the citizen quotes on the phone.
    service_request_id: Mapped[str] = mapped_column(String(20), unique=True)
    service_code: Mapped[str] = mapped_column(String(40))  # as filed; the type may change
    # What the citizen wrote, published as written: operators edit the incident's own
    # description for colleagues, and those words are never published.
    description: Mapped[str] = mapped_column(Text, default="")
    media_url: Mapped[str | None] = mapped_column(String(2000))
    requested_at: Mapped[datetime] = mapped_column(index=True)
