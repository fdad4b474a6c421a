"""Sensor rules, against values worked out by hand."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.domain import demo_city
from app.domain.sensors import (
    KINDS,
    SILENT_TYPE,
    Direction,
    Event,
    Level,
    SensorKind,
    Threshold,
    check_value,
    fold,
    is_silent,
    parse_config,
    step,
)

RIVER = Threshold(Direction.ABOVE, alarm=650, clear=600)  # cm
PRESSURE = Threshold(Direction.BELOW, alarm=4.0, clear=5.0)  # bar


def test_a_rising_river_alarms_at_its_mark_and_recovers_only_below_the_clear_level():
    assert step(Level.NORMAL, 649, RIVER) == (Level.NORMAL, None)
    assert step(Level.NORMAL, 650, RIVER) == (Level.ALARM, Event.BREACH)  # the mark itself
    assert step(Level.ALARM, 700, RIVER) == (Level.ALARM, None)
    assert step(Level.ALARM, 620, RIVER) == (Level.ALARM, None)  # below the mark, not clear
    assert step(Level.ALARM, 601, RIVER) == (Level.ALARM, None)
    assert step(Level.ALARM, 600, RIVER) == (Level.NORMAL, Event.RECOVERY)


def test_a_falling_pressure_alarms_below_and_recovers_above():
    assert step(Level.NORMAL, 4.1, PRESSURE) == (Level.NORMAL, None)
    assert step(Level.NORMAL, 4.0, PRESSURE) == (Level.ALARM, Event.BREACH)
    assert step(Level.ALARM, 4.9, PRESSURE) == (Level.ALARM, None)
    assert step(Level.ALARM, 5.0, PRESSURE) == (Level.NORMAL, Event.RECOVERY)
    # A reading far on the alarm side while normal is still just one breach.
    assert step(Level.NORMAL, 0.0, PRESSURE) == (Level.ALARM, Event.BREACH)


def test_flapping_around_the_mark_inside_the_band_gives_one_breach_and_no_recovery():
    values = [640, 651, 648, 655, 649, 650, 645, 660, 610, 652]
    # By hand: 640 normal; 651 breach; every later value stays above the clear level 600.
    assert fold(Level.NORMAL, values, RIVER) == (Level.ALARM, [(1, Event.BREACH)])


def test_a_full_cycle_and_a_second_breach():
    values = [500, 655, 630, 599, 640, 649, 650, 500]
    # 655 breach (1); 630 in band; 599 recovery (3); 640, 649 below the mark; 650 breach
    # (6); 500 recovery (7).
    assert fold(Level.NORMAL, values, RIVER) == (Level.NORMAL, [
        (1, Event.BREACH), (3, Event.RECOVERY), (6, Event.BREACH), (7, Event.RECOVERY)])


def test_flapping_while_normal_below_the_mark_opens_nothing():
    assert fold(Level.NORMAL, [620, 649.9, 605, 649, 630], RIVER) == (Level.NORMAL, [])


def test_a_threshold_without_a_band_or_the_wrong_way_round_is_refused():
    with pytest.raises(ValueError, match="less than alarm"):
        Threshold(Direction.ABOVE, alarm=650, clear=650)
    with pytest.raises(ValueError, match="less than alarm"):
        Threshold(Direction.ABOVE, alarm=600, clear=650)
    with pytest.raises(ValueError, match="greater than alarm"):
        Threshold(Direction.BELOW, alarm=5.0, clear=4.0)
    with pytest.raises(ValueError, match="finite"):
        Threshold(Direction.ABOVE, alarm=float("nan"), clear=1)


def test_silence_is_the_factor_times_the_interval_strictly_past():
    heard = datetime(2026, 11, 26, 8, 0, tzinfo=UTC)
    minute = timedelta(minutes=1)
    # 10-minute interval, three of them: silent only after 30 minutes have passed.
    assert not is_silent(heard, heard + 29 * minute, 10 * minute, 3)
    assert not is_silent(heard, heard + 30 * minute, 10 * minute, 3)
    assert is_silent(heard, heard + 30 * minute + timedelta(seconds=1), 10 * minute, 3)


def test_impossible_values_are_named():
    assert check_value(SensorKind.RIVER_LEVEL, 420.0) is None
    assert "outside" in (check_value(SensorKind.RIVER_LEVEL, 99_999.0) or "")
    assert "outside" in (check_value(SensorKind.HEAT_PRESSURE, -1.0) or "")
    assert "finite" in (check_value(SensorKind.AIR_QUALITY, float("inf")) or "")


GOOD = {"code": "tom-1", "gateway": "hydro", "kind": "river_level", "name": "Томь",
        "direction": "above", "alarm": 650, "clear": 600, "interval_seconds": 600}


def test_the_configuration_is_parsed_with_the_kinds_default_type():
    (spec,) = parse_config({"sensors": [GOOD]})
    assert spec.threshold == RIVER and spec.incident_type == "flood"
    (typed,) = parse_config({"sensors": [{**GOOD, "type_code": "river_pollution"}]})
    assert typed.incident_type == "river_pollution"


@pytest.mark.parametrize(("change", "says"), [
    ({"kind": "rain"}, "'kind' must be one of"),
    ({"direction": "up"}, "'direction'"),
    ({"clear": 700}, "less than alarm"),
    ({"interval_seconds": 0}, "interval_seconds"),
    ({"interval_seconds": 1.5}, "interval_seconds"),
    ({"lat": 53.7}, "both 'lat' and 'lon'"),
    ({"colour": "red"}, "unknown keys colour"),
    ({"alarm": "high"}, "finite number"),
])
def test_configuration_mistakes_name_the_sensor_and_the_key(change, says):
    with pytest.raises(ValueError, match=says) as e:
        parse_config({"sensors": [{**GOOD, **change}]})
    assert "tom-1" in str(e.value)


def test_a_code_used_twice_and_a_missing_key_are_refused():
    with pytest.raises(ValueError, match="used twice"):
        parse_config({"sensors": [GOOD, GOOD]})
    without = {k: v for k, v in GOOD.items() if k != "clear"}
    with pytest.raises(ValueError, match="missing clear"):
        parse_config({"sensors": [without]})
    with pytest.raises(ValueError, match="list 'sensors'"):
        parse_config([GOOD])


def test_the_demo_set_parses_and_its_quiet_values_stay_inside_the_band():
    specs = parse_config(demo_city.DEMO_SENSORS)
    assert {s.kind for s in specs} == set(SensorKind)
    assert demo_city.DEMO_SILENT_SENSOR in {s.code for s in specs}
    types = {t.code for t in demo_city.INCIDENT_TYPES}
    assert {s.incident_type for s in specs} | {SILENT_TYPE} <= types
    for s in specs:
        mean, spread = demo_city.DEMO_SENSOR_NORMALS[s.code]
        t = s.threshold
        # The simulator's quiet readings (noise of half a spread) stay on the safe side of
        # the clear level even four standard deviations out: only episodes alarm.
        worst = mean + 2 * spread if t.direction is Direction.ABOVE else mean - 2 * spread
        assert t.cleared(worst), s.code
        info = KINDS[s.kind]
        assert info.lowest <= mean <= info.highest, s.code
