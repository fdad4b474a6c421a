"""Registering, editing and moving incidents over HTTP, hand-overs to duty services,
notes, and callers' personal data."""

from __future__ import annotations

import json
import re
import threading
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import insert, select, text, update

from app.models import ChangeLog, Incident, IncidentCounter, PersonalDataRead
from app.server.embedded import ServiceThread
from tests.server.helpers import (
    KNOWN_HOUSE,
    KNOWN_STREET,
    Client,
    assert_refusal,
    engine_for,
    login,
    mid,
    own_service,
    wait_for,
)

CITY = ZoneInfo("Asia/Novokuznetsk")


def known_house(client: Client) -> dict[str, Any]:
    r = client.get("/gazetteer/houses", params={"street": KNOWN_STREET})
    assert r.status_code == 200, r.text
    houses = {h["house"]: h for h in r.json()}
    assert KNOWN_HOUSE in houses, f"the demo gazetteer lost {KNOWN_STREET} {KNOWN_HOUSE}"
    return houses[KNOWN_HOUSE]


def types(client: Client) -> dict[str, dict[str, Any]]:
    r = client.get("/catalog")
    assert r.status_code == 200, r.text
    return {t["code"]: t for t in r.json()["incident_types"]}


def test_a_phone_call_at_a_known_house_is_registered_verified_and_numbered(
    service: ServiceThread,
) -> None:
    op = login(service.url, "operator")
    house = known_house(op)
    catalog = types(op)
    detail = op.register(type_code="fire_residential",
                         address={"street": KNOWN_STREET, "house": KNOWN_HOUSE, "flat": "12"})
    inc = detail["incident"]
    assert inc["status"] == "registered"
    assert inc["registered_at"] is not None
    year = datetime.now(CITY).year
    assert re.fullmatch(rf"{year}-\d{{6}}", inc["number"]), inc["number"]
    assert inc["address_verified"] is True
    assert inc["street"] == house["street"] == "проспект Строителей"
    assert (inc["lat"], inc["lon"]) == (house["lat"], house["lon"])
    assert inc["district"] == house["district"] and inc["district"]
    assert inc["flat"] == "12"
    assert inc["priority"] == catalog["fire_residential"]["priority"] == 1
    assert inc["room"] == "main"
    # The operator who took the call is the one working it.
    assert inc["claim_holder_id"] == op.id
    assert detail["handovers"] == [] and detail["notes"] == []
    # The next call gets the next number; the card reads back as registered.
    second = op.register()["incident"]
    assert int(second["number"][-6:]) == int(inc["number"][-6:]) + 1
    assert op.incident(inc["id"])["incident"] == inc


def test_the_classifier_sets_priority_and_room(service: ServiceThread) -> None:
    op = login(service.url, "operator")
    catalog = types(op)
    rooms = {}
    for code, room in (("water_main_break", "zhkh"), ("gas_smell", "main"),
                       ("fire_residential", "main")):
        inc = op.register(type_code=code)["incident"]
        assert (inc["room"], inc["priority"]) == (room, catalog[code]["priority"]), code
        rooms[code] = inc
    # A burst water main is the utilities room's to work, not the main room operator's.
    zhkh = login(service.url, "zhkh")
    r = zhkh.claim(rooms["water_main_break"]["id"])
    assert r.status_code == 200, r.text
    assert r.json()["claim_holder_name"] == "Смирнова Ольга"


def test_an_app_report_off_the_gazetteer_waits_as_new_with_its_pin(
    service: ServiceThread,
) -> None:
    op = login(service.url, "operator")
    house = known_house(op)
    pin = {"lat": round(house["lat"] + 0.0007, 6), "lon": round(house["lon"] + 0.0009, 6)}
    detail = op.register(source="mobile_app", type_code="water_main_break",
                         address={"street": "улица Несуществующая", "house": "999", **pin})
    inc = detail["incident"]
    assert inc["status"] == "new"
    assert inc["registered_at"] is None
    assert inc["claim_holder_id"] is None and inc["claim_holder_name"] is None
    assert inc["address_verified"] is False
    assert (inc["street"], inc["house"]) == ("улица Несуществующая", "999")
    assert (inc["lat"], inc["lon"]) == (pin["lat"], pin["lon"])
    near = op.get("/gazetteer/reverse", params=pin).json()
    assert inc["district"] == near["district"]


