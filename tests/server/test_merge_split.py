"""Merge and split (issue 7 §2): a duplicate merged into another incident keeps its callers
and timeline, a split undoes it, and the journal keeps both, its chain intact."""

from __future__ import annotations

from typing import Any

from app.server.embedded import ServiceThread
from app.services.feed import verify_chain
from tests.server.helpers import Client, assert_refusal, login, mid


def _dispatched_duplicate(op: Client) -> tuple[dict[str, Any], dict[str, Any]]:
    """The incident kept (one caller) and a duplicate of it handed over to gas (another
    caller): dispatched, so the split must restore more than the table's stand-in."""
    kept = op.register(caller={"name": "Иванова Мария", "phone": "+79131234567"})["incident"]
    dup = op.register(caller={"name": "Петров Олег", "phone": "+79139876543"},
                      description="Снова запах газа, тот же подъезд")["incident"]
    r = op.post(f"/incidents/{dup['id']}/handovers",
                {"mutation_id": mid(), "base_version": dup["version"], "services": ["gas"]})
    assert r.status_code == 200, r.text
    dup = r.json()["incident"]
    assert dup["status"] == "dispatched"
    return kept, dup


def _merge(op: Client, dup: dict[str, Any], kept: dict[str, Any]) -> dict[str, Any]:
    r = op.act(dup["id"], "merge", dup["version"], merge_into=kept["id"])
    assert r.status_code == 200, r.text
    return r.json()["incident"]


def _timeline(op: Client, incident_id: int) -> list[dict[str, Any]]:
    r = op.get(f"/incidents/{incident_id}/timeline")
    assert r.status_code == 200, r.text
    return r.json()


def _callers(op: Client, incident_id: int) -> list[dict[str, Any]]:
    r = op.get(f"/incidents/{incident_id}/callers")
    assert r.status_code == 200, r.text
    return r.json()


def test_merge_keeps_callers_and_timeline_and_split_restores(service: ServiceThread) -> None:
    op = login(service.url, "operator")
    kept, dup = _dispatched_duplicate(op)
    merged = _merge(op, dup, kept)
    assert merged["status"] == "merged" and merged["merged_into_id"] == kept["id"]

    # The duplicate's caller is read through the incident kept, marked with its number.
    callers = {c["name"]: c for c in _callers(op, kept["id"])}
    assert set(callers) == {"Иванова Мария", "Петров Олег"}
    assert callers["Иванова Мария"]["merged_from"] is None
    assert callers["Петров Олег"]["merged_from"] == dup["number"]
    assert callers["Петров Олег"]["incident_id"] == dup["id"]  # kept where it was
    # The duplicate's own card still reads its caller and its whole history.
    assert [c["name"] for c in _callers(op, dup["id"])] == ["Петров Олег"]
    kinds = [ch["kind"] for ch in _timeline(op, dup["id"])]
    assert kinds[0] == "incident.created" and "handover.created" in kinds
    assert kinds[-1] == "incident.merge"
    # The incident kept says so in its own notes and timeline.
    notes = [n["text"] for n in op.incident(kept["id"])["notes"]]
    assert notes == [f"Присоединено происшествие {dup['number']} (дубликат)."]
    assert _timeline(op, kept["id"])[-1]["after"]["text"] == notes[0]

    r = op.act(dup["id"], "split", merged["version"])
    assert r.status_code == 200, r.text
    split = r.json()["incident"]
    assert split["status"] == "dispatched"  # what it was before the merge
    assert split["merged_into_id"] is None
    assert [c["name"] for c in _callers(op, kept["id"])] == ["Иванова Мария"]
    last = _timeline(op, dup["id"])[-1]
    assert last["kind"] == "incident.split"
    assert last["before"]["status"] == "merged"
    assert last["before"]["merged_into_id"] == kept["id"]
    assert last["after"]["status"] == "dispatched" and last["after"]["merged_into_id"] is None
    kept_lines = [ch["after"].get("text") for ch in _timeline(op, kept["id"])
                  if ch["kind"] == "note.added"]
    assert kept_lines[-1].startswith(f"Происшествие {dup['number']} отделено")

    # The journal keeps both moves, in order, and its chain still holds.
    moves = [ch["kind"] for ch in op.changes() if ch["entity"] == "incident"
             and ch["entity_id"] == dup["id"]]
    assert moves[-2:] == ["incident.merge", "incident.split"]
    assert verify_chain(service.app.state.ctx).broken_at is None


def test_split_after_a_second_merge_restores_the_latest_status(service: ServiceThread) -> None:
    # Merged from "dispatched", split, re-registered... the split reads the latest merge.
    op = login(service.url, "operator")
    kept, dup = _dispatched_duplicate(op)
    merged = _merge(op, dup, kept)
    split = op.act(dup["id"], "split", merged["version"]).json()["incident"]
    started = op.act(dup["id"], "start", split["version"])
    assert started.status_code == 200, started.text
    again = _merge(op, started.json()["incident"], kept)
    r = op.act(dup["id"], "split", again["version"])
    assert r.status_code == 200, r.text
    assert r.json()["incident"]["status"] == "in_progress"


def test_split_of_an_incident_that_is_not_merged_is_refused(service: ServiceThread) -> None:
    op = login(service.url, "operator")
    inc = op.register()["incident"]
    body = assert_refusal(op.act(inc["id"], "split", inc["version"]), 409,
                          "transition_refused")
    assert body["message"] == ("An incident that is registered cannot be given the action "
                               "'split'.")
    assert op.incident(inc["id"])["incident"]["status"] == "registered"


def test_the_wall_may_not_split(service: ServiceThread) -> None:
    op = login(service.url, "operator")
    kept, dup = _dispatched_duplicate(op)
    merged = _merge(op, dup, kept)
    wall = login(service.url, "wall")
    assert_refusal(wall.act(dup["id"], "split", merged["version"]), 403)
    assert op.incident(dup["id"])["incident"]["status"] == "merged"
