"""Crew positions: reported by the crew's own duty service, validated, streamed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.server.app import make_context
from app.server.embedded import ServiceThread
from app.server.settings import ServerSettings
from app.services.demo import CrewMotion
from app.services.feed import changes_after
from tests.server.helpers import assert_refusal, login, mid


def _crew_of(client, service: str) -> dict:
    return next(c for c in client.snapshot()["crews"] if c["service"] == service)


def test_a_duty_service_reports_its_crews_position_and_the_room_sees_it(
        service: ServiceThread) -> None:
    fire, op = login(service.url, "ds-fire"), login(service.url, "operator")
    crew = _crew_of(op, "fire")
    r = fire.post(f"/crews/{crew['id']}/position",
                  {"mutation_id": mid(), "lat": 53.7001, "lon": 88.0502, "status": "en_route"})
    assert r.status_code == 200, r.text
    moved = [c for c in op.changes() if c["kind"] == "crew.moved"]
    assert moved[-1]["entity_id"] == crew["id"]
    assert moved[-1]["after"]["lat"] == 53.7001 and moved[-1]["after"]["status"] == "en_route"


def test_positions_are_refused_for_other_services_crews_and_bad_coordinates(
        service: ServiceThread) -> None:
    gas, op = login(service.url, "ds-gas"), login(service.url, "operator")
    crew = _crew_of(op, "fire")
    assert_refusal(gas.post(f"/crews/{crew['id']}/position",
                            {"mutation_id": mid(), "lat": 53.7, "lon": 88.05}), 403)
    fire = login(service.url, "ds-fire")
    r = fire.post(f"/crews/{crew['id']}/position", {"mutation_id": mid(), "lat": 95, "lon": 88})
    assert_refusal(r, 422)
    assert "lat" in r.json()["message"]
    assert_refusal(fire.post("/crews/999999/position",
                             {"mutation_id": mid(), "lat": 53.7, "lon": 88.0}), 404)


def test_a_late_report_never_moves_a_crew_back(service: ServiceThread) -> None:
    fire = login(service.url, "ds-fire")
    crew = _crew_of(login(service.url, "operator"), "fire")
    now = datetime.now(UTC)
    fire.post(f"/crews/{crew['id']}/position", {"mutation_id": mid(), "lat": 53.71,
                                                "lon": 88.07, "at": now.isoformat()})
    late = fire.post(f"/crews/{crew['id']}/position",
                     {"mutation_id": mid(), "lat": 53.60, "lon": 88.00,
                      "at": (now - timedelta(seconds=30)).isoformat()})
    assert late.status_code == 200 and late.json()["lat"] == 53.71


def test_demo_crews_drive_and_every_move_is_journaled(db_url: str) -> None:
    ctx = make_context(ServerSettings(database_url=db_url))
    try:
        motion = CrewMotion(seed=7)
        moved = sum(motion.step(ctx) for _ in range(3))
        assert moved >= 6
        assert len([c for c in changes_after(ctx, 0) if c.kind == "crew.moved"]) == moved
    finally:
        ctx.db.dispose()
