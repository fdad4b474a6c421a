"""Four incidents received at T0 = 08:00 city on 20 Nov 2026, stamps written out, every
expected number worked out by hand beside it.

Norms: ``fire`` registers in 60 s, hands over in 120 s, resolves in 3600 s; ``leak``
registers in 120 s, hands over in 300 s, sets no resolution norm. Percentiles are nearest
rank: p90 of n values is the value at rank ceil(0.9 n) of the sorted ones.

| #  | type | source     | district    | registered | handed over        | resolved |
|----|------|------------|-------------|------------|--------------------|----------|
| 1  | fire | phone      | Западный    | +30        | fire +90, amb +200 | +1800    |
| 2  | fire | 112        | Западный    | +100       | fire +400          | +4000    |
| 3  | leak | mobile_app | (none)      | +150       | water +250         | —        |
| 4  | leak | phone      | Центральный | +120       | —                  | —        |

Durations: register = registered; hand over = first hand-over − registered
(1: 90−30 = 60, 2: 400−100 = 300, 3: 250−150 = 100, 4: not done); resolve = resolved.
"""

from datetime import UTC, datetime, timedelta

import pytest

from app.domain.catalog import IncidentType, Norms
from app.domain.enums import Priority, Status
from app.domain.facts import HandoverFacts, IncidentFacts
from app.domain.reports import NONE, Grouping, ReportIncident, Timing, report

T0 = datetime(2026, 11, 20, 1, 0, tzinfo=UTC)  # 08:00 city


def s(seconds: int) -> datetime:
    return T0 + timedelta(seconds=seconds)


TYPES = {
    "fire": IncidentType("fire", "fire", "Пожар", "Fire",
                         norms=Norms(registration=60, handover=120, resolution=3600)),
    "leak": IncidentType("leak", "utilities", "Течь", "Leak",
                         norms=Norms(registration=120, handover=300, resolution=None)),
}


def incident(id_: int, type_code: str, status: Status, registered: int,
             handovers: dict[str, int], resolved: int | None) -> IncidentFacts:
    return IncidentFacts(
        id=id_, type_code=type_code, category=TYPES[type_code].category, priority=Priority.NORMAL,
        status=status, room="main", received_at=T0, registered_at=s(registered),
        resolved_at=s(resolved) if resolved is not None else None,
        handovers=tuple(HandoverFacts(service, s(at)) for service, at in handovers.items()))


ITEMS = [
    ReportIncident(incident(1, "fire", Status.CLOSED, 30, {"fire": 90, "ambulance": 200}, 1800),
                   source="phone", district="Западный"),
    ReportIncident(incident(2, "fire", Status.RESOLVED, 100, {"fire": 400}, 4000),
                   source="112", district="Западный"),
    ReportIncident(incident(3, "leak", Status.DISPATCHED, 150, {"water": 250}, None),
                   source="mobile_app", district=None),
    ReportIncident(incident(4, "leak", Status.CANCELLED, 120, {}, None),
                   source="phone", district="Центральный"),
]
NOTHING = Timing(count=0, mean=None, p90=None, within_norm=None)


def rows(by: Grouping) -> dict[str, tuple]:
    r = report(ITEMS, TYPES, by)
    return {row.group: (row.count, row.registration, row.handover, row.resolution)
            for row in r.rows}


def test_by_type() -> None:
    r = report(ITEMS, TYPES, Grouping.TYPE)
    assert [row.group for row in r.rows] == ["fire", "leak"]  # 2 each: then by code
    assert rows(Grouping.TYPE) == {
        # register 30, 100: mean 65, p90 rank ceil(1.8) = 2 → 100; 30 ≤ 60, 100 > 60 → 1/2
        # hand over 60, 300: mean 180, p90 300; 60 ≤ 120, 300 > 120 → 1/2
        # resolve 1800, 4000: mean 2900, p90 4000; 1800 ≤ 3600, 4000 > 3600 → 1/2
        "fire": (2, Timing(2, 65.0, 100.0, 0.5), Timing(2, 180.0, 300.0, 0.5),
                 Timing(2, 2900.0, 4000.0, 0.5)),
        # register 150, 120: mean 135, p90 150; 150 > 120, 120 ≤ 120 (the norm is on time)
        # hand over: #3 only, 100 ≤ 300; #4 never handed over. Resolve: neither resolved.
        "leak": (2, Timing(2, 135.0, 150.0, 0.5), Timing(1, 100.0, 100.0, 1.0), NOTHING),
    }


