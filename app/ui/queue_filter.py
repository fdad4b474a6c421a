"""What the operator asked the queue to show: a pure predicate over the replica's rows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from app.domain.enums import OPEN_STATUSES, Status

# (status, priority, room, holder id, lower-case text of the row): what a filter looks at.
RowFacts = tuple[str, int, str, int | None, str]

ACTIVE = frozenset(s.value for s in OPEN_STATUSES | {Status.RESOLVED})


@dataclass(frozen=True)
class QueueFilter:
    text: str = ""
    statuses: frozenset[str] = field(default_factory=lambda: ACTIVE)  # empty: any status
    priorities: frozenset[int] = frozenset()  # empty: any priority
    room: str | None = None
    mine: bool = False

    def words(self) -> list[str]:
        return self.text.lower().split()

    def predicate(self, user_id: int | None) -> Callable[[RowFacts], bool]:
        """A fast test over a row's precomputed facts, for passes over 100,000 rows."""
        statuses, priorities, room, mine = self.statuses, self.priorities, self.room, self.mine
        words = self.words()

        def ok(f: RowFacts) -> bool:
            return ((not statuses or f[0] in statuses)
                    and (not priorities or f[1] in priorities)
                    and (not room or f[2] == room)
                    and (not mine or f[3] == user_id)
                    and all(w in f[4] for w in words))

        return ok

    def narrows(self, before: QueueFilter) -> bool:
        """True when every row this filter shows, ``before`` showed too (the operator typed
        more of a word): the next pass need only look at the rows already shown."""
        if (self.statuses, self.priorities, self.room, self.mine) != (
                before.statuses, before.priorities, before.room, before.mine):
            return False
        new = self.words()
        return all(any(old in w for w in new) for old in before.words())

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "statuses": sorted(self.statuses),
                "priorities": sorted(self.priorities), "room": self.room, "mine": self.mine}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> QueueFilter:
        return cls(text=str(d.get("text", "")), statuses=frozenset(d.get("statuses", ACTIVE)),
                   priorities=frozenset(int(p) for p in d.get("priorities", ())),
                   room=d.get("room") or None, mine=bool(d.get("mine", False)))
