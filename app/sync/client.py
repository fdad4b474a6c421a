"""SyncClient: sign in, keep the replica live, and send commands with mutation ids.

A console's client (``outbox=True``) keeps working while the service cannot be reached: each
change goes through the outbox kept in the replica's file, is drawn over the replica at once,
and is sent in order when the service is back. Its session, catalogue and clock offset are
kept in the same file, so a console restarted while offline opens on its last state."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from app.sync import predict
from app.sync.errors import ApiError, Offline
from app.sync.http import Http
from app.sync.outbox import Entry, Outbox
from app.sync.sender import OutboxSender, Queued
from app.sync.store import Effect, ReplicaStore
from app.sync.stream import StreamState, StreamWorker

CLOCK_WARN_SECONDS = 2.0


def new_mutation_id() -> str:
    return str(uuid.uuid4())


class SyncClient:
    def __init__(self, base_url: str, *, replica: str | Path | None = None,
                 timeout: float = 10.0, ca_file: str | Path | None = None,
                 outbox: bool = False, retry_seconds: float = 2.0) -> None:
        self.http = Http(base_url, timeout=timeout, ca_file=ca_file)
        self.store = ReplicaStore(replica)
        self.user: dict[str, Any] | None = None
        self.presence: list[dict[str, Any]] = []
        self.clock_offset = 0.0  # service clock minus ours, seconds
        self.state = StreamState.STOPPED
        self.state_message = ""
        self.on_state: list[Callable[[str, str], None]] = []
        self.on_presence: list[Callable[[list[dict[str, Any]]], None]] = []
        self.on_outbox: list[Callable[[int, int], None]] = []  # (waiting, conflicts)
        self._worker: StreamWorker | None = None
        self._lock = threading.Lock()
        self.outbox: Outbox | None = None
        self.sender: OutboxSender | None = None
        if outbox:
            session = self.store.recall("session") or {}
            self.http.token, self.user = session.get("token"), session.get("user")
            self.clock_offset = float(self.store.recall("clock_offset") or 0.0)
            self.outbox = Outbox(self.store)
            self.sender = OutboxSender(
                self.http, self.store, self.outbox, retry_seconds=retry_seconds,
                on_counts=self._outbox_counts)
            self.sender.start()

    # -- session -----------------------------------------------------------------------

    def login(self, login: str, password: str) -> dict[str, Any]:
        answer = self.http.request("POST", "/auth/login",
                                   json={"login": login, "password": password})
        self.http.token = answer["token"]
        self.user = answer["user"]
        if self.sender is not None:
            self.store.remember("session", {"token": self.http.token, "user": self.user})
            self.sender.resume()
        return answer

    @property
    def has_session(self) -> bool:
        """A session kept from an earlier run (a console restarted while offline)."""
        return bool(self.http.token and self.user)

    def check_session(self) -> dict[str, Any]:
        """Ask the service whether the kept session still holds; ``Offline`` if it cannot
        say, so the console may open on its kept state."""
        self.user = self.http.request("GET", "/auth/me")
        return self.user

    def logout(self) -> None:
        self.stop()
        if self.http.token:
            self.http.request("POST", "/auth/logout")
        self.http.token = None
        if self.sender is not None:
            self.store.remember("session", None)

    def start(self) -> None:
        """Begin (or resume) the live stream in the background."""
        with self._lock:
            if self._worker is not None and self._worker.is_alive():
                return
            self._worker = StreamWorker(self.http, self.store, on_state=self._state,
                                        on_presence=self._presence, on_clock=self._clock)
            self._worker.start()

    def stop(self) -> None:
        with self._lock:
            worker, self._worker = self._worker, None
        if worker is not None:
            worker.stop()
            worker.join(5)

    def close(self) -> None:
        self.stop()
        if self.sender is not None:
            self.sender.stop()
            self.sender.join(5)
        self.http.close()
        self.store.close()

    def drop_connection(self) -> None:
        """Cut the stream as a network fault would (used by tests and diagnostics)."""
        if self._worker is not None:
            self._worker.drop()

    @property
    def reconnects(self) -> int:
        return self._worker.reconnects if self._worker else 0

    def wait_live(self, timeout: float = 10.0) -> bool:
        return self.store.wait_for(lambda _s: self.state == StreamState.LIVE, timeout)

    def _state(self, state: str, message: str) -> None:
        self.state, self.state_message = state, message
        if self.sender is not None and state in (StreamState.LIVE, StreamState.OFFLINE):
            self.sender.set_reachable(state == StreamState.LIVE)
        self.store.wake()  # for wait_live
        for cb in list(self.on_state):
            cb(state, message)

    def _presence(self, users: list[dict[str, Any]]) -> None:
        self.presence = users
        for cb in list(self.on_presence):
            cb(users)

    def _clock(self, _server: datetime, offset: float) -> None:
        if self.sender is not None and abs(offset - self.clock_offset) > 0.05:
            self.store.remember("clock_offset", offset)  # for times recorded offline later
        self.clock_offset = offset

    def _outbox_counts(self, waiting: int, conflicts: int) -> None:
        for cb in list(self.on_outbox):
            cb(waiting, conflicts)

    @property
    def clock_warning(self) -> bool:
        return abs(self.clock_offset) > CLOCK_WARN_SECONDS

    def server_now(self) -> datetime:
        return datetime.now(UTC) + timedelta(seconds=self.clock_offset)

    # -- reading -----------------------------------------------------------------------

    def _kept(self, key: str, path: str) -> Any:
        """Reference data a console needs to open; kept for a start while offline."""
        try:
            value = self.http.request("GET", path)
        except Offline:
            value = self.store.recall(key) if self.sender is not None else None
            if value is None:
                raise
            return value
        if self.sender is not None:
            self.store.remember(key, value)
        return value

    def catalog(self) -> dict[str, Any]:
        return self._kept("catalog", "/catalog")

    def incident(self, incident_id: int) -> dict[str, Any]:
        return self.http.request("GET", f"/incidents/{incident_id}")

    def timeline(self, incident_id: int) -> list[dict[str, Any]]:
        return self.http.request("GET", f"/incidents/{incident_id}/timeline")

    def callers(self, incident_id: int) -> list[dict[str, Any]]:
        return self.http.request("GET", f"/incidents/{incident_id}/callers")

    def incidents_by_phone(self, phone: str) -> list[dict[str, Any]]:
        return self.http.request("GET", "/callers/incidents", params={"phone": phone})

    def state_at(self, moment: datetime) -> dict[str, Any]:
        """The state as it was at ``moment`` (aware), rebuilt by the service from its change
        log, in the snapshot's shape: for a supervisor's look back, never for the replica."""
        return self.http.request("GET", "/history/state", params={"at": moment.isoformat()})

    def streets(self, prefix: str = "", limit: int = 5000) -> list[str]:
        return self.http.request("GET", "/gazetteer/streets", params={"q": prefix, "limit": limit})

    def houses(self, street: str) -> list[dict[str, Any]]:
        return self.http.request("GET", "/gazetteer/houses", params={"street": street})

    def basemap(self) -> dict[str, Any]:
        return self._kept("basemap", "/gazetteer/basemap")

    def reverse_geocode(self, lat: float, lon: float) -> dict[str, Any] | None:
        return self.http.request("GET", "/gazetteer/reverse", params={"lat": lat, "lon": lon})

    # -- commands: each carries a new mutation id unless the caller retries with its own -

    def _command(self, kind: str, method: str, path: str, target: int | None,
                 body: dict[str, Any], effects: Callable[[], list[Effect]],
                 mutation_id: str | None) -> Any:
        """Send one change. With an outbox, the answer may be ``Queued``: kept, drawn, and
        sent when the service is back."""
        if self.outbox is None or self.sender is None:
            return self.http.request(method, path.format(id=target),
                                     json={**body, "mutation_id": mutation_id or
                                           new_mutation_id()})
        try:
            drawn = effects()
        except predict.Refused as e:
            raise ApiError(422, {"code": "refused", "message": e.in_language(
                self.http.language or Http.default_language)}) from None
        incident = next((e.incident_id for e in drawn if e.incident_id is not None), target)
        chained = incident is not None and any(
            p.incident_id == incident for p in self.outbox.pending())
        entry = self.outbox.add(Entry(kind, method, path, target, body, self.server_now(),
                                      drawn, chained,
                                      mutation_id=mutation_id or new_mutation_id()))
        try:
            return self.sender.submit(entry).result(timeout=self.http.timeout * 6)
        except TimeoutError:
            return Queued(entry, None)

    def real_id(self, temp_id: int) -> int | None:
        """The service's id for a temporary one, once its registration was taken."""
        return self.sender.renumbered.get(temp_id) if self.sender is not None else None

    def _id(self, entity_id: int) -> int:
        """A temporary id the service has numbered meanwhile stands for its real id."""
        if entity_id < 0 and self.sender is not None:
            return self.sender.renumbered.get(entity_id, entity_id)
        return entity_id

    def _type_priority(self, type_code: str | None) -> int | None:
        """The classifier's priority for a type, from the catalogue kept here."""
        catalog = self.store.recall("catalog") or {}
        return next((t["priority"] for t in catalog.get("incident_types", ())
                     if t["code"] == type_code), None)

    def _me(self) -> dict[str, Any]:
        return self.user or {}

    def _incident(self, incident_id: int) -> dict[str, Any]:
        row = self.store.get("incident", incident_id)
        if row is None:
            raise ApiError(404, {"code": "not_found",
                                 "message": f"Incident {incident_id} is not known here."})
        return row

    def register(self, *, source: str, address: dict[str, Any], type_code: str | None = None,
                 description: str = "", caller: dict[str, Any] | None = None,
                 priority: int | None = None, received_at: datetime | None = None,
                 registration_seconds: float | None = None,
                 mutation_id: str | None = None,
                 place: dict[str, Any] | None = None) -> Any:
        """``place``: the gazetteer's house for the address, if the console knows it (drawn
        on the map before the service has placed the incident)."""
        body: dict[str, Any] = {"source": source, "address": address, "type_code": type_code,
                                "description": description}
        if caller:
            body["caller"] = caller
        if priority is not None:
            body["priority"] = priority
        if received_at is not None:
            body["received_at"] = received_at.isoformat()
        elif self.outbox is not None:
            # Registered offline, it was still received when the call came, not when sent.
            body["received_at"] = self.server_now().isoformat()
        if registration_seconds is not None:
            body["registration_seconds"] = registration_seconds
        temp = self.outbox.next_temp_id() if self.outbox is not None else 0
        answer = self._command(
            "register", "POST", "/incidents", temp, body,
            lambda: predict.register(temp, -temp, body, self._me(), self.server_now(), place,
                                     self._type_priority(type_code)),
            mutation_id)
        if isinstance(answer, Queued):
            return {"incident": answer.row, "handovers": [], "notes": [], "queued": True}
        return answer

    def update(self, incident_id: int, base_version: int, *, mutation_id: str | None = None,
               **fields: Any) -> Any:
        incident_id = self._id(incident_id)
        answer = self._command(
            "update", "PATCH", "/incidents/{id}", incident_id,
            {"base_version": base_version, **fields},
            lambda: predict.update(self._incident(incident_id), fields, self._me()),
            mutation_id)
        return {"incident": answer.row, "queued": True} if isinstance(answer, Queued) else answer

    def act(self, incident_id: int, base_version: int, action: str, *,
            reason: str | None = None, result: str | None = None,
            merge_into: int | None = None, mutation_id: str | None = None) -> Any:
        incident_id = self._id(incident_id)
        body = {"base_version": base_version, "action": action, "reason": reason,
                "result": result, "merge_into": merge_into}
        answer = self._command(
            "act", "POST", "/incidents/{id}/actions", incident_id, body,
            lambda: predict.act(self._incident(incident_id), action, self._me(),
                                self.server_now(), reason=reason, result=result),
            mutation_id)
        return {"incident": answer.row, "queued": True} if isinstance(answer, Queued) else answer

    def claim(self, incident_id: int, *, takeover: bool = False,
              mutation_id: str | None = None) -> Any:
        incident_id = self._id(incident_id)
        answer = self._command(
            "claim", "POST", "/incidents/{id}/claim", incident_id, {"takeover": takeover},
            lambda: predict.claim(self._incident(incident_id), self._me()), mutation_id)
        return {**(answer.row or {}), "queued": True} if isinstance(answer, Queued) else answer

    def release(self, incident_id: int, *, mutation_id: str | None = None) -> Any:
        incident_id = self._id(incident_id)
        answer = self._command(
            "release", "POST", "/incidents/{id}/release", incident_id, {},
            lambda: predict.release(self._incident(incident_id)), mutation_id)
        return {**(answer.row or {}), "queued": True} if isinstance(answer, Queued) else answer

    def hand_over(self, incident_id: int, base_version: int, services: list[str], *,
                  mutation_id: str | None = None) -> Any:
        incident_id = self._id(incident_id)
        def effects() -> list[Effect]:
            temps = [self.outbox.next_temp_id() for _ in services] if self.outbox else []
            return predict.hand_over(self._incident(incident_id),
                                     self.store.handovers_of(incident_id), services, temps,
                                     self._me(), self.server_now())

        answer = self._command(
            "hand_over", "POST", "/incidents/{id}/handovers", incident_id,
            {"base_version": base_version, "services": services}, effects, mutation_id)
        return {"incident": answer.row, "queued": True} if isinstance(answer, Queued) else answer

    def report_stage(self, handover_id: int, stage: str, *, crew_id: int | None = None,
                     mutation_id: str | None = None) -> Any:
        handover_id = self._id(handover_id)
        def effects() -> list[Effect]:
            handover = self.store.get("handover", handover_id)
            if handover is None:
                raise predict.Refused("This hand-over is not known here.")
            incident_id = handover["incident_id"]
            return predict.stage(self._incident(incident_id),
                                 self.store.handovers_of(incident_id), handover_id, stage,
                                 self.server_now())

        answer = self._command(
            "stage", "POST", "/handovers/{id}/stages", handover_id,
            {"stage": stage, "crew_id": crew_id}, effects, mutation_id)
        return {"incident": answer.row, "queued": True} if isinstance(answer, Queued) else answer

    def add_note(self, incident_id: int, text: str, *,
                 mutation_id: str | None = None) -> Any:
        incident_id = self._id(incident_id)
        def effects() -> list[Effect]:
            temp = self.outbox.next_temp_id() if self.outbox else 0
            return predict.note(temp, incident_id, text, self._me(), self.server_now())

        answer = self._command("note", "POST", "/incidents/{id}/notes", incident_id,
                               {"text": text}, effects, mutation_id)
        return {**(answer.row or {}), "queued": True} if isinstance(answer, Queued) else answer

    def add_caller(self, incident_id: int, caller: dict[str, Any], *,
                   mutation_id: str | None = None) -> Any:
        incident_id = self._id(incident_id)
        # Nothing to draw: callers are personal data, shown only when asked for.
        answer = self._command("caller", "POST", "/incidents/{id}/callers", incident_id,
                               {"caller": caller}, lambda: [], mutation_id)
        return {"queued": True} if isinstance(answer, Queued) else answer

    # -- the outbox, for the operator --------------------------------------------------

    def conflicts(self) -> list[Entry]:
        return self.outbox.conflicts() if self.outbox else []

    def waiting(self) -> list[Entry]:
        return self.outbox.pending() if self.outbox else []

    def resend(self, entry_id: int) -> None:
        """Send a conflicted change again, on the incident as the service has it now."""
        assert self.outbox is not None and self.sender is not None
        entry = self.outbox.get(entry_id)
        if entry is None:
            return
        versions = []
        if entry.target is not None and entry.target > 0:
            try:  # the operator decided on the incident as it is now: ask the service
                versions.append(self.incident(entry.target)["incident"]["version"])
            except Offline:  # then what the console last heard is the best it knows
                seen = self.store.server_row("incident", entry.target)
                told = ((entry.error or {}).get("current") or {}).get("version")
                versions = [v for v in ((seen or {}).get("version"), told) if v is not None]
        self.outbox.retry(entry_id, max(versions) if versions else None)
        self.sender.set_reachable(True)

    def discard(self, entry_id: int) -> None:
        assert self.outbox is not None and self.sender is not None
        self.outbox.discard(entry_id)
        self._outbox_counts(*self.outbox.counts())
