"""Personal data of callers (152-ФЗ): kept apart so it can be erased without touching the
journal, which names callers by id only. Every read is itself recorded."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class Caller(Base):
    __tablename__ = "callers"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"), index=True)
    name: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(16), index=True)
    created_at: Mapped[datetime]
    erased_at: Mapped[datetime | None]


class PersonalDataRead(Base):
    __tablename__ = "personal_data_reads"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime]
    incident_id: Mapped[int | None] = mapped_column(BigInteger)
    purpose: Mapped[str] = mapped_column(String(60))
    phone: Mapped[str | None] = mapped_column(String(16))