def test_refusals_are_readable_json_and_write_nothing(service: ServiceThread) -> None:
    op = login(service.url, "operator")
    before = op.snapshot()
    good: dict[str, Any] = {
        "source": "phone", "type_code": "gas_smell",
        "address": {"street": KNOWN_STREET, "house": KNOWN_HOUSE},
    }
    future = (datetime.now(UTC) + timedelta(hours=1)).isoformat()
    cases: list[tuple[dict[str, Any], str, list[str]]] = [
        ({"caller": {"name": "Волков", "phone": "123"}}, "invalid_request",
         ["caller.phone", "123"]),
        ({"address": None}, "invalid_request", ["address"]),
        ({"address": {"street": KNOWN_STREET, "lat": 123.0, "lon": 88.0}}, "invalid_request",
         ["address.lat"]),
        ({"colour": "red"}, "invalid_request", ["colour"]),
        ({"type_code": "alien_landing"}, "invalid", ["alien_landing"]),
        ({"received_at": future}, "invalid", ["future"]),
        ({"received_at": "2026-01-01T08:00:00"}, "invalid_request", ["received_at", "zone"]),
    ]
    reused = mid()
    for change, code, words in cases:
        body = {"mutation_id": reused, **good, **change}
        body = {k: v for k, v in body.items() if v is not None}
        got = assert_refusal(op.post("/incidents", body), 422, code)
        for word in words:
            assert word in got["message"], (change, got)
        assert ".." not in got["message"], got["message"]
    for method, path in (("get", "/incidents/987654"),
                         ("patch", "/incidents/987654"),
                         ("post", "/incidents/987654/actions")):
        body = {"mutation_id": mid(), "base_version": 1, "description": "x"}
        if path.endswith("actions"):
            body = {"mutation_id": mid(), "base_version": 1, "action": "cancel"}
        r = getattr(op, method)(path, **({} if method == "get" else {"json": body}))
        assert "987654" in assert_refusal(r, 404, "not_found")["message"]
    after = op.snapshot()
    assert after["incidents"] == before["incidents"] == []
    assert after["seq"] == before["seq"]
    # A refused change used up nothing: its id registers the corrected incident, which
    # takes the year's first number.
    r = op.post("/incidents", {"mutation_id": reused, **good})
    assert r.status_code == 201, r.text
    assert r.json()["incident"]["number"].endswith("-000001")


def test_a_stale_change_is_refused_with_the_current_state(service: ServiceThread) -> None:
    op = login(service.url, "operator")
    op2 = login(service.url, "operator2")
    inc = op.register(description="Пахнет газом")["incident"]
    assert op.release(inc["id"]).status_code == 200
    r = op2.patch(f"/incidents/{inc['id']}", {"mutation_id": mid(), "base_version": 1,
                                              "description": "Пахнет газом на 3 этаже"})
    assert r.status_code == 200, r.text
    assert r.json()["incident"]["version"] == 2
    assert op2.release(inc["id"]).status_code == 200
    stale = op.patch(f"/incidents/{inc['id']}", {"mutation_id": mid(), "base_version": 1,
                                                 "description": "Пахнет газом в подвале"})
    body = assert_refusal(stale, 409, "stale_version")
    assert body["current"]["version"] == 2
    assert body["current"]["description"] == "Пахнет газом на 3 этаже"
    assert inc["number"] in body["message"]
    now = op.incident(inc["id"])["incident"]
    assert (now["description"], now["version"]) == ("Пахнет газом на 3 этаже", 2)
    assert now["claim_holder_id"] is None  # the refused edit took no claim either


