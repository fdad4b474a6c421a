"""City sensors ("Smart City" monitoring): kinds, thresholds with hysteresis, silence, and
the configuration file. Pure rules; the service applies them to what gateways report.

Hysteresis: a sensor alarms when a reading reaches its alarm level, and recovers only when
a reading comes back past its clear level, on the safe side of the alarm level. A value
that wanders between the two changes nothing, so a river level hovering around its mark
opens one incident, not one per wave.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any


class SensorKind(StrEnum):
    RIVER_LEVEL = "river_level"
    HEAT_PRESSURE = "heat_pressure"
    HEAT_TEMPERATURE = "heat_temperature"
    AIR_QUALITY = "air_quality"
    POWER_FEEDER = "power_feeder"


class Direction(StrEnum):
    ABOVE = "above"  # alarm when the value rises to the alarm level (river, smog)
    BELOW = "below"  # alarm when it falls to it (pressure drop, feeder voltage lost)


class Level(StrEnum):
    NORMAL = "normal"
    ALARM = "alarm"


class Event(StrEnum):
    BREACH = "breach"
    RECOVERY = "recovery"


@dataclass(frozen=True)
class KindInfo:
    unit: str
    # Readings outside this range are a broken sensor or gateway, not the city: refused.
    lowest: float
    highest: float
    # The incident type a breach opens (a sensor may name another in the file).
    type_code: str


KINDS: dict[SensorKind, KindInfo] = {
    # level above the gauge's zero, cm; the Tom has run some metres above it in spring floods
    SensorKind.RIVER_LEVEL: KindInfo("cm", -500.0, 2500.0, "flood"),
    # supply pipe pressure, bar (MPa × 10); a break shows as a drop
    SensorKind.HEAT_PRESSURE: KindInfo("bar", 0.0, 40.0, "heating_main_break"),
    # supply water temperature, °C; a plant trip shows as a fall
    SensorKind.HEAT_TEMPERATURE: KindInfo("°C", -60.0, 200.0, "heating_outage"),
    # PM2.5, µg/m³
    SensorKind.AIR_QUALITY: KindInfo("µg/m³", 0.0, 5000.0, "air_pollution"),
    # feeder voltage, kV (6/10 kV city feeders); zero is a lost feeder
    SensorKind.POWER_FEEDER: KindInfo("kV", 0.0, 40.0, "power_outage"),
}

# The incident opened when a sensor goes silent (one per silence).
SILENT_TYPE = "sensor_silent"
# Types only sensors raise: not offered to the demo's invented call history.
SENSOR_ONLY_TYPES = frozenset({SILENT_TYPE})


@dataclass(frozen=True)
class Threshold:
    direction: Direction
    alarm: float
    clear: float

    def __post_init__(self) -> None:
        for name in ("alarm", "clear"):
            value = getattr(self, name)
            if not isinstance(value, (int, float)) or isinstance(value, bool) \
                    or not math.isfinite(value):
                raise ValueError(f"'{name}' must be a finite number")
        # The clear level lies on the safe side of the alarm level; equal would be no band
        # at all, and a value sitting on the mark would open and close for ever.
        if self.direction is Direction.ABOVE and not self.clear < self.alarm:
            raise ValueError(f"an 'above' threshold clears below its alarm level: clear "
                             f"{self.clear:g} must be less than alarm {self.alarm:g}")
        if self.direction is Direction.BELOW and not self.clear > self.alarm:
            raise ValueError(f"a 'below' threshold clears above its alarm level: clear "
                             f"{self.clear:g} must be greater than alarm {self.alarm:g}")

    def breached(self, value: float) -> bool:
        return value >= self.alarm if self.direction is Direction.ABOVE else value <= self.alarm

    def cleared(self, value: float) -> bool:
        return value <= self.clear if self.direction is Direction.ABOVE else value >= self.clear


def step(level: Level, value: float, threshold: Threshold) -> tuple[Level, Event | None]:
    """The level after one reading, and what happened: a breach, a recovery, or nothing."""
    if level is Level.NORMAL and threshold.breached(value):
        return Level.ALARM, Event.BREACH
    if level is Level.ALARM and threshold.cleared(value):
        return Level.NORMAL, Event.RECOVERY
    return level, None


def fold(level: Level, values: list[float], threshold: Threshold
         ) -> tuple[Level, list[tuple[int, Event]]]:
    """Readings in time order: the final level and each event with its reading's index."""
    events: list[tuple[int, Event]] = []
    for i, value in enumerate(values):
        level, event = step(level, value, threshold)
        if event is not None:
            events.append((i, event))
    return level, events


def silent_after(interval: timedelta, factor: int) -> timedelta:
    """How long without a reading before a sensor counts as silent: ``factor`` reporting
    intervals, so one lost or late reading is not yet a silence."""
    return interval * factor


