"""City sensors: the gateways that report for them, and each sensor's thresholds and state.

Readings themselves are not kept: only each sensor's last value and time. The monitoring
platform keeps the series; the dispatch service needs the state it acts on (normal or in
alarm, silent or not) and the incident that state opened, so the table stays one row per
sensor however often they report.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Float, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class SensorGateway(Base):
    """A system that reports readings for its own sensors. Only the token's hash is kept."""

    __tablename__ = "sensor_gateways"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime]


class Sensor(Base):
    __tablename__ = "sensors"

    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    gateway_id: Mapped[int] = mapped_column(ForeignKey("sensor_gateways.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    name: Mapped[str] = mapped_column(String(200))
    direction: Mapped[str] = mapped_column(String(10))
    alarm: Mapped[float] = mapped_column(Float)
    clear: Mapped[float] = mapped_column(Float)
    interval_seconds: Mapped[int] = mapped_column(Integer)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    street: Mapped[str | None] = mapped_column(String(200))
    house: Mapped[str | None] = mapped_column(String(20))
    type_code: Mapped[str] = mapped_column(ForeignKey("incident_types.code"))
    # When the sensor was (re)configured: a sensor never heard counts as silent from then.
    configured_at: Mapped[datetime]
    # normal | alarm (app.domain.sensors.Level)
    level: Mapped[str] = mapped_column(String(10), default="normal")
    last_value: Mapped[float | None] = mapped_column(Float)
    last_at: Mapped[datetime | None]  # the last reading's own time
    silent_since: Mapped[datetime | None]
    # The incident the last breach opened (kept after recovery: a new breach while it is
    # still open is noted on it), and the one the last silence opened.
    incident_id: Mapped[int | None] = mapped_column(BigInteger, ForeignKey("incidents.id"))
    silence_incident_id: Mapped[int | None] = mapped_column(BigInteger,
                                                           ForeignKey("incidents.id"))
