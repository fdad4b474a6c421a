"""Every action has a key, F1 lists them from the window's real actions, no two keys clash,
and the text size grows the whole console."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from app.server.embedded import ServiceThread
from app.services.demo import DEMO_PASSWORD
from app.sync.http import Http
from app.ui import text_size
from app.ui.catalog_view import CatalogView
from app.ui.duty.window import DutyWindow
from app.ui.shortcuts import ShortcutSheet, keyed_widgets, plain
from tests.ui.conftest import SHOTS
from tests.ui.keys import type_text

NATIVE = QKeySequence.SequenceFormat.NativeText


def open_sheet(qtbot, window: QWidget) -> ShortcutSheet:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, Qt.Key.Key_F1)
    sheets = [w for w in window.findChildren(ShortcutSheet) if w.isVisible()]
    assert len(sheets) == 1
    return sheets[0]


def keyed_actions(window: QWidget) -> list[QAction]:
    return [a for a in window.findChildren(QAction) if a.shortcuts()]


def menu_items(menu: QMenu) -> Iterator[QAction]:
    for action in menu.actions():
        if action.isSeparator():
            continue
        if action.menu() is not None:
            yield from menu_items(action.menu())
        else:
            yield action


@pytest.mark.parametrize("login", ["operator", "supervisor"])
def test_every_menu_action_has_a_key_and_none_clashes(console, login: str) -> None:
    window = console(login)
    for top in window.menuBar().actions():
        for action in menu_items(top.menu()):
            assert action.shortcuts(), f"{plain(top.text())} → {plain(action.text())}"
    keys = [s.toString() for a in window.findChildren(QAction) if a.isEnabled()
            for s in a.shortcuts()]
    # Mnemonics of buttons, check boxes and labels (Alt+M "Mine") are keys of the window too.
    keys += [k.toString() for _w, k in keyed_widgets(window)]
    twice = [k for k, n in Counter(keys).items() if n > 1]
    assert not twice, f"ambiguous shortcuts do nothing in Qt: {twice}"


def test_f1_lists_every_action_of_the_window_with_its_keys(console, qtbot) -> None:
    window = console("supervisor")
    sheet = open_sheet(qtbot, window)
    listed = {(e.text, e.keys) for e in sheet.entries}
    for action in keyed_actions(window):
        keys = ", ".join(s.toString(NATIVE) for s in action.shortcuts())
        assert (plain(action.text()), keys) in listed, action.text()
    by_text = {e.text: e for e in sheet.entries}
    # Grouped by menu, with the path to it; the card's own actions under the card.
    assert by_text["New incident"].group == "Incident"
    assert by_text["New incident"].path == "Incident → New incident"
    assert by_text["New incident"].keys == "Ctrl+N"
    assert by_text["Reports…"].path == "View → Reports…"
    assert by_text["Settings…"].keys == "Ctrl+,"
    assert by_text["Larger text"].keys == "Ctrl++, Ctrl+="
    assert by_text["Register"].group == "Incident card" and by_text["Register"].keys == "Ctrl+R"
    assert by_text["Hand over to the ticked services"].keys == "Ctrl+H"
    assert by_text["Lift emergency…"].keys == "Ctrl+Shift+L"
    assert by_text["Keyboard shortcuts"].keys == "F1"
    assert len(sheet.visible_texts()) == len(sheet.entries)


def test_typing_in_the_sheet_finds_an_action_by_words_or_keys(console, qtbot) -> None:
    window = console("operator")
    sheet = open_sheet(qtbot, window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is sheet.search)
    type_text(sheet.search, "hand over")  # every word somewhere in the line
    assert sorted(sheet.visible_texts()) == [
        "Hand over to the ticked services",
        *(f"Record for the selected hand-over: {s}"
          for s in ("acknowledged", "crew dispatched", "on scene", "resolved"))]
    sheet.search.clear()
    type_text(sheet.search, "ticked")
    assert sheet.visible_texts() == ["Hand over to the ticked services"]
    sheet.search.clear()
    type_text(sheet.search, "ctrl+shift+k")
    assert sheet.visible_texts() == ["Release the incident"]
    sheet.search.clear()
    type_text(sheet.search, "no such thing")
    assert sheet.visible_texts() == [] and sheet.empty.isVisibleTo(sheet)
    sheet.search.clear()
    # Typing with the list focused goes on with the search.
    sheet.tree.setFocus()
    qtbot.keyClicks(sheet.tree, "refused")
    assert sheet.search.text() == "refused"
    assert sheet.visible_texts() == ["Refused changes…"]


def test_the_card_keys_are_actions_that_work(console, qtbot) -> None:
    from tests.ui.test_card import GAS

    window = console("operator")
    inc = window.client.register(source="phone", type_code="gas_smell", address=GAS,
                                 description="ключи карточки")["incident"]
    qtbot.waitUntil(lambda: window.model.row_of(inc["id"]) is not None, timeout=10000)
    window.open_card(inc["id"])
    qtbot.keyClick(window.card.note, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: (window.client.store.get("incident", inc["id"]) or {})
                    .get("claim_holder_id") == window.client.user["id"], timeout=10000)


def test_the_duty_board_has_its_sheet_on_f1(qtbot, live_service: ServiceThread) -> None:
    http = Http(live_service.url, timeout=5)
    answer = http.request("POST", "/auth/login", json={"login": "ds-gas",
                                                       "password": DEMO_PASSWORD})
    http.token = answer["token"]
    window = DutyWindow(http, CatalogView.from_wire(http.request("GET", "/catalog"), "en"),
                        answer["user"], wait=2, retry_seconds=0.2)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    try:
        sheet = open_sheet(qtbot, window)
        entries = {e.text: (e.group, e.keys) for e in sheet.entries}
        assert entries["Acknowledge"] == ("Hand-over", "F5")
        assert entries["Resolved"] == ("Hand-over", "F8")
        assert entries["Keyboard shortcuts"] == ("Help", "F1")
    finally:
        window.close()


# -- the text size ------------------------------------------------------------------------


@pytest.fixture
def normal_size() -> Iterator[None]:
    text_size.apply_scale(1.0)
    yield
    text_size.apply_scale(1.0)


def sizes(window: Any) -> tuple[float, float]:
    """The queue's font and the card's title (a style sheet's 13 pt at scale 1)."""
    QApplication.processEvents()  # Qt tells the widgets of a new font by posted events
    window.card.title.ensurePolished()
    return window.queue.table.font().pointSizeF(), window.card.title.font().pointSizeF()


def test_larger_text_grows_the_queue_and_sized_labels_and_ctrl_0_resets(
        console, qtbot, normal_size: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = console("operator")
    queue, title = sizes(window)
    assert title == 13.0
    qtbot.keyClick(window.queue.table, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert sizes(window) == (pytest.approx(queue * 1.1, abs=0.06), 14.3)
    # Labels with a colour of their own, or inside a banner that has one, grow too.
    assert window.card.emergency.line.font().pointSizeF() == pytest.approx(queue * 1.1, abs=0.06)
    assert window.banner.text.font().pointSizeF() == pytest.approx(queue * 1.1, abs=0.06)
    qtbot.keyClick(window.queue.table, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert sizes(window) == (pytest.approx(queue * 1.25, abs=0.06), 16.2)
    assert float(window.settings.value(text_size.KEY)) == 1.25
    SHOTS.mkdir(parents=True, exist_ok=True)
    qtbot.wait(300)  # the layouts follow the new sizes by posted events
    window.grab().save(str(SHOTS / "text_size_125.png"))

    # A restart reads the scale from the settings before any window is made.
    import app.ui.console as console_module

    text_size.apply_scale(1.0)
    kept = QSettings(window.settings.fileName(), QSettings.Format.IniFormat)
    monkeypatch.setattr(console_module, "settings", lambda: kept)
    console_module.make_application()
    again = console("operator2")
    assert sizes(again) == (pytest.approx(queue * 1.25, abs=0.06), 16.2)

    qtbot.keyClick(again.queue.table, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert sizes(again) == (queue, 13.0)
    assert float(again.settings.value(text_size.KEY)) == 1.0
    qtbot.keyClick(again.queue.table, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert sizes(again) == (pytest.approx(queue * 0.9, abs=0.06), 11.7)


def test_the_text_size_never_leaves_its_range(normal_size: None) -> None:
    scale = 1.0
    for _ in range(20):
        scale = text_size.step(scale, 1)
    assert scale == 2.0
    for _ in range(20):
        scale = text_size.step(scale, -1)
    assert scale == 0.8
    assert text_size.sized("font-size: 13pt; padding: 5px;") == "font-size: 13pt; padding: 5px;"
    text_size.apply_scale(1.5)
    assert text_size.sized("font-size: 12pt; padding: 5px;") == "font-size: 18pt; padding: 5px;"


def test_screenshot_of_the_cheat_sheet(console, qtbot) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    window = console("supervisor")
    sheet = open_sheet(qtbot, window)
    QApplication.processEvents()
    sheet.grab().save(str(SHOTS / "shortcut_sheet.png"))
    sheet.tree.scrollToBottom()
    QApplication.processEvents()
    sheet.grab().save(str(SHOTS / "shortcut_sheet_end.png"))
    type_text(sheet.search, "emergency")
    QApplication.processEvents()
    sheet.grab().save(str(SHOTS / "shortcut_sheet_search.png"))
