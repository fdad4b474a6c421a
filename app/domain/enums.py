"""The vocabulary every layer shares. Values are the wire and database spelling."""

from __future__ import annotations

from enum import IntEnum, StrEnum


class Status(StrEnum):
    NEW = "new"
    REGISTERED = "registered"
    DISPATCHED = "dispatched"
    IN_PROGRESS = "in_progress"
    RESOLVED = "resolved"
    CLOSED = "closed"
    CANCELLED = "cancelled"
    MERGED = "merged"


OPEN_STATUSES = frozenset(
    {Status.NEW, Status.REGISTERED, Status.DISPATCHED, Status.IN_PROGRESS}
)
FINAL_STATUSES = frozenset({Status.CLOSED, Status.CANCELLED, Status.MERGED})


class Action(StrEnum):
    """What a person (or the service on their behalf) does to an incident's status."""

    REGISTER = "register"
    DISPATCH = "dispatch"
    START = "start"
    RESOLVE = "resolve"
    CLOSE = "close"
    REOPEN = "reopen"
    CANCEL = "cancel"
    MERGE = "merge"
    # Undoes a merge: the duplicate turns out to be a separate event after all.
    SPLIT = "split"


class Role(StrEnum):
    OPERATOR = "operator"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"
    WALL = "wall"
    DUTY_SERVICE = "duty_service"


class Source(StrEnum):
    PHONE = "phone"
    MOBILE_APP = "mobile_app"
    SENSOR = "sensor"
    CALL_112 = "112"
    WALK_IN = "walk_in"


# Sources whose incidents arrive without an operator and wait, unclaimed, in status NEW.
UNATTENDED_SOURCES = frozenset({Source.MOBILE_APP, Source.SENSOR, Source.CALL_112})


class Priority(IntEnum):
    CRITICAL = 1
    HIGH = 2
    NORMAL = 3
    LOW = 4


class HandoverStage(StrEnum):
    HANDED_OVER = "handed_over"
    ACKNOWLEDGED = "acknowledged"
    CREW_DISPATCHED = "crew_dispatched"
    ON_SCENE = "on_scene"
    RESOLVED = "resolved"
    RECALLED = "recalled"


class CrewStatus(StrEnum):
    AVAILABLE = "available"
    EN_ROUTE = "en_route"
    ON_SCENE = "on_scene"
    OFF_DUTY = "off_duty"
