"""A console that was away: it resumes from its replica's number with exactly the changes it
missed (no snapshot), and the backlog comes in batches the replica applies as one."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import websocket

from app.server.embedded import ServiceThread
from app.services import feed
from app.services.demo import DEMO_PASSWORD
from app.sync import SyncClient
from app.sync.store import ReplicaStore
from tests.server.helpers import Client, login, mid


def note(writer: Client, incident_id: int, text: str) -> None:
    r = writer.post(f"/incidents/{incident_id}/notes", {"mutation_id": mid(), "text": text})
    assert r.status_code == 201, r.text


def same_as_service(state: dict[str, dict[int, dict[str, Any]]], snap: dict[str, Any]) -> None:
    for entity, key in (("incident", "incidents"), ("note", "notes"), ("handover", "handovers")):
        assert state[entity] == {row["id"]: row for row in snap[key]}, entity


def test_a_console_away_resumes_with_exactly_the_changes_it_missed(
    service: ServiceThread, tmp_path: Path,
) -> None:
    replica = tmp_path / "console.db"
    writer = login(service.url, "operator")
    first = writer.register(description="до перерыва")["incident"]
    console = SyncClient(service.url, replica=replica)
    console.login("operator2", DEMO_PASSWORD)
    console.start()
    assert console.wait_live(10)
    assert console.store.wait_for(lambda s: s.get("incident", first["id"]) is not None, 5)
    away_at = console.store.seq
    console.close()

    # While the console is off the room goes on: new calls, notes, a claim let go.
    for k in range(5):
        incident = writer.register(description=f"пока консоль выключена {k}")["incident"]
        note(writer, incident["id"], f"уточнение {k}")
    note(writer, first["id"], "повторный звонок")
    assert writer.release(first["id"]).status_code == 200
    snap = writer.snapshot()
    missed = snap["seq"] - away_at
    assert missed >= 12

    batches: list[list[int] | None] = []
    console = SyncClient(service.url, replica=replica)
    console.store.subscribe(
        lambda b: batches.append(None if b is None else [a.seq for a in b]))
    console.login("operator2", DEMO_PASSWORD)
    console.start()
    try:
        assert console.store.wait_for(lambda s: s.seq == snap["seq"], 10)
        assert None not in batches, "the console reloaded a snapshot instead of resuming"
        applied = [seq for b in batches if b for seq in b]
        assert applied == list(range(away_at + 1, snap["seq"] + 1))
        # One listener call for the whole backlog: the queue redraws once, not per change.
        assert len(batches) == 1
        same_as_service(console.store.data, snap)
        assert console.store.get("incident", first["id"])["claim_holder_id"] is None
    finally:
        console.close()
    # And the replica file holds it, for the next start.
    reopened = ReplicaStore(replica)
    try:
        assert reopened.seq == snap["seq"]
        same_as_service(reopened.data, snap)
    finally:
        reopened.close()


def _messages(ws: websocket.WebSocket, until_seq: int) -> list[dict[str, Any]]:
    got: list[dict[str, Any]] = []
    last = 0
    while last < until_seq:
        msg = json.loads(ws.recv())
        if msg["type"] in ("change", "changes"):
            got.append(msg)
            last = msg["seq"] if msg["type"] == "change" else msg["changes"][-1]["seq"]
    return got


def test_the_backlog_comes_in_batches_of_the_size_asked_then_live_one_by_one(
    service: ServiceThread,
) -> None:
    writer = login(service.url, "operator")
    incident = writer.register()["incident"]
    since = writer.snapshot()
    for k in range(10):
        note(writer, incident["id"], f"заметка {k}")
    journal = writer.changes(since["seq"])
    head = journal[-1]["seq"]
    url = (service.url.replace("http", "ws", 1)
           + f"/api/v1/stream?since={since['seq']}&epoch={since['epoch']}"
           + f"&link={since['hash']}&batch=3")
    ws = websocket.create_connection(url, header=[f"Authorization: Bearer {writer.token}"],
                                     timeout=5)
    try:
        hello = json.loads(ws.recv())
        assert hello["type"] == "hello" and hello["resync"] is False
        backlog = _messages(ws, head)
        assert [m["type"] for m in backlog] == ["changes"] * 4
        assert [len(m["changes"]) for m in backlog] == [3, 3, 3, 1]
        assert [c for m in backlog for c in m["changes"]] == journal
        note(writer, incident["id"], "после подключения")
        live = _messages(ws, head + 1)
        assert [(m["type"], m["seq"], m["after"]["text"]) for m in live] == [
            ("change", head + 1, "после подключения")]
    finally:
        ws.close()


def test_a_link_the_journal_does_not_have_there_is_told_to_resync(
    service: ServiceThread,
) -> None:
    writer = login(service.url, "operator")
    writer.register()
    snap = writer.snapshot()
    base = service.url.replace("http", "ws", 1) + "/api/v1/stream"
    for link, resync in ((snap["hash"], False), ("0" * 64, True)):
        ws = websocket.create_connection(
            f"{base}?since={snap['seq']}&epoch={snap['epoch']}&link={link}",
            header=[f"Authorization: Bearer {writer.token}"], timeout=5)
        try:
            assert json.loads(ws.recv())["resync"] is resync
        finally:
            ws.close()


def test_the_snapshot_served_is_the_schemas_snapshot(service: ServiceThread) -> None:
    writer = login(service.url, "operator")
    for k in range(3):
        incident = writer.register(description=f"вызов {k}")["incident"]
        note(writer, incident["id"], f"заметка {k}")
    r = writer.post(f"/incidents/{incident['id']}/handovers",
                    {"mutation_id": mid(), "base_version": incident["version"],
                     "services": ["gas", "ambulance"]})
    assert r.status_code == 200, r.text
    served = writer.snapshot()
    assert served["incidents"] and served["notes"] and served["handovers"] and served["crews"]
    expected = json.loads(feed.snapshot(service.app.state.ctx).model_dump_json())
    served.pop("server_time")
    expected.pop("server_time")
    assert served == expected
