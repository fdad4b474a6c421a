"""City sensors over real HTTP on loopback: gateways' tokens, breaches with hysteresis,
recoveries, silences, and refusals of readings that cannot be true."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests

from app.server.app import make_context
from app.server.embedded import ServiceThread
from app.server.settings import ServerSettings
from app.services import sensors
from app.services.context import ServiceContext, system_clock
from tests.server.helpers import (
    API,
    TIMEOUT,
    Client,
    assert_refusal,
    login,
    own_service,
    wait_for,
)

RIVER = {"code": "tom-1", "gateway": "hydro", "kind": "river_level",
         "name": "Томь, гидропост у моста", "direction": "above", "alarm": 650, "clear": 600,
         "interval_seconds": 600, "lat": 53.684, "lon": 88.05}
PRESSURE = {"code": "heat-p-1", "gateway": "teplo", "kind": "heat_pressure",
            "name": "ТМ-1, подача: давление", "direction": "below", "alarm": 4.0, "clear": 5.0,
            "interval_seconds": 600, "lat": 53.693, "lon": 88.072}


EPOCH = datetime(2000, 1, 1, tzinfo=UTC)


class Clock:
    """The service's clock, moved by the test (silence is a matter of time)."""

    def __init__(self) -> None:
        self.shift = timedelta(0)

    def __call__(self) -> datetime:
        return system_clock() + self.shift


@dataclass
class City:
    svc: ServiceThread
    clock: Clock
    hydro: str  # gateway tokens
    teplo: str
    admin: Client
    cursor: datetime = EPOCH  # the latest reading time sent

    def post(self, token: str | None, readings: Any) -> requests.Response:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return requests.post(self.svc.url + API + "/sensors/readings",
                             json={"readings": readings}, headers=headers, timeout=TIMEOUT)

    def send(self, token: str, sensor: str, *values: float, start: datetime | None = None,
             expect: int = 200) -> dict[str, Any]:
        """One batch: the values a millisecond apart, each later than any sent before
        (unless ``start`` says otherwise), all in the service's past."""
        start = start or max(self.cursor, self.clock() - timedelta(seconds=60))
        times = [start + timedelta(milliseconds=i + 1) for i in range(len(values))]
        self.cursor = max(self.cursor, times[-1])
        body = [{"sensor": sensor, "at": at.isoformat(), "value": v}
                for at, v in zip(times, values, strict=True)]
        r = self.post(token, body)
        assert r.status_code == expect, r.text
        return r.json()

    def sensor_incidents(self) -> list[dict[str, Any]]:
        return sorted((i for i in self.admin.snapshot()["incidents"] if i["source"] == "sensor"),
                      key=lambda i: i["id"])

    def notes(self, incident_id: int) -> list[str]:
        return [n["text"] for n in self.admin.incident(incident_id)["notes"]]

    def state(self, code: str) -> dict[str, Any]:
        ctx = self.svc.app.state.ctx
        return next(s for s in sensors.sensor_states(ctx) if s["code"] == code)


def configure(ctx: ServiceContext, *specs: dict[str, Any]) -> tuple[str, str]:
    hydro = sensors.create_gateway(ctx, "hydro")
    teplo = sensors.create_gateway(ctx, "teplo")
    sensors.set_sensors(ctx, {"sensors": list(specs)})
    return hydro, teplo


@pytest.fixture
def city(db_url: str) -> Iterator[City]:
    clock = Clock()
    with own_service(db_url, sensor_check_seconds=0.2, sensor_silence_intervals=3) as svc:
        ctx = svc.app.state.ctx
        ctx.clock = clock
        hydro, teplo = configure(ctx, RIVER, PRESSURE)
        yield City(svc, clock, hydro, teplo, login(svc.url, "admin"))


