"""Claims: one operator works an incident at a time; others are told who; a supervisor
may take over; leases run out when the holder's console is gone."""

from __future__ import annotations

import threading
import time
from datetime import datetime
from typing import Any

import requests
import websocket

from app.domain.enums import Role
from app.schemas.auth import UserCreate
from app.server.app import make_context
from app.server.embedded import ServiceThread
from app.server.settings import ServerSettings
from app.services.auth import create_user
from app.services.demo import DEMO_PASSWORD
from tests.server.helpers import (
    Client,
    assert_refusal,
    login,
    mid,
    own_service,
    wait_for,
)


def new_report(client: Client) -> dict[str, Any]:
    """An incident from the app: new, and nobody's yet."""
    inc = client.register(source="mobile_app")["incident"]
    assert inc["claim_holder_id"] is None
    return inc


def test_claim_refusal_takeover_and_release(service: ServiceThread) -> None:
    op, op2, boss = (login(service.url, n) for n in ("operator", "operator2", "supervisor"))
    inc = new_report(op)
    i = inc["id"]

    r = op.claim(i)
    assert r.status_code == 200, r.text
    held = r.json()
    assert (held["claim_holder_id"], held["claim_holder_name"]) == (op.id, "Иванова Анна")
    server_now = datetime.fromisoformat(op.get("/time").json()["server_time"])
    lease = (datetime.fromisoformat(held["claim_expires_at"]) - server_now).total_seconds()
    assert 100 < lease <= 120

    refused = assert_refusal(op2.claim(i), 409, "claim_refused")
    assert "Иванова Анна" in refused["message"]
    assert refused["params"]["holder"] == "Иванова Анна"
    edit = op2.patch(f"/incidents/{i}", {"mutation_id": mid(), "base_version": inc["version"],
                                         "description": "Моя правка"})
    assert "Иванова Анна" in assert_refusal(edit, 409, "claim_refused")["message"]
    only_boss = assert_refusal(op2.claim(i, takeover=True), 409, "claim_refused")
    assert "supervisor" in only_boss["message"]

    r = boss.claim(i, takeover=True)
    assert r.status_code == 200, r.text
    assert r.json()["claim_holder_name"] == "Кузнецов Дмитрий"
    taken = [c for c in op.changes() if c["kind"] == "claim.taken_over"]
    assert len(taken) == 1
    assert taken[0]["incident_id"] == i and taken[0]["actor_name"] == "Кузнецов Дмитрий"
    assert taken[0]["before"]["claim_holder_id"] == op.id
    assert taken[0]["after"]["claim_holder_id"] == boss.id
    # The former holder is now the one refused.
    edit = op.patch(f"/incidents/{i}", {"mutation_id": mid(), "base_version": inc["version"],
                                        "description": "Моя правка"})
    assert "Кузнецов Дмитрий" in assert_refusal(edit, 409, "claim_refused")["message"]

    assert_refusal(op2.release(i), 409, "claim_refused")
    r = boss.release(i)
    assert r.status_code == 200, r.text
    assert r.json()["claim_holder_id"] is None
    assert op.changes()[-1]["kind"] == "claim.released"
    r = op2.claim(i)
    assert r.status_code == 200, r.text
    assert r.json()["claim_holder_name"] == "Петров Сергей"
    assert op.incident(i)["incident"]["description"] == inc["description"]


def test_a_lease_is_renewed_while_connected_and_expires_when_not(db_url: str) -> None:
    with own_service(db_url, lease_seconds=1.0) as svc:  # renewed every 0.5 s
        op, op2 = login(svc.url, "operator"), login(svc.url, "operator2")
        kept, lapsed = new_report(op), new_report(op)
        head = op.snapshot()
        # The first operator's console is connected; the second's is not.
        ws = websocket.create_connection(
            svc.url.replace("http", "ws", 1)
            + f"/api/v1/stream?since={head['seq']}&epoch={head['epoch']}",
            header=[f"Authorization: Bearer {op.token}"], timeout=5)
        try:
            assert op.claim(kept["id"]).status_code == 200
            assert op2.claim(lapsed["id"]).status_code == 200
            claimed = time.monotonic()
            assert_refusal(op.claim(lapsed["id"]), 409, "claim_refused")

            # With no console connected the lease runs out, and the room is told.
            wait_for(lambda: op.incident(lapsed["id"])["incident"]["claim_holder_id"] is None,
                     timeout=3.0)
            assert time.monotonic() - claimed < 3.0
            expired = [c for c in op.changes() if c["kind"] == "claim.expired"]
            assert [c["incident_id"] for c in expired] == [lapsed["id"]]
            assert expired[0]["before"]["claim_holder_id"] == op2.id
            assert expired[0]["after"]["claim_holder_id"] is None
            r = op.claim(lapsed["id"])
            assert r.status_code == 200, r.text
            assert r.json()["claim_holder_name"] == "Иванова Анна"

            # The connected console's lease outlives its nominal second.
            time.sleep(max(0.0, claimed + 1.6 - time.monotonic()))
            assert op.incident(kept["id"])["incident"]["claim_holder_id"] == op.id
            assert_refusal(op2.claim(kept["id"]), 409, "claim_refused")
        finally:
            ws.close()


RACERS = 20


def test_of_twenty_simultaneous_claims_exactly_one_wins(service: ServiceThread,
                                                        db_url: str) -> None:
    """Twenty different operators, because a holder claiming again only renews its lease."""
    ctx = make_context(ServerSettings(database_url=db_url))
    try:
        for k in range(RACERS):
            create_user(ctx, UserCreate(login=f"racer-{k:02d}", name=f"Оператор {k:02d}",
                                        role=Role.OPERATOR, room="main",
                                        password=DEMO_PASSWORD))
    finally:
        ctx.db.dispose()
    racers = [login(service.url, f"racer-{k:02d}") for k in range(RACERS)]
    desk = login(service.url, "operator")
    names = {c.id: c.name for c in racers}

    for _ in range(5):
        inc = new_report(desk)
        start = threading.Barrier(RACERS)
        results: dict[int, requests.Response] = {}

        def race(client: Client, incident_id: int = inc["id"],
                 start: threading.Barrier = start,
                 results: dict[int, requests.Response] = results) -> None:
            start.wait()
            results[client.id] = client.claim(incident_id)

        threads = [threading.Thread(target=race, args=(c,)) for c in racers]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        assert len(results) == RACERS
        winners = [uid for uid, r in results.items() if r.status_code == 200]
        assert len(winners) == 1, {uid: r.status_code for uid, r in results.items()}
        winner = names[winners[0]]
        for uid, r in results.items():
            if uid != winners[0]:
                assert winner in assert_refusal(r, 409, "claim_refused")["message"]
        now = desk.incident(inc["id"])["incident"]
        assert (now["claim_holder_id"], now["claim_holder_name"]) == (winners[0], winner)
        taken = [c for c in desk.changes()
                 if c["incident_id"] == inc["id"] and c["kind"].startswith("claim.")]
        assert [c["kind"] for c in taken] == ["claim.taken"]
