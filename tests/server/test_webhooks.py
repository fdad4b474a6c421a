"""Hand-over webhooks (issue #7 §3, §9): an outbox written with the hand-over, sent by the
service's worker to a receiver on loopback that first hangs or is down, then comes back.

Nothing here measures time: "the operator's action returns at once" is checked as "it
returned while the receiver was still blocked on an event only the test sets"."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update

from app.models import WebhookDelivery
from app.server.app import make_context
from app.server.cli import main as cli
from app.server.embedded import free_port
from app.server.settings import ServerSettings
from app.services import webhooks
from tests.server.helpers import engine_for, login, mid, own_service, wait_for

SECRET = "gas-service-shared-secret-0123456789"
CALLER = {"name": "Соколова Мария", "phone": "8 913 123-45-67"}
# Short timeouts and retries so a test sees several attempts; nothing asserts on them.
FAST = dict(webhook_poll_seconds=0.1, webhook_timeout_seconds=0.3,
            webhook_retry_seconds=0.05, webhook_retry_cap_seconds=0.2)


class Receiver:
    """A duty service's system on loopback. ``hang``: each request blocks on ``release``
    and, once released, is dropped unanswered (unless ``answer_hung``), as by a receiver
    that accepted the connection and never replied. Otherwise it answers 200."""

    def __init__(self, port: int = 0) -> None:
        self.hang = False
        self.answer_hung = False
        self.release = threading.Event()
        self.accepted: list[tuple[dict[str, str], bytes]] = []
        self.requests = 0
        self.blocked = 0
        self._lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                with receiver._lock:
                    receiver.requests += 1
                    hang = receiver.hang
                    if hang:
                        receiver.blocked += 1
                if hang:
                    receiver.release.wait(60)
                    with receiver._lock:
                        receiver.blocked -= 1
                    if not receiver.answer_hung:
                        self.close_connection = True
                        return
                with receiver._lock:
                    receiver.accepted.append((dict(self.headers), body))
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/dispatch-hook"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()

    def bodies(self) -> list[dict[str, Any]]:
        with self._lock:
            return [json.loads(body) for _, body in self.accepted]


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver()
    yield r
    r.stop()


def configure(db_url: str, url: str, service: str = "gas") -> None:
    ctx = make_context(ServerSettings(database_url=db_url))
    try:
        webhooks.set_webhooks(ctx, {"webhooks": [
            {"service": service, "url": url, "secret": SECRET}]})
    finally:
        ctx.db.dispose()


def deliveries(db_url: str) -> list[WebhookDelivery]:
    with engine_for(db_url) as engine, engine.connect() as conn:
        return list(conn.execute(select(WebhookDelivery).order_by(WebhookDelivery.id)))


def hand_over(client: Any, incident: dict[str, Any], *services: str) -> dict[str, Any]:
    r = client.post(f"/incidents/{incident['id']}/handovers",
                    {"mutation_id": mid(), "base_version": incident["version"],
                     "services": list(services)})
    assert r.status_code == 200, r.text
    return r.json()


def test_hand_over_returns_while_the_receiver_hangs_and_arrives_once_it_is_back(
        db_url: str, receiver: Receiver) -> None:
    configure(db_url, receiver.url)
    receiver.hang = True
    with own_service(db_url, **FAST) as svc:
        op = login(svc.url, "operator")
        first = op.register(caller=CALLER)["incident"]
        hand_over(op, first, "gas", "fire")  # fire has no webhook
        wait_for(lambda: receiver.blocked > 0, 30)

        # The receiver holds the worker's request and has answered nothing; the operator's
        # next hand-over still completes.
        second = op.register(caller=CALLER)["incident"]
        hand_over(op, second, "gas")
        assert receiver.blocked > 0 and receiver.accepted == []

        # Retried with backoff, the service's queue kept in order: the second waits.
        # (A settled attempt: no worker holds the row, so its next try is set.)
        head = wait_for(lambda: next((d for d in deliveries(db_url)
                                      if d.attempts >= 2 and d.claimed_until is None), None), 30)
        assert head.state == "pending" and head.last_error
        assert head.next_attempt_at > head.last_attempt_at
        assert [d.attempts for d in deliveries(db_url)][1] == 0

        receiver.hang = False
        receiver.release.set()
        wait_for(lambda: all(d.state == "delivered" for d in deliveries(db_url)), 30)

        # A stage the gas service reports goes out too.
        gas = login(svc.url, "ds-gas")
        to_gas = next(h for h in hand_over(op, op.incident(second["id"])["incident"], "gas")
                      ["handovers"] if h["service"] == "gas")
        r = gas.post(f"/handovers/{to_gas['id']}/stages",
                     {"mutation_id": mid(), "stage": "acknowledged"})
        assert r.status_code == 200, r.text
        wait_for(lambda: len(receiver.accepted) == 3
                 and all(d.state == "delivered" for d in deliveries(db_url)), 30)

    rows = deliveries(db_url)
    assert {d.service for d in rows} == {"gas"}  # no webhook, no delivery
    bodies = receiver.bodies()
    # Exactly once each, in the order they happened.
    assert [b["delivery_id"] for b in bodies] == [d.id for d in rows]
    assert [(b["event"], b["incident"]["number"]) for b in bodies] == [
        ("handover.created", first["number"]), ("handover.created", second["number"]),
        ("handover.acknowledged", second["number"])]
    assert bodies[2]["handover"]["stage"] == "acknowledged"
    assert bodies[0]["incident"]["type_code"] == first["type_code"]
    assert bodies[0]["incident"]["address"]["street"] == first["street"]
    for headers, raw in receiver.accepted:
        assert webhooks.verify(SECRET, headers[webhooks.SIGNATURE_HEADER], raw)
        assert not webhooks.verify("another secret, not the service's",
                                   headers[webhooks.SIGNATURE_HEADER], raw)
        assert headers["X-Dispatch-Delivery"] == str(json.loads(raw)["delivery_id"])
        text = raw.decode()
        assert "Соколова" not in text and "123-45-67" not in text and "9131234567" not in text
        assert "caller" not in text


def test_a_delivery_pending_at_a_restart_is_sent_after_it(db_url: str) -> None:
    port = free_port()
    configure(db_url, f"http://127.0.0.1:{port}/dispatch-hook")  # nobody listens yet
    with own_service(db_url, **FAST) as svc:
        op = login(svc.url, "operator")
        incident = op.register()["incident"]
        hand_over(op, incident, "gas")
        wait_for(lambda: deliveries(db_url)[0].attempts >= 1
                 and deliveries(db_url)[0].last_error, 30)
    assert deliveries(db_url)[0].state == "pending"

    back = Receiver(port)
    try:
        with own_service(db_url, **FAST):
            wait_for(lambda: deliveries(db_url)[0].state == "delivered", 30)
        assert [b["incident"]["number"] for b in back.bodies()] == [incident["number"]]
    finally:
        back.stop()


def test_settled_deliveries_are_deleted_after_thirty_days_and_waiting_ones_never(
        db_url: str) -> None:
    configure(db_url, f"http://127.0.0.1:{free_port()}/dispatch-hook")  # nobody listens
    with own_service(db_url, **FAST, webhook_cleanup_seconds=0.2) as svc:
        op = login(svc.url, "operator")
        for _ in range(5):
            hand_over(op, op.register()["incident"], "gas")
        wait_for(lambda: len(deliveries(db_url)) == 5, 10)
        ids = [d.id for d in deliveries(db_url)]
        now = svc.app.state.ctx.clock()
        old, recent = now - timedelta(days=31), now - timedelta(days=29)
        settle = {ids[0]: dict(state="delivered", delivered_at=old),
                  ids[1]: dict(state="delivered", delivered_at=recent),
                  ids[2]: dict(state="failed", last_attempt_at=old),
                  ids[3]: dict(state="failed", last_attempt_at=recent),
                  # still waiting, though made long ago: it is never deleted
                  ids[4]: dict(state="pending", created_at=old, last_attempt_at=old)}
        with engine_for(db_url) as engine, engine.begin() as conn:
            for i, values in settle.items():
                conn.execute(update(WebhookDelivery).where(WebhookDelivery.id == i)
                             .values(**values))
        wait_for(lambda: len(deliveries(db_url)) == 3, 10)
        assert [d.id for d in deliveries(db_url)] == [ids[1], ids[3], ids[4]]


def test_one_sender_per_service_queue_across_workers(db_url: str, receiver: Receiver) -> None:
    """Two workers (two service processes) at once: the one holding a service's oldest
    delivery keeps the queue; the other sends neither it nor the one behind it."""
    configure(db_url, f"http://127.0.0.1:{free_port()}/down")
    # The first attempt fails and the next is an hour away: the test sends them itself.
    with own_service(db_url, **dict(FAST, webhook_retry_seconds=3600,
                                    webhook_retry_cap_seconds=3600)) as svc:
        op = login(svc.url, "operator")
        for _ in range(2):
            hand_over(op, op.register()["incident"], "gas")
        wait_for(lambda: deliveries(db_url)[0].attempts == 1
                 and deliveries(db_url)[0].last_error, 30)
    configure(db_url, receiver.url)
    with engine_for(db_url) as engine, engine.begin() as conn:
        conn.execute(update(WebhookDelivery).values(next_attempt_at=WebhookDelivery.created_at))

    receiver.hang, receiver.answer_hung = True, True
    ctx_a = make_context(ServerSettings(database_url=db_url))
    ctx_b = make_context(ServerSettings(database_url=db_url))
    patient = webhooks.Options(timeout=60)
    try:
        done: list[int] = []
        worker = threading.Thread(target=lambda: done.append(
            webhooks.deliver_due(ctx_a, patient)))
        worker.start()
        wait_for(lambda: receiver.blocked == 1, 30)
        assert webhooks.deliver_due(ctx_b, patient) == 0
        assert receiver.requests == 1
        receiver.hang = False
        receiver.release.set()
        worker.join(60)
        assert done == [2]
    finally:
        ctx_a.db.dispose()
        ctx_b.db.dispose()
    rows = deliveries(db_url)
    assert [b["delivery_id"] for b in receiver.bodies()] == [d.id for d in rows]
    assert [d.state for d in rows] == ["delivered", "delivered"]
    assert [d.attempts for d in rows] == [2, 1]


def test_set_webhooks_and_status_commands(db_url: str, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("DISPATCH_DATABASE_URL", db_url)
    good = tmp_path / "webhooks.toml"
    good.write_text('[[webhooks]]\nservice = "gas"\nurl = "https://gas.example/hook"\n'
                    f'secret = "{SECRET}"\n', encoding="utf-8")
    assert cli(["set-webhooks", str(good)]) == 0
    assert "1 duty services" in capsys.readouterr().out

    for name, body, complaint in [
        ("unknown.json", {"webhooks": [{"service": "nope", "url": "https://x.example",
                                        "secret": SECRET}]}, "unknown duty service: nope"),
        ("short.json", {"webhooks": [{"service": "gas", "url": "https://x.example",
                                      "secret": "short"}]}, "secret must be"),
        ("scheme.json", {"webhooks": [{"service": "gas", "url": "ftp://x.example",
                                       "secret": SECRET}]}, "http:// or https://"),
    ]:
        bad = tmp_path / name
        bad.write_text(json.dumps(body), encoding="utf-8")
        assert cli(["set-webhooks", str(bad)]) == 2
        assert complaint in capsys.readouterr().err

    assert cli(["webhook-status"]) == 0
    out = capsys.readouterr().out
    assert "gas: https://gas.example/hook" in out and "pending 0" in out
    assert SECRET not in out


def test_signature_and_backoff() -> None:
    body = b'{"delivery_id":1}'
    header = webhooks.sign(SECRET, 1_700_000_000, body)
    assert header.startswith("t=1700000000,v1=")
    assert webhooks.verify(SECRET, header, body)
    assert not webhooks.verify(SECRET, header, body + b" ")
    assert not webhooks.verify(SECRET, header.replace("t=1700000000", "t=1700000001"), body)
    assert not webhooks.verify(SECRET, "garbage", body)

    def low(a: float, b: float) -> float:
        return a

    def high(a: float, b: float) -> float:
        return b

    # Doubling from 2 s, capped at 60 s; the jitter spans the upper half of each step.
    assert [webhooks.backoff(n, 2, 60, low).total_seconds() for n in (1, 2, 3, 6, 20)] == [
        1, 2, 4, 30, 30]
    assert [webhooks.backoff(n, 2, 60, high) for n in (1, 2, 3, 6, 20)] == [
        timedelta(seconds=s) for s in (2, 4, 8, 60, 60)]
