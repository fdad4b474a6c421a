"""Time travel: the state at a past moment, rebuilt from the change log, is what a snapshot
said at that moment; only supervisors and admins may ask; a moment we cannot show is
refused in words."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import requests

from app.server.embedded import ServiceThread
from tests.server.helpers import API, TIMEOUT, Client, assert_refusal, login, mid

# Lease renewals are not journaled (nobody sees one): the one field a rebuilt state may hold
# older than the snapshot did.
NOT_JOURNALED = ("claim_expires_at",)
COMPARED = ("incidents", "handovers", "notes", "crews")


def state_at(client: Client, at: datetime | str | None) -> requests.Response:
    params = {} if at is None else {"at": at if isinstance(at, str) else at.isoformat()}
    return client.get("/history/state", params=params)


def rows(body: dict[str, Any], key: str) -> dict[int, dict[str, Any]]:
    return {r["id"]: {k: v for k, v in r.items() if k not in NOT_JOURNALED}
            for r in body[key]}


def assert_same_state(rebuilt: dict[str, Any], snapshot: dict[str, Any]) -> None:
    assert rebuilt["seq"] == snapshot["seq"]
    assert rebuilt["epoch"] == snapshot["epoch"]
    assert rebuilt["hash"] == snapshot["hash"]
    for key in COMPARED:
        assert rows(rebuilt, key) == rows(snapshot, key), key


def at_of(changes: list[dict[str, Any]], seq: int) -> datetime:
    return datetime.fromisoformat(next(c["at"] for c in changes if c["seq"] == seq))


def test_the_state_between_two_changes_is_what_the_snapshot_said_then(
        service: ServiceThread) -> None:
    operator = login(service.url, "operator")
    supervisor = login(service.url, "supervisor")
    dispatcher = login(service.url, "admin")  # moves a crew: crews are rebuilt backwards
    crew = supervisor.snapshot()["crews"][0]

    snapshots = [supervisor.snapshot()]
    first = operator.register(description="Пахнет газом, третий этаж")["incident"]
    r = operator.post(f"/incidents/{first['id']}/notes", {"mutation_id": mid(),
                                                          "text": "Соседи подтверждают"})
    assert r.status_code == 201, r.text
    snapshots.append(supervisor.snapshot())
    r = operator.post(f"/incidents/{first['id']}/handovers",
                      {"mutation_id": mid(), "services": ["gas"],
                       "base_version": operator.incident(first["id"])["incident"]["version"]})
    assert r.status_code == 200, r.text
    r = dispatcher.post(f"/crews/{crew['id']}/position",
                        {"mutation_id": mid(), "lat": crew["lat"] + 0.01, "lon": crew["lon"]})
    assert r.status_code == 200, r.text
    snapshots.append(supervisor.snapshot())
    second = operator.register(description="Второй вызов")["incident"]
    r = operator.act(second["id"], "cancel", second["version"], reason="Ложный вызов")
    assert r.status_code == 200, r.text
    snapshots.append(supervisor.snapshot())
    # The snapshots differ: each moment below shows something the others do not.
    assert len({s["seq"] for s in snapshots}) == len(snapshots)

    changes = supervisor.changes()
    for snap in snapshots:
        # Halfway between the last change the snapshot held and the next one.
        before = (at_of(changes, snap["seq"]) if snap["seq"]
                  else at_of(changes, 1) - timedelta(seconds=1))
        after = (at_of(changes, snap["seq"] + 1) if snap["seq"] < changes[-1]["seq"]
                 else datetime.fromisoformat(snap["server_time"]))
        moment = before + (after - before) / 2
        r = state_at(supervisor, moment)
        assert r.status_code == 200, r.text
        body = r.json()
        assert datetime.fromisoformat(body["at"]) == moment
        assert_same_state(body, snap)
        # The moment the snapshot itself was read gives the same state.
        r = state_at(supervisor, datetime.fromisoformat(snap["server_time"]))
        assert r.status_code == 200, r.text
        assert_same_state(r.json(), snap)

    # Before the second call existed it is nowhere; now it is there, cancelled.
    earlier = state_at(supervisor, at_of(changes, snapshots[2]["seq"])).json()
    assert second["id"] not in rows(earlier, "incidents")
    now = state_at(supervisor, None).json()
    assert rows(now, "incidents")[second["id"]]["status"] == "cancelled"
    moved = rows(earlier, "crews")[crew["id"]]
    assert moved["lat"] == crew["lat"] + 0.01
    assert rows(state_at(supervisor, at_of(changes, snapshots[1]["seq"])).json(),
                "crews")[crew["id"]]["lat"] == crew["lat"]


def test_callers_never_appear_in_a_rebuilt_state(service: ServiceThread) -> None:
    operator = login(service.url, "operator")
    supervisor = login(service.url, "supervisor")
    incident = operator.register()["incident"]
    r = operator.post(f"/incidents/{incident['id']}/callers",
                      {"mutation_id": mid(),
                       "caller": {"name": "Волков Олег Петрович", "phone": "+79131234567"}})
    assert r.status_code == 201, r.text
    r = state_at(supervisor, None)
    assert r.status_code == 200, r.text
    assert incident["id"] in rows(r.json(), "incidents")
    assert "caller" not in r.json() and "callers" not in r.json()
    for planted in ("Волков", "79131234567", "1234567"):
        assert planted not in r.text


def test_only_supervisors_and_admins_may_look_back(service: ServiceThread) -> None:
    for name in ("supervisor", "admin"):
        assert state_at(login(service.url, name), None).status_code == 200
    # The wall stays live; desks and duty services see the live state only.
    for name in ("operator", "wall", "ds-gas"):
        assert_refusal(state_at(login(service.url, name), None), 403, "forbidden")
    r = requests.get(service.url + API + "/history/state", timeout=TIMEOUT)
    assert_refusal(r, 401)


def test_a_moment_that_cannot_be_shown_is_refused_in_words(service: ServiceThread) -> None:
    supervisor = login(service.url, "supervisor")
    now = datetime.now(UTC)
    for at in ("yesterday",
               "2026-11-26T10:00:00",  # no offset: which zone?
               (now + timedelta(days=1)).isoformat(),
               (now - timedelta(days=8)).isoformat()):
        body = assert_refusal(state_at(supervisor, at), 422)
        assert body["message"], at
    # A moment in the city's zone is the same moment in UTC.
    city = (now - timedelta(minutes=1)).astimezone(timezone(timedelta(hours=7)))
    assert state_at(supervisor, city).status_code == 200
