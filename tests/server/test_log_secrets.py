"""No password or session token in any log, and no caller's phone in the request log.

Everything the processes log is captured at DEBUG, the most an administrator could turn on:
the service in this process (root logger, uvicorn's access and error logs, the WebSocket
library), the `dispatch-server create-user` and `dispatch-server run` subprocesses."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from urllib.parse import quote

import pytest
import requests
import websocket

from app.server.embedded import ServiceThread
from tests.server.helpers import (
    API,
    Client,
    login,
    login_response,
    mid,
    own_service,
    server_process,
)

# Normalized as the service stores it; a log line would carry one of these forms.
PHONE = "+79131234567"
PHONE_FORMS = (PHONE, quote(PHONE, safe=""), PHONE.removeprefix("+"), "913-123-45-67")
CAPTURED = ("", "uvicorn", "uvicorn.error", "uvicorn.access")


class Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
        self.lines: list[tuple[str, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append((record.name, self.format(record)))

    def text(self, *prefixes: str) -> str:
        return "\n".join(line for name, line in self.lines
                         if not prefixes or name.startswith(prefixes))


    def attach(self) -> None:
        """Listen to every logger at DEBUG. Again after uvicorn starts: its logging set-up
        drops the handlers of its loggers and sets their levels."""
        for name in CAPTURED:
            logger = logging.getLogger(name)
            logger.setLevel(logging.DEBUG)
            logger.addHandler(self)


@pytest.fixture
def everything_logged() -> Iterator[Capture]:
    capture = Capture()
    saved = [(logging.getLogger(n), logging.getLogger(n).level) for n in CAPTURED]
    capture.attach()
    try:
        yield capture
    finally:
        for logger, level in saved:
            logger.removeHandler(capture)
            logger.setLevel(level)


def new_password() -> str:
    return f"pw-{uuid.uuid4().hex}"


def create_user(db_url: str, login_name: str, password: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, "-m", "app.server.cli", "create-user", login_name, "--role",
         "operator", "--room", "main"],
        input=password + "\n", text=True, capture_output=True, timeout=120,
        env={**os.environ, "DISPATCH_DATABASE_URL": db_url},
    )
    assert done.returncode == 0, done.stderr
    return done


def a_working_session(url: str, login_name: str, password: str) -> list[str]:
    """Sign in wrong and right, work, look up a caller, watch the stream; the tokens used."""
    wrong = f"wrong-{uuid.uuid4().hex}"
    assert login_response(url, login_name, wrong).status_code == 401
    user = login(url, login_name, password)
    assert user.get("/auth/me").status_code == 200
    detail = user.register(caller={"name": "Соколов Игорь", "phone": "8 913 123-45-67"})
    incident_id = detail["incident"]["id"]
    assert user.get(f"/incidents/{incident_id}/callers").json()[0]["phone"] == PHONE
    found = user.get("/callers/incidents", params={"phone": PHONE})
    assert [i["id"] for i in found.json()] == [incident_id]
    ws_url = url.replace("http", "ws", 1) + API + "/stream"
    by_header = websocket.create_connection(ws_url, timeout=15,
                                            header=[f"Authorization: Bearer {user.token}"])
    hello = json.loads(by_header.recv())
    by_header.close()
    # The service also takes the token in the query (browsers cannot set the header).
    by_query = websocket.create_connection(
        f"{ws_url}?since={hello['head']}&epoch={hello['epoch']}&token={user.token}", timeout=15)
    assert json.loads(by_query.recv())["head"] == hello["head"]
    by_query.close()
    other = login(url, "operator2")
    assert other.post("/auth/logout").status_code == 204
    return [wrong, user.token, other.token]


def assert_clean(text: str, secrets: list[str]) -> None:
    for secret in secrets:
        assert secret not in text, f"a secret is in the log: {secret[:6]}…"


def test_the_service_logs_no_secret_even_at_debug(db_url: str,
                                                  everything_logged: Capture) -> None:
    password = new_password()
    created = create_user(db_url, "petrova", password)
    assert_clean(created.stdout + created.stderr, [password])
    with own_service(db_url) as svc:
        everything_logged.attach()
        secrets = [password, *a_working_session(svc.url, "petrova", password)]
    everything = everything_logged.text()
    assert_clean(everything, secrets)
    requests_log = everything_logged.text("uvicorn")
    # The request log was captured (it names the phone lookup), without the phone itself.
    assert f"{API}/callers/incidents?phone=***" in requests_log
    assert f"{API}/stream?since=***&epoch=***&token=***" in requests_log
    # The WebSocket's request headers are shown at DEBUG, with the credential hidden.
    assert "< authorization: ***" in requests_log.lower()
    assert "bearer" not in requests_log.lower()
    for form in PHONE_FORMS:
        assert form not in requests_log, form


def test_dispatch_server_run_prints_no_secret_and_no_phone(db_url: str) -> None:
    password = new_password()
    create_user(db_url, "petrova", password)
    with server_process(db_url) as served:
        secrets = [password, *a_working_session(served.url, "petrova", password)]
    printed = served.stdout + served.stderr
    assert_clean(printed, secrets)
    assert f"GET {API}/callers/incidents?phone=*** HTTP/1.1\" 200" in printed
    assert f"POST {API}/auth/login HTTP/1.1\" 401" in printed
    for form in PHONE_FORMS:
        assert form not in printed, form


def test_a_refused_sign_in_answer_carries_no_password(service: ServiceThread) -> None:
    wrong = f"wrong-{uuid.uuid4().hex}"
    r = login_response(service.url, "operator", wrong)
    assert r.status_code == 401 and wrong not in r.text
    # Nor does a refused body echo it back in its validation message.
    r = requests.post(service.url + API + "/auth/login", timeout=15,
                      json={"login": "operator", "password": wrong, "extra": wrong})
    assert r.status_code == 422 and wrong not in r.text
    anonymous = Client(service.url, "not-a-token-" + wrong)
    r = anonymous.post("/incidents", {"mutation_id": mid()})
    assert r.status_code == 401 and wrong not in r.text