def test_only_the_sensors_own_gateway_may_report(city: City) -> None:
    reading = [{"sensor": "tom-1", "at": city.clock().isoformat(), "value": 700}]
    assert_refusal(city.post(None, reading), 401, "unauthorized")
    assert_refusal(city.post("sgw_not-a-token", reading), 401, "unauthorized")
    # A person's session is no gateway, whatever the role.
    assert_refusal(city.post(city.admin.token, reading), 401, "unauthorized")
    body = assert_refusal(city.post(city.teplo, reading), 403, "forbidden")
    assert "teplo" in body["message"] and body["params"]["sensor"] == "tom-1"
    # A batch with one foreign reading is refused whole.
    mixed = [{"sensor": "heat-p-1", "at": city.clock().isoformat(), "value": 1.0}, *reading]
    assert_refusal(city.post(city.teplo, mixed), 403, "forbidden")
    assert city.sensor_incidents() == []
    assert city.state("heat-p-1")["last_value"] is None
    # And a gateway's token opens nothing a person's session does.
    r = requests.get(city.svc.url + API + "/snapshot",
                     headers={"Authorization": f"Bearer {city.hydro}"}, timeout=TIMEOUT)
    assert_refusal(r, 401)


def test_a_breach_opens_one_incident_however_many_readings_follow(city: City) -> None:
    first = city.send(city.hydro, "tom-1", 580, 640, 655, 690, 720)
    assert [(e["event"], e["opened"]) for e in first["events"]] == [("breach", True)]
    assert first["accepted"] == 5
    for _ in range(3):
        more = city.send(city.hydro, "tom-1", 700, 730, 710)
        assert more["events"] == [] and more["accepted"] == 3
    (incident,) = city.sensor_incidents()
    assert incident["id"] == first["events"][0]["incident_id"]
    # Unattended: new, unclaimed, typed by the sensor's kind and routed like any flood.
    assert incident["status"] == "new" and incident["claim_holder_id"] is None
    assert incident["type_code"] == "flood" and incident["room"] == "main"
    assert incident["priority"] == 2
    assert "655" in incident["description"] and "650" in incident["description"]
    assert incident["lat"] == pytest.approx(53.684)
    assert city.state("tom-1")["state"] == "alarm"
    # A heat-network breach goes to the utilities room, as its type routes.
    heat = city.send(city.teplo, "heat-p-1", 6.2, 3.1)
    detail = city.admin.incident(heat["events"][0]["incident_id"])["incident"]
    assert detail["type_code"] == "heating_main_break" and detail["room"] == "zhkh"


def test_the_recovery_is_noted_on_the_incident_and_journaled(city: City) -> None:
    breach = city.send(city.hydro, "tom-1", 660)
    incident_id = breach["events"][0]["incident_id"]
    recovered = city.send(city.hydro, "tom-1", 640, 610, 598)
    assert [e["event"] for e in recovered["events"]] == ["recovery"]
    assert recovered["events"][0]["incident_id"] == incident_id
    (note,) = city.notes(incident_id)
    assert "вернулся к норме" in note and "598" in note
    kinds = [c["kind"] for c in city.admin.changes() if c["incident_id"] == incident_id]
    assert kinds == ["incident.created", "note.added"]
    assert city.state("tom-1")["state"] == "normal"
    assert len(city.sensor_incidents()) == 1  # the incident stays for the operators to close


def test_a_value_flapping_around_the_mark_inside_the_band_neither_reopens_nor_recovers(
        city: City) -> None:
    # Around 650 and never down to 600: one breach, then nothing, reading after reading.
    events: list[str] = []
    for values in ([645, 652, 648], [651, 649, 650], [640, 655, 601], [649.5, 650.5]):
        events += [e["event"] for e in city.send(city.hydro, "tom-1", *values)["events"]]
    assert events == ["breach"]
    (incident,) = city.sensor_incidents()
    assert city.notes(incident["id"]) == []
    # Flapping below the mark while normal opens nothing at all.
    assert city.send(city.teplo, "heat-p-1", 4.5, 4.1, 4.9, 4.2)["events"] == []
    assert len(city.sensor_incidents()) == 1


def test_a_new_breach_is_noted_while_its_incident_is_open_and_opens_anew_once_it_is_done(
        city: City) -> None:
    first = city.send(city.hydro, "tom-1", 660, 590)["events"][0]["incident_id"]
    again = city.send(city.hydro, "tom-1", 670)["events"]
    assert again == [{"sensor": "tom-1", "event": "breach", "incident_id": first,
                      "number": again[0]["number"], "opened": False}]
    assert any("Повторное превышение" in n for n in city.notes(first))
    city.send(city.hydro, "tom-1", 500)
    version = city.admin.incident(first)["incident"]["version"]
    r = city.admin.act(first, "cancel", version, reason="Паводок прошёл")
    assert r.status_code == 200, r.text
    third = city.send(city.hydro, "tom-1", 680)["events"]
    assert third[0]["opened"] is True and third[0]["incident_id"] != first
    assert len(city.sensor_incidents()) == 2


