"""The wall's city map: the room's incidents, read-only, with sensitive types masked."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from app.ui.wall.panels import PANELS, WallContext
from tests.ui.factory import NOW
from tests.ui.wall.data import CALLER_NAME, catalog, room_store
from tests.ui.wall.test_wall_screenshot import BASEMAP


def js(qtbot, view, script: str) -> Any:
    box: list[Any] = []
    view.page().runJavaScript(script, 0, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=5000)
    return box[0]


def test_the_map_is_read_only_and_masks_sensitive_types(qtbot) -> None:
    store = room_store()
    panel = PANELS["map"](WallContext(catalog(), state=store, basemap=BASEMAP,
                                      clock=lambda: NOW))
    qtbot.addWidget(panel)
    panel.resize(900, 600)
    panel.show()
    view = panel.view
    qtbot.waitUntil(lambda: view.is_ready, timeout=30000)
    # the four open ones and none of the closed
    qtbot.waitUntil(lambda: js(qtbot, view, "window.dispatchStats.markers") == 4, timeout=5000)
    label = panel.controller.marker(store.get("incident", 3))["label"]
    assert "Sensitive call" in label and "Suicide" not in label and "Западный" in label
    assert "улица Лазо" not in label
    fire = panel.controller.marker(store.get("incident", 1))["label"]
    assert "проспект Шахтёров, 12" in fire and "17" not in fire.split("<br>")[1]  # no flat
    assert CALLER_NAME not in fire
    js(qtbot, view, "DispatchMap.click(1); 1")
    qtbot.wait(200)
    assert not js(qtbot, view, "DispatchMap.selected()")  # a click selects nothing (null)
    assert view.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu
    assert view.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    assert view.guard.blocked == []
