"""Messages on the live stream, in the order the service sends them."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import Field

from app.schemas.base import Out
from app.schemas.incident import CrewOut, HandoverOut, IncidentOut, NoteOut


class Change(Out):
    """One change-log row. ``after`` holds the changed fields (all of them on creation);
    applying the changes in ``seq`` order to a snapshot reproduces the service's state."""

    type: Literal["change"] = "change"
    seq: int
    at: datetime
    actor_id: int | None
    actor_name: str
    kind: str
    entity: str
    entity_id: int
    incident_id: int | None
    room: str | None
    before: dict[str, Any] | None
    after: dict[str, Any]
    mutation_id: str | None
    recorded_at: datetime | None = Field(
        default=None, description="Set when a console made this change while offline: when "
        "the operator did it. ``at`` is when it reached the service.")
    hash: str = Field(
        default="", description="This row's link in the journal's hash chain. A console keeps "
        "the link of the last change it applied and shows it when it resumes, so a service "
        "whose history differs (restored from a backup) is noticed even at the same number.")


class ChangeBatch(Out):
    """Several changes in order, one message: the backlog of a stream opened with ``batch``."""

    type: Literal["changes"] = "changes"
    changes: list[Change]


class Hello(Out):
    type: Literal["hello"] = "hello"
    epoch: str
    head: int
    server_time: datetime
    resync: bool = False


class OnlineUser(Out):
    id: int
    name: str
    role: str
    room: str | None
    holds: list[int]


class PresenceMsg(Out):
    type: Literal["presence"] = "presence"
    users: list[OnlineUser]


class Clock(Out):
    type: Literal["clock"] = "clock"
    server_time: datetime
    head: int


class Snapshot(Out):
    epoch: str
    seq: int
    hash: str = Field(default="", description="The journal's link at ``seq``.")
    server_time: datetime
    horizon_hours: float = Field(
        default=192.0, description="How long finished incidents stay in the live state; "
        "the consoles drop older ones from their replicas by the same rule.")
    incidents: list[IncidentOut]
    handovers: list[HandoverOut]
    notes: list[NoteOut]
    crews: list[CrewOut]
