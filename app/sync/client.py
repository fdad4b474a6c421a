"""SyncClient: sign in, keep the replica live, and send commands with mutation ids."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from app.sync.http import Http
from app.sync.store import ReplicaStore
from app.sync.stream import StreamState, StreamWorker

CLOCK_WARN_SECONDS = 2.0


def new_mutation_id() -> str:
    return str(uuid.uuid4())


class SyncClient:
    def __init__(self, base_url: str, *, replica: str | Path | None = None,
                 timeout: float = 10.0) -> None:
        self.http = Http(base_url, timeout=timeout)
        self.store = ReplicaStore(replica)
        self.user: dict[str, Any] | None = None
        self.presence: list[dict[str, Any]] = []
        self.clock_offset = 0.0  # service clock minus ours, seconds
        self.state = StreamState.STOPPED
        self.state_message = ""
        self.on_state: list[Callable[[str, str], None]] = []
        self.on_presence: list[Callable[[list[dict[str, Any]]], None]] = []
        self._worker: StreamWorker | None = None
        self._lock = threading.Lock()

    # -- session -----------------------------------------------------------------------

    def login(self, login: str, password: str) -> dict[str, Any]:
        answer = self.http.request("POST", "/auth/login",
                                   json={"login": login, "password": password})
        self.http.token = answer["token"]
        self.user = answer["user"]
        return answer

    def logout(self) -> None:
        self.stop()
        if self.http.token:
            self.http.request("POST", "/auth/logout")
        self.http.token = None

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
        self.store.wake()  # for wait_live
        for cb in list(self.on_state):
            cb(state, message)

    def _presence(self, users: list[dict[str, Any]]) -> None:
        self.presence = users
        for cb in list(self.on_presence):
            cb(users)

    def _clock(self, _server: datetime, offset: float) -> None:
        self.clock_offset = offset

    @property
    def clock_warning(self) -> bool:
        return abs(self.clock_offset) > CLOCK_WARN_SECONDS

    def server_now(self) -> datetime:
        return datetime.now(UTC) + timedelta(seconds=self.clock_offset)

    # -- reading -----------------------------------------------------------------------

    def catalog(self) -> dict[str, Any]:
        return self.http.request("GET", "/catalog")

    def incident(self, incident_id: int) -> dict[str, Any]:
        return self.http.request("GET", f"/incidents/{incident_id}")

    def timeline(self, incident_id: int) -> list[dict[str, Any]]:
        return self.http.request("GET", f"/incidents/{incident_id}/timeline")

    def callers(self, incident_id: int) -> list[dict[str, Any]]:
        return self.http.request("GET", f"/incidents/{incident_id}/callers")

    def incidents_by_phone(self, phone: str) -> list[dict[str, Any]]:
        return self.http.request("GET", "/callers/incidents", params={"phone": phone})

    def streets(self, prefix: str = "", limit: int = 5000) -> list[str]:
        return self.http.request("GET", "/gazetteer/streets", params={"q": prefix, "limit": limit})

    def houses(self, street: str) -> list[dict[str, Any]]:
        return self.http.request("GET", "/gazetteer/houses", params={"street": street})

    def basemap(self) -> dict[str, Any]:
        return self.http.request("GET", "/gazetteer/basemap")

    def reverse_geocode(self, lat: float, lon: float) -> dict[str, Any] | None:
        return self.http.request("GET", "/gazetteer/reverse", params={"lat": lat, "lon": lon})

    # -- commands: each carries a new mutation id unless the caller retries with its own -

    def _send(self, method: str, path: str, body: dict[str, Any],
              mutation_id: str | None) -> Any:
        return self.http.request(method, path,
                                 json={**body, "mutation_id": mutation_id or new_mutation_id()})

    def register(self, *, source: str, address: dict[str, Any], type_code: str | None = None,
                 description: str = "", caller: dict[str, Any] | None = None,
                 priority: int | None = None, received_at: datetime | None = None,
                 registration_seconds: float | None = None,
                 mutation_id: str | None = None) -> dict[str, Any]:
        body: dict[str, Any] = {"source": source, "address": address, "type_code": type_code,
                                "description": description}
        if caller:
            body["caller"] = caller
        if priority is not None:
            body["priority"] = priority
        if received_at is not None:
            body["received_at"] = received_at.isoformat()
        if registration_seconds is not None:
            body["registration_seconds"] = registration_seconds
        return self._send("POST", "/incidents", body, mutation_id)

    def update(self, incident_id: int, base_version: int, *, mutation_id: str | None = None,
               **fields: Any) -> dict[str, Any]:
        return self._send("PATCH", f"/incidents/{incident_id}",
                          {"base_version": base_version, **fields}, mutation_id)

    def act(self, incident_id: int, base_version: int, action: str, *,
            reason: str | None = None, result: str | None = None,
            merge_into: int | None = None, mutation_id: str | None = None) -> dict[str, Any]:
        body = {"base_version": base_version, "action": action, "reason": reason,
                "result": result, "merge_into": merge_into}
        return self._send("POST", f"/incidents/{incident_id}/actions", body, mutation_id)

    def claim(self, incident_id: int, *, takeover: bool = False,
              mutation_id: str | None = None) -> dict[str, Any]:
        return self._send("POST", f"/incidents/{incident_id}/claim", {"takeover": takeover},
                          mutation_id)

    def release(self, incident_id: int, *, mutation_id: str | None = None) -> dict[str, Any]:
        return self._send("POST", f"/incidents/{incident_id}/release", {}, mutation_id)

    def hand_over(self, incident_id: int, base_version: int, services: list[str], *,
                  mutation_id: str | None = None) -> dict[str, Any]:
        return self._send("POST", f"/incidents/{incident_id}/handovers",
                          {"base_version": base_version, "services": services}, mutation_id)

    def report_stage(self, handover_id: int, stage: str, *, crew_id: int | None = None,
                     mutation_id: str | None = None) -> dict[str, Any]:
        return self._send("POST", f"/handovers/{handover_id}/stages",
                          {"stage": stage, "crew_id": crew_id}, mutation_id)

    def add_note(self, incident_id: int, text: str, *,
                 mutation_id: str | None = None) -> dict[str, Any]:
        return self._send("POST", f"/incidents/{incident_id}/notes", {"text": text}, mutation_id)
