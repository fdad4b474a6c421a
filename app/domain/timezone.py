"""The city's clock: everything is stored in UTC and shown in the city's zone."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

CITY_TZ = ZoneInfo("Asia/Novokuznetsk")  # Mezhdurechensk, UTC+7, no daylight saving


def utcnow() -> datetime:
    """The current instant, timezone-aware in UTC (the only kind of datetime the domain keeps)."""
    return datetime.now(UTC)


def to_city(dt: datetime) -> datetime:
    """The same instant on the city's wall clock.

    A naive datetime is refused rather than guessed: guessing UTC or local time for it
    is how a 7-hour error gets into a journal.
    """
    if dt.tzinfo is None or dt.utcoffset() is None:
        raise ValueError(f"{dt.isoformat()} has no time zone; the domain keeps aware UTC times")
    return dt.astimezone(CITY_TZ)
