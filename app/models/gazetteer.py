"""Streets and houses with coordinates and districts (from the state address register)."""

from __future__ import annotations

from sqlalchemy import Float, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class AddressRow(Base):
    __tablename__ = "addresses"
    __table_args__ = (UniqueConstraint("street_key", "house_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    street: Mapped[str] = mapped_column(String(200))
    street_key: Mapped[str] = mapped_column(String(200), index=True)
    house: Mapped[str] = mapped_column(String(20))
    house_key: Mapped[str] = mapped_column(String(20))
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
    district: Mapped[str | None] = mapped_column(String(60))
