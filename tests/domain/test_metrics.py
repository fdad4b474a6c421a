"""Ten incidents on the 26 Nov 2026 day shift, stamps written out, expectations by hand.

All times are seconds after T0 = 08:00 city (01:00 UTC); "now" is 12:00 city = s(14400).
"""

from datetime import UTC, datetime, timedelta

import pytest

from app.domain.catalog import IncidentType, Norms
from app.domain.enums import Priority, Status
from app.domain.facts import HandoverFacts, IncidentFacts
from app.domain.metrics import (
    Compliance,
    Kpis,
    ServiceLoad,
    attention,
    compliance,
    kpis,
    load_by_service,
    overdue_by_kind,
    per_hour_by_category,
    percentile,
    shift_stats,
    trend,
)
from app.domain.norms import NormKind
from app.domain.shifts import ShiftCalendar

K = NormKind
T0 = datetime(2026, 11, 26, 1, 0, tzinfo=UTC)


def s(seconds: int) -> datetime:
    return T0 + timedelta(seconds=seconds)


NOW = s(14_400)

TYPES = {
    "water_main": IncidentType(
        "water_main",
        "utilities",
        "Порыв водопровода",
        "Water main burst",
        priority=Priority.HIGH,
        norms=Norms(
            registration=120, handover=300, acknowledgement=30, arrival=3600, resolution=None
        ),
    ),
    "fire": IncidentType(
        "fire",
        "fire",
        "Пожар",
        "Fire",
        priority=Priority.CRITICAL,
        norms=Norms(registration=60, handover=60, acknowledgement=30, arrival=600, resolution=None),
    ),
    "consult": IncidentType(
        "consult",
        "info",
        "Консультация",
        "Consultation",
        priority=Priority.LOW,
        norms=Norms(
            registration=300, handover=None, acknowledgement=30, arrival=None, resolution=600
        ),
    ),
}  # "retired" is deliberately missing: measured against the default Norms()


def inc(
    id, type_code, status, received, registered=None, *, resolved=None, closed=None, handovers=()
) -> IncidentFacts:
    t = TYPES.get(type_code)
    return IncidentFacts(
        id=id,
        type_code=type_code,
        category=t.category if t else "other",
        priority=t.priority if t else Priority.NORMAL,
        status=status,
        room="main",
        received_at=s(received),
        registered_at=None if registered is None else s(registered),
        resolved_at=None if resolved is None else s(resolved),
        closed_at=None if closed is None else s(closed),
        handovers=handovers,
    )


def ho(service, handed, ack=None, crew=None, scene=None, done=None, recalled=None):
    def at(x):
        return None if x is None else s(x)

    return HandoverFacts(service, s(handed), at(ack), at(crew), at(scene), at(done), at(recalled))


SI = Status
# One incident per entry reads better than one value per line.
# fmt: off
INCIDENTS = [
    # registration 60, handover 180, ack 20, arrival 1560: all within norms
    inc(1, "water_main", SI.IN_PROGRESS, 600, 660,
        handovers=(ho("water", 840, ack=860, crew=900, scene=2400),)),
    # critical; ambulance never acknowledged, nobody on scene: late now on both counts
    inc(2, "fire", SI.DISPATCHED, 3600, 3650,
        handovers=(ho("fire", 3700, ack=3710, crew=3720), ho("ambulance", 3700))),
    # still new 400 s after arrival (norm 120): late now
    inc(3, "water_main", SI.NEW, 14_000),
    # closed consultation: registration exactly 300 = norm, resolution 400 ≤ 600
    inc(4, "consult", SI.CLOSED, 1200, 1500, resolved=1600, closed=1700),
    # registered late (300 > 120) and waiting 2100 s for a hand-over (norm 300): late now
    inc(5, "water_main", SI.REGISTERED, 12_000, 12_300),
    # resolved fire: handover 70 > 60 is a breach, not overdue now
    inc(6, "fire", SI.RESOLVED, 5000, 5030, resolved=7000,
        handovers=(ho("fire", 5100, ack=5120, scene=5500, done=7000),)),
    # cancelled before any hand-over: never overdue
    inc(7, "water_main", SI.CANCELLED, 2000, 2100),
    # critical, everything on time; police recalled before acknowledging
    inc(8, "fire", SI.IN_PROGRESS, 13_000, 13_040,
        handovers=(ho("fire", 13_080, ack=13_100, scene=13_400),
                   ho("police", 13_090, recalled=13_200))),
    # received during the previous (night) shift
    inc(9, "water_main", SI.CLOSED, -600, -500, resolved=-100, closed=0),
    # unknown type: default norms; waiting for hand-over exactly 300 s = norm: not late yet
    inc(10, "retired", SI.REGISTERED, 14_000, 14_100),
]
# fmt: on


