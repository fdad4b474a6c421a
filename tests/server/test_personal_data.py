"""Callers' personal data (152-FZ): erased after the retention period without breaking the
journal, and exported on request for one phone number. Over real HTTP on loopback."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from app.models import Caller, ChangeLog, Mutation, PersonalDataRead
from app.server import cli
from app.server.embedded import ServiceThread
from app.services.feed import verify_chain
from tests.server.helpers import Client, assert_refusal, engine_for, login, own_service, wait_for

RETENTION_DAYS = 30


class FrozenClock:
    """The service's clock, moved only by the test."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def _close(op: Client, inc: dict[str, Any]) -> None:
    r = op.act(inc["id"], "resolve", inc["version"])
    assert r.status_code == 200, r.text
    r = op.act(inc["id"], "close", r.json()["incident"]["version"], result="Устранено")
    assert r.status_code == 200, r.text


def _with_caller(op: Client, name: str, phone: str, **fields: Any) -> dict[str, Any]:
    return op.register(caller={"name": name, "phone": phone}, **fields)["incident"]


def _callers(db_url: str) -> dict[int, Any]:
    """incident id -> its caller row, read straight from the database."""
    with engine_for(db_url) as engine, engine.connect() as conn:
        return {r.incident_id: r for r in conn.execute(select(Caller))}


def _journal_text(db_url: str) -> str:
    with engine_for(db_url) as engine, engine.connect() as conn:
        rows = conn.execute(select(ChangeLog.kind, ChangeLog.before, ChangeLog.after,
                                   ChangeLog.actor_name)).all()
        answers = conn.execute(select(Mutation.response)).scalars().all()
    return json.dumps([list(r) for r in rows] + answers, ensure_ascii=False)


def test_finished_incidents_lose_their_callers_after_the_retention_period(db_url: str) -> None:
    start = datetime.now(UTC).replace(microsecond=0)
    clock = FrozenClock(start)
    people = {
        "closed_old": ("Орлова Мария", "+79130000001"),
        "cancelled_old": ("Белов Игорь", "+79130000002"),
        "merged_old": ("Титова Анна", "+79130000003"),
        "open": ("Зайцев Пётр", "+79130000004"),
        "closed_recent": ("Лебедева Ирина", "+79130000005"),
    }
    with own_service(db_url, personal_data_retention_days=RETENTION_DAYS,
                     personal_data_erase_seconds=0.2) as svc:
        svc.app.state.ctx.clock = clock
        op = login(svc.url, "operator")
        inc = {key: _with_caller(op, *people[key])
               for key in ("closed_old", "cancelled_old", "merged_old", "open")}
        _close(op, inc["closed_old"])
        r = op.act(inc["cancelled_old"]["id"], "cancel", 1, reason="Ложный вызов")
        assert r.status_code == 200, r.text
        r = op.act(inc["merged_old"]["id"], "merge", 1, merge_into=inc["open"]["id"])
        assert r.status_code == 200, r.text
        # A look-up by phone is recorded with the number looked up.
        found = op.get("/callers/incidents", params={"phone": people["closed_old"][1]}).json()
        assert [i["id"] for i in found] == [inc["closed_old"]["id"]]

        clock.now = start + timedelta(days=RETENTION_DAYS - 10)
        op = login(svc.url, "operator")  # the shift's session ended long ago
        inc["closed_recent"] = _with_caller(op, *people["closed_recent"])
        _close(op, inc["closed_recent"])

        # The background job runs every 0.2 s; until the period has passed it erases nothing.
        clock.now = start + timedelta(days=RETENTION_DAYS, seconds=1)
        callers = wait_for(lambda: (c := _callers(db_url))[inc["closed_old"]["id"]].erased_at
                           and c, timeout=20)
        erased_at = clock.now

        for key in ("closed_old", "cancelled_old", "merged_old"):
            row = callers[inc[key]["id"]]
            assert (row.name, row.phone) == (None, None), key
            assert row.erased_at == erased_at, key  # keeps its link, shows when
        for key in ("open", "closed_recent"):
            row = callers[inc[key]["id"]]
            assert (row.name, row.phone) == people[key], key
            assert row.erased_at is None, key

        op = login(svc.url, "operator")
        gone = op.get("/callers/incidents", params={"phone": people["closed_old"][1]})
        assert gone.status_code == 200 and gone.json() == []
        kept = op.get("/callers/incidents", params={"phone": people["closed_recent"][1]})
        assert [i["id"] for i in kept.json()] == [inc["closed_recent"]["id"]]
        assert op.get(f"/incidents/{inc['closed_old']['id']}/callers").json() == []

        # The card's history says the caller was erased, and when, by the service itself.
        history = op.get(f"/incidents/{inc['closed_old']['id']}/timeline").json()
        erasure = [c for c in history if c["kind"] == "caller.erased"]
        assert len(erasure) == 1
        assert erasure[0]["actor_name"] == "system" and erasure[0]["actor_id"] is None
        assert erasure[0]["after"]["id"] == callers[inc["closed_old"]["id"]].id
        assert datetime.fromisoformat(erasure[0]["after"]["erased_at"]) == erased_at
        assert verify_chain(svc.app.state.ctx).broken_at is None

    with engine_for(db_url) as engine, engine.connect() as conn:
        erased_ids = sorted(conn.execute(select(ChangeLog.entity_id).where(
            ChangeLog.kind == "caller.erased")).scalars())
        reads = conn.execute(select(PersonalDataRead).where(
            PersonalDataRead.purpose == "phone_lookup")).all()
    assert erased_ids == sorted(callers[inc[k]["id"]].id
                                for k in ("closed_old", "cancelled_old", "merged_old"))
    # The old look-up keeps who, when and why; the number looked up is gone with the caller.
    old_lookup = [r for r in reads if r.at == start]
    assert len(old_lookup) == 1 and old_lookup[0].phone is None
    assert old_lookup[0].user_id == op.id

    # No journal row and no stored answer ever held a caller's name or phone.
    journal = _journal_text(db_url)
    for name, phone in people.values():
        assert name not in journal and phone not in journal


