"""The operator's day, and the duty service's part in it: a call comes in, a second call
about the same gas smell is attached to it, the incident goes to the gas and fire services,
the gas service acknowledges from its board; then the network goes, work goes on, and one
change made meanwhile is refused and put before the operator."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from app.domain.enums import HandoverStage
from app.sync.stream import StreamState
from app.ui.main_window import MainWindow
from docs.screenshots.stage import (
    Stage,
    gone,
    press,
    settle,
    wait_until,
    zoom_map,
)
from tests.ui.keys import type_text

GAS = {"street": "проспект Строителей", "house": "5"}
CARD_WIDTH = 760  # wider than in the dock: the timeline's lines whole
ROAD = {"street": "улица Кузнецкая", "house": "3"}


def _incident_row(window: MainWindow, incident_id: int) -> bool:
    return window.model.row_of(incident_id) is not None


def _open(window: MainWindow, incident_id: int) -> None:
    wait_until(lambda: _incident_row(window, incident_id), "the incident in the queue")
    window.open_card(incident_id)
    wait_until(lambda: window.card.incident_id == incident_id, "the card")
    wait_until(lambda: window.card.timeline.count() > 0, "the card's timeline")


def first_call(window: MainWindow) -> dict[str, Any]:
    """Registered a minute ago at this console: the one the next caller repeats."""
    return window.client.register(
        source="phone", type_code="gas_smell", address=GAS,
        description="Запах газа в подъезде, 3 этаж",
        caller={"phone": "+7 905 111-22-33", "name": "Соколова Мария"})["incident"]


def intake(stage: Stage, window: MainWindow) -> None:
    """The second caller: the form typed as an operator types it, the duplicate found by
    address and type, and the call attached to it (F8)."""
    dialog = window.new_incident()
    wait_until(dialog.isVisible, "the intake form")
    type_text(dialog.street.edit, "строит")
    press(dialog.street.edit, Qt.Key.Key_Tab)
    wait_until(lambda: "проспект Строителей" in dialog.book.houses, "the street's houses")
    type_text(dialog.house.edit, "5")
    press(dialog.house.edit, Qt.Key.Key_Tab)
    type_text(dialog.kind.edit, "запах газ")
    press(dialog.kind.edit, Qt.Key.Key_Tab)
    type_text(dialog.phone, "89051234567")
    press(dialog.phone, Qt.Key.Key_Tab)
    type_text(dialog.description, "Пахнет газом на лестнице, сосед сверху")
    type_text(dialog.caller_name, "Волков Игорь")
    wait_until(lambda: dialog.duplicates.count() > 0, "a possible duplicate")
    wait_until(lambda: dialog.phone_info.text() and not dialog.phone_info.text().endswith("…"),
               "the phone's earlier calls looked up")
    dialog.adjustSize()
    stage.save("intake", dialog)
    press(dialog.description, Qt.Key.Key_F8)
    wait_until(lambda: gone(dialog), "the call attached")


def hand_over(window: MainWindow, incident_id: int) -> None:
    """The type ticks the gas service; the operator ticks fire too and presses Ctrl+H."""
    _open(window, incident_id)
    card = window.card
    for i in range(card.services.count()):
        item = card.services.item(i)
        if item.data(Qt.ItemDataRole.UserRole) == "fire":
            item.setCheckState(Qt.CheckState.Checked)
    card.hand_over()
    wait_until(lambda: card.handovers.rowCount() == 2, "two hand-overs on the card")


def duty_board(stage: Stage, number: str) -> None:
    """The gas service's board: the new hand-over on top, waiting for acknowledgement; F5
    acknowledges it."""
    board = stage.duty_board("ds-gas")
    wait_until(lambda: any(r["incident"]["number"] == number for r in board.model.rows),
               "the hand-over on the gas board")
    row = next(i for i, r in enumerate(board.model.rows) if r["incident"]["number"] == number)
    board.table.selectRow(row)
    board.table.setFocus()
    settle()
    stage.save("duty_board", board)
    for key, stage_reached in ((Qt.Key.Key_F5, HandoverStage.ACKNOWLEDGED),
                               (Qt.Key.Key_F6, HandoverStage.CREW_DISPATCHED)):
        press(board.table, key)  # F6 sends the crew chosen in the list, the first here
        wait_until(lambda s=stage_reached: any(
            r["incident"]["number"] == number and r["stage"] == s for r in board.model.rows),
            f"the gas service's report: {stage_reached.value}")


def card_and_console(stage: Stage, window: MainWindow, incident_id: int) -> None:
    card = window.card
    wait_until(lambda: any(card.handovers.item(r, 3).text()
                           for r in range(card.handovers.rowCount())),
               "the acknowledgement on the card")
    _open(window, incident_id)
    wait_until(lambda: card.timeline.count() >= 5, "the whole timeline")
    window.queue.table.setFocus()
    zoom_map(window.map_view, 13)
    settle(1500)  # the map paints its markers a moment after it has them
    stage.save("operator_console", window)
    # The card whole: its dock floated off the window (as it can be, to another screen),
    # tall enough that nothing scrolls.
    dock = window.card_dock
    dock.setFloating(True)
    dock.resize(CARD_WIDTH, card.sizeHint().height() + 60)
    stage.save("incident_card", card)
    dock.setFloating(False)
    window.resizeDocks([dock], [CARD_WIDTH - 120], Qt.Orientation.Horizontal)


def offline(stage: Stage, window: MainWindow) -> None:
    """The cable pulled: an edit of a held incident, and a new call registered with its
    temporary number, both kept on the console. Meanwhile the supervisor takes the edited
    incident over and changes it, so the edit is refused when the cable is back."""
    held = window.client.register(source="phone", type_code="road_accident", address=ROAD,
                                  description="ДТП, два автомобиля, перекрыта полоса")["incident"]
    wait_until(lambda: _incident_row(window, held["id"]), "the accident in the queue")
    stage.cable.cut()
    wait_until(lambda: window.client.state == StreamState.OFFLINE, "the console offline")
    window.client.update(held["id"], held["version"],
                         description="ДТП, два автомобиля, перекрыта полоса, есть пробка")
    new = window.client.register(source="phone", type_code="person_unwell",
                                 address={"street": "проспект Шахтёров", "house": "1"},
                                 description="Плохо с сердцем, мужчина 60 лет")["incident"]
    _open(window, new["id"])
    window.card.note.setText("Заявитель встретит бригаду у подъезда")
    press(window.card.note, Qt.Key.Key_Return)
    wait_until(lambda: window.outbox_banner.waiting == 3, "three changes waiting")
    settle(1500)
    stage.save("offline", window)

    chief = stage.person("supervisor")
    chief.claim(held["id"], takeover=True)
    current = chief.incident(held["id"])["incident"]
    chief.update(held["id"], current["version"], priority=1)
    chief.release(held["id"])
    stage.cable.mend()
    wait_until(lambda: window.outbox_banner.conflicts == 1, "the refused edit", timeout=40)
    dialog = window.review_conflicts()
    wait_until(lambda: dialog.table.rowCount() == 1, "the refused change listed")
    dialog.table.resizeRowsToContents()
    dialog.resize(980, 260)
    stage.save("conflicts", dialog)
    # The operator sends it again on the supervisor's version: nothing left waiting.
    dialog.table.selectRow(0)
    dialog.resend()
    wait_until(lambda: window.outbox_banner.conflicts == 0, "the edit sent again")
    dialog.close()


def run(stage: Stage) -> MainWindow:
    window = stage.console("operator", with_map=True, cabled=True)
    first = first_call(window)
    intake(stage, window)
    hand_over(window, first["id"])
    duty_board(stage, first["number"])
    card_and_console(stage, window, first["id"])
    offline(stage, window)
    return window