def is_silent(last_heard: datetime, now: datetime, interval: timedelta, factor: int) -> bool:
    return now - last_heard > silent_after(interval, factor)


def check_value(kind: SensorKind, value: float) -> str | None:
    """Why a reading cannot be true, or None if it can."""
    info = KINDS[kind]
    if not math.isfinite(value):
        return "the value is not a finite number"
    if not info.lowest <= value <= info.highest:
        return (f"{value:g} {info.unit} is outside what a {kind.value} sensor can read "
                f"({info.lowest:g}…{info.highest:g} {info.unit})")
    return None


# --- the configuration file --------------------------------------------------------------


@dataclass(frozen=True)
class SensorSpec:
    code: str
    gateway: str
    kind: SensorKind
    name: str
    threshold: Threshold
    interval_seconds: int
    lat: float | None = None
    lon: float | None = None
    street: str | None = None
    house: str | None = None
    type_code: str | None = None  # None: the kind's own

    @property
    def incident_type(self) -> str:
        return self.type_code or KINDS[self.kind].type_code


_KEYS = {"code", "gateway", "kind", "name", "direction", "alarm", "clear", "interval_seconds",
         "lat", "lon", "street", "house", "type_code"}
_REQUIRED = ("code", "gateway", "kind", "name", "direction", "alarm", "clear",
             "interval_seconds")


def _text(where: str, item: dict[str, Any], key: str, limit: int, required: bool) -> str | None:
    value = item.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip() or len(value) > limit:
        raise ValueError(f"{where}: '{key}' must be text of 1 to {limit} characters")
    return value.strip()


def _number(where: str, item: dict[str, Any], key: str) -> float | None:
    value = item.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) \
            or not math.isfinite(value):
        raise ValueError(f"{where}: '{key}' must be a number")
    return float(value)


def parse_config(data: Any) -> list[SensorSpec]:
    """``{"sensors": [...]}`` (JSON, or TOML's ``[[sensors]]``) into specs. Every mistake is
    refused, naming the sensor and the key, before anything is stored."""
    if not isinstance(data, dict) or not isinstance(data.get("sensors"), list):
        raise ValueError("the file must hold a list 'sensors' (TOML: [[sensors]] tables)")
    extra = set(data) - {"sensors"}
    if extra:
        raise ValueError(f"unknown keys at the top of the file: {', '.join(sorted(extra))}")
    specs: list[SensorSpec] = []
    seen: set[str] = set()
    for n, item in enumerate(data["sensors"], start=1):
        where = f"sensor {n}"
        if not isinstance(item, dict):
            raise ValueError(f"{where}: must be a table of keys")
        if isinstance(item.get("code"), str):
            where = f"sensor {n} ({item['code']})"
        unknown = set(item) - _KEYS
        if unknown:
            raise ValueError(f"{where}: unknown keys {', '.join(sorted(unknown))}")
        missing = [k for k in _REQUIRED if k not in item]
        if missing:
            raise ValueError(f"{where}: missing {', '.join(missing)}")
        code = _text(where, item, "code", 40, True) or ""
        if code in seen:
            raise ValueError(f"{where}: the code '{code}' is used twice")
        seen.add(code)
        try:
            kind = SensorKind(item["kind"])
        except ValueError:
            raise ValueError(f"{where}: 'kind' must be one of "
                             f"{', '.join(k.value for k in SensorKind)}") from None
        try:
            direction = Direction(item["direction"])
        except ValueError:
            raise ValueError(f"{where}: 'direction' must be 'above' or 'below'") from None
        try:
            threshold = Threshold(direction, item["alarm"], item["clear"])
        except ValueError as e:
            raise ValueError(f"{where}: {e}") from None
        interval = item["interval_seconds"]
        if isinstance(interval, bool) or not isinstance(interval, int) \
                or not 1 <= interval <= 86_400:
            raise ValueError(f"{where}: 'interval_seconds' must be a whole number of seconds "
                             "from 1 to 86400")
        lat, lon = _number(where, item, "lat"), _number(where, item, "lon")
        if (lat is None) != (lon is None):
            raise ValueError(f"{where}: give both 'lat' and 'lon' or neither")
        if lat is not None and lon is not None and not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise ValueError(f"{where}: 'lat'/'lon' out of range")
        specs.append(SensorSpec(
            code=code,
            gateway=_text(where, item, "gateway", 60, True) or "",
            kind=kind,
            name=_text(where, item, "name", 200, True) or "",
            threshold=threshold,
            interval_seconds=interval,
            lat=lat, lon=lon,
            street=_text(where, item, "street", 200, False),
            house=_text(where, item, "house", 20, False),
            type_code=_text(where, item, "type_code", 40, False),
        ))
    return specs