def test_status_moves_are_refused_in_words_and_cancel_keeps_its_reason(
    service: ServiceThread,
) -> None:
    op = login(service.url, "operator")
    inc = op.register()["incident"]
    refused = assert_refusal(op.act(inc["id"], "close", 1, result="Устранено"), 409,
                             "transition_refused")
    assert "registered" in refused["message"] and "close" in refused["message"]
    no_result = assert_refusal(op.act(inc["id"], "close", 1), 422, "invalid_request")
    assert "result" in no_result["message"]
    assert op.incident(inc["id"])["incident"]["version"] == 1  # nothing moved

    r = op.act(inc["id"], "cancel", 1, reason="Ложный вызов, заявитель извинился")
    assert r.status_code == 200, r.text
    detail = r.json()
    assert detail["incident"]["status"] == "cancelled"
    assert detail["incident"]["cancelled_at"] is not None
    assert detail["incident"]["claim_holder_id"] is None
    assert [n["text"] for n in detail["notes"]] == ["cancel: Ложный вызов, заявитель извинился"]
    assert detail["notes"][0]["author_name"] == "Иванова Анна"
    again = op.act(inc["id"], "register", detail["incident"]["version"])
    assert "cancelled" in assert_refusal(again, 409, "transition_refused")["message"]


def _closed_incident(op: Client) -> dict[str, Any]:
    inc = op.register()["incident"]
    r = op.act(inc["id"], "resolve", inc["version"])  # resolved on the phone, no service
    assert r.status_code == 200, r.text
    r = op.act(inc["id"], "close", r.json()["incident"]["version"],
               result="Консультация, выезд не нужен")
    assert r.status_code == 200, r.text
    closed = r.json()["incident"]
    assert closed["status"] == "closed" and closed["result"] == "Консультация, выезд не нужен"
    return closed


def test_reopening_needs_a_supervisor_a_reason_and_a_recent_close(
    service: ServiceThread, db_url: str,
) -> None:
    op = login(service.url, "operator")
    boss = login(service.url, "supervisor")
    closed = _closed_incident(op)
    i, v = closed["id"], closed["version"]
    by_operator = op.act(i, "reopen", v, reason="Вода снова течёт")
    assert "operator" in assert_refusal(by_operator, 409, "transition_refused")["message"]
    no_reason = boss.act(i, "reopen", v)
    assert "reason" in assert_refusal(no_reason, 409, "transition_refused")["message"]
    r = boss.act(i, "reopen", v, reason="Вода снова течёт")
    assert r.status_code == 200, r.text
    detail = r.json()
    assert detail["incident"]["status"] == "registered"
    assert detail["incident"]["result"] is None
    assert detail["incident"]["reopened_at"] is not None
    assert "Вода снова течёт" in detail["notes"][-1]["text"]
    assert detail["notes"][-1]["author_name"] == "Кузнецов Дмитрий"

    old = _closed_incident(op)
    with engine_for(db_url) as engine, engine.begin() as conn:
        conn.execute(update(Incident).where(Incident.id == old["id"])
                     .values(closed_at=datetime.now(UTC) - timedelta(hours=25)))
    late = boss.act(old["id"], "reopen", old["version"], reason="Вода снова течёт")
    assert "24 hours" in assert_refusal(late, 409, "transition_refused")["message"]
    assert op.incident(old["id"])["incident"]["status"] == "closed"


def _stage(client: Client, handover_id: int, stage: str, **extra: Any):  # type: ignore[no-untyped-def]
    return client.post(f"/handovers/{handover_id}/stages",
                       {"mutation_id": mid(), "stage": stage, **extra})


