"""The replica and the journal's other entities (a shift handover): their changes are counted
and reach the listeners, but no row of them is kept, in memory or in the file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.server.embedded import ServiceThread
from app.services.demo import DEMO_PASSWORD
from app.sync import SyncClient
from app.sync.store import Applied, ReplicaStore
from tests.server.helpers import login, mid
from tests.ui.factory import change, incident


def test_a_change_of_an_unknown_entity_counts_but_keeps_no_row(tmp_path: Path) -> None:
    path = tmp_path / "replica.db"
    store = ReplicaStore(path)
    store.load_snapshot({"epoch": "e1", "seq": 10, "incidents": [incident(1)], "handovers": [],
                         "notes": [], "crews": []})
    heard: list[list[Applied] | None] = []
    store.subscribe(heard.append)
    signed = change(store, "shift_handover", 1, {"id": 1, "room": "main",
                                                  "content_hash": "ab" * 32})
    signed.update(kind="shift_handover.signed_out", incident_id=None)
    store.apply([signed])
    moved = change(store, "incident", 1, {"claim_holder_name": "Орлова Марина"})
    store.apply([moved])

    assert store.seq == 12
    assert [(a.seq, a.entity, a.entity_id) for a in heard[0] or []] == [
        (11, "shift_handover", 1)]
    assert store.get("incident", 1)["claim_holder_name"] == "Орлова Марина"
    assert "shift_handover" not in store.data
    store.close()
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT DISTINCT kind FROM entities").fetchall() == [("incident",)]
        # A file an older console filled with one is read without it.
        db.execute("INSERT INTO entities (kind, id, data) VALUES ('shift_handover', 1, '{}')")
    again = ReplicaStore(path)
    assert again.seq == 12 and "shift_handover" not in again.data
    assert again.get("incident", 1)["claim_holder_name"] == "Орлова Марина"
    again.close()


def test_a_live_console_follows_a_handover_signed_elsewhere(service: ServiceThread) -> None:
    client = SyncClient(service.url)
    client.login("operator", DEMO_PASSWORD)
    client.start()
    try:
        assert client.wait_live(10)
        boss = login(service.url, "supervisor")
        r = boss.post("/shift-handovers", {"mutation_id": mid(), "room": "main", "notes": "",
                                           "password": DEMO_PASSWORD})
        assert r.status_code == 201, r.text
        head = boss.changes()[-1]["seq"]
        assert client.store.wait_for(lambda s: s.seq >= head, 10)
        assert "shift_handover" not in client.store.data
        # The stream goes on: an incident made after it arrives as usual.
        made = login(service.url, "operator").register()["incident"]
        assert client.store.wait_for(lambda s: s.get("incident", made["id"]) is not None, 10)
    finally:
        client.close()
