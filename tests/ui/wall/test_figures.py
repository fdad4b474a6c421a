"""The wall's figures: from the metrics module, worked out by hand for a small room, and
the same from the incremental source as from scratch on a big random one."""

from __future__ import annotations

import random
from datetime import timedelta

from app.domain.metrics import Kpis
from app.domain.norms import NormKind
from app.ui.wall.figures import WallSource, compute_figures
from tests.ui.factory import NOW, incident
from tests.ui.wall.data import PRESENCE, catalog, handover, room_store


def figures():
    store = room_store()
    return WallSource(store, catalog()).figures(NOW, PRESENCE)


def test_kpis_by_hand() -> None:
    f = figures()
    # open 1, 2, 3, 5; critical 1 and 3; overdue 2 (hand-over) and 3 (acknowledgement);
    # awaiting acknowledgement: 3's police; registered within the hour: 1, 2, 3, 4
    assert f.kpis == Kpis(open=4, critical=2, overdue=2, awaiting_ack=1, registered_last_hour=4)
    assert f.ack_late == 1
    assert f.late_by_kind[NormKind.HANDOVER] == 1


def test_shift_by_hand() -> None:
    s = figures().shift
    assert s.label == "2026-11-26 08:00–20:00"
    assert s.received == 5  # all but last week's
    # registration 30, 100, 30, 100 s: mean 65, p90 (rank 4 of 4) 100, all within norm
    assert (s.register.count, s.register.mean, s.register.p90) == (4, 65, 100)
    assert s.register.within == 1.0 and not s.register.below_target
    # hand-over 30 (1), 20 (3), 400 (4, norm 300): mean 150, p90 400, 2 of 3 within
    assert (s.handover.count, s.handover.mean, s.handover.p90) == (3, 150, 400)
    assert s.handover.within == 2 / 3 and s.handover.below_target
    assert s.register.norm == 120  # three water-main incidents to the others' one each


def test_load_lists_every_service_in_catalogue_order() -> None:
    load = {b.code: (b.name, b.open, b.overdue) for b in figures().load}
    assert list(load) == ["fire", "water", "police"]
    assert load == {"fire": ("Fire", 1, 0), "water": ("Water", 0, 0),
                    "police": ("Police", 1, 1)}


def test_exceptions_most_urgent_first_and_sensitive_masked() -> None:
    rows = figures().exceptions
    # critical first (3 is also late, 1 is not), then 2, late on its hand-over
    assert [r.number for r in rows] == ["2026-000003", "2026-000001", "2026-000002"]
    sensitive, fire, water = rows
    assert sensitive.masked and sensitive.type_name is None
    assert sensitive.place == "Западный"  # the district, not the house
    assert sensitive.ack_late and [(s.service, s.late_seconds) for s in sensitive.late] == [
        ("Police", 120)]  # handed over 150 s ago, norm 30
    assert fire.type_name == "Residential fire" and fire.place == "проспект Шахтёров, 12"
    assert fire.late == ()
    assert [(s.kind, s.late_seconds) for s in water.late] == [(NormKind.HANDOVER, 600)]
    assert water.received_at == NOW - timedelta(seconds=1000)


def test_trend_and_ghost_by_hand() -> None:
    f = figures()
    assert f.trend_start == NOW - timedelta(hours=23)  # NOW is on the hour
    series = {s.code: s for s in f.trends}
    assert sorted(series) == ["fire", "medical", "utilities"]
    # everything of today arrived in the hour before NOW: bucket 22; bucket 23 is empty
    assert series["utilities"].current[22] == 3 and sum(series["utilities"].current) == 3
    assert series["fire"].current[22] == 1 and series["medical"].current[22] == 1
    assert series["utilities"].ghost[22] == 1 and sum(series["utilities"].ghost) == 1
    assert series["medical"].name == "Life and health"


def test_people_at_the_desks_with_what_they_hold() -> None:
    people = figures().people
    assert [(p.name, p.holds) for p in people] == [("Петров Сергей", ("2026-000002",)),
                                                   ("Смирнова Анна", ())]  # not the wall


def test_incremental_source_matches_the_figures_from_scratch() -> None:
    rng = random.Random(5)
    types = ("water_main_break", "fire_residential", "suicide_threat")
    statuses = ("new", "registered", "dispatched", "in_progress", "resolved", "closed")
    store = room_store()
    incidents, handovers = [], []
    for i in range(100, 1100):
        received = NOW - timedelta(seconds=rng.randint(0, 9 * 86400))
        registered = received + timedelta(seconds=rng.randint(5, 400))
        incidents.append(incident(
            i, type_code=rng.choice(types), priority=rng.randint(1, 4),
            status=rng.choice(statuses), received_at=received.isoformat(),
            registered_at=registered.isoformat() if registered < NOW else None))
        if rng.random() < 0.5 and registered < NOW:
            ago = (NOW - registered).total_seconds() - rng.randint(0, 300)
            handovers.append(handover(10_000 + i, i, rng.choice(("fire", "water", "police")),
                                      max(ago, 1), ack=max(ago - 20, 0.5)
                                      if rng.random() < 0.6 else None))
    store.load_snapshot({"epoch": "e1", "seq": 1, "incidents": incidents,
                         "handovers": handovers, "notes": [], "crews": []})
    source = WallSource(store, catalog())
    seq = store.seq
    for step in range(40):
        seq += 1
        target = rng.randrange(100, 1100)
        after = {"status": rng.choice(statuses), "priority": rng.randint(1, 4)}
        if step % 5 == 0:
            after["registered_at"] = (NOW - timedelta(minutes=rng.randint(0, 90))).isoformat()
        source.apply(store.apply([{
            "type": "change", "seq": seq, "at": NOW.isoformat(), "actor_id": 2,
            "actor_name": "Петров Сергей", "kind": "incident.updated", "entity": "incident",
            "entity_id": target, "incident_id": target, "room": "main", "before": None,
            "after": after, "mutation_id": None}]))
    for now in (NOW, NOW - timedelta(hours=5, minutes=17), NOW - timedelta(days=2)):
        expected = compute_figures(store.incidents(), store.handovers_of, catalog(), now,
                                   presence=PRESENCE)
        got = source.figures(now, PRESENCE)
        assert got == expected
        assert got.kpis.open > 0 and got.exceptions and sum(map(sum, (
            s.current for s in got.trends))) > 0  # the comparison is not of empty figures
    assert len(source.relevant(NOW)) < len(source)  # and the source did look at fewer
