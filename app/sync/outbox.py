"""The console's outbox: every change the operator makes is written here first, in the
replica's own file, and stays until the service has taken it. Entries go out in the order
they were made, each with its mutation id, so a resend after a lost answer, a dead network
or a restarted console changes nothing twice. What the service refuses after the operator
has moved on becomes a conflict for them to decide; nothing is dropped on their behalf."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from app.sync.store import Effect, ReplicaStore

SCHEMA = """
CREATE TABLE IF NOT EXISTS outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    mutation_id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    method TEXT NOT NULL,
    path TEXT NOT NULL,
    target INTEGER,
    body TEXT NOT NULL,
    chained INTEGER NOT NULL,
    recorded_at TEXT NOT NULL,
    offline INTEGER NOT NULL,
    effects TEXT NOT NULL,
    state TEXT NOT NULL,
    error TEXT
);
"""

PENDING, CONFLICT = "pending", "conflict"


@dataclass
class Entry:
    """One change. ``path`` holds ``{id}`` where the target's id goes: a temporary incident
    gets its real number only when its registration has been taken. ``chained``: based on
    the console's own earlier change to the same incident, so its version is the one that
    change produced. ``offline``: a first send failed, so the service is told when the
    operator really made it."""

    kind: str
    method: str
    path: str
    target: int | None
    body: dict[str, Any]
    recorded_at: datetime
    effects: list[Effect] = field(default_factory=list)
    chained: bool = False
    offline: bool = False
    mutation_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    state: str = PENDING
    error: dict[str, Any] | None = None
    id: int = 0

    @property
    def url_path(self) -> str:
        return self.path.format(id=self.target)

    @property
    def incident_id(self) -> int | None:
        return next((e.incident_id for e in self.effects if e.incident_id is not None),
                    self.target if self.path.startswith("/incidents/{id}") else None)

    def wire_body(self, base_version: int | None) -> dict[str, Any]:
        body = {**self.body, "mutation_id": self.mutation_id}
        if base_version is not None and "base_version" in body:
            body["base_version"] = base_version
        if self.offline:
            body["recorded_at"] = self.recorded_at.isoformat()
        return body


def _effects_json(effects: list[Effect]) -> str:
    return json.dumps([[e.entity, e.entity_id, e.patch, e.incident_id] for e in effects])


def _effects(text: str) -> list[Effect]:
    return [Effect(entity, entity_id, patch, incident_id)
            for entity, entity_id, patch, incident_id in json.loads(text)]


class Outbox:
    """Kept in the replica's database under the replica's lock; every method is safe from
    any thread. Pending entries are drawn over the replica while they wait."""

    def __init__(self, store: ReplicaStore) -> None:
        self.store = store
        self._db = store.connection
        with store.lock:
            self._db.executescript(SCHEMA)
            rows = self._db.execute(
                "SELECT id, mutation_id, kind, method, path, target, body, chained, "
                "recorded_at, offline, effects, state, error FROM outbox ORDER BY id").fetchall()
        self._entries: dict[int, Entry] = {}
        for (id_, mid, kind, method, path, target, body, chained, recorded, offline, effects,
             state, error) in rows:
            entry = Entry(kind, method, path, target, json.loads(body),
                          datetime.fromisoformat(recorded), _effects(effects), bool(chained),
                          bool(offline), mid, state, json.loads(error) if error else None, id_)
            self._entries[id_] = entry
            if state == PENDING:
                store.put_local(id_, entry.effects)

    # -- reading -----------------------------------------------------------------------

    def pending(self) -> list[Entry]:
        with self.store.lock:
            return [replace(e) for e in self._entries.values() if e.state == PENDING]

    def conflicts(self) -> list[Entry]:
        with self.store.lock:
            return [replace(e) for e in self._entries.values() if e.state == CONFLICT]

    def get(self, entry_id: int) -> Entry | None:
        with self.store.lock:
            entry = self._entries.get(entry_id)
            return replace(entry) if entry else None

    def counts(self) -> tuple[int, int]:
        """(waiting to be sent, conflicts to decide)."""
        with self.store.lock:
            states = [e.state for e in self._entries.values()]
        return states.count(PENDING), states.count(CONFLICT)

    def next_temp_id(self) -> int:
        """A new temporary id (negative, never the service's) and number, kept across runs."""
        with self.store.lock:
            n = int(self.store.recall("temp_seq") or 0) + 1
            self.store.remember("temp_seq", n)
            return -n

    # -- writing -----------------------------------------------------------------------

    def add(self, entry: Entry) -> Entry:
        with self.store.lock:
            cur = self._db.execute(
                "INSERT INTO outbox (mutation_id, kind, method, path, target, body, chained, "
                "recorded_at, offline, effects, state, error) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)",
                (entry.mutation_id, entry.kind, entry.method, entry.path, entry.target,
                 json.dumps(entry.body), int(entry.chained), entry.recorded_at.isoformat(),
                 int(entry.offline), _effects_json(entry.effects), PENDING))
            entry = replace(entry, id=int(cur.lastrowid or 0), state=PENDING)
            self._entries[entry.id] = entry
        self.store.put_local(entry.id, entry.effects)
        return replace(entry)

    def done(self, entry_id: int) -> None:
        """The service has taken it. Its drawing stays until its change is in the replica."""
        with self.store.lock:
            self._entries.pop(entry_id, None)
            self._db.execute("DELETE FROM outbox WHERE id = ?", (entry_id,))

    def discard(self, entry_id: int) -> None:
        """Dropped: by the operator's decision, or refused while they were waiting for it."""
        self.done(entry_id)
        self.store.drop_local(entry_id)

    def mark_offline(self) -> None:
        with self.store.lock:
            for entry in self._entries.values():
                entry.offline = entry.offline or entry.state == PENDING
            self._db.execute("UPDATE outbox SET offline = 1 WHERE state = ?", (PENDING,))

    def conflict(self, entry_id: int, error: dict[str, Any]) -> None:
        with self.store.lock:
            entry = self._entries[entry_id]
            entry.state, entry.error = CONFLICT, error
            self._db.execute("UPDATE outbox SET state = ?, error = ? WHERE id = ?",
                             (CONFLICT, json.dumps(error), entry_id))
        self.store.drop_local(entry_id)

    def retry(self, entry_id: int, base_version: int | None) -> None:
        """Send a conflicted change again, based on the version the operator has now seen.
        A new mutation id: the old one stands for the attempt that was refused."""
        with self.store.lock:
            entry = self._entries[entry_id]
            body = dict(entry.body)
            if base_version is not None and "base_version" in body:
                body["base_version"] = base_version
            mid = str(uuid.uuid4())
            entry.body, entry.mutation_id, entry.chained = body, mid, False
            entry.state, entry.error = PENDING, None
            self._db.execute(
                "UPDATE outbox SET body = ?, mutation_id = ?, chained = 0, state = ?, "
                "error = NULL WHERE id = ?", (json.dumps(body), mid, PENDING, entry_id))
            effects = entry.effects
        self.store.put_local(entry_id, effects)

    def retarget(self, temp_id: int, real_id: int) -> None:
        """A temporary incident or hand-over was taken: later entries about it go to the
        service's id (temporary ids are never reused, so any entry aiming at it is one)."""
        with self.store.lock:
            for entry in self._entries.values():
                if entry.target == temp_id and entry.kind != "register":
                    entry.target = real_id
            self._db.execute("UPDATE outbox SET target = ? WHERE target = ? AND kind != ?",
                             (real_id, temp_id, "register"))

    def redraw_as(self, entity: str, temp_id: int, real_id: int) -> None:
        """Draw the waiting changes over the service's row instead of the temporary one."""
        with self.store.lock:
            changed = []
            for entry in self._entries.values():
                effects = [
                    Effect(e.entity, real_id if (e.entity, e.entity_id) == (entity, temp_id)
                           else e.entity_id,
                           {**e.patch, **({"incident_id": real_id}
                                          if e.patch.get("incident_id") == temp_id else {})},
                           real_id if e.incident_id == temp_id else e.incident_id)
                    for e in entry.effects]
                if effects != entry.effects and entry.kind != "register":
                    entry.effects = effects
                    self._db.execute("UPDATE outbox SET effects = ? WHERE id = ?",
                                     (_effects_json(effects), entry.id))
                    changed.append(entry)
        for entry in changed:
            if entry.state == PENDING:
                self.store.put_local(entry.id, entry.effects)
