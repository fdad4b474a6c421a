from datetime import UTC, datetime, timedelta

import pytest

from app.domain.duplicates import (
    NEARBY,
    SAME_CATEGORY,
    SAME_PHONE,
    SAME_TYPE,
    Candidate,
    Existing,
    Match,
    distance_m,
    find_duplicates,
)
from app.domain.enums import Status

LAT, LON = 53.69, 88.06  # Mezhdurechensk, near the confluence
M_PER_DEG_LAT = 111_195.08  # mean Earth radius 6371008.8 m × π / 180
NOW = datetime(2026, 11, 26, 3, 0, tzinfo=UTC)
PHONE = "+79131234567"


def north(metres: float) -> float:
    return LAT + metres / M_PER_DEG_LAT


def existing(
    id,
    metres=0.0,
    minutes_ago=0,
    type_code="water_main",
    category="utilities",
    status=Status.REGISTERED,
    phones=(),
    lat=None,
    lon=LON,
) -> Existing:
    return Existing(
        id=id,
        lat=north(metres) if lat is None else lat,
        lon=lon,
        received_at=NOW - timedelta(minutes=minutes_ago),
        type_code=type_code,
        category=category,
        status=status,
        phones=phones,
    )


LEAK = Candidate(LAT, LON, NOW, "water_main", "utilities")


def test_distance_m():
    assert distance_m(LAT, LON, LAT, LON) == 0
    # 0.01° of latitude = 1111.95 m anywhere
    assert distance_m(LAT, LON, LAT + 0.01, LON) == pytest.approx(1111.9508, rel=1e-6)
    # 0.01° of longitude at 53.69° N: 1111.9508 × cos 53.69° = 658.446 m
    assert distance_m(LAT, LON, LAT, LON + 0.01) == pytest.approx(658.446, rel=1e-5)
    assert distance_m(LAT, LON, 53.75, 88.12) == distance_m(53.75, 88.12, LAT, LON)


def test_same_type_nearby_scores_by_distance_and_time():
    [m] = find_duplicates(LEAK, [existing(1, metres=50, minutes_ago=10)])
    assert m.incident_id == 1
    assert m.reasons == (NEARBY, SAME_TYPE)
    assert m.distance_m == pytest.approx(50, rel=1e-6)
    # distance 1 - 50/200 = 0.75, time 1 - 10/720 = 0.98611
    # 1.0 (same type) × (0.6 × 0.75 + 0.4 × 0.98611) = 0.45 + 0.39444 = 0.84444
    assert m.score == pytest.approx(0.844444, abs=1e-6)


def test_identical_report_scores_one_and_same_category_less():
    [same] = find_duplicates(LEAK, [existing(1)])
    assert same.score == 1.0
    [cat] = find_duplicates(LEAK, [existing(2, type_code="no_water")])
    assert cat.reasons == (NEARBY, SAME_CATEGORY)
    assert cat.score == pytest.approx(0.7)  # category weight × (0.6 + 0.4)


def test_nearby_but_a_different_kind_of_event_is_not_a_duplicate():
    fire_next_door = existing(1, metres=10, type_code="fire", category="fire")
    assert find_duplicates(LEAK, [fire_next_door]) == []


def test_radius_is_inclusive_and_sharp():
    assert [m.incident_id for m in find_duplicates(LEAK, [existing(1, metres=199)])] == [1]
    assert find_duplicates(LEAK, [existing(1, metres=201)]) == []
    assert find_duplicates(LEAK, [existing(1, metres=350)], radius_m=400)[0].incident_id == 1


def test_the_same_phone_matches_without_coordinates():
    caller = Candidate(None, None, NOW, phone=PHONE)  # nothing else known yet
    [m] = find_duplicates(caller, [existing(7, metres=5000, minutes_ago=120, phones=(PHONE,))])
    assert m == Match(7, pytest.approx(0.933333, abs=1e-6), None, (SAME_PHONE,))
    # 0.6 + 0.4 × (1 - 120/720) = 0.6 + 0.33333


def test_phone_window_edges():
    caller = Candidate(None, None, NOW, phone=PHONE)
    at_edge = existing(1, minutes_ago=720, phones=(PHONE,))
    too_old = Existing(
        2,
        LAT,
        LON,
        NOW - timedelta(hours=12, seconds=1),
        "water_main",
        "utilities",
        Status.REGISTERED,
        (PHONE,),
    )
    [m] = find_duplicates(caller, [at_edge, too_old])
    assert (m.incident_id, m.score) == (1, 0.6)  # freshness 0 at the window's edge


def test_phone_and_place_together_are_surer_than_either():
    both = existing(1, metres=100, minutes_ago=180, phones=(PHONE,))
    [m] = find_duplicates(Candidate(LAT, LON, NOW, "water_main", "utilities", PHONE), [both])
    assert m.reasons == (SAME_PHONE, NEARBY, SAME_TYPE)
    # time 1 - 180/720 = 0.75; phone 0.6 + 0.4 × 0.75 = 0.9
    # place 0.6 × (1 - 100/200) + 0.4 × 0.75 = 0.6; together 1 - 0.1 × 0.4 = 0.96
    assert m.score == pytest.approx(0.96, abs=1e-6)


def test_only_open_or_resolved_incidents_are_offered_best_first():
    queue = [
        existing(11, metres=150, minutes_ago=60),  # 0.6×0.25 + 0.4×0.91667 = 0.51667
        existing(12, metres=20, minutes_ago=30),  # 0.6×0.9 + 0.4×0.95833 = 0.92333
        existing(13, metres=20, minutes_ago=30, type_code="no_water"),  # 0.7 × 0.92333
        existing(14, metres=10, type_code="fire", category="fire"),
        existing(15, status=Status.CLOSED),
        existing(16, metres=20, minutes_ago=13 * 60),  # outside the 12 h window
        existing(17, metres=20, minutes_ago=30, status=Status.RESOLVED),  # ties with 12
        existing(18, status=Status.MERGED),
        existing(19, status=Status.CANCELLED),
    ]
    found = find_duplicates(LEAK, queue)
    assert [m.incident_id for m in found] == [12, 17, 13, 11]
    assert [m.score for m in found] == pytest.approx(
        [0.923333, 0.923333, 0.646333, 0.516667], abs=1e-6
    )


def test_incomplete_candidates():
    near = existing(1, metres=30, phones=(PHONE,))
    # coordinates alone say nothing about what happened
    assert find_duplicates(Candidate(LAT, LON, NOW), [near]) == []
    # a type without a place cannot be matched by place
    assert find_duplicates(Candidate(None, None, NOW, type_code="water_main"), [near]) == []
    # half a coordinate is no coordinate
    assert find_duplicates(Candidate(LAT, None, NOW, "water_main", "utilities"), [near]) == []
    # an existing incident not located yet cannot be near anything
    unlocated = Existing(2, None, None, NOW, "water_main", "utilities", Status.NEW)
    assert find_duplicates(LEAK, [unlocated]) == []
    # type and coordinates are enough
    assert [
        m.incident_id for m in find_duplicates(Candidate(LAT, LON, NOW, "water_main"), [near])
    ] == [1]


def test_time_apart_counts_both_ways():
    # a report recorded offline may carry a time before the incident it duplicates
    later = existing(1, minutes_ago=-60)
    earlier = existing(2, minutes_ago=60)
    a, b = find_duplicates(LEAK, [later, earlier])
    assert a.score == b.score


def test_bad_parameters():
    with pytest.raises(ValueError):
        find_duplicates(LEAK, [], radius_m=-1)
    with pytest.raises(ValueError):
        find_duplicates(LEAK, [], window=timedelta(0))
