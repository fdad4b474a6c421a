"""A duty service's board: only its own hand-overs, each with its incident and when the
acknowledgement is due; held open until something on it changes."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta
from typing import Any

from app.server.embedded import ServiceThread
from tests.server.helpers import assert_refusal, login, mid


def _board(client, **params: Any) -> dict[str, Any]:
    r = client.session.get(client.base + "/duty/board", params=params, timeout=40)
    assert r.status_code == 200, r.text
    return r.json()


def test_a_service_sees_its_own_hand_overs_with_the_acknowledgement_due(
        service: ServiceThread) -> None:
    op = login(service.url, "operator")
    gas_call = op.hand_over(["gas", "fire"], type_code="gas_smell")
    zhkh = login(service.url, "zhkh")  # water mains are the housing room's
    zhkh.hand_over(["water"], type_code="water_main_break", description="Течь из-под асфальта")

    board = _board(login(service.url, "ds-gas"))
    assert board["service"] == "gas"
    assert [h["incident"]["number"] for h in board["handovers"]] == [
        gas_call["incident"]["number"]]
    row = board["handovers"][0]
    assert row["service"] == "gas" and row["stage"] == "handed_over"
    assert row["incident"]["description"] == "Пахнет газом в подъезде"
    # The gas-smell type keeps the default norm: acknowledged within 30 s of the hand-over.
    handed = datetime.fromisoformat(row["handed_over_at"])
    assert datetime.fromisoformat(row["ack_due_at"]) - handed == timedelta(seconds=30)
    assert {c["service"] for c in board["crews"]} == {"gas"}

    water = _board(login(service.url, "ds-water"))
    assert [h["incident"]["description"] for h in water["handovers"]] == [
        "Течь из-под асфальта"]


def test_the_board_is_for_duty_services_only(service: ServiceThread) -> None:
    for who in ("operator", "supervisor", "wall", "admin"):
        r = login(service.url, who).get("/duty/board")
        assert_refusal(r, 403)
        assert "duty service" in r.json()["message"]


def test_reports_move_the_board_and_the_room_sees_them(service: ServiceThread) -> None:
    op, gas = login(service.url, "operator"), login(service.url, "ds-gas")
    detail = op.hand_over(["gas"], type_code="gas_smell")
    row = _board(gas)["handovers"][0]
    crew = _board(gas)["crews"][0]
    for stage, crew_id in (("acknowledged", None), ("crew_dispatched", crew["id"]),
                           ("on_scene", None)):
        r = gas.post(f"/handovers/{row['id']}/stages",
                     {"mutation_id": mid(), "stage": stage, "crew_id": crew_id})
        assert r.status_code == 200, r.text
    after = _board(gas)["handovers"][0]
    assert after["stage"] == "on_scene" and after["crew_ids"] == [crew["id"]]
    assert after["acknowledged_at"] is not None and after["on_scene_at"] is not None
    # The room's card follows: acknowledged means the incident is in progress.
    assert op.incident(detail["incident"]["id"])["incident"]["status"] == "in_progress"


def test_an_unchanged_board_waits_and_a_new_hand_over_answers_it(
        service: ServiceThread) -> None:
    op, gas = login(service.url, "operator"), login(service.url, "ds-gas")
    first = _board(gas)
    # Nothing changes: the answer comes when the wait runs out, with the same tag.
    same = _board(gas, known=first["etag"], wait=0.5)
    assert same["etag"] == first["etag"] and same["handovers"] == first["handovers"]

    answer: dict[str, Any] = {}
    asked = threading.Event()

    def ask() -> None:
        asked.set()
        answer.update(_board(gas, known=first["etag"], wait=25))

    waiting = threading.Thread(target=ask)
    waiting.start()
    asked.wait()
    started = datetime.fromisoformat(first["server_time"])
    # Changes the gas service does not see (a water hand-over) do not answer it...
    login(service.url, "zhkh").hand_over(["water"], type_code="water_main_break")
    new = op.hand_over(["gas"], type_code="gas_smell")
    waiting.join(30)
    assert answer, "the board never answered"
    assert [h["incident"]["number"] for h in answer["handovers"]] == [
        new["incident"]["number"]]
    # ...but its own does, long before the 25 s wait would have ended.
    assert datetime.fromisoformat(answer["server_time"]) < started + timedelta(seconds=25)
