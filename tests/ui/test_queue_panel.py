"""The queue panel and the unclaimed banner, driven from the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.ui.queue_filter import QueueFilter
from tests.ui.keys import type_text
from tests.ui.test_card import GAS


def test_ctrl_f_then_typing_filters_and_enter_opens_the_card(console, qtbot) -> None:
    window = console("operator")
    inc = window.client.register(source="phone", type_code="gas_smell", address=GAS,
                                 description="уникальное слово кукушка")["incident"]
    qtbot.waitUntil(lambda: window.model.row_of(inc["id"]) is not None, timeout=10000)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.queue.text
    type_text(window.queue.text, "кукушк")
    assert window.model.rowCount() == 1
    qtbot.keyClick(window.queue.text, Qt.Key.Key_F6)  # to the queue
    assert QApplication.focusWidget() is window.queue.table
    qtbot.keyClick(window.queue.table, Qt.Key.Key_Down)
    qtbot.keyClick(window.queue.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.card.incident_id == inc["id"])


def test_a_saved_filter_comes_back_by_name(console, qtbot) -> None:
    window = console("operator")
    panel = window.queue
    type_text(panel.text, "газ")
    panel.priority.setCurrentIndex(panel.priority.findText("Critical and high"))
    panel.mine.setChecked(True)
    panel.save_filter("мои срочные")
    panel.show_filter(QueueFilter())
    assert window.model.filter == QueueFilter()
    index = panel.saved.findText("мои срочные")
    panel.saved.setCurrentIndex(index)
    panel.saved.activated.emit(index)
    assert window.model.filter.text == "газ"
    assert window.model.filter.priorities == frozenset({1, 2})
    assert window.model.filter.mine is True


def test_an_app_report_is_announced_until_someone_takes_it(console, qtbot) -> None:
    window = console("operator")
    played: list[str] = []
    window.sounds.played.connect(played.append)
    before = window.banner.count
    inc = window.client.register(source="mobile_app", type_code="gas_smell", address=GAS,
                                 description="сообщение из приложения")["incident"]
    qtbot.waitUntil(lambda: window.banner.count == before + 1, timeout=10000)
    assert played == ["unclaimed"]
    assert window.banner.isVisible()
    assert "unclaimed" in window.banner.text.text()
    other = console("operator2")
    other.client.claim(inc["id"])
    qtbot.waitUntil(lambda: window.banner.count == before, timeout=10000)


def test_no_two_actions_of_the_main_window_share_a_shortcut(console) -> None:
    from collections import Counter

    from PySide6.QtGui import QAction, QShortcut

    window = console("operator")
    keys = [s.key().toString() for s in window.findChildren(QShortcut) if not s.key().isEmpty()]
    keys += [a.shortcut().toString() for a in window.findChildren(QAction)
             if not a.shortcut().isEmpty()]
    twice = [k for k, n in Counter(keys).items() if n > 1]
    assert not twice, f"ambiguous shortcuts do nothing in Qt: {twice}"