def test_kpis():
    assert kpis(INCIDENTS, TYPES, NOW) == Kpis(
        open=6,  # 1, 2, 3, 5, 8, 10
        critical=2,  # 2 and 8 (6 is resolved)
        overdue=3,  # 2 (ack, arrival), 3 (registration), 5 (handover)
        awaiting_ack=1,  # 2's ambulance; 8's police was recalled
        registered_last_hour=3,  # after s(10800): 5 at 12300, 8 at 13040, 10 at 14100
    )


def test_kpis_one_second_later_the_unknown_type_turns_overdue():
    assert kpis(INCIDENTS, TYPES, NOW + timedelta(seconds=1)).overdue == 4


def test_registered_last_hour_is_the_hour_up_to_now():
    edge = [
        inc(21, "consult", SI.CLOSED, 10_700, 10_800),  # exactly now - 1 h: the hour before
        inc(22, "consult", SI.CLOSED, 10_700, 10_801),  # one second inside
        inc(23, "consult", SI.REGISTERED, 14_400, 14_400),  # exactly now
        inc(24, "consult", SI.REGISTERED, 14_400, 14_401),  # not yet
    ]
    assert kpis(edge, TYPES, NOW).registered_last_hour == 2  # 22 and 23


def test_kpis_of_nothing():
    assert kpis([], TYPES, NOW) == Kpis(0, 0, 0, 0, 0)


def test_load_by_service():
    assert load_by_service(INCIDENTS, TYPES, NOW) == {
        # 2's ambulance: not acknowledged 10700 s after hand-over (norm 30)
        "ambulance": ServiceLoad(open=1, overdue=1),
        # 2's fire crew not on scene 10700 s after hand-over (norm 600); 8's is on scene.
        # 6's fire hand-over is done and 6 resolved: not counted
        "fire": ServiceLoad(open=2, overdue=1),
        "water": ServiceLoad(open=1, overdue=0),  # 1: acknowledged and on scene
    }  # police: recalled, so absent
    assert list(load_by_service(INCIDENTS, TYPES, NOW)) == ["ambulance", "fire", "water"]


def test_per_hour_by_category():
    # hours from 08:00 city: [0, 3600) [3600, 7200) [7200, 10800) [10800, 14400)
    assert per_hour_by_category(INCIDENTS, T0, NOW) == {
        "fire": [0, 2, 0, 1],  # 2 at exactly 3600 opens hour 2; 6 at 5000; 8 at 13000
        "info": [1, 0, 0, 0],  # 4 at 1200
        "other": [0, 0, 0, 1],  # 10 at 14000
        "utilities": [2, 0, 0, 2],  # 1 at 600, 7 at 2000; 5 at 12000, 3 at 14000 (9 before)
    }


def test_per_hour_end_is_exclusive_and_last_bucket_may_be_short():
    # to s(14000): 3.9 hours → 4 buckets; 3 and 10 at exactly 14000 are left out
    assert per_hour_by_category(INCIDENTS, T0, s(14_000)) == {
        "fire": [0, 2, 0, 1],
        "info": [1, 0, 0, 0],
        "utilities": [2, 0, 0, 1],
    }
    with pytest.raises(ValueError, match="end after it starts"):
        per_hour_by_category(INCIDENTS, T0, T0)


