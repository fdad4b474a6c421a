"""Claims: the operator working an incident holds a short lease on it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from app.domain.enums import Role
from app.domain.errors import ClaimRefused

LEASE = timedelta(seconds=120)
RENEW_EVERY = timedelta(seconds=30)

TAKEOVER_ROLES = frozenset({Role.SUPERVISOR, Role.ADMIN})


@dataclass(frozen=True)
class Lease:
    holder_id: int
    holder_name: str
    expires_at: datetime

    def live(self, now: datetime) -> bool:
        return self.expires_at > now


def check_may_edit(lease: Lease | None, user_id: int, now: datetime) -> None:
    """Edits by anyone but a live lease's holder are refused, naming the holder."""
    if lease is not None and lease.live(now) and lease.holder_id != user_id:
        raise ClaimRefused(
            "The incident is being worked by {holder}; "
            "ask them or a supervisor to hand it over.",
            holder=lease.holder_name,
            holder_id=lease.holder_id,
        )


def check_may_take_over(role: Role) -> None:
    if role not in TAKEOVER_ROLES:
        raise ClaimRefused(
            "Only a supervisor may take over an incident another operator holds.", role=role.value
        )
