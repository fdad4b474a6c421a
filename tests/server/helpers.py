"""What the service tests share: a signed-in HTTP client, quick incident set-ups, and
checks that every refusal is the JSON a console can show."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import IO, Any

import requests
from sqlalchemy import create_engine
from sqlalchemy.engine import Engine

from app.models.db import normalize_url
from app.server.app import create_app
from app.server.embedded import ServiceThread, free_port
from app.services.demo import DEMO_PASSWORD
from tests.conftest import fast_settings

API = "/api/v1"
# A house the demo gazetteer knows (checked by the tests that rely on it).
KNOWN_STREET, KNOWN_HOUSE = "пр-т Строителей", "5"
TIMEOUT = 15


class Clock:
    """The service's clock, moved only by the test (``ctx.clock = Clock(t)``)."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def mid() -> str:
    return str(uuid.uuid4())


class Client:
    """One signed-in user talking to the service over real HTTP."""

    def __init__(self, base: str, token: str | None = None, user: dict[str, Any] | None = None):
        self.base = base.rstrip("/") + API
        self.session = requests.Session()
        self.token = token
        self.user = user or {}
        if token:
            self.session.headers["Authorization"] = f"Bearer {token}"

    @property
    def id(self) -> int:
        return int(self.user["id"])

    @property
    def name(self) -> str:
        return str(self.user["name"])

    def get(self, path: str, **kw: Any) -> requests.Response:
        return self.session.get(self.base + path, timeout=TIMEOUT, **kw)

    def post(self, path: str, json: Any = None, **kw: Any) -> requests.Response:
        return self.session.post(self.base + path, json=json, timeout=TIMEOUT, **kw)

    def patch(self, path: str, json: Any = None, **kw: Any) -> requests.Response:
        return self.session.patch(self.base + path, json=json, timeout=TIMEOUT, **kw)

    # --- the use cases the tests set up with -------------------------------------------

    def register(self, expect: int = 201, **fields: Any) -> dict[str, Any]:
        """Register an incident (a phone call at the known house unless told otherwise)
        and return its detail."""
        body: dict[str, Any] = {
            "mutation_id": mid(), "source": "phone", "type_code": "gas_smell",
            "address": {"street": KNOWN_STREET, "house": KNOWN_HOUSE},
            "description": "Пахнет газом в подъезде",
        }
        body.update(fields)
        r = self.post("/incidents", body)
        assert r.status_code == expect, r.text
        return r.json()

    def hand_over(self, services: list[str], **fields: Any) -> dict[str, Any]:
        """Register an incident and hand it over to ``services``; its detail."""
        inc = self.register(**fields)["incident"]
        r = self.post(f"/incidents/{inc['id']}/handovers",
                      {"mutation_id": mid(), "base_version": inc["version"],
                       "services": services})
        assert r.status_code == 200, r.text
        return r.json()

    def incident(self, incident_id: int) -> dict[str, Any]:
        r = self.get(f"/incidents/{incident_id}")
        assert r.status_code == 200, r.text
        return r.json()

    def act(self, incident_id: int, action: str, version: int, **fields: Any
            ) -> requests.Response:
        return self.post(f"/incidents/{incident_id}/actions",
                         {"mutation_id": mid(), "base_version": version, "action": action,
                          **fields})

    def claim(self, incident_id: int, takeover: bool = False) -> requests.Response:
        return self.post(f"/incidents/{incident_id}/claim",
                         {"mutation_id": mid(), "takeover": takeover})

    def release(self, incident_id: int) -> requests.Response:
        return self.post(f"/incidents/{incident_id}/release", {"mutation_id": mid()})

    def snapshot(self) -> dict[str, Any]:
        r = self.get("/snapshot")
        assert r.status_code == 200, r.text
        return r.json()

    def changes(self, after: int = 0) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        while True:
            r = self.get("/changes", params={"after": after})
            assert r.status_code == 200, r.text
            page = r.json()
            out += page
            if len(page) < 1000:
                return out
            after = page[-1]["seq"]


def login_response(base: str, login: str, password: str = DEMO_PASSWORD) -> requests.Response:
    return requests.post(base.rstrip("/") + API + "/auth/login",
                         json={"login": login, "password": password}, timeout=TIMEOUT)


def login(base: str, login_name: str, password: str = DEMO_PASSWORD) -> Client:
    r = login_response(base, login_name, password)
    assert r.status_code == 200, r.text
    body = r.json()
    return Client(base, body["token"], body["user"])


def assert_refusal(r: requests.Response, status: int, code: str | None = None) -> dict[str, Any]:
    """A refusal a console can show: JSON with a stable code, a sentence, and params."""
    assert r.status_code == status, f"expected {status}, got {r.status_code}: {r.text}"
    assert r.headers["content-type"].startswith("application/json"), r.headers
    body = r.json()
    assert isinstance(body.get("code"), str) and body["code"], body
    assert isinstance(body.get("message"), str) and len(body["message"]) > 10, body
    assert isinstance(body.get("params"), dict), body
    if code is not None:
        assert body["code"] == code, body
    return body


def wait_for(check: Callable[[], Any], timeout: float, interval: float = 0.05) -> Any:
    """Poll until ``check`` returns something truthy; that value, or AssertionError."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"not true within {timeout} s")
        time.sleep(interval)


@contextmanager
def own_service(db_url: str, **overrides: Any) -> Iterator[ServiceThread]:
    """The real service with settings of the test's choosing (a short lease, say)."""
    svc = ServiceThread(create_app(fast_settings(db_url, **overrides))).start()
    try:
        yield svc
    finally:
        svc.stop()


@contextmanager
def engine_for(db_url: str) -> Iterator[Engine]:
    """Direct database access, to check what a client cannot see."""
    engine = create_engine(normalize_url(db_url))
    try:
        yield engine
    finally:
        engine.dispose()


@contextmanager
def server_process(db_url: str, env: dict[str, str] | None = None, scheme: str = "http",
                   verify: str | bool = True) -> Iterator[ServedProcess]:
    """``dispatch-server run`` as an administrator starts it, in a subprocess on loopback.
    What it prints (uvicorn's log) is kept for the test to read once it has stopped."""
    port = free_port()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "app.server.cli", "run", "--port", str(port)],
            env={**os.environ, "DISPATCH_DATABASE_URL": db_url, **(env or {})},
            stdin=subprocess.DEVNULL, stdout=out, stderr=err, text=True,
        )
        served = ServedProcess(f"{scheme}://127.0.0.1:{port}", proc, out, err)
        try:
            deadline = time.monotonic() + 60
            while True:
                if proc.poll() is not None:
                    served.stop()
                    raise RuntimeError(f"the service stopped while starting: {served.stderr}")
                try:
                    requests.get(served.url + API + "/time", timeout=2, verify=verify)
                    break
                except requests.RequestException:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.1)
            yield served
        finally:
            served.stop()


class ServedProcess:
    def __init__(self, url: str, proc: subprocess.Popen[str], out: IO[str], err: IO[str]
                 ) -> None:
        self.url = url
        self.proc = proc
        self._out, self._err = out, err
        self.stdout = self.stderr = ""

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)  # as Ctrl+C: uvicorn shuts down cleanly
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        for f in (self._out, self._err):
            f.seek(0)
        self.stdout, self.stderr = self._out.read(), self._err.read()
