"""The duty service's console against the real service: its hand-overs arrive by
themselves, it reports stage by stage with one key each, and the room sees every report."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtCore import Qt

from app.server.embedded import ServiceThread
from app.services.demo import DEMO_PASSWORD
from app.sync.http import Http
from app.ui.catalog_view import CatalogView
from app.ui.duty.board_model import DutyCol
from app.ui.duty.window import DutyWindow
from app.ui.sound import SoundEvents
from tests.server.helpers import login, mid
from tests.ui.conftest import SHOTS


@pytest.fixture
def duty_console(qtbot, live_service: ServiceThread) -> Iterator[Any]:
    made: list[DutyWindow] = []

    def make(who: str = "ds-gas") -> DutyWindow:
        http = Http(live_service.url, timeout=5)
        answer = http.request("POST", "/auth/login",
                              json={"login": who, "password": DEMO_PASSWORD})
        http.token = answer["token"]
        catalog = CatalogView.from_wire(http.request("GET", "/catalog"), "en")
        sounds = SoundEvents(enabled=True)
        window = DutyWindow(http, catalog, answer["user"], sounds=sounds, wait=2,
                            retry_seconds=0.2)
        window.played = []  # type: ignore[attr-defined]
        sounds.played.connect(window.played.append)  # type: ignore[attr-defined]
        qtbot.addWidget(window)
        window.resize(1400, 700)
        window.show()
        made.append(window)
        return window

    yield make
    for window in made:
        window.close()


def _stage(window: DutyWindow, number: str) -> str | None:
    row = next((r for r in window.model.rows if r["incident"]["number"] == number), None)
    return row["stage"] if row else None


def test_a_hand_over_arrives_and_is_reported_stage_by_stage(
        qtbot, live_service: ServiceThread, duty_console) -> None:
    op = login(live_service.url, "operator")
    earlier = op.hand_over(["gas"], type_code="gas_smell")["incident"]
    window = duty_console("ds-gas")
    qtbot.waitUntil(lambda: len(window.model.rows) == 1, timeout=10000)
    assert window.played == []  # what was there on opening is no news

    resets: list[bool] = []
    window.model.modelReset.connect(lambda: resets.append(True))
    new = op.hand_over(["gas", "fire"], type_code="gas_smell",
                     description="Сильный запах газа на лестнице")["incident"]
    qtbot.waitUntil(lambda: len(window.model.rows) == 2, timeout=10000)
    # Newest on top, waiting for acknowledgement, announced by a sound; no model reset.
    assert window.model.index(0, DutyCol.NUMBER).data() == new["number"]
    assert window.model.index(1, DutyCol.NUMBER).data() == earlier["number"]
    assert window.played == ["unclaimed"] and resets == []
    assert window.model.index(0, DutyCol.STAGE).data().endswith("handed over")
    bold = window.model.index(0, DutyCol.NUMBER).data(Qt.ItemDataRole.FontRole)
    assert bold is not None and bold.bold()

    window.table.selectRow(0)
    assert window.description.text() == "Сильный запах газа на лестнице"
    assert window.actions_by_stage["on_scene"].isEnabled()  # a service may skip ahead
    qtbot.keyClick(window.table, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: _stage(window, new["number"]) == "acknowledged", timeout=10000)
    assert not window.actions_by_stage["acknowledged"].isEnabled()
    # The room's card follows: acknowledged means in progress.
    assert op.incident(new["id"])["incident"]["status"] == "in_progress"

    window.crew.setCurrentIndex(1)
    crew_id = window.crew.currentData()
    crew_name = window.crew.currentText().split(" (")[0]
    qtbot.keyClick(window.table, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: _stage(window, new["number"]) == "crew_dispatched", timeout=10000)
    row = window.model.row_of(window.selected()["id"])
    assert window.model.index(row, DutyCol.CREWS).data() == crew_name
    qtbot.keyClick(window.table, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: _stage(window, new["number"]) == "on_scene", timeout=10000)
    qtbot.keyClick(window.table, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: _stage(window, new["number"]) == "resolved", timeout=10000)
    detail = op.incident(new["id"])
    gas = next(h for h in detail["handovers"] if h["service"] == "gas")
    assert gas["stage"] == "resolved" and gas["crew_ids"] == [crew_id]
    # Fire has not reported yet, so the incident as a whole is still in progress.
    assert detail["incident"]["status"] == "in_progress"
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SHOTS / "duty_console.png"))


def test_an_acknowledgement_past_its_norm_turns_red_with_one_sound(
        qtbot, live_service: ServiceThread, duty_console) -> None:
    op = login(live_service.url, "operator")
    op.hand_over(["gas"], type_code="gas_smell")
    window = duty_console("ds-gas")
    qtbot.waitUntil(lambda: len(window.model.rows) == 1, timeout=10000)
    index = window.model.index(0, DutyCol.ACK)
    due = datetime.fromisoformat(window.model.rows[0]["ack_due_at"])
    window.feed.clock_offset = 0.0
    left = (due - datetime.now(UTC)).total_seconds()
    assert 0 < left <= 30 and ":" in index.data()
    # Forty-five seconds past the due time, as the service's clock says.
    window.feed.clock_offset = left + 45
    window.tick()
    window.tick()
    assert index.data().startswith("late by 0:4")
    assert index.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert window.played == ["overdue"]


def test_a_refused_report_is_shown_to_the_service(
        qtbot, live_service: ServiceThread, duty_console) -> None:
    op = login(live_service.url, "operator")
    inc = op.hand_over(["gas"], type_code="gas_smell")["incident"]
    window = duty_console("ds-gas")
    qtbot.waitUntil(lambda: len(window.model.rows) == 1, timeout=10000)
    window.table.selectRow(0)
    # A second gas desk resolves it first; this one has not seen that yet.
    other = login(live_service.url, "ds-gas")
    handover_id = window.model.rows[0]["id"]
    r = other.post(f"/handovers/{handover_id}/stages", {"mutation_id": mid(), "stage": "resolved"})
    assert r.status_code == 200, r.text
    window.actions_by_stage["acknowledged"].trigger()
    qtbot.waitUntil(lambda: "already resolved" in window.message.text(), timeout=10000)
    qtbot.waitUntil(lambda: _stage(window, inc["number"]) == "resolved", timeout=10000)
    assert not any(a.isEnabled() for a in window.actions_by_stage.values())


def test_a_duty_service_account_opens_its_board_not_the_room_console(
        qapp, qtbot, live_service: ServiceThread, tmp_path) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app.ui.console import run_console
    from app.ui.main_window import MainWindow

    op = login(live_service.url, "operator")
    number = op.hand_over(["gas"], type_code="gas_smell")["incident"]["number"]
    seen: dict[str, Any] = {}

    def look() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        duty = [w for w in windows if isinstance(w, DutyWindow)]
        if not duty or not duty[0].model.rows:
            QTimer.singleShot(100, look)
            return
        seen["rows"] = [r["incident"]["number"] for r in duty[0].model.rows]
        seen["consoles"] = [w for w in windows if isinstance(w, MainWindow)]
        seen["title"] = duty[0].windowTitle()
        QApplication.quit()

    QTimer.singleShot(0, look)
    # run_console closes its window after the event loop ends; quitting on that last
    # window would be a quit with no loop running, which ends every later test's waits.
    qapp.setQuitOnLastWindowClosed(False)
    try:
        run_console(lambda: live_service.url, login=("ds-gas", DEMO_PASSWORD),
                    replicas=tmp_path / "replicas")
    finally:
        qapp.setQuitOnLastWindowClosed(True)
    assert seen["rows"] == [number] and seen["consoles"] == []
    assert "Аварийная газовая служба" in seen["title"]  # the workstation speaks Russian


def test_an_emergency_is_marked_on_the_services_board(
        qtbot, live_service: ServiceThread, duty_console) -> None:
    op = login(live_service.url, "operator")
    inc = op.hand_over(["gas"], type_code="gas_smell")["incident"]
    window = duty_console("ds-gas")
    qtbot.waitUntil(lambda: len(window.model.rows) == 1, timeout=10000)
    window.table.selectRow(0)
    assert window.model.index(0, DutyCol.NUMBER).data() == inc["number"]
    assert "EMERGENCY" not in window.title.text()

    boss = login(live_service.url, "supervisor")
    version = boss.incident(inc["id"])["incident"]["version"]
    r = boss.post(f"/incidents/{inc['id']}/emergency",
                  {"mutation_id": mid(), "base_version": version, "level": "municipal"})
    assert r.status_code == 200, r.text
    qtbot.waitUntil(lambda: window.model.index(0, DutyCol.NUMBER).data().startswith("◆"),
                    timeout=10000)
    assert window.model.index(0, DutyCol.NUMBER).data() == f"◆ {inc['number']}"
    assert "municipal" in window.model.index(0, DutyCol.NUMBER).data(Qt.ItemDataRole.ToolTipRole)
    assert "EMERGENCY (ЧС), municipal" in window.title.text()