def test_hand_over_to_two_services_and_follow_their_reports(service: ServiceThread) -> None:
    op = login(service.url, "operator")
    fire, ambulance, gas = (login(service.url, f"ds-{s}") for s in ("fire", "ambulance", "gas"))
    inc = op.register(type_code="fire_residential")["incident"]
    r = op.post(f"/incidents/{inc['id']}/handovers",
                {"mutation_id": mid(), "base_version": inc["version"],
                 "services": ["fire", "ambulance"]})
    assert r.status_code == 200, r.text
    detail = r.json()
    assert detail["incident"]["status"] == "dispatched"
    assert detail["incident"]["dispatched_at"] is not None
    by_service = {h["service"]: h for h in detail["handovers"]}
    assert sorted(by_service) == ["ambulance", "fire"]
    assert {h["stage"] for h in by_service.values()} == {"handed_over"}
    to_fire, to_ambulance = by_service["fire"]["id"], by_service["ambulance"]["id"]

    # The gas service cannot report for the fire service.
    assert "own" in assert_refusal(_stage(gas, to_fire, "acknowledged"), 403,
                                   "forbidden")["message"]
    r = _stage(fire, to_fire, "acknowledged")
    assert r.status_code == 200, r.text
    detail = r.json()
    assert detail["incident"]["status"] == "in_progress"
    h = {x["service"]: x for x in detail["handovers"]}["fire"]
    assert h["stage"] == "acknowledged" and h["acknowledged_at"] is not None

    crews = op.snapshot()["crews"]
    fire_crew = next(c for c in crews if c["service"] == "fire")
    ambulance_crew = next(c for c in crews if c["service"] == "ambulance")
    wrong = _stage(fire, to_fire, "crew_dispatched", crew_id=ambulance_crew["id"])
    assert str(ambulance_crew["id"]) in assert_refusal(wrong, 404, "not_found")["message"]
    r = _stage(fire, to_fire, "crew_dispatched", crew_id=fire_crew["id"])
    assert r.status_code == 200, r.text
    h = {x["service"]: x for x in r.json()["handovers"]}["fire"]
    assert h["stage"] == "crew_dispatched" and h["crew_ids"] == [fire_crew["id"]]

    back = assert_refusal(_stage(fire, to_fire, "acknowledged"), 409, "transition_refused")
    assert "crew dispatched" in back["message"]

    r = _stage(fire, to_fire, "resolved")
    assert r.status_code == 200, r.text
    assert r.json()["incident"]["status"] == "in_progress"  # the ambulance is still at it
    r = _stage(ambulance, to_ambulance, "resolved")  # by phone: straight to resolved
    assert r.status_code == 200, r.text
    detail = r.json()
    assert detail["incident"]["status"] == "resolved"
    assert detail["incident"]["resolved_at"] is not None
    h = {x["service"]: x for x in detail["handovers"]}["ambulance"]
    assert h["acknowledged_at"] is not None and h["resolved_at"] is not None
    assert op.incident(inc["id"]) == detail


def test_notes_are_added_by_anyone_at_the_desk(service: ServiceThread) -> None:
    op = login(service.url, "operator")
    op2 = login(service.url, "operator2")
    inc = op.register()["incident"]  # held by the first operator
    r = op2.post(f"/incidents/{inc['id']}/notes",
                 {"mutation_id": mid(), "text": "Перезвонил сосед: запах усилился"})
    assert r.status_code == 201, r.text
    note = r.json()
    assert note["text"] == "Перезвонил сосед: запах усилился"
    assert note["author_name"] == "Петров Сергей" and note["incident_id"] == inc["id"]
    blank = op2.post(f"/incidents/{inc['id']}/notes", {"mutation_id": mid(), "text": "   "})
    assert "text" in assert_refusal(blank, 422, "invalid_request")["message"]
    wall = login(service.url, "wall")
    assert_refusal(wall.post(f"/incidents/{inc['id']}/notes",
                             {"mutation_id": mid(), "text": "с видеостены"}), 403, "forbidden")
    assert [n["text"] for n in op.incident(inc["id"])["notes"]] == [note["text"]]


