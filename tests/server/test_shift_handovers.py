"""The shift handover over real HTTP, on both databases, on a service clock the test moves.

T0 is 26 Nov 2026, 12:00 city (05:00 UTC): four hours into the day shift 08:00–20:00, so
the shift due for handover is that one. The room's day, seconds after T0:

  A  gas smell, received −30, registered 0 by Anna (30 s), handed to gas at 90 (90 s, norm
     60); Anna holds it. An emergency (municipal) is declared on it at 700.
  B  fire, received 50, registered 100 by Sergey (50 s); Sergey holds it.
  C  gas smell, received 120, registered 200 by Anna (80 s), cancelled at 300.
  E  gas smell, received at 07:00 (the night shift), registered at 600, released: nobody's.
  D  water main (the housing room's), received 300, registered 400; an emergency (local)
     declared on it at 800 by the administrator.

The outgoing supervisor signs at 1000; afterwards Sergey lets B go and Anna takes it, and
Sergey registers F. The incoming supervisor signs at 1500.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from app.services.demo import DEMO_PASSWORD
from tests.server.helpers import Client, assert_refusal, login, mid, own_service

T0 = datetime(2026, 11, 26, 5, 0, tzinfo=UTC)
# The gazetteer's spelling of the house every test registers at.
ADDRESS = "проспект Строителей, 5"
NOTES = "Прорыв на Кузнецкой: ждём водоканал к 21:00. Газовая служба на Строителей, 5."


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now

    def at(self, seconds: int) -> None:
        self.now = T0 + timedelta(seconds=seconds)


def iso(seconds: int) -> str:
    return (T0 + timedelta(seconds=seconds)).isoformat()


@dataclass
class Room:
    clock: Clock
    anna: Client
    sergey: Client
    boss: Client  # the outgoing supervisor
    next_boss: Client  # the incoming one
    admin: Client
    ids: dict[str, int]
    numbers: dict[str, str]


def _version(c: Client, incident_id: int) -> int:
    return int(c.incident(incident_id)["incident"]["version"])


def _declare(c: Client, incident_id: int, level: str) -> None:
    r = c.post(f"/incidents/{incident_id}/emergency", {
        "mutation_id": mid(), "base_version": _version(c, incident_id), "level": level,
        "reason": "Проверка"})
    assert r.status_code == 200, r.text


@pytest.fixture
def room(db_url: str) -> Iterator[Room]:
    # Leases outlast the test's hour, so only what the test does moves a claim.
    with own_service(db_url, lease_seconds=7200) as svc:
        clock = Clock()
        svc.app.state.ctx.clock = clock
        anna, sergey = login(svc.url, "operator"), login(svc.url, "operator2")
        boss, next_boss = login(svc.url, "supervisor"), login(svc.url, "supervisor2")
        admin, zhkh = login(svc.url, "admin"), login(svc.url, "zhkh")
        made: dict[str, dict[str, Any]] = {}

        def call(name: str, who: Client, received: int, registered: int, type_code: str
                 ) -> int:
            clock.at(registered)
            made[name] = who.register(type_code=type_code, received_at=iso(received))["incident"]
            return int(made[name]["id"])

        a = call("A", anna, -30, 0, "gas_smell")
        clock.at(90)
        r = anna.post(f"/incidents/{a}/handovers", {"mutation_id": mid(),
                                                    "base_version": made["A"]["version"],
                                                    "services": ["gas"]})
        assert r.status_code == 200, r.text
        call("B", sergey, 50, 100, "fire_residential")
        c = call("C", anna, 120, 200, "gas_smell")
        clock.at(300)
        assert anna.act(c, "cancel", made["C"]["version"], reason="Ложный вызов").ok
        d = call("D", zhkh, 300, 400, "water_main_break")
        e = call("E", anna, -5 * 3600, 600, "gas_smell")
        assert anna.release(e).status_code == 200
        clock.at(700)
        _declare(boss, a, "municipal")
        clock.at(800)
        _declare(admin, d, "local")
        clock.at(1000)
        yield Room(clock, anna, sergey, boss, next_boss, admin,
                   {k: int(v["id"]) for k, v in made.items()},
                   {k: str(v["number"]) for k, v in made.items()})


def expected_summary(room: Room) -> dict[str, Any]:
    """The summary at T0 + 1000, worked out by hand from the day above."""
    n, ids = room.numbers, room.ids

    def line(name: str, status: str, received: int, handovers: list[dict[str, str]],
             holder: Client | None, level: str | None, type_code: str = "gas_smell"
             ) -> dict[str, Any]:
        return {"id": ids[name], "number": n[name], "type_code": type_code, "priority": 1,
                "status": status, "address": ADDRESS, "received_at": iso(received),
                "age_seconds": 1000 - received, "handovers": handovers,
                "claim_holder_id": holder.id if holder else None,
                "claim_holder_name": holder.name if holder else None, "emergency_level": level}

    def figures(norm: str, count: int, within: int, share: float | None,
                p: float | None) -> dict[str, Any]:
        return {"norm": norm, "count": count, "within": within, "share_pct": share,
                "p90": p, "p95": p, "p98": p}

    return {
        "format": 1, "room": "main",
        "shift": {"start": "2026-11-26T01:00:00+00:00", "end": "2026-11-26T13:00:00+00:00",
                  "label": "2026-11-26 08:00–20:00"},
        "as_of": iso(1000),
        # Received in the shift: A, B, C (E came in the night, D is the other room's).
        # Open: A, B, E. Nothing closed or resolved yet.
        "counts": {"received": 3, "closed": 0, "open": 3, "resolved": 0},
        # All critical: the oldest first.
        "incidents": [
            line("E", "registered", -18_000, [], None, None),
            line("A", "dispatched", -30, [{"service": "gas", "stage": "handed_over"}],
                 room.anna, "municipal"),
            line("B", "registered", 50, [], room.sergey, None, "fire_residential"),
        ],
        # City-wide, the latest declared first; each report is due 20 minutes after.
        "emergencies": [
            {"id": ids["D"], "number": n["D"], "room": "zhkh", "type_code": "water_main_break",
             "level": "local", "address": ADDRESS, "declared_at": iso(800),
             "report_due": iso(800 + 1200)},
            {"id": ids["A"], "number": n["A"], "room": "main", "type_code": "gas_smell",
             "level": "municipal", "address": ADDRESS, "declared_at": iso(700),
             "report_due": iso(700 + 1200)},
        ],
        "compliance": [
            # A 30 s, B 50 s (norms 60), C 80 s: two of three; nearest rank of three → 80.
            figures("registration", 3, 2, 66.7, 80.0),
            # A handed over 90 s after registering (norm 60).
            figures("handover", 1, 0, 0.0, 90.0),
            # Gas has not acknowledged A yet; nobody has arrived or resolved.
            figures("acknowledgement", 0, 0, None, None),
            figures("arrival", 0, 0, None, None),
            figures("resolution", 0, 0, None, None),
        ],
        "claims": [
            {"holder_id": room.anna.id, "holder_name": "Иванова Анна",
             "incidents": [{"id": ids["A"], "number": n["A"]}]},
            {"holder_id": room.sergey.id, "holder_name": "Петров Сергей",
             "incidents": [{"id": ids["B"], "number": n["B"]}]},
        ],
    }


def by_hand_hash(summary: dict[str, Any], notes: str) -> str:
    text = json.dumps({"notes": notes, "summary": summary}, sort_keys=True,
                      separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def sign_out(c: Client, password: str = DEMO_PASSWORD, notes: str = NOTES, **extra: Any
             ) -> Any:
    return c.post("/shift-handovers", {"mutation_id": mid(), "room": "main", "notes": notes,
                                       "password": password, **extra})


def sign_in(c: Client, handover_id: int, password: str = DEMO_PASSWORD,
            mutation_id: str | None = None) -> Any:
    return c.post(f"/shift-handovers/{handover_id}/sign",
                  {"mutation_id": mutation_id or mid(), "password": password})


def holder(c: Client, incident_id: int) -> tuple[str | None, str | None]:
    inc = c.incident(incident_id)["incident"]
    return inc["claim_holder_name"], inc["claim_expires_at"]


def test_the_draft_is_the_shift_as_it_stands(room: Room) -> None:
    r = room.boss.get("/shift-handovers/draft")  # the supervisor's own room
    assert r.status_code == 200, r.text
    assert r.json() == {"summary": expected_summary(room), "handover": None}
    # An administrator names the room; the housing room's draft has D and both emergencies.
    zhkh = room.admin.get("/shift-handovers/draft", params={"room": "zhkh"}).json()["summary"]
    assert [i["id"] for i in zhkh["incidents"]] == [room.ids["D"]]
    assert [e["id"] for e in zhkh["emergencies"]] == [room.ids["D"], room.ids["A"]]
    assert_refusal(room.boss.get("/shift-handovers/draft", params={"room": "zhkh"}), 403)
    assert_refusal(room.anna.get("/shift-handovers/draft"), 403)
    assert_refusal(room.admin.get("/shift-handovers/draft", params={"room": "attic"}), 404)
    assert_refusal(room.admin.get("/shift-handovers/draft"), 422)  # an admin has no room


def test_signing_out_freezes_the_summary_with_its_hash(room: Room) -> None:
    wrong = sign_out(room.boss, password="not-my-password")
    assert "password is wrong" in assert_refusal(wrong, 403, "wrong_password")["message"]
    assert room.boss.get("/shift-handovers").json() == []  # nothing was signed

    r = sign_out(room.boss, notes=f"  {NOTES}\n")
    assert r.status_code == 201, r.text
    signed = r.json()
    summary = expected_summary(room)
    assert signed["summary"] == summary
    assert signed["notes"] == NOTES  # the blank around it is not part of what is signed
    assert signed["content_hash"] == by_hand_hash(summary, NOTES)
    assert (signed["room"], signed["shift_start"], signed["shift_end"]) == (
        "main", "2026-11-26T01:00:00Z", "2026-11-26T13:00:00Z")
    assert (signed["outgoing_id"], signed["outgoing_name"], signed["outgoing_signed_at"]) == (
        room.boss.id, "Кузнецов Дмитрий", "2026-11-26T05:16:40Z")
    assert (signed["incoming_id"], signed["incoming_name"], signed["incoming_signed_at"]) == (
        None, None, None)

    # Frozen: the room moves on, the signed summary does not; the draft now names it.
    room.clock.at(1100)
    room.anna.register(type_code="gas_smell", received_at=iso(1050))
    stored = room.boss.get(f"/shift-handovers/{signed['id']}").json()
    assert stored == signed
    draft = room.boss.get("/shift-handovers/draft").json()
    assert draft["handover"] == signed and draft["summary"]["counts"]["received"] == 4

    # One handover per room and shift, refused in words.
    again = sign_out(room.next_boss)
    body = assert_refusal(again, 409, "conflict")
    assert "already handed over by Кузнецов Дмитрий at 26.11.2026 12:16" in body["message"]
    assert room.boss.get("/shift-handovers").json() == [signed]

    # The journal keeps the signature and the hash; the summary's bulk stays in its table.
    [row] = [c for c in room.admin.changes() if c["entity"] == "shift_handover"]
    assert (row["kind"], row["entity_id"], row["room"], row["actor_name"]) == (
        "shift_handover.signed_out", signed["id"], "main", "Кузнецов Дмитрий")
    assert row["after"]["content_hash"] == signed["content_hash"]
    assert "summary" not in row["after"]


def test_the_incoming_supervisor_signs_and_takes_the_claims_still_held(room: Room) -> None:
    signed = sign_out(room.boss).json()
    ids = room.ids
    # After the freeze: Sergey lets B go and Anna takes it; Sergey registers F.
    room.clock.at(1200)
    assert room.sergey.release(ids["B"]).status_code == 200
    room.clock.at(1250)
    assert room.anna.claim(ids["B"]).status_code == 200
    room.clock.at(1300)
    f = room.sergey.register(type_code="gas_smell", received_at=iso(1290))["incident"]["id"]

    room.clock.at(1400)
    same = sign_in(room.boss, signed["id"])
    assert "outgoing supervisor" in assert_refusal(same, 403, "forbidden")["message"]
    wrong = sign_in(room.next_boss, signed["id"], password="demo-2019")
    assert_refusal(wrong, 403, "wrong_password")
    assert holder(room.anna, ids["A"])[0] == "Иванова Анна"  # nothing moved

    room.clock.at(1500)
    once = mid()
    r = sign_in(room.next_boss, signed["id"], mutation_id=once)
    assert r.status_code == 200, r.text
    accepted = r.json()
    assert (accepted["incoming_id"], accepted["incoming_name"],
            accepted["incoming_signed_at"]) == (room.next_boss.id, "Орлова Марина",
                                                "2026-11-26T05:25:00Z")
    assert accepted["content_hash"] == signed["content_hash"]
    assert accepted["summary"] == signed["summary"] and accepted["version"] == 2
    # A was still Anna's: it passes, with a fresh lease. B changed hands after the freeze
    # and F was never in the summary: both stay put.
    assert accepted["claims_passed"] == [{"incident_id": ids["A"], "number": room.numbers["A"],
                                          "from_id": room.anna.id, "from_name": "Иванова Анна"}]
    assert holder(room.anna, ids["A"]) == ("Орлова Марина", "2026-11-26T07:25:00Z")
    assert holder(room.anna, ids["B"])[0] == "Иванова Анна"
    assert holder(room.anna, f)[0] == "Петров Сергей"

    # The journal names both: who had it, who has it now, per incident.
    moved = [c for c in room.admin.changes() if c["kind"] == "claim.transferred"]
    assert [(c["entity_id"], c["before"]["claim_holder_name"], c["after"]["claim_holder_name"],
             c["actor_name"]) for c in moved] == [
        (ids["A"], "Иванова Анна", "Орлова Марина", "Орлова Марина")]
    kinds = [c["kind"] for c in room.admin.changes() if c["entity"] == "shift_handover"]
    assert kinds == ["shift_handover.signed_out", "shift_handover.signed_in"]

    # The same signature sent again (a lost answer) changes nothing; a new one is refused.
    assert sign_in(room.next_boss, signed["id"], mutation_id=once).json() == accepted
    later = sign_in(room.next_boss, signed["id"])
    assert "already accepted by Орлова Марина" in assert_refusal(later, 409)["message"]
    assert room.boss.get("/shift-handovers", params={"limit": 5}).json() == [
        {k: v for k, v in accepted.items() if k != "claims_passed"}]


def test_a_signature_is_the_room_supervisors_and_made_now(room: Room) -> None:
    assert_refusal(room.anna.post("/shift-handovers", {
        "mutation_id": mid(), "room": "main", "notes": "", "password": DEMO_PASSWORD}), 403)
    assert_refusal(room.admin.post("/shift-handovers", {
        "mutation_id": mid(), "room": "zhkh", "notes": "", "password": DEMO_PASSWORD}), 403)
    assert_refusal(room.boss.post("/shift-handovers", {
        "mutation_id": mid(), "room": "zhkh", "notes": "", "password": DEMO_PASSWORD}), 403)
    offline = sign_out(room.boss, recorded_at=iso(900))
    assert "recorded offline" in assert_refusal(offline, 422)["message"]
    assert_refusal(sign_in(room.next_boss, 999_999), 404)


def test_a_shift_signed_after_its_end_is_the_one_that_ended(db_url: str) -> None:
    """08:30: the night shift is still the one to hand over; once it is, the day's is due."""
    with own_service(db_url) as svc:
        clock = Clock()
        clock.now = datetime(2026, 11, 26, 1, 30, tzinfo=UTC)  # 08:30 in the city
        svc.app.state.ctx.clock = clock
        boss = login(svc.url, "supervisor")
        draft = boss.get("/shift-handovers/draft").json()
        assert draft["summary"]["shift"]["label"] == "2026-11-25 20:00–08:00"
        signed = sign_out(boss)
        assert signed.status_code == 201, signed.text
        assert (signed.json()["shift_start"], signed.json()["shift_end"]) == (
            "2026-11-25T13:00:00Z", "2026-11-26T01:00:00Z")
        after = boss.get("/shift-handovers/draft").json()
        assert after["summary"]["shift"]["label"] == "2026-11-26 08:00–20:00"
        assert after["handover"] is None
