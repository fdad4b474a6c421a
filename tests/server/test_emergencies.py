"""Emergencies over real HTTP, on both databases: declaring, the reports' deadlines worked
out by hand on a clock the test moves, lifting, and every refusal in words.

The schedule is the default (first report 20 min after the declaration, updates every 4 h
counted from the declaration, the final report 1 h after lifting)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from app.server.embedded import ServiceThread
from app.services.feed import verify_chain
from tests.server.helpers import Client, Clock, assert_refusal, login, mid

T0 = datetime(2026, 11, 26, 5, 0, tzinfo=UTC)  # 12:00 in the city
H, M = timedelta(hours=1), timedelta(minutes=1)


@dataclass
class Room:
    service: ServiceThread
    clock: Clock
    supervisor: Client
    operator: Client

    def at(self, delta: timedelta) -> None:
        self.clock.now = T0 + delta


@pytest.fixture
def room(service: ServiceThread) -> Iterator[Room]:
    clock = Clock(T0)
    service.app.state.ctx.clock = clock
    yield Room(service, clock, login(service.url, "supervisor"), login(service.url, "operator"))


def iso(t: datetime) -> str:
    return t.isoformat().replace("+00:00", "Z")


def same_time(value: str | None, expected: datetime) -> bool:
    return value is not None and datetime.fromisoformat(value) == expected


def declare(user: Client, incident: dict[str, Any], level: str, **extra: Any):
    return user.post(f"/incidents/{incident['id']}/emergency",
                     {"mutation_id": mid(), "base_version": incident["version"],
                      "level": level, **extra})


def lift(user: Client, incident: dict[str, Any], reason: str = "Угроза устранена"):
    return user.post(f"/incidents/{incident['id']}/emergency/lift",
                     {"mutation_id": mid(), "base_version": incident["version"],
                      "reason": reason})


def send(user: Client, incident_id: int, kind: str, mutation_id: str | None = None,
         **extra: Any):
    body = {"mutation_id": mutation_id or mid(), "kind": kind, "channel": "телефон",
            "accepted_by": "Сидоров А. В., ЦУКС", **extra}
    return user.post(f"/incidents/{incident_id}/emergency/reports", body)


def reports(user: Client, incident_id: int) -> dict[str, Any]:
    r = user.get(f"/incidents/{incident_id}/emergency/reports")
    assert r.status_code == 200, r.text
    return r.json()


def current(user: Client, incident_id: int) -> dict[str, Any]:
    return user.incident(incident_id)["incident"]


def declared(room: Room, level: str = "municipal") -> dict[str, Any]:
    """A gas leak registered by the operator at T0, declared an emergency at T0."""
    incident = room.operator.register()["incident"]
    r = declare(room.supervisor, incident, level, reason="Загазованность подъезда")
    assert r.status_code == 200, r.text
    return r.json()["incident"]


def fields(sections: list[dict[str, Any]], key: str) -> dict[str, str]:
    section = next(s for s in sections if s["key"] == key)
    return {f["key"]: f["value"] for f in section["fields"]}


def test_the_reports_fall_due_on_the_declarations_schedule(room: Room) -> None:
    incident = declared(room)
    assert incident["emergency_level"] == "municipal"
    assert same_time(incident["emergency_at"], T0)
    assert same_time(incident["emergency_report_due"], T0 + 20 * M)  # 12:20
    assert incident["emergency_lifted_at"] is None

    # The draft of the first report, from the incident as it is.
    seen = reports(room.operator, incident["id"])
    assert seen["due"]["kind"] == "first" and seen["due"]["number"] == 1
    assert same_time(seen["due"]["due_at"], T0 + 20 * M) and not seen["due"]["overdue"]
    assert fields(seen["draft"], "report")["kind"] == "первичное"
    assert fields(seen["draft"], "level") == {"level": "муниципальный",
                                              "declared_at": "26.11.2026 12:00 (UTC+7)"}
    assert fields(seen["draft"], "measures")["measure1"] == (
        "Введён режим ЧС, уровень: муниципальный. Загазованность подъезда "
        f"({room.supervisor.name})")
    assert seen["reports"] == []

    room.at(25 * M)  # 12:25: five minutes late
    assert reports(room.operator, incident["id"])["due"]["overdue"] is True
    r = send(room.operator, incident["id"], "first",
             consequences={"dead": 0, "injured": 2, "evacuated": 12},
             additions="Жильцы подъезда эвакуированы")
    assert r.status_code == 201, r.text
    first = r.json()
    assert (first["kind"], first["number"], first["sent_by_name"]) == (
        "first", 1, room.operator.name)
    assert same_time(first["due_at"], T0 + 20 * M) and same_time(first["sent_at"], T0 + 25 * M)
    assert fields(first["sections"], "consequences") == {
        "dead": "0", "injured": "2", "evacuated": "12", "affected": "уточняется"}
    assert fields(first["sections"], "additions")["text"] == "Жильцы подъезда эвакуированы"
    assert fields(first["sections"], "reporter")["name"] == room.operator.name
    # Late or not, the next is at the schedule's point: 12:00 + 4 h = 16:00.
    assert same_time(current(room.operator, incident["id"])["emergency_report_due"], T0 + 4 * H)

    room.at(3 * H + 50 * M)  # 15:50, early for 16:00: it stands for it
    r = send(room.operator, incident["id"], "update")
    assert r.status_code == 201, r.text
    assert r.json()["number"] == 2
    assert same_time(r.json()["due_at"], T0 + 4 * H)
    assert same_time(current(room.operator, incident["id"])["emergency_report_due"], T0 + 8 * H)

    room.at(5 * H)  # 17:00: lifted; the final report is due at 18:00
    r = lift(room.supervisor, current(room.supervisor, incident["id"]))
    assert r.status_code == 200, r.text
    lifted = r.json()["incident"]
    assert same_time(lifted["emergency_lifted_at"], T0 + 5 * H)
    assert same_time(lifted["emergency_report_due"], T0 + 6 * H)
    assert lifted["emergency_level"] == "municipal"  # what it was stays on record

    room.at(5 * H + 30 * M)
    r = send(room.supervisor, incident["id"], "final")
    assert r.status_code == 201, r.text
    assert fields(r.json()["sections"], "level")["lifted_at"] == "26.11.2026 17:00 (UTC+7)"
    assert current(room.operator, incident["id"])["emergency_report_due"] is None
    done = reports(room.operator, incident["id"])
    assert done["due"] is None and done["draft"] is None
    assert [(x["number"], x["kind"]) for x in done["reports"]] == [
        (1, "first"), (2, "update"), (3, "final")]
    # Frozen as sent: the first report still says what it said.
    assert fields(done["reports"][0]["sections"], "consequences")["injured"] == "2"
    assert done["reports"][0]["consequences"]["evacuated"] == 12

    kinds = [c["kind"] for c in room.operator.get(f"/incidents/{incident['id']}/timeline").json()
             if c["kind"].startswith("emergency.")]
    assert kinds == ["emergency.declared", "emergency.report_sent", "emergency.report_due",
                     "emergency.report_sent", "emergency.report_due", "emergency.lifted",
                     "emergency.report_sent", "emergency.report_due"]
    assert verify_chain(room.service.app.state.ctx).broken_at is None


def test_the_emergency_travels_in_the_incidents_state(room: Room) -> None:
    incident = declared(room, "regional")
    snap = room.operator.snapshot()
    row = next(i for i in snap["incidents"] if i["id"] == incident["id"])
    assert row["emergency_level"] == "regional"
    assert same_time(row["emergency_report_due"], T0 + 20 * M)
    change = next(c for c in room.operator.changes() if c["kind"] == "emergency.declared")
    assert change["entity"] == "incident" and change["entity_id"] == incident["id"]
    assert change["after"]["emergency_level"] == "regional"
    assert change["before"]["emergency_level"] is None


def test_changing_the_level_is_journaled_with_both_levels(room: Room) -> None:
    incident = declared(room)
    r = declare(room.supervisor, incident, "regional", reason="Пострадавших больше 50")
    assert r.status_code == 200, r.text
    changed = r.json()["incident"]
    assert changed["emergency_level"] == "regional"
    # The schedule runs on from the first declaration.
    assert changed["emergency_at"] == incident["emergency_at"]
    assert changed["emergency_report_due"] == incident["emergency_report_due"]
    row = next(c for c in room.supervisor.get(f"/incidents/{incident['id']}/timeline").json()
               if c["kind"] == "emergency.level_changed")
    assert row["before"]["emergency_level"] == "municipal"
    assert row["after"]["emergency_level"] == "regional"
    assert_refusal(declare(room.supervisor, changed, "regional"), 422, "invalid")


def test_an_operator_may_report_but_not_declare(room: Room) -> None:
    incident = room.operator.register()["incident"]
    body = assert_refusal(declare(room.operator, incident, "local"), 403, "forbidden")
    assert "supervisor" in body["message"]
    assert current(room.operator, incident["id"])["emergency_level"] is None
    assert_refusal(send(room.operator, incident["id"], "first"), 422, "invalid")
    declared_now = declare(room.supervisor, incident, "local").json()["incident"]
    assert_refusal(lift(room.operator, declared_now), 403, "forbidden")


def test_reports_out_of_order_are_refused_in_words(room: Room) -> None:
    incident = declared(room)
    body = assert_refusal(send(room.operator, incident["id"], "update"), 409,
                          "report_out_of_order")
    assert "first report has not been sent yet" in body["message"]
    assert_refusal(send(room.operator, incident["id"], "final"), 409, "report_out_of_order")
    assert send(room.operator, incident["id"], "first").status_code == 201
    body = assert_refusal(send(room.operator, incident["id"], "first"), 409,
                          "report_out_of_order")
    assert "already sent" in body["message"]
    body = assert_refusal(send(room.operator, incident["id"], "final"), 409,
                          "report_out_of_order")
    assert "has not been lifted" in body["message"]
    lift(room.supervisor, current(room.supervisor, incident["id"]))
    assert_refusal(send(room.operator, incident["id"], "update"), 409, "report_out_of_order")
    assert send(room.operator, incident["id"], "final").status_code == 201
    body = assert_refusal(send(room.operator, incident["id"], "final"), 409,
                          "report_out_of_order")
    assert "no more reports are due" in body["message"]
    assert len(reports(room.operator, incident["id"])["reports"]) == 2


def test_an_incident_under_an_emergency_cannot_be_ended_until_it_is_lifted(room: Room) -> None:
    incident = declared(room)
    op = room.operator
    for action, extra in (("cancel", {"reason": "Ложный вызов"}),
                          ("merge", {"merge_into": op.register()["incident"]["id"]})):
        body = assert_refusal(op.act(incident["id"], action, incident["version"], **extra),
                              409, "transition_refused")
        assert "lift the emergency first" in body["message"]
    r = op.act(incident["id"], "resolve", incident["version"])  # the work may be finished
    assert r.status_code == 200, r.text
    resolved = r.json()["incident"]
    body = assert_refusal(op.act(incident["id"], "close", resolved["version"],
                                 result="Утечка устранена"), 409, "transition_refused")
    assert "lift the emergency first" in body["message"]
    lifted = lift(room.supervisor, resolved).json()["incident"]
    r = op.act(incident["id"], "close", lifted["version"], result="Утечка устранена")
    assert r.status_code == 200, r.text
    # Closed, its final report can still be sent; a new emergency cannot be declared on it.
    assert send(op, incident["id"], "first").status_code == 201
    assert send(op, incident["id"], "final").status_code == 201
    closed = current(room.supervisor, incident["id"])
    assert closed["status"] == "closed"
    assert_refusal(declare(room.supervisor, closed, "local"), 422, "invalid")


def test_a_stale_version_is_refused_with_the_current_state(room: Room) -> None:
    incident = room.operator.register()["incident"]
    r = room.operator.patch(f"/incidents/{incident['id']}",
                            {"mutation_id": mid(), "base_version": incident["version"],
                             "description": "Уточнено: запах во всём доме"})
    assert r.status_code == 200, r.text
    body = assert_refusal(declare(room.supervisor, incident, "local"), 409, "stale_version")
    assert body["current"]["version"] == incident["version"] + 1
    assert current(room.operator, incident["id"])["emergency_level"] is None


def test_a_report_sent_twice_with_one_id_is_recorded_once(room: Room) -> None:
    incident = declared(room)
    same = mid()
    first = send(room.operator, incident["id"], "first", mutation_id=same)
    again = send(room.operator, incident["id"], "first", mutation_id=same)
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json()
    assert len(reports(room.operator, incident["id"])["reports"]) == 1


def test_a_new_emergency_after_the_final_report_numbers_its_reports_afresh(room: Room) -> None:
    incident = declared(room, "local")
    send(room.operator, incident["id"], "first")
    room.at(1 * H)
    lifted = lift(room.supervisor, current(room.supervisor, incident["id"])).json()["incident"]
    body = assert_refusal(declare(room.supervisor, lifted, "local"), 422, "invalid")
    assert "final report has not been sent" in body["message"]
    send(room.operator, incident["id"], "final")
    room.at(2 * H)
    again = declare(room.supervisor, current(room.supervisor, incident["id"]), "municipal")
    assert again.status_code == 200, again.text
    renewed = again.json()["incident"]
    assert same_time(renewed["emergency_at"], T0 + 2 * H)
    assert renewed["emergency_lifted_at"] is None
    assert same_time(renewed["emergency_report_due"], T0 + 2 * H + 20 * M)
    seen = reports(room.operator, incident["id"])
    assert seen["due"]["number"] == 1 and seen["due"]["kind"] == "first"
    assert len(seen["reports"]) == 2  # the earlier emergency's, kept


def test_the_wall_and_duty_services_read_no_reports_and_write_nothing(room: Room) -> None:
    incident = declared(room)
    wall = login(room.service.url, "wall")
    assert_refusal(wall.get(f"/incidents/{incident['id']}/emergency/reports"), 403)
    assert_refusal(send(wall, incident["id"], "first"), 403)
    assert_refusal(declare(wall, incident, "federal"), 403)
    # The wall sees the emergency in the live state instead.
    row = next(i for i in wall.snapshot()["incidents"] if i["id"] == incident["id"])
    assert row["emergency_level"] == "municipal"


def test_bad_input_is_refused_field_by_field(room: Room) -> None:
    incident = declared(room)
    r = send(room.operator, incident["id"], "first", consequences={"injured": -1})
    body = assert_refusal(r, 422)
    assert "consequences.injured" in body["message"]
    assert_refusal(send(room.operator, incident["id"], "first", accepted_by="  "), 422)
    assert_refusal(declare(room.supervisor, incident, "galactic"), 422)
    assert_refusal(lift(room.supervisor, incident, reason=" "), 422)
    assert reports(room.operator, incident["id"])["reports"] == []