def test_total_counts_every_incident_once_with_its_own_types_norm() -> None:
    total = report(ITEMS, TYPES, Grouping.SERVICE).total
    assert total.group == NONE
    assert total.count == 4  # not 5, though #1 went to two services
    # register 30, 100, 150, 120: mean 400/4 = 100; p90 rank ceil(3.6) = 4 → 150;
    # within: fire 30 ≤ 60 yes, 100 no; leak 150 no, 120 yes → 2/4
    assert total.registration == Timing(4, 100.0, 150.0, 0.5)
    # hand over 60, 300, 100: mean 460/3; p90 rank ceil(2.7) = 3 → 300;
    # within: fire 60 ≤ 120 yes, 300 no; leak 100 ≤ 300 yes → 2/3
    assert total.handover == Timing(3, pytest.approx(460 / 3), 300.0, pytest.approx(2 / 3))
    # resolve 1800, 4000 (both fire): mean 2900, p90 4000, within 1/2
    assert total.resolution == Timing(2, 2900.0, 4000.0, 0.5)


def test_by_service_an_incident_counts_under_each_service_and_nobodys_last() -> None:
    r = report(ITEMS, TYPES, Grouping.SERVICE)
    # fire has #1, #2; the rest one each, by code; #4 (handed to nobody) last.
    assert [(row.group, row.count) for row in r.rows] == [
        ("fire", 2), ("ambulance", 1), ("water", 1), (NONE, 1)]
    got = rows(Grouping.SERVICE)
    assert got["fire"] == rows(Grouping.TYPE)["fire"]  # the same two incidents
    # #1: register 30 ≤ 60, hand over 60 ≤ 120, resolve 1800 ≤ 3600
    assert got["ambulance"] == (1, Timing(1, 30.0, 30.0, 1.0), Timing(1, 60.0, 60.0, 1.0),
                                Timing(1, 1800.0, 1800.0, 1.0))
    # #3: register 150 > 120, hand over 100 ≤ 300, not resolved
    assert got["water"] == (1, Timing(1, 150.0, 150.0, 0.0), Timing(1, 100.0, 100.0, 1.0),
                            NOTHING)
    # #4: register 120 = 120 on time, never handed over nor resolved
    assert got[NONE] == (1, Timing(1, 120.0, 120.0, 1.0), NOTHING, NOTHING)


def test_by_district() -> None:
    got = report(ITEMS, TYPES, Grouping.DISTRICT)
    assert [(row.group, row.count) for row in got.rows] == [
        ("Западный", 2), ("Центральный", 1), (NONE, 1)]
    assert rows(Grouping.DISTRICT)["Западный"] == rows(Grouping.TYPE)["fire"]  # #1 and #2


def test_by_source() -> None:
    r = report(ITEMS, TYPES, Grouping.SOURCE)
    assert [(row.group, row.count) for row in r.rows] == [
        ("phone", 2), ("112", 1), ("mobile_app", 1)]
    # phone is #1 and #4: register 30 (≤ 60), 120 (≤ 120): mean 75, p90 rank 2 → 120, 2/2;
    # hand over 60 only (#4 never), resolve 1800 only.
    assert rows(Grouping.SOURCE)["phone"] == (
        2, Timing(2, 75.0, 120.0, 1.0), Timing(1, 60.0, 60.0, 1.0),
        Timing(1, 1800.0, 1800.0, 1.0))


def test_a_service_handed_over_twice_is_one_incident_for_it_and_a_retired_type_has_defaults(
) -> None:
    # Handed to gas, recalled, handed to gas again: one incident for gas. Its type is gone
    # from the classifier, so the default norms apply: registration 120 s, 100 s keeps it.
    facts = IncidentFacts(
        id=5, type_code="retired", category="", priority=Priority.NORMAL,
        status=Status.CLOSED, room="main", received_at=T0, registered_at=s(100),
        handovers=(HandoverFacts("gas", s(200), recalled_at=s(300)),
                   HandoverFacts("gas", s(400))))
    r = report([ReportIncident(facts, source="phone")], TYPES, Grouping.SERVICE)
    assert [(row.group, row.count) for row in r.rows] == [("gas", 1)]
    assert r.rows[0].registration == Timing(1, 100.0, 100.0, 1.0)
    # hand over to the first one, recalled or not: 200 − 100 = 100 ≤ default 300
    assert r.rows[0].handover == Timing(1, 100.0, 100.0, 1.0)


def test_no_incidents_no_rows() -> None:
    r = report([], TYPES, Grouping.TYPE)
    assert r.rows == ()
    assert r.total == report([], TYPES, Grouping.DISTRICT).total
    assert r.total.count == 0 and r.total.registration == NOTHING