def test_the_journal_still_verifies_after_erasure(
    db_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    clock = FrozenClock(datetime.now(UTC) - timedelta(days=RETENTION_DAYS + 5))
    with own_service(db_url) as svc:
        svc.app.state.ctx.clock = clock
        op = login(svc.url, "operator")
        old = _with_caller(op, "Орлова Мария", "+79130000001")
        _close(op, old)
        _with_caller(op, "Зайцев Пётр", "+79130000004")
    monkeypatch.setenv("DISPATCH_DATABASE_URL", db_url)
    monkeypatch.setenv("DISPATCH_PERSONAL_DATA_RETENTION_DAYS", str(RETENTION_DAYS))

    assert cli.main(["erase-personal-data", "--dry-run"]) == 0
    assert "would erase the names and phones of 1 callers of 1 incidents" in capsys.readouterr().out
    assert _callers(db_url)[old["id"]].phone == "+79130000001"  # a dry run changes nothing

    assert cli.main(["erase-personal-data"]) == 0
    assert "erased the names and phones of 1 callers of 1 incidents" in capsys.readouterr().out
    assert _callers(db_url)[old["id"]].phone is None
    assert cli.main(["erase-personal-data"]) == 0  # nothing left to do, nothing journaled twice
    assert "of 0 callers" in capsys.readouterr().out

    assert cli.main(["verify-journal"]) == 0
    assert "every link holds" in capsys.readouterr().out


def _export(client: Client, phone: str):  # type: ignore[no-untyped-def]
    return client.get("/personal-data", params={"phone": phone})


def test_export_of_one_phone_number(service: ServiceThread) -> None:
    op = login(service.url, "operator")
    first = _with_caller(op, "Орлова Мария", "8 (913) 555-12-34",
                         address={"street": "пр-т Строителей", "house": "5", "flat": "12"})
    second = _with_caller(op, "Орлова М.", "+7 913 555 12 34")
    other = _with_caller(op, "Зайцев Пётр", "+79130000004")
    assert op.get(f"/incidents/{first['id']}/callers").status_code == 200
    assert op.get(f"/incidents/{other['id']}/callers").status_code == 200
    assert op.get("/callers/incidents", params={"phone": "89135551234"}).status_code == 200

    for role in ("operator", "wall", "ds-fire"):
        client = login(service.url, role)
        refused = assert_refusal(_export(client, "+79135551234"), 403, "forbidden")
        assert "supervisor" in refused["message"]
        # The role is refused before the number is looked at.
        assert_refusal(client.get("/personal-data", params={"phone": "x"}), 403, "forbidden")
    boss = login(service.url, "supervisor")
    bad = assert_refusal(_export(boss, "12-ab"), 422, "invalid")
    assert "12-ab" in bad["message"]

    r = _export(boss, "8 913 555 12 34")
    assert r.status_code == 200, r.text
    got = r.json()
    assert got["phone"] == "+79135551234"
    assert [(c["name"], c["incident"]["number"]) for c in got["callers"]] == [
        ("Орлова Мария", first["number"]), ("Орлова М.", second["number"])]
    place = got["callers"][0]["incident"]
    assert (place["street"], place["house"], place["flat"]) == ("проспект Строителей", "5", "12")
    assert place["received_at"] and got["callers"][0]["erased_at"] is None
    reads = [(x["user_login"], x["purpose"], x["incident_number"]) for x in got["reads"]]
    assert reads == [("operator", "incident_card", first["number"]),
                     ("operator", "phone_lookup", None)]
    assert all(other["number"] != x["incident_number"] for x in got["reads"])

    # The export is itself a recorded read, seen by the next one.
    again = _export(login(service.url, "admin"), "+79135551234").json()
    assert [(x["user_login"], x["purpose"]) for x in again["reads"]][-1] == (
        "supervisor", "personal_data_export")
    assert _export(boss, "+79990000000").json()["callers"] == []
