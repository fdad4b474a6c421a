"""What the operator asked the queue to show: a pure predicate over the replica's rows."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from app.domain.enums import OPEN_STATUSES, Status

ACTIVE = frozenset(s.value for s in OPEN_STATUSES | {Status.RESOLVED})


@dataclass(frozen=True)
class QueueFilter:
    text: str = ""
    statuses: frozenset[str] = field(default_factory=lambda: ACTIVE)  # empty: any status
    priorities: frozenset[int] = frozenset()  # empty: any priority
    room: str | None = None
    mine: bool = False

    def matches(self, incident: dict[str, Any], haystack: str, user_id: int | None) -> bool:
        if self.statuses and incident["status"] not in self.statuses:
            return False
        if self.priorities and incident["priority"] not in self.priorities:
            return False
        if self.room and incident["room"] != self.room:
            return False
        if self.mine and incident.get("claim_holder_id") != user_id:
            return False
        return all(word in haystack for word in self.text.lower().split())

    def with_(self, **changes: Any) -> QueueFilter:
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "statuses": sorted(self.statuses),
                "priorities": sorted(self.priorities), "room": self.room, "mine": self.mine}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> QueueFilter:
        return cls(text=str(d.get("text", "")), statuses=frozenset(d.get("statuses", ACTIVE)),
                   priorities=frozenset(int(p) for p in d.get("priorities", ())),
                   room=d.get("room") or None, mine=bool(d.get("mine", False)))
