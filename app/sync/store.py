"""The console's local replica of the live state.

It holds what the last snapshot said plus every change applied since, and the sequence
number it is exact at. Entities are kept as the wire dicts the service sends, in memory
for the UI and, in the same step, in a SQLite file (or in memory), so a console restarted
after a crash resumes the stream from its number instead of starting over."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ENTITIES = ("incident", "handover", "note", "crew", "caller")
CHILDREN = ("handover", "note")  # rows that belong to one incident

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS entities (
    kind TEXT NOT NULL, id INTEGER NOT NULL, data TEXT NOT NULL, PRIMARY KEY (kind, id)
);
"""


class Gap(Exception):
    """A change arrived whose predecessor never did: the replica must be rebuilt."""


@dataclass(frozen=True)
class Applied:
    """One change as the UI needs it: which row, what it was, what it is now."""

    seq: int
    kind: str
    entity: str
    entity_id: int
    incident_id: int | None
    created: bool
    before: dict[str, Any] | None
    after: dict[str, Any]
    actor_name: str


# Called with each applied batch, or with None when a snapshot replaced the whole state.
Listener = Callable[[list[Applied] | None], None]


class ReplicaStore:
    def __init__(self, path: str | Path | None = None) -> None:
        self._db = sqlite3.connect(str(path) if path else ":memory:", check_same_thread=False,
                                   isolation_level=None)
        self._db.executescript(SCHEMA)
        if path:
            self._db.execute("PRAGMA journal_mode=WAL")
        self._lock = threading.RLock()
        self._changed = threading.Condition(self._lock)
        self._listeners: list[Listener] = []
        self.data: dict[str, dict[int, dict[str, Any]]] = {e: {} for e in ENTITIES}
        # entity -> incident id -> ids: the hand-overs and notes of one incident, found
        # without a pass over every row.
        self._children: dict[str, dict[int, set[int]]] = {}
        meta = dict(self._db.execute("SELECT key, value FROM meta"))
        self.seq = int(meta.get("seq", -1))  # -1: never synced
        self.epoch: str | None = meta.get("epoch")
        for kind, id_, data in self._db.execute("SELECT kind, id, data FROM entities"):
            self.data.setdefault(kind, {})[id_] = json.loads(data)
        self._index_children()

    # -- reading (any thread) ----------------------------------------------------------

    @property
    def synced(self) -> bool:
        return self.seq >= 0

    def incidents(self) -> list[dict[str, Any]]:
        with self._lock:
            return list(self.data["incident"].values())

    def get(self, entity: str, entity_id: int) -> dict[str, Any] | None:
        with self._lock:
            row = self.data[entity].get(entity_id)
            return dict(row) if row is not None else None

    def handovers_of(self, incident_id: int) -> list[dict[str, Any]]:
        return self._children_of("handover", incident_id)

    def notes_of(self, incident_id: int) -> list[dict[str, Any]]:
        return self._children_of("note", incident_id)

    def _children_of(self, entity: str, incident_id: int) -> list[dict[str, Any]]:
        with self._lock:
            table = self.data[entity]
            ids = self._children.get(entity, {}).get(incident_id, ())
            return [table[i] for i in sorted(ids)]

    def _index_children(self) -> None:
        self._children = {entity: {} for entity in CHILDREN}
        for entity in CHILDREN:
            for row in self.data[entity].values():
                self._children[entity].setdefault(row["incident_id"], set()).add(row["id"])

    def wake(self) -> None:
        """Let ``wait_for`` callers look again (something outside the data changed)."""
        with self._changed:
            self._changed.notify_all()

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """``listener`` gets each applied batch, on the thread that applied it."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def wait_for(self, predicate: Callable[[ReplicaStore], bool], timeout: float) -> bool:
        with self._changed:
            return self._changed.wait_for(lambda: predicate(self), timeout)

    # -- writing (the stream thread) ---------------------------------------------------

    def load_snapshot(self, snapshot: dict[str, Any]) -> None:
        fresh: dict[str, dict[int, dict[str, Any]]] = {e: {} for e in ENTITIES}
        for entity, key in (("incident", "incidents"), ("handover", "handovers"),
                            ("note", "notes"), ("crew", "crews")):
            for row in snapshot.get(key, ()):
                fresh[entity][row["id"]] = row
        with self._lock:
            with self._db:
                self._db.execute("BEGIN")
                self._db.execute("DELETE FROM entities")
                self._db.executemany(
                    "INSERT INTO entities (kind, id, data) VALUES (?, ?, ?)",
                    ((k, i, json.dumps(r)) for k, rows in fresh.items() for i, r in rows.items()),
                )
                self._set_meta(snapshot["seq"], snapshot["epoch"])
            self.data, self.seq, self.epoch = fresh, snapshot["seq"], snapshot["epoch"]
            self._index_children()
            self._changed.notify_all()
        self._emit(None)

    def apply(self, changes: Iterable[dict[str, Any]]) -> list[Applied]:
        """Apply changes in order. Ones already applied are skipped; a missing one raises
        ``Gap`` and applies nothing of the batch."""
        applied: list[Applied] = []
        with self._lock:
            seq = self.seq
            pending = []
            for ch in changes:
                if ch["seq"] <= seq:
                    continue
                if ch["seq"] != seq + 1:
                    raise Gap(f"expected change {seq + 1}, got {ch['seq']}")
                seq = ch["seq"]
                pending.append(ch)
            if not pending:
                return []
            rows: dict[tuple[str, int], dict[str, Any]] = {}
            for ch in pending:
                table = self.data.setdefault(ch["entity"], {})
                current = rows.get((ch["entity"], ch["entity_id"])) or table.get(ch["entity_id"])
                created = current is None
                merged = {**(current or {}), **ch["after"]}
                rows[(ch["entity"], ch["entity_id"])] = merged
                applied.append(Applied(ch["seq"], ch["kind"], ch["entity"], ch["entity_id"],
                                       ch.get("incident_id"), created, ch.get("before"),
                                       ch["after"], ch.get("actor_name", "")))
            with self._db:
                self._db.execute("BEGIN")
                self._db.executemany(
                    "INSERT OR REPLACE INTO entities (kind, id, data) VALUES (?, ?, ?)",
                    ((k, i, json.dumps(r)) for (k, i), r in rows.items()),
                )
                self._set_meta(seq, self.epoch)
            for (kind, id_), row in rows.items():
                self.data[kind][id_] = row
                if kind in CHILDREN:
                    self._children[kind].setdefault(row["incident_id"], set()).add(id_)
            self.seq = seq
            self._changed.notify_all()
        self._emit(applied)
        return applied

    def _set_meta(self, seq: int, epoch: str | None) -> None:
        self._db.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                             [("seq", str(seq)), ("epoch", epoch or "")])

    def _emit(self, batch: list[Applied] | None) -> None:
        for listener in list(self._listeners):
            listener(batch)

    def close(self) -> None:
        with self._lock:
            self._db.close()