def test_shift_stats():
    day = ShiftCalendar().shift_at(T0)
    st = shift_stats(INCIDENTS, TYPES, day)
    assert st.shift.label == "2026-11-26 08:00–20:00"
    assert st.received == 9  # all but 9, received at 07:50
    # registration, done: 60, 50, 300, 300, 30, 100, 40, 100 (1, 2, 4, 5, 6, 7, 8, 10)
    # mean 980 / 8 = 122.5; p90 rank ceil(7.2) = 8 of [30 40 50 60 100 100 300 300] = 300
    assert st.register_mean == 122.5
    assert st.register_p90 == 300
    # handover, done: 180 (1), 50 (2), 70 (6), 40 (8); mean 340 / 4 = 85; p90 rank 4 → 180
    assert st.handover_mean == 85
    assert st.handover_p90 == 180
    assert st.compliance == {
        # norms 120, 60, 300, 120, 60, 120, 60, 120 (default): only 5 (300 > 120) is late
        # 7 of 8 = 0.875; p95 rank ceil(7.6) = 8, p98 rank ceil(7.84) = 8
        K.REGISTRATION: Compliance(8, 7, 0.875, 300, 300, 300, 122.5),
        # 6 took 70 against 60; the consultation has no hand-over norm (and no hand-over)
        K.HANDOVER: Compliance(4, 3, 0.75, 180, 180, 180, 85),
        # 20 (1), 10 (2 fire), 20 (6), 20 (8 fire); 2's ambulance is not done, police recalled
        # mean 70 / 4 = 17.5
        K.ACKNOWLEDGEMENT: Compliance(4, 4, 1.0, 20, 20, 20, 17.5),
        # 2400-840 = 1560 (1), 5500-5100 = 400 (6), 13400-13080 = 320 (8); mean 2280 / 3 = 760
        K.ARRIVAL: Compliance(3, 3, 1.0, 1560, 1560, 1560, 760),
        # only the consultation has a resolution norm: 1600-1200 = 400 ≤ 600.
        # 6 resolved in 2000 s but fire sets no resolution norm
        K.RESOLUTION: Compliance(1, 1, 1.0, 400, 400, 400, 400),
    }


def test_shift_stats_of_an_empty_shift():
    cal = ShiftCalendar()
    evening = cal.next(cal.shift_at(T0))  # 20:00–08:00: everything above came earlier
    st = shift_stats(INCIDENTS, TYPES, evening)
    assert st.received == 0
    assert st.register_mean is None and st.register_p90 is None
    assert st.compliance[K.REGISTRATION] == Compliance(0, 0, None, None, None, None, None)


WIKI = [15, 20, 35, 40, 50]  # the nearest-rank example of the Wikipedia article


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        (0, 15),  # rank clamps to 1
        (5, 15),  # ceil(0.25) = 1
        (30, 20),  # ceil(1.5) = 2
        (40, 20),  # ceil(2.0) = 2: an exact rank is not rounded up
        (50, 35),  # ceil(2.5) = 3
        (100, 50),
    ],
)
def test_percentile_nearest_rank(q, expected):
    assert percentile(WIKI, q) == expected
    assert percentile(list(reversed(WIKI)), q) == expected  # order of input is irrelevant


def test_percentile_on_1_to_100_and_on_ten_values():
    hundred = list(range(1, 101))
    assert [percentile(hundred, q) for q in (90, 95, 98)] == [90, 95, 98]
    ten = list(range(1, 11))
    assert percentile(ten, 90) == 9  # rank 9 exactly
    assert percentile(ten, 95) == 10  # rank ceil(9.5) = 10, never an interpolated 9.5


def test_percentile_edge_cases():
    assert percentile([], 90) is None
    assert percentile([7.5], 90) == 7.5
    for q in (-1, 100.1):
        with pytest.raises(ValueError, match="between 0 and 100"):
            percentile(WIKI, q)


def test_compliance():
    # 30 is exactly the norm and counts as within: 3 of 4
    c = compliance([10, 20, 30, 40], 30)
    assert c == Compliance(count=4, within=3, share=0.75, p90=40, p95=40, p98=40, mean=25)


def test_compliance_system_112_answer_norm():
    # 98% within 20 s: 49 calls of 10 s and one of 25 s is exactly 98%
    c = compliance([10] * 49 + [25], 20)
    assert (c.within, c.share) == (49, 0.98)
    assert c.p98 == 10  # rank ceil(49.0) = 49 is still a 10 s call
    assert c.mean == 10.3  # (490 + 25) / 50


def test_compliance_without_norm_or_values():
    assert compliance([5, 15], None) == Compliance(2, None, None, 15, 15, 15, 10)
    assert compliance([], 30) == Compliance(0, 0, None, None, None, None, None)


# -- the wall ------------------------------------------------------------------------------


def test_overdue_by_kind():
    assert overdue_by_kind(INCIDENTS, TYPES, NOW) == {
        K.REGISTRATION: 1,  # 3: new for 400 s against 120
        K.HANDOVER: 1,  # 5: waiting 2100 s against 300 (10 is at exactly its 300)
        K.ACKNOWLEDGEMENT: 1,  # 2's ambulance
        K.ARRIVAL: 1,  # 2: fire handed over at 3700, nobody on scene, norm 600
        K.RESOLUTION: 0,  # only the consultation sets one, and it is closed
    }


