"""Change-log rows, written in the same transaction as the change they describe."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from pydantic import BaseModel
from sqlalchemy import text, update
from sqlalchemy.orm import Session

from app.domain.chain import link_hash
from app.models import ChangeLog, LogHead
from app.services.context import Actor

NOTIFY_CHANNEL = "dispatch_changes"


def state(schema: type[BaseModel], row: object) -> dict[str, Any]:
    """The wire form of a row, as the stream and the journal carry it."""
    return schema.model_validate(row).model_dump(mode="json")


def diff(before: dict[str, Any], after: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    keys = [k for k in after if before.get(k) != after[k]]
    return {k: before.get(k) for k in keys}, {k: after[k] for k in keys}


@dataclass
class Journal:
    """The changes of one transaction. ``now`` is when they happened: the service's clock,
    or for a change a console made offline, the time it recorded. ``service_now`` is always
    the service's clock: leases and the log's own stamps run on it."""

    session: Session
    actor: Actor
    now: datetime
    mutation_id: str | None = None
    service_now: datetime | None = None  # None: the change is live, service_now == now
    entries: list[dict[str, Any]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.recorded_offline = self.service_now is not None
        if self.service_now is None:
            self.service_now = self.now

    def record(
        self,
        kind: str,
        entity: str,
        entity_id: int,
        after: dict[str, Any],
        *,
        before: dict[str, Any] | None = None,
        incident_id: int | None = None,
        room: str | None = None,
    ) -> None:
        self.entries.append(
            dict(
                at=self.service_now,
                recorded_at=self.now if self.recorded_offline else None,
                actor_id=self.actor.id,
                actor_name=self.actor.name,
                kind=kind,
                entity=entity,
                entity_id=entity_id,
                incident_id=incident_id,
                room=room,
                before=before,
                after=after,
                mutation_id=self.mutation_id,
            )
        )

    def changed(
        self,
        kind: str,
        entity: str,
        entity_id: int,
        old: dict[str, Any],
        new: dict[str, Any],
        *,
        incident_id: int | None = None,
        room: str | None = None,
    ) -> None:
        before, after = diff(old, new)
        if after:
            self.record(
                kind, entity, entity_id, after, before=before, incident_id=incident_id, room=room
            )

    def flush(self) -> list[dict[str, Any]]:
        """Number the entries and write them; returns them as written. Call last in the
        transaction: the log head stays locked from here to the commit, and every other
        writer waits on it."""
        if not self.entries:
            return []
        n = len(self.entries)
        last, prev = self.session.execute(
            update(LogHead).where(LogHead.id == 1).values(seq=LogHead.seq + n)
            .returning(LogHead.seq, LogHead.last_hash)
        ).one()
        first = last - n + 1
        rows = []
        for i, entry in enumerate(self.entries):
            row = dict(entry, seq=first + i, prev_hash=prev)
            row["hash"] = prev = link_hash(row["prev_hash"], row)
            rows.append(row)
        # The head row is locked by the update above: nobody links to it meanwhile.
        self.session.execute(update(LogHead).where(LogHead.id == 1).values(last_hash=prev))
        self.session.execute(ChangeLog.__table__.insert(), rows)
        if self.session.get_bind().dialect.name == "postgresql":
            # Delivered at commit, and only if it commits: a poke to the other processes.
            self.session.execute(
                text("SELECT pg_notify(:ch, :seq)"), {"ch": NOTIFY_CHANNEL, "seq": str(last)}
            )
        self.entries.clear()
        return rows
