"""The journal of a date range as CSV, over real HTTP on both databases, on a clock the test
moves: exactly the rows stamped in the range, in the city's time and in UTC, with no
caller's name or phone anywhere in the file."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from app.services.journal_export import COLUMNS
from tests.server.helpers import Client, assert_refusal, login, mid, own_service

T0 = datetime(2026, 11, 26, 5, 0, tzinfo=UTC)  # 12:00 in the city
CALLER, PHONE = "Волкова Ирина", "+79131112233"


def iso(seconds: int) -> str:
    return (T0 + timedelta(seconds=seconds)).isoformat()


@dataclass
class Day:
    url: str
    anna: Client
    boss: Client
    first: dict
    second: dict
    note_id: int


@pytest.fixture
def day(db_url: str) -> Iterator[Day]:
    """12:00 Anna registers a call with its caller; 12:01 she adds a note; 12:02 a second
    call, without one."""
    with own_service(db_url, lease_seconds=7200) as svc:
        now = [T0]
        svc.app.state.ctx.clock = lambda: now[0]
        anna, boss = login(svc.url, "operator"), login(svc.url, "supervisor")
        first = anna.register(caller={"name": CALLER, "phone": PHONE})["incident"]
        now[0] = T0 + timedelta(seconds=60)
        r = anna.post(f"/incidents/{first['id']}/notes",
                      {"mutation_id": mid(), "text": "Газовая служба выехала"})
        assert r.status_code == 201, r.text
        now[0] = T0 + timedelta(seconds=120)
        second = anna.register(type_code="fire_residential")["incident"]
        yield Day(svc.url, anna, boss, first, second, r.json()["id"])


def export(c: Client, start: str, end: str) -> list[dict[str, str]]:
    r = c.get("/journal", params={"start": start, "end": end})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    text = r.content.decode("utf-8")
    assert text.startswith("\ufeff")  # spreadsheet programs read the Cyrillic right
    assert CALLER not in text and PHONE not in text and PHONE[2:] not in text
    reader = csv.DictReader(io.StringIO(text[1:]))
    assert tuple(reader.fieldnames or ()) == COLUMNS
    return list(reader)


def test_the_rows_of_a_range_and_nothing_else(day: Day) -> None:
    # [12:00, 12:02): the first call (created, its caller by id) and the note; not the
    # second call, stamped at the end, which is excluded.
    rows = export(day.boss, iso(0), iso(120))
    number, incident_id = day.first["number"], str(day.first["id"])
    assert [(r["kind"], r["entity"], r["incident_number"]) for r in rows] == [
        ("incident.created", "incident", number), ("caller.added", "caller", number),
        ("note.added", "note", number)]
    assert [r["seq"] for r in rows] == ["1", "2", "3"]
    assert [(r["at_city"], r["at_utc"]) for r in rows] == [
        ("2026-11-26 12:00:00", "2026-11-26T05:00:00+00:00"),
        ("2026-11-26 12:00:00", "2026-11-26T05:00:00+00:00"),
        ("2026-11-26 12:01:00", "2026-11-26T05:01:00+00:00")]
    assert {(r["actor_id"], r["actor_name"], r["room"], r["incident_id"]) for r in rows} == {
        (str(day.anna.id), "Иванова Анна", "main", incident_id)}
    assert all(r["recorded_offline_city"] == "" and r["before"] == "" for r in rows)
    assert all(len(r["hash"]) == 64 and len(r["mutation_id"]) == 36 for r in rows)
    created, caller, note = rows
    assert json.loads(created["after"])["number"] == number
    # The caller by id only: who it was is in the callers table, not the journal.
    assert set(json.loads(caller["after"])) == {"id", "incident_id"}
    assert json.loads(note["after"])["text"] == "Газовая служба выехала"
    assert note["entity_id"] == str(day.note_id)

    # [12:01, 12:03): the note and the second call.
    later = export(day.boss, iso(60), iso(180))
    assert [(r["kind"], r["incident_number"]) for r in later] == [
        ("note.added", number), ("incident.created", day.second["number"])]
    # The same range in the city's own offset is the same range.
    assert export(day.boss, "2026-11-26T12:01:00+07:00", "2026-11-26T12:03:00+07:00") == later
    assert export(day.boss, iso(-3600), iso(0)) == []


def test_an_administrator_exports_too_and_the_rest_are_refused(day: Day) -> None:
    admin = login(day.url, "admin")
    assert len(export(admin, iso(0), iso(3600))) == 4
    for who in ("operator", "wall", "ds-gas"):
        refused = login(day.url, who).get("/journal", params={"start": iso(0), "end": iso(60)})
        assert_refusal(refused, 403)


def test_a_month_at_most_and_a_range_that_makes_sense(day: Day) -> None:
    month = day.boss.get("/journal", params={"start": iso(0), "end": iso(31 * 86_400)})
    assert month.status_code == 200
    longer = day.boss.get("/journal", params={"start": iso(0), "end": iso(31 * 86_400 + 1)})
    assert "at most 31 days" in assert_refusal(longer, 422, "invalid")["message"]
    backwards = day.boss.get("/journal", params={"start": iso(60), "end": iso(0)})
    assert "end after it starts" in assert_refusal(backwards, 422)["message"]
    naive = day.boss.get("/journal", params={"start": "2026-11-26T12:00:00",
                                             "end": iso(60)})
    assert "time zone offset" in assert_refusal(naive, 422)["message"]
