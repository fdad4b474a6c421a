"""Reference data: rooms, duty services and the classifier with its norms."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class RoomRow(Base):
    __tablename__ = "rooms"

    code: Mapped[str] = mapped_column(String(20), primary_key=True)
    name_ru: Mapped[str] = mapped_column(String(120))
    name_en: Mapped[str] = mapped_column(String(120))


class DutyServiceRow(Base):
    __tablename__ = "duty_services"

    code: Mapped[str] = mapped_column(String(20), primary_key=True)
    name_ru: Mapped[str] = mapped_column(String(160))
    name_en: Mapped[str] = mapped_column(String(160))
    phone: Mapped[str] = mapped_column(String(40), default="")
    short_ru: Mapped[str] = mapped_column(String(40), default="")
    short_en: Mapped[str] = mapped_column(String(40), default="")


class CategoryRow(Base):
    __tablename__ = "categories"

    code: Mapped[str] = mapped_column(String(30), primary_key=True)
    name_ru: Mapped[str] = mapped_column(String(160))
    name_en: Mapped[str] = mapped_column(String(160))


class IncidentTypeRow(Base):
    __tablename__ = "incident_types"

    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    category: Mapped[str] = mapped_column(ForeignKey("categories.code"))
    name_ru: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    priority: Mapped[int] = mapped_column(Integer)
    services: Mapped[list[Any]]
    synonyms: Mapped[list[Any]]
    sensitive: Mapped[bool] = mapped_column(Boolean, default=False)
    norm_registration: Mapped[int | None] = mapped_column(Integer)
    norm_handover: Mapped[int | None] = mapped_column(Integer)
    norm_acknowledgement: Mapped[int | None] = mapped_column(Integer)
    norm_arrival: Mapped[int | None] = mapped_column(Integer)
    norm_resolution: Mapped[int | None] = mapped_column(Integer)


class SettingRow(Base):
    """Service-wide configuration kept with the data (e.g. room routing rules)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[dict[str, Any]]
