"""Exactly-once writes: a client that retries with the same mutation id gets the first
answer back and the change happens once, even when the first answer was lost on the way."""

from __future__ import annotations

import contextlib
import json
import socket
import threading
from typing import Any

from sqlalchemy import func, select

from app.models import ChangeLog, Incident, Mutation
from app.server.embedded import ServiceThread
from app.sync.http import Http
from tests.server.helpers import KNOWN_HOUSE, KNOWN_STREET, assert_refusal, engine_for, login, mid


def incident_body(description: str, mutation_id: str | None = None) -> dict[str, Any]:
    return {
        "mutation_id": mutation_id or mid(), "source": "phone", "type_code": "gas_smell",
        "address": {"street": KNOWN_STREET, "house": KNOWN_HOUSE},
        "description": description,
    }


def test_the_same_mutation_id_twice_gives_one_incident_and_the_same_answer(
    service: ServiceThread,
) -> None:
    op = login(service.url, "operator")
    body = incident_body("Запах газа, повтор запроса")
    first = op.post("/incidents", body)
    assert first.status_code == 201, first.text
    # The incident changes meanwhile; the replay still answers what the first call got.
    inc = first.json()["incident"]
    r = op.patch(f"/incidents/{inc['id']}", {"mutation_id": mid(), "base_version": 1,
                                             "description": "Уточнено"})
    assert r.status_code == 200, r.text
    again = op.post("/incidents", body)
    assert again.status_code == 201, again.text
    assert again.json() == first.json()
    assert [i["id"] for i in op.snapshot()["incidents"]] == [inc["id"]]
    assert [c["kind"] for c in op.changes()].count("incident.created") == 1


def test_two_copies_in_flight_at_once_make_one_incident(service: ServiceThread) -> None:
    op = login(service.url, "operator")
    body = incident_body("Запах газа, два запроса сразу")
    ready = threading.Barrier(2)
    answers: list[tuple[int, Any]] = []

    def send() -> None:
        client = login(service.url, "operator")
        ready.wait()
        r = client.post("/incidents", body)
        answers.append((r.status_code, r.json()))

    threads = [threading.Thread(target=send) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert [a[0] for a in answers] == [201, 201], answers
    assert answers[0][1] == answers[1][1]
    assert len(op.snapshot()["incidents"]) == 1


def _read_message(sock: socket.socket) -> bytes:
    """One HTTP/1.1 message (head and a Content-Length body) off a socket."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            return data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        body += chunk
    return head + b"\r\n\r\n" + body


class DropFirstResponse:
    """A loopback TCP proxy in front of the service. The first connection's request is
    delivered and answered, but the answer is thrown away and the client's connection
    closed, as a network that fails at the worst moment would. Later connections pass."""

    def __init__(self, upstream: tuple[str, int]) -> None:
        self.upstream = upstream
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.connections = 0
        self.dropped = b""
        self.threads: list[threading.Thread] = []
        self.sockets: list[socket.socket] = []
        self._accepting = threading.Thread(target=self._accept, daemon=True)
        self._accepting.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            self.connections += 1
            work = self._drop if self.connections == 1 else self._pass
            t = threading.Thread(target=work, args=(client,), daemon=True)
            self.threads.append(t)
            t.start()

    def _drop(self, client: socket.socket) -> None:
        with client, socket.create_connection(self.upstream, timeout=10) as up:
            up.sendall(_read_message(client))
            self.dropped = _read_message(up)

    def _pass(self, client: socket.socket) -> None:
        up = socket.create_connection(self.upstream, timeout=10)
        self.sockets += [client, up]

        def copy(src: socket.socket, dst: socket.socket) -> None:
            with contextlib.suppress(OSError):
                while chunk := src.recv(65536):
                    dst.sendall(chunk)
            for s in (src, dst):  # either side leaving ends the connection
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)

        back = threading.Thread(target=copy, args=(up, client), daemon=True)
        back.start()
        copy(client, up)
        back.join(10)
        client.close()
        up.close()

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)  # wakes the accept() below
        self.listener.close()
        self._accepting.join(5)
        for s in self.sockets:
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)
        for t in self.threads:
            t.join(5)


def test_a_lost_response_is_retried_and_applied_once(service: ServiceThread, db_url: str) -> None:
    op = login(service.url, "operator")
    proxy = DropFirstResponse(("127.0.0.1", service.port))
    http = Http(proxy.url, timeout=10)
    http.token = op.token
    description = "Запах газа; первый ответ потерян в сети"
    try:
        got = http.request("POST", "/incidents", json=incident_body(description))
    finally:
        http.close()
        proxy.close()
    assert proxy.connections >= 2
    # The service did answer the first time; that answer never reached the caller.
    status_line, _, rest = proxy.dropped.partition(b"\r\n")
    assert b" 201 " in status_line, proxy.dropped[:200]
    first_answer = json.loads(rest.partition(b"\r\n\r\n")[2])
    assert got == first_answer
    assert got["incident"]["description"] == description
    with engine_for(db_url) as engine, engine.connect() as conn:
        made = conn.scalar(select(func.count()).select_from(Incident)
                           .where(Incident.description == description))
        created = conn.scalar(select(func.count()).select_from(ChangeLog)
                              .where(ChangeLog.kind == "incident.created"))
        mutations = conn.scalar(select(func.count()).select_from(Mutation))
    assert (made, created, mutations) == (1, 1, 1)


def test_a_mutation_id_of_another_user_is_refused(service: ServiceThread) -> None:
    op = login(service.url, "operator")
    op2 = login(service.url, "operator2")
    body = incident_body("Чужой номер изменения")
    assert op.post("/incidents", body).status_code == 201
    refused = assert_refusal(op2.post("/incidents", body), 409, "conflict")
    assert "another user" in refused["message"]
    assert len(op.snapshot()["incidents"]) == 1
