"""The snapshot carries the live state: every incident still being worked and the finished
ones of the last eight days, with their hand-overs and notes; older ones stay in the
database (their own page still answers) but no longer travel to every console."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.server.embedded import ServiceThread
from tests.server.helpers import Client, Clock, login, mid

T0 = datetime(2026, 11, 10, 5, 0, tzinfo=UTC)
D, H = timedelta(days=1), timedelta(hours=1)


def cancelled(operator: Client, **fields: object) -> dict:
    inc = operator.register(**fields)["incident"]
    r = operator.post(f"/incidents/{inc['id']}/notes", {"mutation_id": mid(),
                                                          "text": "Перезвонили: ложный"})
    assert r.status_code == 201, r.text
    r = operator.act(inc["id"], "cancel", operator.incident(inc["id"])["incident"]["version"],
                     reason="Ложный вызов")
    assert r.status_code == 200, r.text
    return r.json()["incident"]


def test_finished_incidents_leave_the_snapshot_after_eight_days(service: ServiceThread) -> None:
    clock = Clock(T0)
    service.app.state.ctx.clock = clock
    operator = login(service.url, "operator")
    old = cancelled(operator)  # finished at T0
    kept_open = operator.hand_over(["gas"])["incident"]  # registered at T0, never finished
    clock.now = T0 + H
    edge = cancelled(operator)  # finished at T0 + 1 h: exactly eight days before the look
    clock.now = T0 + 2 * D
    operator = login(service.url, "operator")  # sessions last a shift, not days
    recent = cancelled(operator)  # finished at T0 + 2 days

    clock.now = T0 + 8 * D + H
    operator = login(service.url, "operator")
    snap = operator.snapshot()
    assert snap["horizon_hours"] == 192
    ids = {i["id"] for i in snap["incidents"]}
    assert old["id"] not in ids
    assert {kept_open["id"], edge["id"], recent["id"]} <= ids
    # The old incident's note goes with it; the others' hand-overs and notes stay.
    assert old["id"] not in {n["incident_id"] for n in snap["notes"]}
    assert {edge["id"], recent["id"]} <= {n["incident_id"] for n in snap["notes"]}
    assert kept_open["id"] in {h["incident_id"] for h in snap["handovers"]}
    # Still in the database: its own page answers, and the change log still has it.
    assert operator.incident(old["id"])["incident"]["status"] == "cancelled"

    clock.now = T0 + 10 * D + 2 * H  # now the edge and the recent one are past it too
    ids = {i["id"] for i in login(service.url, "operator").snapshot()["incidents"]}
    assert edge["id"] not in ids and recent["id"] not in ids
    assert kept_open["id"] in ids
