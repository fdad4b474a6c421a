"""Sends the outbox, oldest first, whenever there is something to send and the service
can be reached. The operator who is waiting on a change hears back about it at once: taken,
refused, or kept for later because the service is out of reach."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

from app.sync.errors import ApiError, Offline, SessionExpired, Unauthorized
from app.sync.http import Http
from app.sync.outbox import Entry, Outbox
from app.sync.store import Applied, Effect, ReplicaStore

log = logging.getLogger(__name__)

# A drawing whose change never shows up (the stream is down, or a later change hid it)
# is dropped after this long; the replica then shows what the service last said.
WITNESS_SECONDS = 15.0


class Queued:
    """The answer to a change kept in the outbox because the service cannot be reached."""

    def __init__(self, entry: Entry, row: dict[str, Any] | None) -> None:
        self.entry = entry
        self.row = row


@dataclass
class _Witness:
    """What must be in the replica before an answered entry's drawing can go."""

    entity: str
    entity_id: int
    answer: dict[str, Any]
    since: float


def _answered_row(entry: Entry, answer: Any) -> tuple[str, dict[str, Any]] | None:
    if not isinstance(answer, dict):
        return None
    if isinstance(answer.get("incident"), dict):
        return "incident", answer["incident"]
    if entry.kind == "note":
        return "note", answer
    if "id" in answer and "version" in answer:
        return "incident", answer
    return None


def _confirmed(entity: str, row: dict[str, Any], answer: dict[str, Any]) -> list[Effect]:
    effects = [Effect(entity, row["id"], row,
                      row["id"] if entity == "incident" else row.get("incident_id"))]
    for handover in answer.get("handovers") or ():
        effects.append(Effect("handover", handover["id"], handover, handover["incident_id"]))
    return effects


