"""What every use case runs with: the database, the service's clock, settings, the actor."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from app.domain.claims import LEASE
from app.domain.enums import Role
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
    # Called after every commit that wrote change-log rows, with those rows (seq included).
    on_commit: list[Callable[[list[dict[str, Any]]], None]] = field(default_factory=list)

    # Recently checked session tokens: hash -> (actor, token expiry, when checked).
    token_cache: dict[str, tuple[Actor, datetime, datetime]] = field(default_factory=dict)

    def committed(self, rows: list[dict[str, Any]]) -> None:
        if rows:
            for hook in self.on_commit:
                hook(rows)
