"""The map in the console: live markers, and selection shared with the queue."""

from __future__ import annotations

import json
from typing import Any

from tests.ui.conftest import SHOTS
from tests.ui.test_card import GAS


def js(qtbot, window, script: str) -> Any:
    box: list[Any] = []
    window.map_view.page().runJavaScript(script, 0, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=5000)
    return box[0]


TYPES = ("gas_smell", "fire_residential", "water_main_break", "road_accident", "heating_outage")


def ready(qtbot, window, incidents: int = 0) -> None:
    """The page is up and ``incidents`` incidents, spread over the city, are in the queue."""
    qtbot.waitUntil(lambda: window.map_view.is_ready, timeout=30000)
    streets = window.client.streets()[:incidents]
    for n, street in enumerate(streets):
        house = window.client.houses(street)[n % 3]["house"]
        window.client.register(source="phone" if n % 4 else "mobile_app",
                               type_code=TYPES[n % len(TYPES)],
                               address={"street": street, "house": house},
                               description=f"вызов {n}")
    qtbot.waitUntil(lambda: window.model.rowCount() >= len(streets), timeout=10000)


def test_a_new_incident_appears_on_the_map_and_a_click_opens_its_card(console, qtbot) -> None:
    window = console("operator", with_map=True)
    ready(qtbot, window)
    before = js(qtbot, window, "window.dispatchStats.markers")
    inc = window.client.register(source="phone", type_code="gas_smell", address=GAS,
                                 description="на карте")["incident"]
    qtbot.waitUntil(lambda: js(qtbot, window, "window.dispatchStats.markers") == before + 1,
                    timeout=5000)
    js(qtbot, window, f"DispatchMap.click({inc['id']}); 1")
    qtbot.waitUntil(lambda: window.card.incident_id == inc["id"], timeout=5000)
    assert window.queue.selected_id() == inc["id"]
    assert js(qtbot, window, "DispatchMap.selected()") == inc["id"]
    assert window.map_view.guard.blocked == []


def test_selecting_in_the_queue_highlights_on_the_map(console, qtbot) -> None:
    window = console("operator", with_map=True)
    ready(qtbot, window, incidents=5)
    incident_id = window.model.id_at(3)
    window.queue.select(incident_id)
    qtbot.waitUntil(lambda: js(qtbot, window, "DispatchMap.selected()") == incident_id,
                    timeout=5000)


def test_screenshot_of_the_console_with_the_map(console, qtbot, qapp) -> None:
    window = console("operator", with_map=True)
    window.resize(1800, 1000)
    ready(qtbot, window, incidents=25)
    qtbot.wait(1500)  # the page paints the markers after they are added
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(SHOTS / "main_window_with_map.png"))


def test_a_right_click_on_the_map_opens_intake_at_the_nearest_address(console, qtbot) -> None:
    from app.ui.intake import IntakeDialog

    window = console("operator", with_map=True)
    ready(qtbot, window)
    house = window.client.houses("проспект Строителей")[4]
    js(qtbot, window, f"window.dispatchStats && (function () {{ var m = Object.values("
                      f"window).find(function (v) {{ return v instanceof L.Map; }}); "
                      f"m.fire('contextmenu', {{latlng: L.latLng({house['lat'] + 0.00005}, "
                      f"{house['lon']})}}); }})(); 1")
    qtbot.waitUntil(lambda: window.findChild(IntakeDialog) is not None, timeout=5000)
    dialog = window.findChild(IntakeDialog)
    qtbot.waitUntil(lambda: dialog.house.text() == house["house"], timeout=5000)
    assert dialog.street.text() == "проспект Строителей"
    assert dialog.pin is not None and abs(dialog.pin[0] - house["lat"]) < 0.001
    dialog.reject()


def test_the_heat_layer_counts_the_last_day_and_the_queue_filter_can_rule_the_map(
        console, qtbot) -> None:
    window = console("operator", with_map=True)
    ready(qtbot, window, incidents=6)
    qtbot.waitUntil(lambda: (js(qtbot, window, "window.dispatchStats.heatCells") or 0) >= 1,
                    timeout=5000)
    assert sum(c[4] for c in window.map.heat_cells()) == 6
    qtbot.waitUntil(lambda: js(qtbot, window, "DispatchMap.clustered()") == 6, timeout=5000)
    window.map_follows_queue.setChecked(True)
    window.queue.text.setText(window.model.incident_at(2)["number"])  # one incident left
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=5000)
    qtbot.waitUntil(lambda: js(qtbot, window, "DispatchMap.clustered()") == 1, timeout=5000)
    window.map_follows_queue.setChecked(False)
    qtbot.waitUntil(lambda: js(qtbot, window, "DispatchMap.clustered()") == 6, timeout=5000)


def test_an_address_typed_in_intake_is_pinned_with_its_possible_duplicates(console,
                                                                           qtbot) -> None:
    from tests.ui.keys import type_address_and_type

    window = console("operator", with_map=True)
    ready(qtbot, window)
    first = window.client.register(source="phone", type_code="gas_smell", address=GAS,
                                   description="первый")["incident"]
    qtbot.waitUntil(lambda: window.client.store.get("incident", first["id"]) is not None)
    dialog = window.new_incident()
    type_address_and_type(qtbot, dialog, "запах газ")
    qtbot.waitUntil(lambda: js(qtbot, window, "window.dispatchStats.preview") == 1,
                    timeout=5000)
    dialog.reject()
    qtbot.waitUntil(lambda: js(qtbot, window, "window.dispatchStats.preview") == -1,
                    timeout=5000)


def test_a_change_of_address_from_another_console_moves_the_marker(console, qtbot) -> None:
    window = console("operator", with_map=True)
    ready(qtbot, window)
    other = console("operator2")
    inc = other.client.register(source="phone", type_code="gas_smell", address=GAS,
                                description="адрес уточнён позже")["incident"]
    def where() -> list[float] | None:
        return json.loads(js(qtbot, window,
                             f"JSON.stringify(DispatchMap.position({inc['id']}))"))

    qtbot.waitUntil(lambda: where() is not None, timeout=5000)
    before = where()
    assert before == [inc["lat"], inc["lon"]]
    moved = other.client.update(inc["id"], inc["version"], address={
        "street": "улица Кузнецкая", "house": "3"})["incident"]
    qtbot.waitUntil(lambda: where() == [moved["lat"], moved["lon"]], timeout=5000)
    assert moved["lat"] != before[0] or moved["lon"] != before[1]
