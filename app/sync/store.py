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
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from pydantic_core import to_json

from app.domain.live_state import LIVE_HORIZON, past_horizon

ENTITIES = ("incident", "handover", "note", "crew", "caller")
# The journal has other entities too (a shift handover, say): their changes are counted and
# handed to the listeners, but no row of them is kept here. The replica holds the live state
# the console draws; a kind it does not know would only pile up, and a snapshot, which
# carries none of them, would drop it again.
CHILDREN = ("handover", "note")  # rows that belong to one incident
# Incidents past the live horizon leave the replica with their children; a later change to
# one of them (a note on a closed incident, say) is passed on but not kept as a stray row.
PRUNED = ("incident", *CHILDREN)
PRUNE_EVERY = timedelta(minutes=10)

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS entities (
    kind TEXT NOT NULL, id INTEGER NOT NULL, data TEXT NOT NULL, PRIMARY KEY (kind, id)
);
"""


def _encode(row: dict[str, Any]) -> str:
    # pydantic's encoder (Rust) writes a row about five times as fast as json.dumps: most of
    # the time a 100,000-incident snapshot spends going into the file.
    return to_json(row).decode()


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
    removed: bool = False  # the row is gone (a temporary one the service has now numbered)


# Called with each applied batch, or with None when a snapshot replaced the whole state.
Listener = Callable[[list[Applied] | None], None]


@dataclass(frozen=True)
class Effect:
    """What one of the console's own changes is expected to do to one row. ``patch`` is
    drawn over the service's row; a row that does not exist there is created by it."""

    entity: str
    entity_id: int
    patch: dict[str, Any]
    incident_id: int | None = None