class OutboxSender(threading.Thread):
    def __init__(self, http: Http, store: ReplicaStore, outbox: Outbox, *,
                 retry_seconds: float = 2.0,
                 on_counts: Callable[[int, int], None] | None = None) -> None:
        super().__init__(name="dispatch-outbox", daemon=True)
        self.http, self.store, self.outbox = http, store, outbox
        self.retry_seconds = retry_seconds
        self.on_counts = on_counts or (lambda _p, _c: None)
        self.reachable = True
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._paused = False  # signed out: wait for a new sign-in
        self._lock = threading.Lock()
        self._waiting: dict[int, Future[Any]] = {}
        self._witnesses: dict[int, _Witness] = {}
        # The version each incident reached by the console's own last taken change.
        self._versions: dict[int, int] = {}
        # Temporary incident id -> the service's id, once its registration was taken.
        self.renumbered: dict[int, int] = {}
        self._unsubscribe = store.subscribe(self._on_batch)

    # -- control -----------------------------------------------------------------------

    def submit(self, entry: Entry) -> Future[Any]:
        """The answer to ``entry``'s first attempt. Out of reach, it is kept at once, without
        making the operator wait on a connection that is known to be down."""
        future: Future[Any] = Future()
        if not self.reachable:
            self.outbox.mark_offline()
            future.set_result(Queued(entry, self._drawn(entry)))
            self.wake()
            return future
        with self._lock:
            self._waiting[entry.id] = future
        self.wake()
        return future

    def set_reachable(self, reachable: bool) -> None:
        """What the live stream found out; a reconnected stream sends the outbox at once."""
        self.reachable = reachable
        if reachable:
            self.wake()

    def wake(self) -> None:
        self._wake.set()

    def resume(self) -> None:
        self._paused = False
        self.wake()

    def stop(self) -> None:
        self._stopping.set()
        self._wake.set()
        self._unsubscribe()

    def run(self) -> None:
        while not self._stopping.is_set():
            self._wake.wait(self.retry_seconds)
            self._wake.clear()
            if self._stopping.is_set():
                break
            self._expire_witnesses()
            if not self._paused:
                try:
                    self.drain()
                except Exception:  # the next round tries again; the entries stay on disk
                    log.exception("outbox round failed")
            self.on_counts(*self.outbox.counts())

    # -- sending -------------------------------------------------------------------------

    def drain(self) -> None:
        for entry in self.outbox.pending():
            current = self.outbox.get(entry.id)
            if current is None or current.state != "pending":
                continue
            if not self._send(current):
                break
        self._settle_waiters()

    def _send(self, entry: Entry) -> bool:
        """False when the round must stop (out of reach, signed out)."""
        if entry.target is not None and entry.target < 0 and entry.kind != "register":
            self._refuse(entry, {"code": "not_taken",
                                 "message": "The incident or hand-over this change belongs "
                                 "to was not taken by the service."})
            return True
        base = None
        if entry.target is not None and "base_version" in entry.body:
            ours = self._versions.get(entry.target)
            if entry.chained:
                row = self.store.server_row("incident", entry.target)
                base = ours or (row or {}).get("version")
            elif ours is not None and ours > entry.body["base_version"]:
                # The operator worked on top of the console's own change taken a moment
                # ago, whose version the replica may not show yet.
                base = ours
        try:
            answer = self.http.request(entry.method, entry.url_path,
                                       json=entry.wire_body(base))
        except (SessionExpired, Unauthorized):
            self._paused = True
            self._offline()
            return False
        except Offline:
            self._offline()
            return False
        except ApiError as e:
            if e.status >= 500:
                self._offline()
                return False
            self.reachable = True
            self._refuse(entry, {"status": e.status, "code": e.code, "message": e.message,
                                 "params": e.params, "current": e.current})
            return True
        self.reachable = True
        self._taken(entry, answer)
        return True

    def _taken(self, entry: Entry, answer: Any) -> None:
        # The drawing is settled before the entry leaves the outbox, so an empty outbox
        # always means a replica without guesses left in it.
        answered = _answered_row(entry, answer)
        if answered is None:
            self.store.drop_local(entry.id)
            self.outbox.done(entry.id)
            self._resolve(entry.id, answer)
            return
        entity, row = answered
        if entity == "incident" and "version" in row:
            self._versions[row["id"]] = row["version"]
        # Known before the temporary row goes, so whoever sees it go can follow it.
        if entry.kind == "register" and entry.target is not None and entry.target < 0:
            self.renumbered[entry.target] = row["id"]
        # Until the stream brings the change, the service's answer is drawn instead of the
        # guess: a new incident shows its real number at once, even if the stream lags.
        self.store.put_local(entry.id, _confirmed(entity, row, answer))
        self.outbox.done(entry.id)  # before the renumbering below, which redraws the rest
        if entry.kind == "register" and entry.target is not None and entry.target < 0:
            self._renumber("incident", entry.target, row["id"])
        # Hand-overs made here get their ids too; stages reported on them follow.
        real = {h["service"]: h["id"] for h in answer.get("handovers") or ()}
        for effect in entry.effects:
            if effect.entity == "handover" and effect.entity_id < 0 and \
                    effect.patch.get("service") in real:
                self._renumber("handover", effect.entity_id, real[effect.patch["service"]])
        with self._lock:
            self._witnesses[entry.id] = _Witness(entity, row["id"], row, time.monotonic())
        self._check_witnesses()
        self._resolve(entry.id, answer)

    def _renumber(self, entity: str, temp_id: int, real_id: int) -> None:
        self.renumbered[temp_id] = real_id
        self.outbox.retarget(temp_id, real_id)
        self.outbox.redraw_as(entity, temp_id, real_id)

    def _refuse(self, entry: Entry, error: dict[str, Any]) -> None:
        with self._lock:
            future = self._waiting.pop(entry.id, None)
        if future is not None:
            # The operator is looking at it: the refusal is theirs to read now, as when online.
            self.outbox.discard(entry.id)
            future.set_exception(ApiError(int(error.get("status") or 409), error))
        else:
            self.outbox.conflict(entry.id, error)
        # What was made on top of a refused change cannot stand on its own either.
        if entry.incident_id is not None:
            for later in self.outbox.pending():
                if later.id > entry.id and later.incident_id == entry.incident_id:
                    self._refuse(later, {
                        "code": "after_conflict",
                        "message": "An earlier change to this incident was refused; decide "
                                   "on that one first.",
                        "status": 409})

    def _offline(self) -> None:
        self.reachable = False
        self.outbox.mark_offline()
        self._settle_waiters()

    def _resolve(self, entry_id: int, answer: Any) -> None:
        with self._lock:
            future = self._waiting.pop(entry_id, None)
        if future is not None:
            future.set_result(answer)

    def _settle_waiters(self) -> None:
        """Whoever still waits is told their change is kept for later."""
        with self._lock:
            waiting, self._waiting = self._waiting, {}
        for entry_id, future in waiting.items():
            entry = self.outbox.get(entry_id)
            if entry is None:
                continue
            future.set_result(Queued(entry, self._drawn(entry)))

    # -- drawings ------------------------------------------------------------------------

    def _drawn(self, entry: Entry) -> dict[str, Any] | None:
        """The row the entry's main effect draws (the incident, or the note it adds)."""
        main = next((e for e in entry.effects if e.entity != "handover"), None)
        return self.store.get(main.entity, main.entity_id) if main else None

    def _on_batch(self, batch: list[Applied] | None) -> None:
        if batch is None or any(a.kind != "local" for a in batch):
            self._check_witnesses()

    def _check_witnesses(self) -> None:
        with self._lock:
            ready = [(eid, w) for eid, w in self._witnesses.items() if self._seen(w)]
            for eid, _w in ready:
                del self._witnesses[eid]
        for entry_id, witness in ready:
            self._undraw(entry_id, witness)

    def _expire_witnesses(self) -> None:
        deadline = time.monotonic() - WITNESS_SECONDS
        with self._lock:
            old = [(eid, w) for eid, w in self._witnesses.items() if w.since < deadline]
            for eid, _w in old:
                del self._witnesses[eid]
        for entry_id, witness in old:
            self._undraw(entry_id, witness)

    def _undraw(self, entry_id: int, _witness: _Witness) -> None:
        self.store.drop_local(entry_id)

    def _seen(self, witness: _Witness) -> bool:
        row = self.store.server_row(witness.entity, witness.entity_id)
        if row is None:
            return False
        version = witness.answer.get("version")
        if version is not None and row.get("version", 0) > version:
            return True
        return all(row.get(k) == v for k, v in witness.answer.items() if k in row)
