"""GET /api/v1/reports and `dispatch-server report`, against incidents stamped on a clock
the test moves, with the figures worked out by hand.

Demo norms: gas_smell registers in 60 s and hands over in 60 s; water_main_break registers
in 120 s and hands over in 300 s. T0 = 08:00 city (01:00 UTC) on 20 Nov 2026; the period
asked for is [T0 − 1 h, T0 + 1 h).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.domain import demo_city
from app.server.embedded import ServiceThread
from tests.cli.test_server_commands import run
from tests.server.helpers import Client, assert_refusal, login, mid

GAS = next(s.name_ru for s in demo_city.DUTY_SERVICES if s.code == "gas")
T0 = datetime(2026, 11, 20, 1, 0, tzinfo=UTC)
PERIOD = {"from": (T0 - timedelta(hours=1)).isoformat(),
          "to": (T0 + timedelta(hours=1)).isoformat()}


class Clock:
    """The service's clock, moved only by the test."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@dataclass
class City:
    url: str
    db_url: str
    supervisor: Client


def at(clock: Clock, seconds: int) -> str:
    clock.now = T0 + timedelta(seconds=seconds)
    return (T0 + timedelta(seconds=seconds)).isoformat()


@pytest.fixture
def city(service: ServiceThread, db_url: str) -> Iterator[City]:
    clock = Clock(T0)
    service.app.state.ctx.clock = clock
    sup = login(service.url, "supervisor")

    def call(received: int, registered: int, type_code: str) -> dict:
        at(clock, registered)  # a phone call is registered when the operator saves it
        return sup.register(type_code=type_code,
                            received_at=(T0 + timedelta(seconds=received)).isoformat())

    # 1: received T0 − 30 s, registered T0: 30 s. Handed to gas at T0 + 90 s: 90 s.
    first = call(-30, 0, "gas_smell")["incident"]
    at(clock, 90)
    r = sup.post(f"/incidents/{first['id']}/handovers",
                 {"mutation_id": mid(), "base_version": first["version"], "services": ["gas"]})
    assert r.status_code == 200, r.text
    # 2: received T0 + 110 s, registered T0 + 200 s: 90 s; never handed over.
    call(110, 200, "gas_smell")
    # 3: received T0 + 200 s, registered T0 + 300 s: 100 s.
    call(200, 300, "water_main_break")
    # 4: received T0 − 2 h, before the period: in no figure.
    call(-7200, 400, "gas_smell")
    yield City(service.url, db_url, sup)


def test_by_type_the_figures_worked_out_by_hand(city: City) -> None:
    r = city.supervisor.get("/reports", params={**PERIOD, "by": "type"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert (body["from"], body["to"], body["by"]) == (
        "2026-11-20T00:00:00Z", "2026-11-20T02:00:00Z", "type")
    rows = {row["group"]: row for row in body["rows"]}
    assert [row["group"] for row in body["rows"]] == ["gas_smell", "water_main_break"]
    gas = rows["gas_smell"]
    # register 30, 90: mean 60, p90 rank ceil(1.8) = 2 → 90; 30 ≤ 60, 90 > 60 → 1/2
    assert gas["count"] == 2
    assert gas["registration"] == {"count": 2, "mean": 60.0, "p90": 90.0, "within_norm": 0.5}
    # hand over: #1 only, 90 > 60
    assert gas["handover"] == {"count": 1, "mean": 90.0, "p90": 90.0, "within_norm": 0.0}
    assert gas["resolution"]["count"] == 0
    # 100 ≤ 120
    assert rows["water_main_break"]["registration"] == {
        "count": 1, "mean": 100.0, "p90": 100.0, "within_norm": 1.0}
    # register 30, 90, 100: mean 220/3, p90 rank ceil(2.7) = 3 → 100; within 2 of 3
    total = body["total"]
    assert total["count"] == 3
    assert total["registration"]["mean"] == pytest.approx(220 / 3)
    assert total["registration"]["p90"] == 100.0
    assert total["registration"]["within_norm"] == pytest.approx(2 / 3)


def test_other_groupings(city: City) -> None:
    def groups(by: str) -> list[tuple[str, int]]:
        r = city.supervisor.get("/reports", params={**PERIOD, "by": by})
        assert r.status_code == 200, r.text
        return [(row["group"], row["count"]) for row in r.json()["rows"]]

    assert groups("source") == [("phone", 3)]
    assert groups("service") == [("gas", 1), ("", 2)]  # handed to nobody: last
    assert sum(n for _, n in groups("district")) == 3


def test_bad_periods_are_refused_in_words(city: City) -> None:
    sup = city.supervisor
    reversed_ = sup.get("/reports", params={"from": PERIOD["to"], "to": PERIOD["from"]})
    assert "end after it starts" in assert_refusal(reversed_, 422, "invalid")["message"]
    same = sup.get("/reports", params={"from": PERIOD["from"], "to": PERIOD["from"]})
    assert_refusal(same, 422, "invalid")
    naive = sup.get("/reports", params={"from": "2026-11-20T08:00:00",
                                        "to": "2026-11-21T08:00:00"})
    assert "offset" in assert_refusal(naive, 422, "invalid")["message"]
    long = sup.get("/reports", params={"from": "2025-01-01T00:00:00+07:00",
                                       "to": "2026-11-01T00:00:00+07:00"})
    assert assert_refusal(long, 422, "invalid")["params"]["max_days"] == 367
    assert_refusal(sup.get("/reports", params={**PERIOD, "by": "colour"}), 422)
    assert_refusal(sup.get("/reports", params={"from": "yesterday", "to": PERIOD["to"]}), 422)
    assert_refusal(sup.get("/reports", params={"to": PERIOD["to"]}), 422)


def test_operators_get_no_reports(city: City) -> None:
    assert_refusal(login(city.url, "operator").get("/reports", params=PERIOD), 403)


def test_the_command_writes_csv_and_xlsx(city: City, tmp_path: Path) -> None:
    out = tmp_path / "by-type.csv"
    done = run(city.db_url, "report", "--from", PERIOD["from"], "--to", PERIOD["to"],
               "--by", "type", "--out", str(out))
    assert done.returncode == 0, done.stderr
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0][:3] == ["type", "count", "registration_mean_s"]
    # Named in Russian from the classifier; seconds and percent as in the report above.
    assert rows[1][:4] == ["Запах газа", "2", "60.0", "90.0"]
    assert rows[1][4] == "50.0"
    assert rows[2][:2] == ["Порыв водопровода", "1"]
    assert rows[3][:2] == ["total", "3"]

    xlsx = tmp_path / "by-service.xlsx"
    done = run(city.db_url, "report", "--from", PERIOD["from"], "--to", PERIOD["to"],
               "--by", "service", "--format", "xlsx", "--out", str(xlsx))
    assert done.returncode == 0, done.stderr
    sheet = load_workbook(xlsx).active
    got = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert got[0][:2] == ["service", "count"]
    # By service: the classifier's name; "—" for the incidents handed to nobody.
    assert [r[:2] for r in got[1:]] == [[GAS, 1], ["—", 2], ["total", 3]]

    bad = run(city.db_url, "report", "--from", PERIOD["to"], "--to", PERIOD["from"],
              "--out", str(tmp_path / "never.csv"))
    assert bad.returncode == 2 and "end after it starts" in bad.stderr
    assert not (tmp_path / "never.csv").exists()