class ReplicaStore:
    def __init__(self, path: str | Path | None = None) -> None:
        self._db = sqlite3.connect(str(path) if path else ":memory:", check_same_thread=False,
                                   isolation_level=None)
        self._db.executescript(SCHEMA)
        if path:
            self._db.execute("PRAGMA journal_mode=WAL")
            # In WAL a commit is then a write without fsync: a power cut may lose the last
            # changes applied, and the console fetches them again by its number.
            self._db.execute("PRAGMA synchronous=NORMAL")
        self._lock = threading.RLock()
        self._changed = threading.Condition(self._lock)
        self._listeners: list[Listener] = []
        self.data: dict[str, dict[int, dict[str, Any]]] = {e: {} for e in ENTITIES}
        # entity -> incident id -> ids: the hand-overs and notes of one incident, found
        # without a pass over every row.
        self._children: dict[str, dict[int, set[int]]] = {}
        # The console's own changes the service has not confirmed yet, drawn over its rows:
        # outbox entry id -> effects, in the order they were made. ``_base`` keeps the
        # service's row under every key they touch (None: the row exists only here).
        self._local: dict[int, list[Effect]] = {}
        self._base: dict[tuple[str, int], dict[str, Any] | None] = {}
        meta = dict(self._db.execute("SELECT key, value FROM meta"))
        self.seq = int(meta.get("seq", -1))  # -1: never synced
        self.epoch: str | None = meta.get("epoch")
        # The journal's hash of change ``seq``: shown on resume, so a service restored to
        # another history is noticed even where its numbers match ours.
        self.link: str = meta.get("link", "")
        # The service's live horizon, as its last snapshot said (app.domain.live_state).
        self.horizon = timedelta(hours=float(meta["horizon_hours"])) if "horizon_hours" in meta \
            else LIVE_HORIZON
        self._pruned_at: datetime | None = None
        for kind, id_, data in self._db.execute("SELECT kind, id, data FROM entities"):
            if kind in self.data:
                self.data[kind][id_] = json.loads(data)
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
                    ((k, i, _encode(r)) for k, rows in fresh.items() for i, r in rows.items()),
                )
                self._set_meta(snapshot["seq"], snapshot["epoch"], snapshot.get("hash", ""))
                if "horizon_hours" in snapshot:
                    self._db.execute("INSERT OR REPLACE INTO meta VALUES ('horizon_hours', ?)",
                                     (str(snapshot["horizon_hours"]),))
                    self.horizon = timedelta(hours=snapshot["horizon_hours"])
            self.data, self.seq, self.epoch = fresh, snapshot["seq"], snapshot["epoch"]
            self.link = snapshot.get("hash", "")
            for key in list(self._base):
                self._base[key] = fresh.get(key[0], {}).get(key[1])
                self._redraw(key)
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
                if ch["entity"] not in self.data:
                    applied.append(Applied(ch["seq"], ch["kind"], ch["entity"], ch["entity_id"],
                                           ch.get("incident_id"), ch.get("before") is None,
                                           ch.get("before"), ch["after"],
                                           ch.get("actor_name", "")))
                    continue
                table = self.data[ch["entity"]]
                key = (ch["entity"], ch["entity_id"])
                current = rows.get(key) or (self._base[key] if key in self._base
                                            else table.get(ch["entity_id"]))
                created = current is None
                if created and ch.get("before") is not None and ch["entity"] in PRUNED:
                    # A change to a row this replica no longer holds (past the horizon):
                    # ``after`` has only the changed fields, not a row to keep.
                    applied.append(Applied(ch["seq"], ch["kind"], ch["entity"], ch["entity_id"],
                                           ch.get("incident_id"), False, ch.get("before"),
                                           ch["after"], ch.get("actor_name", "")))
                    continue
                merged = {**(current or {}), **ch["after"]}
                rows[(ch["entity"], ch["entity_id"])] = merged
                applied.append(Applied(ch["seq"], ch["kind"], ch["entity"], ch["entity_id"],
                                       ch.get("incident_id"), created, ch.get("before"),
                                       ch["after"], ch.get("actor_name", "")))
            with self._db:
                self._db.execute("BEGIN")
                self._db.executemany(
                    "INSERT OR REPLACE INTO entities (kind, id, data) VALUES (?, ?, ?)",
                    ((k, i, _encode(r)) for (k, i), r in rows.items()),
                )
                link = pending[-1].get("hash", "")
                self._set_meta(seq, self.epoch, link)
            for (kind, id_), row in rows.items():
                if (kind, id_) in self._base:
                    self._base[(kind, id_)] = row
                    self._redraw((kind, id_))
                    continue
                self.data[kind][id_] = row
                if kind in CHILDREN:
                    self._children[kind].setdefault(row["incident_id"], set()).add(id_)
            self.seq, self.link = seq, link
            self._changed.notify_all()
        self._emit(applied)
        return applied

    def prune(self, now: datetime) -> list[Applied]:
        """Drop the finished incidents past the live horizon (by the service's clock), with
        their hand-overs and notes; at most once per ``PRUNE_EVERY``. Each dropped incident
        reaches the listeners as a removal, so the views let go of it too."""
        with self._lock:
            if self._pruned_at is not None and now - self._pruned_at < PRUNE_EVERY:
                return []
            self._pruned_at = now
            incidents = self.data["incident"]
            old = [i for i, inc in incidents.items()
                   if ("incident", i) not in self._base and past_horizon(inc, now, self.horizon)]
            if not old:
                return []
            gone: list[tuple[str, int]] = []
            applied = []
            for i in old:
                for entity in CHILDREN:
                    for child in self._children[entity].pop(i, ()):
                        if (entity, child) not in self._base:
                            self.data[entity].pop(child, None)
                            gone.append((entity, child))
                applied.append(Applied(self.seq, "pruned", "incident", i, i, False,
                                       incidents.pop(i), {}, "", removed=True))
                gone.append(("incident", i))
            with self._db:
                self._db.execute("BEGIN")
                self._db.executemany("DELETE FROM entities WHERE kind = ? AND id = ?", gone)
            self._changed.notify_all()
        self._emit(applied)
        return applied

    # -- the console's own unconfirmed changes (any thread) --------------------------------

    def put_local(self, entry_id: int, effects: list[Effect]) -> None:
        """Show an outbox entry's effects at once, over the service's rows."""
        self._change_local(entry_id, effects)

    def drop_local(self, entry_id: int) -> None:
        """The entry was confirmed (its change arrived) or refused: show the service's rows."""
        self._change_local(entry_id, None)

    def local_rows(self, entity: str) -> list[dict[str, Any]]:
        """The rows that exist only here (made offline, not yet numbered by the service)."""
        with self._lock:
            return [dict(r) for (e, i), base in self._base.items()
                    if e == entity and base is None and (r := self.data[e].get(i))]

    def server_row(self, entity: str, entity_id: int) -> dict[str, Any] | None:
        """The row as the service last said, without the console's unconfirmed changes."""
        with self._lock:
            key = (entity, entity_id)
            row = self._base[key] if key in self._base else self.data[entity].get(entity_id)
            return dict(row) if row is not None else None

    def _change_local(self, entry_id: int, effects: list[Effect] | None) -> None:
        with self._lock:
            old = self._local.pop(entry_id, [])
            if effects:
                self._local[entry_id] = effects
            keys = dict.fromkeys((e.entity, e.entity_id) for e in [*old, *(effects or [])])
            batch = []
            for key in keys:
                if key not in self._base:
                    self._base[key] = self.data[key[0]].get(key[1])
                before = self.data[key[0]].get(key[1])
                after = self._redraw(key)
                if before != after:
                    incident_id = (key[1] if key[0] == "incident"
                                   else (after or before or {}).get("incident_id"))
                    batch.append(Applied(self.seq, "local", key[0], key[1], incident_id,
                                         before is None, before, after or {}, "",
                                         removed=after is None))
            self._changed.notify_all()
        if batch:
            self._emit(batch)

    def _redraw(self, key: tuple[str, int]) -> dict[str, Any] | None:
        """Recompute one row from the service's version and the pending effects on it."""
        entity, entity_id = key
        patches = [e.patch for effects in self._local.values() for e in effects
                   if (e.entity, e.entity_id) == key]
        base = self._base.get(key)
        if not patches:
            self._base.pop(key, None)
        row = None if base is None and not patches else dict(base or {})
        for patch in patches:
            row.update(patch)  # type: ignore[union-attr]
        table = self.data[entity]
        if row is None:
            gone = table.pop(entity_id, None)
            if gone is not None and entity in CHILDREN:
                self._children[entity].get(gone.get("incident_id"), set()).discard(entity_id)
        else:
            table[entity_id] = row
            if entity in CHILDREN:
                self._children[entity].setdefault(row["incident_id"], set()).add(entity_id)
        return row

    # -- what else the console keeps between runs ------------------------------------------

    @property
    def connection(self) -> sqlite3.Connection:
        """The replica's database, for the outbox kept in the same file (under ``lock``)."""
        return self._db

    @property
    def lock(self) -> threading.RLock:
        return self._lock

    def remember(self, key: str, value: Any) -> None:
        with self._lock:
            self._db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                             (f"kept.{key}", json.dumps(value)))

    def recall(self, key: str) -> Any:
        with self._lock:
            row = self._db.execute("SELECT value FROM meta WHERE key = ?",
                                   (f"kept.{key}",)).fetchone()
        return json.loads(row[0]) if row else None

    def _set_meta(self, seq: int, epoch: str | None, link: str = "") -> None:
        self._db.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                             [("seq", str(seq)), ("epoch", epoch or ""), ("link", link)])

    def _emit(self, batch: list[Applied] | None) -> None:
        for listener in list(self._listeners):
            listener(batch)

    def close(self) -> None:
        with self._lock:
            self._db.close()
