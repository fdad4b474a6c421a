from datetime import UTC, datetime, timedelta

import pytest

from app.domain.catalog import Norms
from app.domain.enums import Priority, Status
from app.domain.facts import HandoverFacts, IncidentFacts
from app.domain.norms import (
    NormKind,
    Overdue,
    breaches,
    elapsed,
    handover_overdue,
    norm_seconds,
    running_overdue,
)

K = NormKind
T0 = datetime(2026, 11, 26, 3, 0, tzinfo=UTC)  # 10:00 in the city
NORMS = Norms(registration=120, handover=300, acknowledgement=30, arrival=1200, resolution=7200)


def t(seconds: int) -> datetime:
    return T0 + timedelta(seconds=seconds)


def sec(n: int) -> timedelta:
    return timedelta(seconds=n)


def incident(status=Status.IN_PROGRESS, **stamps) -> IncidentFacts:
    return IncidentFacts(
        id=1,
        type_code="gas_leak",
        category="gas",
        priority=Priority.CRITICAL,
        status=status,
        room="main",
        received_at=T0,
        **stamps,
    )


FIRE = HandoverFacts("fire", handed_over_at=t(200), acknowledged_at=t(220), on_scene_at=t(900))
GAS = HandoverFacts("gas", handed_over_at=t(260))  # not acknowledged yet
GAS_LEAK = incident(registered_at=t(90), handovers=(FIRE, GAS))
NOW = t(1000)


def test_norm_kinds_are_the_catalog_fields():
    norms = Norms(1, 2, 3, 4, 5)
    assert [norm_seconds(norms, k) for k in K] == [1, 2, 3, 4, 5]


def test_elapsed_per_step():
    assert elapsed(GAS_LEAK, K.REGISTRATION, NOW) == [sec(90)]
    assert elapsed(GAS_LEAK, K.HANDOVER, NOW) == [sec(110)]  # 200 - 90
    # fire acknowledged after 20 s; gas has been waiting 1000 - 260 = 740 s
    assert elapsed(GAS_LEAK, K.ACKNOWLEDGEMENT, NOW) == [sec(20), sec(740)]
    assert elapsed(GAS_LEAK, K.ARRIVAL, NOW) == [sec(700)]  # first hand-over 200 → on scene 900
    assert elapsed(GAS_LEAK, K.RESOLUTION, NOW) == [sec(1000)]  # still running


def test_what_is_late_now_and_what_was_late():
    # gas acknowledgement due at 260 + 30 = 290, now 1000: late by 710 s
    assert running_overdue(GAS_LEAK, NORMS, NOW) == [
        Overdue(K.ACKNOWLEDGEMENT, "gas", t(290), sec(710))
    ]
    # 90 ≤ 120, 110 ≤ 300, 20 ≤ 30, 700 ≤ 1200: nothing done late
    assert breaches(GAS_LEAK, NORMS) == []


def test_exactly_the_norm_is_on_time_one_second_more_is_late():
    new = incident(status=Status.NEW)
    assert running_overdue(new, NORMS, t(120)) == []
    assert running_overdue(new, NORMS, t(121)) == [Overdue(K.REGISTRATION, None, t(120), sec(1))]
    on_the_dot = incident(status=Status.REGISTERED, registered_at=t(120))
    assert breaches(on_the_dot, NORMS) == []


def test_breaches_report_each_late_step():
    late = incident(
        status=Status.RESOLVED,
        registered_at=t(150),  # 30 s over 120
        resolved_at=t(8000),  # 800 s over 7200
        handovers=(
            HandoverFacts(
                "gas",
                handed_over_at=t(500),
                acknowledged_at=t(545),
                on_scene_at=t(1600),
                resolved_at=t(7900),
            ),
        ),
    )
    assert breaches(late, NORMS) == [
        Overdue(K.REGISTRATION, None, t(120), sec(30)),
        Overdue(K.HANDOVER, None, t(450), sec(50)),  # 150 + 300 = 450, handed at 500
        Overdue(K.ACKNOWLEDGEMENT, "gas", t(530), sec(15)),  # 500 + 30, acknowledged 545
        # arrival 500 → 1600 is 1100 s, within 1200: not a breach
        Overdue(K.RESOLUTION, None, t(7200), sec(800)),
    ]
    assert running_overdue(late, NORMS, t(100_000)) == []


@pytest.mark.parametrize(
    "status", [Status.RESOLVED, Status.CLOSED, Status.CANCELLED, Status.MERGED]
)
def test_finished_incidents_are_never_running_overdue(status):
    stale = incident(status=status, handovers=(GAS,))  # not even registered, never acked
    assert running_overdue(stale, NORMS, t(100_000)) == []
    # nothing running, nothing done: no durations to count
    assert elapsed(stale, K.ACKNOWLEDGEMENT, t(100_000)) == []
    assert elapsed(stale, K.REGISTRATION, t(100_000)) == []


def test_recalled_hand_over_stops_its_clock():
    wrong = HandoverFacts("police", handed_over_at=t(200), recalled_at=t(215))
    inc = incident(status=Status.DISPATCHED, registered_at=t(90), handovers=(wrong,))
    assert elapsed(inc, K.ACKNOWLEDGEMENT, t(5000)) == []
    # nobody is on the way, so arrival is not running either; only registration → handover
    # is done and resolution (7200) not yet due at 5000
    assert running_overdue(inc, NORMS, t(5000)) == []


def test_no_norm_means_never_late():
    no_arrival = Norms(arrival=None, resolution=None)
    inc = incident(
        status=Status.IN_PROGRESS,
        registered_at=t(60),
        handovers=(HandoverFacts("water", handed_over_at=t(100), acknowledged_at=t(110)),),
    )
    assert running_overdue(inc, no_arrival, t(10 * 3600)) == []
    # the same incident with an arrival norm of 1200 s is late by 36000 - 100 - 1200 = 34700 s
    assert running_overdue(inc, NORMS, t(36_000)) == [
        Overdue(K.ARRIVAL, None, t(1300), sec(34_700)),
        Overdue(K.RESOLUTION, None, t(7200), sec(28_800)),  # 36000 - 7200
    ]


def test_each_service_answers_for_its_own_hand_over():
    # gas got it at 260: acknowledgement due 290, arrival due 260 + 1200 = 1460
    assert handover_overdue(GAS_LEAK, GAS, NORMS, NOW) == [
        Overdue(K.ACKNOWLEDGEMENT, "gas", t(290), sec(710))
    ]
    assert handover_overdue(GAS_LEAK, GAS, NORMS, t(1500)) == [
        Overdue(K.ACKNOWLEDGEMENT, "gas", t(290), sec(1210)),
        Overdue(K.ARRIVAL, "gas", t(1460), sec(40)),
    ]
    assert handover_overdue(GAS_LEAK, FIRE, NORMS, t(1500)) == []  # acknowledged, on scene
    closed = incident(status=Status.CLOSED, handovers=(GAS,))
    assert handover_overdue(closed, GAS, NORMS, t(1500)) == []


def test_naive_stamps_are_refused():
    with pytest.raises(ValueError, match="timezone-aware"):
        HandoverFacts("gas", handed_over_at=datetime(2026, 11, 26, 10, 0))
