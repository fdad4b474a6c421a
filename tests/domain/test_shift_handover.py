"""The shift handover's summary against a day worked out by hand.

The day shift of 26 Nov 2026, 08:00–20:00 city (01:00–13:00 UTC); times are seconds after
T0 = 08:00 city. The summary is made at 19:50 city = s(42_600), ten minutes before the end.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime, timedelta

from app.domain.catalog import IncidentType, Norms
from app.domain.enums import HandoverStage, Priority, Status
from app.domain.facts import HandoverFacts, IncidentFacts
from app.domain.shift_handover import (
    IncidentRecord,
    address_text,
    build_summary,
    claims_to_pass,
    content_hash,
    shift_to_hand_over,
    stage_of,
)
from app.domain.shifts import ShiftCalendar

T0 = datetime(2026, 11, 26, 1, 0, tzinfo=UTC)
CAL = ShiftCalendar()
SHIFT = CAL.shift_at(T0)


def s(seconds: int) -> datetime:
    return T0 + timedelta(seconds=seconds)


AS_OF = s(42_600)

TYPES = {
    "fire": IncidentType("fire", "fire", "Пожар", "Fire", priority=Priority.CRITICAL,
                         norms=Norms(registration=60, handover=60, acknowledgement=30,
                                     arrival=600, resolution=None)),
    "water": IncidentType("water", "utilities", "Прорыв водопровода", "Water main break",
                          priority=Priority.HIGH,
                          norms=Norms(registration=120, handover=300, acknowledgement=30,
                                      arrival=3600, resolution=14_400)),
}
ANNA, SERGEY = (2, "Иванова Анна"), (3, "Петров Сергей")


def record(i: int, type_code: str, priority: Priority, status: Status, received: int, *,
           room: str = "main", registered: int | None = None, closed: int | None = None,
           resolved: int | None = None, handovers: tuple[HandoverFacts, ...] = (),
           holder: tuple[int, str] | None = None, lease_until: int | None = None,
           **emergency: object) -> IncidentRecord:
    facts = IncidentFacts(
        id=i, type_code=type_code, category=TYPES[type_code].category, priority=priority,
        status=status, room=room, received_at=s(received),
        registered_at=None if registered is None else s(registered),
        resolved_at=None if resolved is None else s(resolved),
        closed_at=None if closed is None else s(closed), handovers=handovers)
    return IncidentRecord(
        facts, number=f"2026-000{i}", address=address_text("пр-т Строителей", str(i), None),
        claim_holder_id=holder[0] if holder else None,
        claim_holder_name=holder[1] if holder else None,
        claim_expires_at=None if lease_until is None else s(lease_until),
        **emergency)  # type: ignore[arg-type]


DAY = [
    # 101: fire, registered in 30 s, handed over in 60 s, acknowledged in 10 s, on scene
    # 510 s after the hand-over; resolved and closed within the shift.
    record(101, "fire", Priority.CRITICAL, Status.CLOSED, 100, registered=130, resolved=4000,
           closed=5000, handovers=(HandoverFacts("fire", s(190), acknowledged_at=s(200),
                                                 on_scene_at=s(700), resolved_at=s(4000)),)),
    # 102: water, registered in 150 s (norm 120), handed over in 250 s, acknowledged in
    # 60 s (norm 30), a crew on its way; Anna holds it; an emergency declared at s(2000).
    record(102, "water", Priority.HIGH, Status.IN_PROGRESS, 1000, registered=1150,
           handovers=(HandoverFacts("water", s(1400), acknowledged_at=s(1460),
                                    crew_dispatched_at=s(1500)),),
           holder=ANNA, lease_until=42_660, emergency_level="municipal",
           emergency_at=s(2000), emergency_report_due=s(3200)),
    # 103: registered in 100 s, nobody handed it over yet; Anna's lease ran out.
    record(103, "water", Priority.NORMAL, Status.REGISTERED, 2000, registered=2100,
           holder=ANNA, lease_until=42_590),
    # 104: from the night shift (07:00), resolved, waiting to be closed; Sergey holds it.
    record(104, "fire", Priority.CRITICAL, Status.RESOLVED, -3600, registered=-3540,
           resolved=-100, handovers=(HandoverFacts("fire", s(-3500), acknowledged_at=s(-3490),
                                                   on_scene_at=s(-3000),
                                                   resolved_at=s(-100)),),
           holder=SERGEY, lease_until=42_700),
    # 105: the housing room's, in an emergency since s(3600): listed city-wide.
    record(105, "water", Priority.HIGH, Status.REGISTERED, 3000, room="zhkh", registered=3050,
           emergency_level="local", emergency_at=s(3600), emergency_report_due=s(4800)),
    # 106: registered in 40 s, then cancelled.
    record(106, "fire", Priority.CRITICAL, Status.CANCELLED, 5000, registered=5040),
    # 107: from the citizens' app, not registered yet; its emergency was lifted.
    record(107, "water", Priority.NORMAL, Status.NEW, 6000, emergency_level="local",
           emergency_at=s(6100), emergency_lifted_at=s(7000)),
    # 109: yesterday's, closed at 08:03 today: closed in the shift, received before it.
    record(109, "water", Priority.NORMAL, Status.CLOSED, -50_000, registered=-49_900,
           closed=200),
]


def test_the_summary_of_the_day_worked_out_by_hand() -> None:
    summary = build_summary("main", SHIFT, AS_OF, DAY, TYPES)

    assert summary["room"] == "main"
    assert summary["shift"] == {"start": "2026-11-26T01:00:00+00:00",
                                "end": "2026-11-26T13:00:00+00:00",
                                "label": "2026-11-26 08:00–20:00"}
    assert summary["as_of"] == "2026-11-26T12:50:00+00:00"
    # Received in the shift: 101, 102, 103, 106, 107 (104 and 109 came before it, 105 is
    # the other room's). Closed in it: 101 and 109. Unfinished: 102, 103, 107 open and
    # 104 resolved.
    assert summary["counts"] == {"received": 5, "closed": 2, "open": 3, "resolved": 1}

    # Critical first, then the oldest.
    assert [i["number"] for i in summary["incidents"]] == [
        "2026-000104", "2026-000102", "2026-000103", "2026-000107"]
    first, second, third, fourth = summary["incidents"]
    assert first == {
        "id": 104, "number": "2026-000104", "type_code": "fire", "priority": 1,
        "status": "resolved", "address": "пр-т Строителей, 104",
        "received_at": "2026-11-26T00:00:00+00:00", "age_seconds": 42_600 + 3600,
        "handovers": [{"service": "fire", "stage": "resolved"}],
        "claim_holder_id": 3, "claim_holder_name": "Петров Сергей", "emergency_level": None}
    assert second["handovers"] == [{"service": "water", "stage": "crew_dispatched"}]
    assert (second["claim_holder_name"], second["emergency_level"]) == ("Иванова Анна",
                                                                         "municipal")
    assert second["age_seconds"] == 41_600
    assert (third["handovers"], third["claim_holder_id"]) == ([], None)  # the lease lapsed
    assert (fourth["status"], fourth["emergency_level"]) == ("new", None)  # lifted

    # Not lifted, city-wide, the latest declared first; 107's was lifted.
    assert summary["emergencies"] == [
        {"id": 105, "number": "2026-000105", "room": "zhkh", "type_code": "water",
         "level": "local", "address": "пр-т Строителей, 105",
         "declared_at": "2026-11-26T02:00:00+00:00", "report_due": "2026-11-26T02:20:00+00:00"},
        {"id": 102, "number": "2026-000102", "room": "main", "type_code": "water",
         "level": "municipal", "address": "пр-т Строителей, 102",
         "declared_at": "2026-11-26T01:33:20+00:00",
         "report_due": "2026-11-26T01:53:20+00:00"},
    ]

    by_norm = {c["norm"]: c for c in summary["compliance"]}
    assert list(by_norm) == ["registration", "handover", "acknowledgement", "arrival",
                             "resolution"]
    # Registration: 30 (≤60), 150 (>120), 100 (≤120), 40 (≤60); 107 not yet registered.
    # Nearest rank of four: p90 = rank ceil(3.6) = 4, p95 and p98 too → 150 s.
    assert by_norm["registration"] == {"norm": "registration", "count": 4, "within": 3,
                                       "share_pct": 75.0, "p90": 150.0, "p95": 150.0,
                                       "p98": 150.0}
    # Hand-over: 60 (≤60), 250 (≤300); 103 still waiting, 106 cancelled before one.
    assert by_norm["handover"] == {"norm": "handover", "count": 2, "within": 2,
                                   "share_pct": 100.0, "p90": 250.0, "p95": 250.0,
                                   "p98": 250.0}
    # Acknowledgement: 10 (≤30), 60 (>30): one of two.
    assert by_norm["acknowledgement"] == {"norm": "acknowledgement", "count": 2, "within": 1,
                                          "share_pct": 50.0, "p90": 60.0, "p95": 60.0,
                                          "p98": 60.0}
    # Arrival: 101's crew 510 s after the hand-over (≤600); 102's is still on its way.
    assert by_norm["arrival"] == {"norm": "arrival", "count": 1, "within": 1,
                                  "share_pct": 100.0, "p90": 510.0, "p95": 510.0,
                                  "p98": 510.0}
    # Resolution: only 101 resolved, and fires set no resolution norm.
    assert by_norm["resolution"] == {"norm": "resolution", "count": 0, "within": 0,
                                     "share_pct": None, "p90": None, "p95": None, "p98": None}

    # Live leases only, per holder in name order.
    assert summary["claims"] == [
        {"holder_id": 2, "holder_name": "Иванова Анна",
         "incidents": [{"id": 102, "number": "2026-000102"}]},
        {"holder_id": 3, "holder_name": "Петров Сергей",
         "incidents": [{"id": 104, "number": "2026-000104"}]},
    ]
    assert claims_to_pass(summary) == [(102, 2), (104, 3)]


def test_the_other_rooms_summary_holds_only_its_own_incidents_and_every_emergency() -> None:
    summary = build_summary("zhkh", SHIFT, AS_OF, DAY, TYPES)
    assert summary["counts"] == {"received": 1, "closed": 0, "open": 1, "resolved": 0}
    assert [i["id"] for i in summary["incidents"]] == [105]
    assert [e["id"] for e in summary["emergencies"]] == [105, 102]
    assert summary["claims"] == []


def test_the_hash_binds_the_summary_and_the_notes_in_one_spelling() -> None:
    # Worked out by hand: sorted keys, no spaces, UTF-8.
    expected = hashlib.sha256('{"notes":"Смена сдана","summary":{"a":1,"b":[2.5]}}'
                              .encode()).hexdigest()
    assert content_hash({"b": [2.5], "a": 1}, "Смена сдана") == expected
    assert content_hash({"a": 1, "b": [2.5]}, "Смена сдана.") != expected

    summary = build_summary("main", SHIFT, AS_OF, DAY, TYPES)
    stored = json.loads(json.dumps(summary))  # as a database's JSON column gives it back
    assert content_hash(stored, "notes") == content_hash(summary, "notes")


def test_a_handover_after_the_end_of_the_shift_is_of_the_shift_that_ended() -> None:
    night = CAL.shift_at(s(-1))  # 20:00–08:00
    assert night.label == "2026-11-25 20:00–08:00"
    # 08:30: the night shift is still to be handed over...
    assert shift_to_hand_over(CAL, s(1800), handed_over=()) == night
    # ...unless it has been;
    assert shift_to_hand_over(CAL, s(1800), handed_over={night.start}) == SHIFT
    # two hours into the day it is the day shift's turn, whatever happened to the night's.
    assert shift_to_hand_over(CAL, s(7200), handed_over=()) == SHIFT
    # Ten minutes before the end, the shift itself.
    assert shift_to_hand_over(CAL, AS_OF, handed_over=()) == SHIFT


def test_a_hand_overs_stage_is_its_furthest_stamp_unless_recalled() -> None:
    assert stage_of(HandoverFacts("gas", s(0))) is HandoverStage.HANDED_OVER
    assert stage_of(HandoverFacts("gas", s(0), on_scene_at=s(9))) is HandoverStage.ON_SCENE
    assert stage_of(HandoverFacts("gas", s(0), acknowledged_at=s(5),
                                  recalled_at=s(9))) is HandoverStage.RECALLED


def test_an_address_is_street_and_house_or_the_landmark() -> None:
    assert address_text("ул. Кузнецкая", "12", "у рынка") == "ул. Кузнецкая, 12"
    assert address_text("ул. Кузнецкая", None, None) == "ул. Кузнецкая"
    assert address_text(None, None, "у рынка") == "у рынка"
    assert address_text(None, None, None) == ""
