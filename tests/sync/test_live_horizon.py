"""A console running for weeks holds the live state, not the city's whole history: finished
incidents past the service's horizon leave the replica, in memory and in its file, with
their hand-overs and notes, and the views are told each one is gone."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.server.embedded import ServiceThread
from app.services.demo import DEMO_PASSWORD
from app.sync import SyncClient
from app.sync.store import Applied, ReplicaStore
from tests.server.helpers import login
from tests.ui.factory import change, incident

NOW = datetime(2026, 11, 27, 5, 0, tzinfo=UTC)
D = timedelta(days=1)


def ago(delta: timedelta) -> str:
    return (NOW - delta).isoformat()


def snapshot() -> dict:
    return {"epoch": "e1", "seq": 10, "horizon_hours": 192, "crews": [],
            "incidents": [incident(1, status="closed", received_at=ago(10 * D),
                                   closed_at=ago(9 * D)),
                          incident(2, status="closed", received_at=ago(3 * D),
                                   closed_at=ago(2 * D)),
                          incident(3, received_at=ago(30 * D))],  # open for a month
            "handovers": [{"id": 7, "incident_id": 1, "service": "water",
                           "stage": "resolved", "version": 3},
                          {"id": 8, "incident_id": 3, "service": "water",
                           "stage": "handed_over", "version": 1}],
            "notes": [{"id": 5, "incident_id": 1, "text": "Перекрыли стояк"}]}


def test_the_replica_drops_what_is_past_the_horizon(tmp_path: Path) -> None:
    path = tmp_path / "replica.db"
    store = ReplicaStore(path)
    store.load_snapshot(snapshot())
    heard: list[list[Applied] | None] = []
    store.subscribe(heard.append)

    gone = store.prune(NOW)
    assert [(a.entity, a.entity_id, a.removed) for a in gone] == [("incident", 1, True)]
    assert heard == [gone]
    assert sorted(store.data["incident"]) == [2, 3]
    assert sorted(store.data["handover"]) == [8] and store.data["note"] == {}
    assert store.handovers_of(1) == [] and store.notes_of(1) == []

    # Nothing more to do for the next ten minutes: the pass is not paid on every heartbeat.
    assert store.prune(NOW + 2 * D) == []
    assert sorted(store.data["incident"]) == [2, 3]
    assert [a.entity_id for a in store.prune(NOW + 7 * D)] == [2]

    # A late change to a dropped incident reaches the listeners but leaves no stray row.
    note = change(store, "incident", 1, {"result": "Уточнено"})
    note["before"] = {"result": None}
    store.apply([note])
    assert 1 not in store.data["incident"] and heard[-1][0].entity_id == 1
    store.close()

    with sqlite3.connect(path) as db:
        assert db.execute("SELECT kind, id FROM entities ORDER BY kind, id").fetchall() == [
            ("handover", 8), ("incident", 3)]
    again = ReplicaStore(path)  # the horizon is remembered with the replica
    assert again.horizon == timedelta(days=8) and sorted(again.data["incident"]) == [3]
    again.close()


def test_a_console_lets_go_of_an_incident_once_it_is_past_the_horizon(
        service: ServiceThread) -> None:
    ctx = service.app.state.ctx
    started = ctx.clock()
    operator = login(service.url, "operator")
    inc = operator.register()["incident"]
    r = operator.act(inc["id"], "cancel", inc["version"], reason="Ложный вызов")
    assert r.status_code == 200, r.text
    kept = operator.register()["incident"]

    client = SyncClient(service.url)
    client.login("operator", DEMO_PASSWORD)
    client.start()
    try:
        assert client.wait_live(10)
        assert client.store.wait_for(lambda s: kept["id"] in s.data["incident"], 10)
        assert inc["id"] in client.store.data["incident"]
        # Nine days on by the service's clock: the next heartbeat tells the console.
        ctx.clock = lambda: started + 9 * D
        assert client.store.wait_for(lambda s: inc["id"] not in s.data["incident"], 10)
        assert kept["id"] in client.store.data["incident"]  # still open: it stays
    finally:
        client.close()