def test_a_resent_batch_changes_nothing(city: City) -> None:
    start = city.clock() - timedelta(seconds=10)
    first = city.send(city.hydro, "tom-1", 660, 700, start=start)
    assert first["accepted"] == 2 and len(first["events"]) == 1
    again = city.send(city.hydro, "tom-1", 660, 700, start=start)
    assert again == {"accepted": 0, "ignored": 2, "events": []}
    # Older than the last one taken: too late to move the state back.
    late = city.send(city.hydro, "tom-1", 100, start=start - timedelta(seconds=5))
    assert late["ignored"] == 1 and city.state("tom-1")["state"] == "alarm"
    assert len(city.sensor_incidents()) == 1


def test_a_silence_is_reported_once_and_its_end_noted(city: City) -> None:
    city.send(city.hydro, "tom-1", 420)
    city.send(city.teplo, "heat-p-1", 6.0)
    # Three intervals of 600 s without a reading, and a little more.
    city.clock.shift = timedelta(seconds=3 * 600 + 30)
    silent = wait_for(lambda: [i for i in city.sensor_incidents()
                               if i["type_code"] == "sensor_silent"] if
                      len([i for i in city.sensor_incidents()
                           if i["type_code"] == "sensor_silent"]) == 2 else None, timeout=10)
    assert {i["status"] for i in silent} == {"new"}
    assert all("не передаёт данные" in i["description"] for i in silent)
    assert city.state("tom-1")["state"] == "silent"
    # The job keeps running; the silence is not reported again.
    checks = 0

    def a_few_more_checks() -> bool:
        nonlocal checks
        checks += 1
        return checks > 5
    wait_for(a_few_more_checks, timeout=10, interval=0.3)
    assert len(city.sensor_incidents()) == 2
    # tom-1 speaks again: noted on its silence incident.
    back = city.send(city.hydro, "tom-1", 430)
    tom_silence = city.state("tom-1")["silence_incident_id"]
    assert back["events"] == [{"sensor": "tom-1", "event": "silence_ended",
                               "incident_id": tom_silence, "number": back["events"][0]["number"],
                               "opened": False}]
    assert any("снова передаёт данные" in n for n in city.notes(tom_silence))
    assert city.state("tom-1")["state"] == "normal"
    assert city.state("heat-p-1")["state"] == "silent"
    assert len(city.sensor_incidents()) == 2


def test_a_service_just_started_does_not_call_its_sensors_silent_for_its_own_absence(
        db_url: str) -> None:
    ctx = make_context(ServerSettings(database_url=db_url))
    try:
        configure(ctx, RIVER, PRESSURE)
        # Back after a night off: nothing was heard, but nobody was listening either.
        started = system_clock() + timedelta(hours=10)
        now = [started]
        ctx.clock = lambda: now[0]  # stands still between the checks
        assert sensors.check_silence(ctx, 3, listening_since=started) == []
        now[0] += timedelta(seconds=3 * 600)  # three intervals exactly: not yet
        assert sensors.check_silence(ctx, 3, listening_since=started) == []
        now[0] += timedelta(seconds=1)
        events = sensors.check_silence(ctx, 3, listening_since=started)
        assert [(e["sensor"], e["event"], e["opened"]) for e in events] == [
            ("heat-p-1", "silence", True), ("tom-1", "silence", True)]
        assert sensors.check_silence(ctx, 3, listening_since=started) == []
    finally:
        ctx.db.dispose()


