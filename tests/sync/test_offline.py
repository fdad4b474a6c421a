"""The console keeps working with the network gone: its changes wait in the outbox on disk,
survive a restart, reach the service exactly once when it is back, and what the service
refuses meanwhile is put before the operator instead of being dropped."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
import requests

from app.server.app import create_app
from app.server.embedded import ServiceThread
from app.services.demo import DEMO_PASSWORD
from app.sync import ApiError, SyncClient
from app.sync.stream import StreamState
from tests.conftest import fast_settings
from tests.sync.netcut import NetCut

ADDRESS = {"street": "проспект Строителей", "house": "5"}
WAIT = 15


@pytest.fixture
def short_leases(db_url: str) -> Iterator[ServiceThread]:
    # Leases short enough that a console gone offline loses its claim within the test.
    svc = ServiceThread(create_app(fast_settings(db_url, lease_seconds=1.5))).start()
    yield svc
    svc.stop()


@pytest.fixture
def net(short_leases: ServiceThread) -> Iterator[NetCut]:
    cut = NetCut(short_leases.port)
    yield cut
    cut.close()


def console(url: str, replica: Path, login: str | None = "operator") -> SyncClient:
    client = SyncClient(url, replica=replica, outbox=True, retry_seconds=0.2, timeout=3)
    if login:
        client.login(login, DEMO_PASSWORD)
    client.start()
    return client


def plain(url: str, login: str) -> SyncClient:
    client = SyncClient(url)
    client.login(login, DEMO_PASSWORD)
    return client


def go_offline(client: SyncClient, net: NetCut) -> None:
    net.cut()
    assert client.store.wait_for(lambda _s: client.state == StreamState.OFFLINE, WAIT)


def registered_then_offline(client: SyncClient, net: NetCut, text: str) -> dict:
    assert client.wait_live(WAIT)
    incident = client.register(source="phone", type_code="fire_residential", address=ADDRESS,
                               description=text)["incident"]
    go_offline(client, net)
    return incident


def drained(client: SyncClient) -> bool:
    assert client.outbox is not None
    return client.outbox.counts() == (0, 0) and not any(
        client.store.local_rows(entity) for entity in ("incident", "note", "handover"))


def timeline(service: ServiceThread, token: str, incident_id: int) -> list[dict]:
    r = requests.get(f"{service.url}/api/v1/incidents/{incident_id}/timeline",
                     headers={"Authorization": f"Bearer {token}"}, timeout=10)
    assert r.status_code == 200, r.text
    return r.json()


def test_work_done_offline_survives_a_restart_and_reaches_the_service_once(
        short_leases: ServiceThread, net: NetCut, tmp_path: Path) -> None:
    replica = tmp_path / "console.db"
    anna = console(net.url, replica)
    assert anna.wait_live(WAIT)
    go_offline(anna, net)

    made = anna.register(source="phone", type_code="fire_residential", address=ADDRESS,
                         description="Дым на лестничной клетке")
    assert made["queued"]
    temp = made["incident"]
    assert temp["id"] < 0 and temp["number"].startswith("T-")
    assert anna.store.get("incident", temp["id"])["description"] == "Дым на лестничной клетке"
    note = anna.add_note(temp["id"], "Звонивший ждёт у подъезда")
    assert note["queued"] and anna.store.notes_of(temp["id"])[0]["text"].startswith("Звонивший")
    handed = anna.hand_over(temp["id"], temp["version"], ["fire"])
    assert handed["incident"]["status"] == "dispatched"
    assert anna.outbox.counts() == (3, 0)

    # The console is closed and started again, still without a network.
    anna.close()
    anna = console(net.url, replica, login=None)
    try:
        assert anna.has_session and anna.user["login"] == "operator"
        assert anna.outbox.counts() == (3, 0)
        kept = anna.store.get("incident", temp["id"])
        assert kept["status"] == "dispatched" and kept["number"] == temp["number"]

        net.mend()
        assert anna.store.wait_for(lambda _s: drained(anna), WAIT), anna.outbox.counts()
        real = [i for i in anna.store.incidents()
                if i["description"] == "Дым на лестничной клетке"]
        assert len(real) == 1 and real[0]["id"] > 0 and not real[0].get("temporary")
        assert real[0]["status"] in ("dispatched", "in_progress")
        assert [n["text"] for n in anna.store.notes_of(real[0]["id"])] == [
            "Звонивший ждёт у подъезда"]
        assert [h["service"] for h in anna.store.handovers_of(real[0]["id"])] == ["fire"]
    finally:
        anna.close()

    # The service holds each change once, dated when the operator made it and marked so.
    sergey = plain(short_leases.url, "operator2")
    snapshot = sergey.http.request("GET", "/snapshot")
    mine = [i for i in snapshot["incidents"] if i["description"] == "Дым на лестничной клетке"]
    assert len(mine) == 1
    rows = timeline(short_leases, sergey.http.token, mine[0]["id"])
    offline = [r for r in rows if r["recorded_at"] is not None]
    assert {r["kind"] for r in offline} >= {"incident.created", "note.added",
                                            "handover.created"}
    for r in offline:
        assert datetime.fromisoformat(r["recorded_at"]) <= datetime.fromisoformat(r["at"])
    received = datetime.fromisoformat(mine[0]["received_at"])
    created = next(r for r in rows if r["kind"] == "incident.created")
    assert received <= datetime.fromisoformat(created["recorded_at"])
    sergey.close()


def test_a_change_the_service_refuses_after_reconnecting_waits_for_the_operator(
        short_leases: ServiceThread, net: NetCut, tmp_path: Path) -> None:
    anna = console(net.url, tmp_path / "anna.db")
    sergey = plain(short_leases.url, "operator2")
    try:
        incident = registered_then_offline(anna, net, "Запах гари")
        edited = anna.update(incident["id"], incident["version"],
                             description="Запах гари, дым из подвала")
        assert edited["queued"]
        assert anna.store.get("incident", incident["id"])["description"].endswith("подвала")

        # Meanwhile Anna's lease runs out and Sergey works the incident.
        take_when_lease_ends(sergey, incident["id"])
        current = sergey.incident(incident["id"])["incident"]
        sergey.update(incident["id"], current["version"], priority=1)
        sergey.release(incident["id"])

        net.mend()
        assert anna.store.wait_for(lambda _s: anna.outbox.counts() == (0, 1), WAIT)
        [conflict] = anna.conflicts()
        assert conflict.error["code"] == "stale_version"
        assert "changed" in conflict.error["message"]
        # Not applied, and not drawn any more: the replica shows the service's version.
        assert anna.store.wait_for(
            lambda s: s.get("incident", incident["id"])["description"] == "Запах гари", WAIT)
        assert sergey.incident(incident["id"])["incident"]["description"] == "Запах гари"

        anna.resend(conflict.id)
        assert anna.store.wait_for(lambda _s: drained(anna), WAIT), (
            anna.outbox.counts(), anna.conflicts())
        final = sergey.incident(incident["id"])["incident"]
        assert final["description"] == "Запах гари, дым из подвала"
        assert final["priority"] == 1  # Sergey's change stands beside hers
    finally:
        anna.close()
        sergey.close()


def test_an_action_refused_while_online_is_told_at_once_and_nothing_waits(
        service: ServiceThread, tmp_path: Path) -> None:
    anna = console(service.url, tmp_path / "anna.db")
    try:
        assert anna.wait_live(WAIT)
        incident = anna.register(source="phone", type_code="fire_residential",
                                 address=ADDRESS, description="Искрит щиток")["incident"]
        with pytest.raises(ApiError) as refused:
            anna.update(incident["id"], incident["version"] + 5, description="другое")
        assert refused.value.code == "stale_version"
        assert anna.outbox.counts() == (0, 0)
        assert anna.store.get("incident", incident["id"])["description"] == "Искрит щиток"
    finally:
        anna.close()


def test_a_discarded_conflict_is_gone_and_changes_nothing(
        short_leases: ServiceThread, net: NetCut, tmp_path: Path) -> None:
    anna = console(net.url, tmp_path / "anna.db")
    sergey = plain(short_leases.url, "operator2")
    try:
        incident = registered_then_offline(anna, net, "Течёт крыша")
        anna.act(incident["id"], incident["version"], "resolve")
        assert anna.store.get("incident", incident["id"])["status"] == "resolved"
        take_when_lease_ends(sergey, incident["id"])
        current = sergey.incident(incident["id"])["incident"]
        sergey.act(incident["id"], current["version"], "cancel", reason="ошибочный вызов")

        net.mend()
        assert anna.store.wait_for(lambda _s: anna.outbox.counts() == (0, 1), WAIT)
        [conflict] = anna.conflicts()
        assert conflict.body["action"] == "resolve"
        anna.discard(conflict.id)
        assert anna.outbox.counts() == (0, 0) and anna.conflicts() == []
        assert anna.store.wait_for(
            lambda s: s.get("incident", incident["id"])["status"] == "cancelled", WAIT)
        assert sergey.incident(incident["id"])["incident"]["status"] == "cancelled"
    finally:
        anna.close()
        sergey.close()


def take_when_lease_ends(client: SyncClient, incident_id: int) -> None:
    deadline = time.monotonic() + WAIT
    while True:
        try:
            client.claim(incident_id)
            return
        except ApiError:
            assert time.monotonic() < deadline, "the offline console's lease never expired"
            time.sleep(0.1)
