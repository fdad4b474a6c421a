"""The shift calendar: which duty shift an instant belongs to."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from app.domain.timezone import CITY_TZ


@dataclass(frozen=True)
class Shift:
    start: datetime  # UTC, inclusive
    end: datetime  # UTC, exclusive: the next shift's start
    label: str  # city time, e.g. "2026-11-26 20:00–08:00" (dated by its start)

    def __contains__(self, instant: datetime) -> bool:
        return self.start <= instant < self.end


@dataclass(frozen=True)
class ShiftCalendar:
    """Shifts begin at ``starts`` (wall-clock times in ``tz``) every day; each runs until
    the next start, the last one of the day until the first start of the next day."""

    starts: tuple[time, ...] = (time(8), time(20))
    tz: tzinfo = CITY_TZ

    def __post_init__(self) -> None:
        starts = tuple(self.starts)
        object.__setattr__(self, "starts", starts)
        if not starts:
            raise ValueError("A shift calendar needs at least one shift start.")
        for t in starts:
            if not isinstance(t, time) or t.tzinfo is not None:
                raise ValueError(
                    f"Shift start {t!r} must be a wall-clock time without a zone; "
                    "the calendar's zone applies."
                )
        for a, b in itertools.pairwise(starts):
            if a >= b:
                raise ValueError(
                    f"Shift starts must be distinct and in order within the day; "
                    f"{b:%H:%M} follows {a:%H:%M}."
                )

    def _boundaries(self, day: date) -> list[datetime]:
        return [datetime.combine(day, t, tzinfo=self.tz).astimezone(UTC) for t in self.starts]

    def shift_at(self, instant: datetime) -> Shift:
        """The shift ``instant`` falls in; an instant exactly at a start opens the new shift."""
        if instant.utcoffset() is None:
            raise ValueError("shift_at needs a timezone-aware instant")
        day = instant.astimezone(self.tz).date()
        # The day before covers the small hours of a shift begun yesterday evening.
        bounds = [
            b
            for d in (day - timedelta(days=1), day, day + timedelta(days=1))
            for b in self._boundaries(d)
        ]
        i = max(i for i, b in enumerate(bounds) if b <= instant)
        return self._shift(bounds[i], bounds[i + 1])

    def previous(self, shift: Shift) -> Shift:
        return self.shift_at(shift.start - timedelta(microseconds=1))

    def next(self, shift: Shift) -> Shift:
        return self.shift_at(shift.end)

    def _shift(self, start: datetime, end: datetime) -> Shift:
        a, b = start.astimezone(self.tz), end.astimezone(self.tz)
        return Shift(start, end, f"{a:%Y-%m-%d %H:%M}–{b:%H:%M}")
