"""One shift handover on screen: its lines, each section as a table, the notes (editable
while the shift is not yet signed) and the signatures with the content hash."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.ui.shift_handover_document import Document, Section
from app.ui.text_size import set_style

# Per section, the columns that share the spare width and wrap: type, address and the duty
# services' stages (sized to their contents, a long list of stages pushed the rest off
# the screen), the incident numbers.
STRETCH = {"incidents": (1, 2, 5), "emergencies": (4,), "claims": (1,)}


class SectionTable(QTableWidget):
    """A section's rows, as tall as they are: the whole view scrolls, not each table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWordWrap(True)

    def show_section(self, section: Section, stretch: tuple[int, ...] = ()) -> None:
        # A new summary replaces the whole table: its rows are another moment's.
        self.clear()
        self.setColumnCount(len(section.header))
        self.setHorizontalHeaderLabels(section.header)
        self.setRowCount(len(section.rows))
        for r, row in enumerate(section.rows):
            for c, text in enumerate(row):
                self.setItem(r, c, QTableWidgetItem(text))
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in stretch:  # the columns with the most to say take the spare width
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self._fit_height()
        # A table without a column to stretch is as wide as its columns, not the window.
        self.setMaximumWidth(16_777_215 if stretch
                             else header.length() + 2 * self.frameWidth())

    def _fit_height(self) -> None:
        self.resizeRowsToContents()
        height = self.horizontalHeader().height() + 2 * self.frameWidth() + sum(
            self.rowHeight(r) for r in range(self.rowCount()))
        self.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Wrapped cells wrap differently at another width: the rows follow.
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self._fit_height()

    def cells(self) -> list[list[str]]:
        return [[self.item(r, c).text() for c in range(self.columnCount())]
                for r in range(self.rowCount())]


class SummaryView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("handoverSummary")
        self.title = QLabel()
        self.title.setObjectName("handoverTitle")
        set_style(self.title, "font-size: 12pt; font-weight: bold;")
        self.lines = QFormLayout()
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.title)
        self.layout_.addLayout(self.lines)
        self.tables: dict[str, SectionTable] = {}
        self.titles: dict[str, QLabel] = {}
        self.empties: dict[str, QLabel] = {}
        for key in ("incidents", "emergencies", "compliance", "claims"):
            title, table, empty = QLabel(), SectionTable(), QLabel()
            title.setStyleSheet("font-weight: bold; margin-top: 8px;")
            empty.setStyleSheet("color: #666;")
            table.setObjectName(f"handover_{key}")
            self.layout_.addWidget(title)
            self.layout_.addWidget(table)
            self.layout_.addWidget(empty)
            self.tables[key], self.titles[key], self.empties[key] = table, title, empty
        self.notes_title = QLabel(self.tr("Notes for the next shift"))
        self.notes_title.setStyleSheet("font-weight: bold; margin-top: 8px;")
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("handoverNotes")
        self.notes.setPlaceholderText(self.tr(
            "What the incoming shift must know: incidents to watch, promises made to callers, "
            "services expected back, equipment out of order…"))
        self.notes.setMinimumHeight(110)
        self.notes.setMaximumHeight(160)
        self.signatures = QLabel()
        self.signatures.setObjectName("handoverSignatures")
        self.signatures.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.signatures.setWordWrap(True)
        for w in (self.notes_title, self.notes, self.signatures):
            self.layout_.addWidget(w)
        self.layout_.addStretch(1)

    def show_document(self, doc: Document, *, editable: bool) -> None:
        self.title.setText(doc.title)
        while self.lines.rowCount():
            self.lines.removeRow(0)
        for key, value in doc.lines:
            label = QLabel(value)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.lines.addRow(f"{key}:", label)
        for section in doc.sections:
            self.titles[section.key].setText(section.title)
            self.tables[section.key].show_section(section, STRETCH.get(section.key, ()))
            self.tables[section.key].setVisible(bool(section.rows))
            self.empties[section.key].setText(section.empty)
            self.empties[section.key].setVisible(not section.rows)
        self.notes.setReadOnly(not editable)
        self.notes.setPlainText(doc.notes)
        lines = [f"<b>{escape(k)}:</b> {escape(v)}" for k, v in doc.signatures]
        if doc.content_hash:
            lines.append(self.tr("<b>Content hash (sha256):</b> <tt>%1</tt>").replace(
                "%1", doc.content_hash))
        self.signatures.setText("<br>".join(lines) if lines else self.tr(
            "Not signed yet: the summary is frozen when the outgoing supervisor signs."))
