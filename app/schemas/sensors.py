"""Wire types of the sensor gateways' ingest endpoint."""

from __future__ import annotations

from datetime import datetime

from pydantic import Field, field_validator

from app.schemas.base import Out, Wire, aware_utc

MAX_READINGS = 1000  # per request: a gateway that was cut off sends its backlog in pages


class ReadingIn(Wire):
    sensor: str = Field(min_length=1, max_length=40, description="The sensor's code.")
    at: datetime = Field(description="When the sensor measured it, with its zone. Accepted "
                         "from the service's client-time window back to its clock skew ahead.")
    # Strict: a number, never a string or true/false that happens to convert.
    value: float = Field(strict=True, description="In the sensor kind's unit.")

    @field_validator("at")
    @classmethod
    def _aware(cls, v: datetime) -> datetime:
        return aware_utc(v)  # type: ignore[return-value]


class ReadingsIn(Wire):
    readings: list[ReadingIn] = Field(min_length=1, max_length=MAX_READINGS)


class SensorEventOut(Out):
    sensor: str
    event: str = Field(description="breach, recovery, silence_ended")
    incident_id: int
    number: str
    opened: bool = Field(description="True: a new incident; false: noted on an open one.")


class ReadingsOut(Out):
    accepted: int = Field(description="Readings that moved a sensor on.")
    ignored: int = Field(description="Readings not newer than the sensor's last one (a "
                         "resent batch, a late page): taken without effect.")
    events: list[SensorEventOut]
