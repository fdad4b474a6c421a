"""A text field with its suggestions listed right under it, driven from the keyboard:
typing filters, Up/Down pick, Tab or Enter take the highlighted one and move on."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.ui.search import Entry

Source = Callable[[str], list[Entry]]


class SuggestEdit(QLineEdit):
    """The line edit half: it forwards navigation keys to the list."""

    def __init__(self, owner: SuggestField) -> None:
        super().__init__()
        self.owner = owner

    def event(self, event) -> bool:  # type: ignore[no-untyped-def]
        # Tab never reaches keyPressEvent: QWidget moves the focus first. Take it here.
        if (event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Tab
                and not event.modifiers() and self.owner.has_suggestions()):
            self.owner.take()
            return super().event(event)
        return super().event(event)

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        key = event.key()
        if self.owner.has_suggestions():
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                self.owner.move(1 if key == Qt.Key.Key_Down else -1)
                return
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.owner.take()
                return
            if key == Qt.Key.Key_Escape:
                self.owner.hide_list()
                return
        super().keyPressEvent(event)


class SuggestField(QWidget):
    chosen = Signal(str)  # the entry's key
    edited = Signal(str)

    def __init__(self, source: Source, parent: QWidget | None = None, rows: int = 6) -> None:
        super().__init__(parent)
        self.source = source
        self.key: str | None = None
        self.edit = SuggestEdit(self)
        self.list = QListWidget()
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setMaximumHeight(rows * 22)
        self.list.hide()
        self.list.itemClicked.connect(lambda _i: self.take())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.edit)
        layout.addWidget(self.list)
        self.setFocusProxy(self.edit)
        self.edit.textEdited.connect(self._typed)

    def text(self) -> str:
        return self.edit.text().strip()

    def has_suggestions(self) -> bool:
        return self.list.isVisibleTo(self) and self.list.count() > 0

    def _typed(self, text: str) -> None:
        self.key = None
        self.refresh(text)
        self.edited.emit(text)

    def refresh(self, text: str | None = None) -> None:
        found = self.source(self.edit.text() if text is None else text)
        self.list.clear()
        for entry in found:
            item = QListWidgetItem(entry.label)
            item.setData(Qt.ItemDataRole.UserRole, entry.key)
            self.list.addItem(item)
        if found:
            self.list.setCurrentRow(0)
        self.list.setVisible(bool(found))

    def move(self, step: int) -> None:
        row = max(0, min(self.list.count() - 1, self.list.currentRow() + step))
        self.list.setCurrentRow(row)

    def take(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.set_choice(item.data(Qt.ItemDataRole.UserRole), item.text())
        self.hide_list()

    def set_choice(self, key: str, label: str) -> None:
        self.key = key
        self.edit.setText(label)
        self.chosen.emit(key)

    def hide_list(self) -> None:
        self.list.hide()

    def clear(self) -> None:
        self.key = None
        self.edit.clear()
        self.hide_list()