def test_overdue_by_kind_counts_an_incident_once_per_kind():
    two_late = inc(31, "fire", SI.DISPATCHED, 14_000, 14_010,
                   handovers=(ho("fire", 14_020), ho("ambulance", 14_020)))
    assert overdue_by_kind([two_late], TYPES, NOW)[K.ACKNOWLEDGEMENT] == 1


def test_attention_lists_critical_and_overdue_most_urgent_first():
    got = attention(INCIDENTS, TYPES, NOW)
    # critical: 2 (overdue) before 8 (on time); then the overdue rest by how late:
    # 5 waits for a hand-over 14400 - 12600 = 1800 s past its norm, 3 is 14400 - 14120 = 280 late.
    # 1 and 10 are open and on time, not critical: not listed.
    assert [a.facts.id for a in got] == [2, 8, 5, 3]
    assert [a.critical for a in got] == [True, True, False, False]
    # 2: ambulance's acknowledgement was due at 3730, the fire crew's arrival at 4300
    assert {(o.kind, o.service) for o in got[0].overdue} == {
        (K.ACKNOWLEDGEMENT, "ambulance"), (K.ARRIVAL, None)}
    assert got[0].late_by == timedelta(seconds=14_400 - 3730)
    assert got[1].overdue == () and got[1].late_by == timedelta(0)
    assert got[2].late_by == timedelta(seconds=1800)


def test_attention_ties_go_to_the_oldest():
    a = inc(41, "water_main", SI.NEW, 14_000)  # both 280 s late on registration
    b = inc(42, "water_main", SI.NEW, 14_000)
    c = inc(43, "water_main", SI.NEW, 13_900)  # 380 s late
    assert [x.facts.id for x in attention([b, a, c], TYPES, NOW)] == [43, 41, 42]


def test_trend_on_whole_hours_with_a_ghost():
    # NOW is 12:00 city, on the hour: four hours are 09, 10, 11 and the 12 o'clock hour,
    # [3600, 7200) [7200, 10800) [10800, 14400) [14400, 18000) in seconds from 08:00.
    t = trend(INCIDENTS, NOW, hours=4, ghost_offset=timedelta(hours=1))
    assert (t.start, t.hours) == (s(3600), 4)
    assert t.current == {
        "fire": [2, 0, 1, 0],  # 2 at 3600, 6 at 5000; 8 at 13000
        "info": [0, 0, 0, 0],  # 4 at 1200 is before the window; zero-filled for the ghost
        "other": [0, 0, 1, 0],  # 10 at 14000
        "utilities": [0, 0, 2, 0],  # 5 at 12000, 3 at 14000
    }
    # an hour earlier: [0, 3600) ... [10800, 14400), cut at NOW - 1 h = 10800
    assert t.ghost == {
        "fire": [0, 2, 0, 0],  # 2 at 3600, 6 at 5000
        "info": [1, 0, 0, 0],  # 4 at 1200
        "other": [0, 0, 0, 0],  # 10 at 14000 is after the cut
        "utilities": [2, 0, 0, 0],  # 1 at 600, 7 at 2000; 5 at 12000 is after the cut
    }


def test_trend_current_hour_counts_up_to_now_only():
    later = NOW + timedelta(minutes=30)  # 12:30: the last bucket is 12:00..12:30
    late_arrival = inc(51, "fire", SI.NEW, 14_400 + 1900)  # 12:31:40, after "now"
    t = trend([*INCIDENTS, late_arrival], later, hours=2, ghost_offset=timedelta(hours=1))
    assert t.start == s(10_800)
    assert t.current["fire"] == [1, 0]  # 8 at 13000; 51 is after now
    # ghost: [7200, 10800) and [10800, 12600) (cut at 12:30 - 1 h = 11:30)
    assert t.ghost["utilities"] == [0, 1]  # 5 at 12000; 3 at 14000 is past the cut
    with pytest.raises(ValueError, match="at least one hour"):
        trend(INCIDENTS, NOW, hours=0)


def test_shift_stats_p90_p95_p98_apart():
    # Twenty registrations taking 10, 20 … 200 s against 120: 12 within (0.6). Nearest rank
    # of 20: p90 ceil(18) = 18th = 180, p95 ceil(19) = 19th = 190, p98 ceil(19.6) = 20th =
    # 200; mean 2100 / 20 = 105.
    twenty = [inc(100 + i, "water_main", SI.REGISTERED, 60 * i, 60 * i + 10 * i)
              for i in range(1, 21)]
    st = shift_stats(twenty, TYPES, ShiftCalendar().shift_at(T0))
    assert st.compliance[K.REGISTRATION] == Compliance(20, 12, 0.6, 180, 190, 200, 105)
