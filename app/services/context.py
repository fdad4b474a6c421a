"""What every use case runs with: the database, the service's clock, settings, the actor."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from app.domain.claims import LEASE
from app.domain.emergencies import ReportSchedule
from app.domain.enums import Role
from app.domain.live_state import LIVE_HORIZON
from app.models.db import Database


def system_clock() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Actor:
    id: int | None
    name: str
    role: Role
    room: str | None = None
    duty_service: str | None = None


SYSTEM = Actor(id=None, name="system", role=Role.ADMIN)


@dataclass
class ServiceContext:
    db: Database
    clock: Callable[[], datetime] = system_clock
    lease: timedelta = LEASE
    token_ttl: timedelta = timedelta(hours=13)
    # Times a client sends (a call's arrival, a change made offline) are accepted from
    # ``client_time_window`` before the service's clock to ``client_clock_skew`` after it.
    client_time_window: timedelta = timedelta(hours=24)
    client_clock_skew: timedelta = timedelta(seconds=120)
    # How far outside the gazetteer's houses a reported point may lie (see services/area.py).
    service_area_margin_km: float = 100.0
    # When emergency reports are due, and the body that sends them (app.domain.emergencies).
    emergency_schedule: ReportSchedule = field(default_factory=ReportSchedule)
    edds_name: str = "ЕДДС"
    # How long finished incidents stay in the live state (app.domain.live_state).
    live_horizon: timedelta = LIVE_HORIZON
    # The service area as (south, west, north, east) and when it was read from the database.
    area_cache: dict[str, Any] = field(default_factory=dict)
    # Called after every commit that wrote change-log rows, with those rows (seq included).
    on_commit: list[Callable[[list[dict[str, Any]]], None]] = field(default_factory=list)

    # Recently checked session tokens: hash -> (actor, token expiry, when checked).
    token_cache: dict[str, tuple[Actor, datetime, datetime]] = field(default_factory=dict)
    # Raised by every revocation, so a token read before it is not cached after it.
    token_generation: int = 0

    def committed(self, rows: list[dict[str, Any]]) -> None:
        if rows:
            for hook in self.on_commit:
                hook(rows)