def test_readings_that_cannot_be_true_are_refused_and_change_nothing(city: City) -> None:
    now = city.clock()
    good = {"sensor": "tom-1", "at": now.isoformat(), "value": 700}
    future = {**good, "at": (now + timedelta(hours=1)).isoformat()}
    body = assert_refusal(city.post(city.hydro, [future]), 422, "invalid")
    assert body["params"]["field"] == "readings[0].at" and "future" in body["message"]
    old = {**good, "at": (now - timedelta(days=3)).isoformat()}
    assert_refusal(city.post(city.hydro, [old]), 422, "invalid")
    naive = {**good, "at": now.replace(tzinfo=None).isoformat()}
    assert_refusal(city.post(city.hydro, [naive]), 422)
    body = assert_refusal(city.post(city.hydro, [{**good, "value": 99_999}]), 422, "invalid")
    assert body["params"]["field"] == "readings[0].value" and "outside" in body["message"]
    assert_refusal(city.post(city.hydro, [{**good, "value": "700"}]), 422)
    assert_refusal(city.post(city.hydro, [{**good, "value": True}]), 422)
    assert_refusal(city.post(city.hydro, [{**good, "value": None}]), 422)
    r = requests.post(city.svc.url + API + "/sensors/readings",
                      data=f'{{"readings": [{{"sensor": "tom-1", "at": "{now.isoformat()}", '
                      '"value": NaN}]}',  # what Python's own JSON writer sends for nan
                      headers={"Authorization": f"Bearer {city.hydro}",
                               "Content-Type": "application/json"}, timeout=TIMEOUT)
    assert_refusal(r, 422)
    body = assert_refusal(city.post(city.hydro, [{**good, "sensor": "nowhere"}]), 422)
    assert body["params"]["sensor"] == "nowhere"
    assert_refusal(city.post(city.hydro, []), 422)
    assert_refusal(city.post(city.hydro, [{**good, "colour": "red"}]), 422)
    # One bad reading refuses its whole batch: the good breach beside it is not taken.
    assert_refusal(city.post(city.hydro, [good, future]), 422)
    assert city.sensor_incidents() == []
    assert city.state("tom-1")["last_value"] is None
    assert city.post(city.hydro, [good]).status_code == 200


def test_the_commands_make_a_gateway_and_load_sensors_from_toml(db_url: str,
                                                                tmp_path: Path) -> None:
    env = {**os.environ, "DISPATCH_DATABASE_URL": db_url}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "app.server.cli", *args], env=env,
                              capture_output=True, text=True, timeout=120)

    made = run("create-sensor-gateway", "hydro")
    assert made.returncode == 0, made.stderr
    token = made.stdout.strip().splitlines()[-1]
    assert run("create-sensor-gateway", "hydro").returncode == 2  # the name is taken
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"sensors": [{**RIVER, "gateway": "nobody"}]}))
    refused = run("set-sensors", str(bad))
    assert refused.returncode == 2 and "nobody" in refused.stderr
    toml = tmp_path / "sensors.toml"
    toml.write_text('[[sensors]]\ncode = "tom-1"\ngateway = "hydro"\nkind = "river_level"\n'
                    'name = "Томь"\ndirection = "above"\nalarm = 650\nclear = 600\n'
                    'interval_seconds = 600\nlat = 53.684\nlon = 88.05\n', encoding="utf-8")
    loaded = run("set-sensors", str(toml))
    assert loaded.returncode == 0, loaded.stderr
    with own_service(db_url) as svc:
        r = requests.post(svc.url + API + "/sensors/readings", timeout=TIMEOUT,
                          headers={"Authorization": f"Bearer {token}"},
                          json={"readings": [{"sensor": "tom-1", "value": 700,
                                              "at": datetime.now(UTC).isoformat()}]})
        assert r.status_code == 200, r.text
        assert r.json()["events"][0]["event"] == "breach"


def test_the_demo_simulator_feeds_its_sensors(db_url: str) -> None:
    from app.services.demo import SensorSimulator, seed_demo

    ctx = make_context(ServerSettings(database_url=db_url))
    try:
        seed_demo(ctx, incidents=0)
        simulator = SensorSimulator()
        simulator.EPISODE_CHANCE = 1.0  # an episode at once, on a sensor of its choosing
        sent = sum(simulator.step(ctx) for _ in range(3))
        states = sensors.sensor_states(ctx)
        assert sent == 3 * len(states) and len(states) == 9
        assert [s["state"] for s in states].count("alarm") == 1
        assert all(s["last_value"] is not None for s in states)
        # Its outage: the silent station is left out for a while, the others go on.
        simulator.ticks = simulator.SILENT_EVERY - simulator.SILENT_FOR - 1
        assert simulator.step(ctx) == len(states) - 1
        simulator.ticks = simulator.SILENT_EVERY - 1
        assert simulator.step(ctx) == len(states)
    finally:
        ctx.db.dispose()
