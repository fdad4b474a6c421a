"""Times as the room reads them: in the city's zone, ages as h:mm:ss."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from app.domain.timezone import to_city


def parse(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def city_time(value: str | datetime | None, *, seconds: bool = False) -> str:
    dt = parse(value) if isinstance(value, str) or value is None else value
    if dt is None:
        return ""
    return to_city(dt).strftime("%d.%m %H:%M:%S" if seconds else "%d.%m %H:%M")


def clock(value: datetime) -> str:
    return to_city(value).strftime("%H:%M:%S")


def clock_of(value: str | None) -> str:
    dt = parse(value)
    return clock(dt) if dt else ""


def age(seconds: float) -> str:
    seconds = max(0, int(seconds))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    if h >= 48:
        return QCoreApplication.translate("Time", "%1 d").replace("%1", str(h // 24))
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"
