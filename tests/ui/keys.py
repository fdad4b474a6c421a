"""Typing into widgets as a keyboard does, Cyrillic included (QTest's key clicks know only
ASCII characters)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


def type_text(widget: QWidget, text: str) -> None:
    for ch in text:
        key = ord(ch.upper()) if ch.isascii() and ch.isalnum() else 0
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier,
                                                     ch))
    QApplication.processEvents()


def type_address_and_type(qtbot, dialog, type_words: str) -> None:  # type: ignore[no-untyped-def]
    """Into an intake form: "строит" Tab, "5" Tab (проспект Строителей, 5), then the type."""
    type_text(dialog.street.edit, "строит")
    qtbot.keyClick(dialog.street.edit, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: "проспект Строителей" in dialog.book.houses)
    type_text(dialog.house.edit, "5")
    qtbot.keyClick(dialog.house.edit, Qt.Key.Key_Tab)
    type_text(dialog.kind.edit, type_words)
    qtbot.keyClick(dialog.kind.edit, Qt.Key.Key_Tab)