def test_callers_personal_data_is_read_on_record_and_kept_out_of_the_journal(
    service: ServiceThread, db_url: str,
) -> None:
    op = login(service.url, "operator")
    first = op.register(caller={"name": "Соколова Мария", "phone": "8 913 123-45-67"})
    second = op.register(caller={"name": "Соколова М.", "phone": "+7 (913) 123 45 67"})
    other = op.register(caller={"name": "Лебедев Игорь", "phone": "+7 905 000-11-22"})
    a, b, c = (d["incident"]["id"] for d in (first, second, other))
    r = op.post(f"/incidents/{c}/callers",
                {"mutation_id": mid(), "caller": {"name": "Орлов Пётр", "phone": "2-34-56"}})
    assert r.status_code == 201, r.text

    r = op.get(f"/incidents/{a}/callers")
    assert r.status_code == 200, r.text
    assert [(x["name"], x["phone"]) for x in r.json()] == [("Соколова Мария", "+79131234567")]
    r = op.get(f"/incidents/{c}/callers")
    assert [(x["name"], x["phone"]) for x in r.json()] == [
        ("Лебедев Игорь", "+79050001122"), ("Орлов Пётр", "+73847523456")]

    found = op.get("/callers/incidents", params={"phone": "8 913 123-45-67"})
    assert found.status_code == 200, found.text
    assert sorted(x["id"] for x in found.json()) == [a, b]
    assert {x["number"] for x in found.json()} == {first["incident"]["number"],
                                                   second["incident"]["number"]}
    bad = op.get("/callers/incidents", params={"phone": "12-34"})
    assert "12-34" in assert_refusal(bad, 422)["message"]

    # Those who may not see personal data are refused, and their attempts read nothing.
    for login_name, path in (("wall", f"/incidents/{a}/callers"),
                             ("wall", "/callers/incidents?phone=89131234567"),
                             ("ds-gas", f"/incidents/{a}/callers"),
                             ("zhkh", f"/incidents/{a}/callers")):
        assert_refusal(login(service.url, login_name).get(path), 403, "forbidden")

    with engine_for(db_url) as engine, engine.connect() as conn:
        reads = conn.execute(select(PersonalDataRead.user_id, PersonalDataRead.incident_id,
                                    PersonalDataRead.phone)
                             .order_by(PersonalDataRead.id)).all()
        journal = conn.execute(select(ChangeLog)).mappings().all()
    assert [tuple(x) for x in reads] == [(op.id, a, None), (op.id, c, None),
                                         (op.id, None, "+79131234567")]
    kinds = [row["kind"] for row in journal]
    assert kinds.count("caller.added") == 4
    secrets = ("Соколова", "Лебедев", "Орлов", "9131234567", "913 123", "9050001122",
               "3847523456")
    stored = json.dumps([dict(row) for row in journal], default=str, ensure_ascii=False)
    streamed = json.dumps(op.changes(), ensure_ascii=False)
    snapshot = json.dumps(op.snapshot(), ensure_ascii=False)
    for secret in secrets:
        assert secret not in stored, secret
        assert secret not in streamed, secret
        assert secret not in snapshot, secret


def test_a_report_naming_the_crew_already_attached_is_accepted(service: ServiceThread) -> None:
    op, fire = login(service.url, "operator"), login(service.url, "ds-fire")
    inc = op.register(type_code="fire_residential")["incident"]
    r = op.post(f"/incidents/{inc['id']}/handovers",
                {"mutation_id": mid(), "base_version": inc["version"], "services": ["fire"]})
    to_fire = r.json()["handovers"][0]["id"]
    crew = next(c for c in op.snapshot()["crews"] if c["service"] == "fire")
    assert _stage(fire, to_fire, "crew_dispatched", crew_id=crew["id"]).status_code == 200
    # The console sends the crew with each report; the crew arrives on scene.
    r = _stage(fire, to_fire, "on_scene", crew_id=crew["id"])
    assert r.status_code == 200, r.text
    h = r.json()["handovers"][0]
    assert h["stage"] == "on_scene" and h["crew_ids"] == [crew["id"]]


def test_the_years_first_number_taken_by_two_writers_at_once(pg_url: str) -> None:
    """PostgreSQL only: SQLite writers are serialized and cannot race here. Another writer
    (as another service process would) creates this year's counter and has not committed
    yet when the service numbers a call; the call must still be registered."""
    year = datetime.now(CITY).year
    with own_service(pg_url) as svc, engine_for(pg_url) as engine:
        op = login(svc.url, "operator")
        answer: list[Any] = []
        with engine.connect() as other:
            tx = other.begin()
            other.execute(insert(IncidentCounter).values(year=year, last=0))
            call = threading.Thread(target=lambda: answer.append(
                op.post("/incidents", {"mutation_id": mid(), "source": "phone",
                                       "address": {"street": KNOWN_STREET}})))
            call.start()
            with engine.connect() as watch:  # until the service waits on the other writer
                wait_for(lambda: watch.scalar(text(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    "AND wait_event_type = 'Lock'")), timeout=10)
            tx.commit()
        call.join(15)
    assert answer and answer[0].status_code == 201, answer and answer[0].text
    assert answer[0].json()["incident"]["number"] == f"{year}-000001"
