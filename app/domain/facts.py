"""What the metrics read: an incident's stamps, shaped once so every view derives the same."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime

from app.domain.enums import OPEN_STATUSES, Priority, Status


def _require_aware(obj: HandoverFacts | IncidentFacts) -> None:
    # A naive stamp would silently shift every duration by the city's 7 hours.
    for f in fields(obj):
        value = getattr(obj, f.name)
        if isinstance(value, datetime) and value.utcoffset() is None:
            raise ValueError(f"{type(obj).__name__}.{f.name} must be timezone-aware")


@dataclass(frozen=True)
class HandoverFacts:
    """One incident handed to one duty service, with that service's own stamps."""

    service: str
    handed_over_at: datetime
    acknowledged_at: datetime | None = None
    crew_dispatched_at: datetime | None = None
    on_scene_at: datetime | None = None
    resolved_at: datetime | None = None
    recalled_at: datetime | None = None

    def __post_init__(self) -> None:
        _require_aware(self)

    @property
    def is_active(self) -> bool:
        """Still the service's work: neither reported done nor taken back."""
        return self.resolved_at is None and self.recalled_at is None

    @property
    def awaiting_ack(self) -> bool:
        """Handed over and not yet confirmed; a service that already reported the work
        done has evidently received it, so a resolved hand-over is not waiting."""
        return self.acknowledged_at is None and self.is_active


@dataclass(frozen=True)
class IncidentFacts:
    id: int
    type_code: str
    category: str
    priority: Priority
    status: Status
    room: str
    received_at: datetime
    registered_at: datetime | None = None
    resolved_at: datetime | None = None
    closed_at: datetime | None = None
    handovers: tuple[HandoverFacts, ...] = ()
    sensitive: bool = False

    def __post_init__(self) -> None:
        _require_aware(self)
        if not isinstance(self.handovers, tuple):
            object.__setattr__(self, "handovers", tuple(self.handovers))

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def first_handover_at(self) -> datetime | None:
        # A recalled hand-over still counts: the operator did hand the incident over then.
        return min((h.handed_over_at for h in self.handovers), default=None)

    @property
    def first_dispatched_at(self) -> datetime | None:
        """When the first crew set off, from any service."""
        return min(
            (h.crew_dispatched_at for h in self.handovers if h.crew_dispatched_at), default=None
        )

    @property
    def first_on_scene_at(self) -> datetime | None:
        return min((h.on_scene_at for h in self.handovers if h.on_scene_at), default=None)
