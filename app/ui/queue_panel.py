"""The centre of the main window: the quick filter, saved filters and the queue table."""

from __future__ import annotations

import json

from PySide6.QtCore import QItemSelectionModel, QSettings, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.ui.queue_filter import ACTIVE, QueueFilter
from app.ui.queue_model import Col, QueueModel
from app.ui.shortcuts import GROUP, key_action
from app.ui.words import PRIORITY, STATUS, word

SAVED_KEY = "queue/saved_filters"


class QueueTable(QTableView):
    open_requested = Signal(int)

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            row = self.currentIndex().row()
            incident_id = self.model().id_at(row) if row >= 0 else None
            if incident_id is not None:
                self.open_requested.emit(incident_id)
                return
        super().keyPressEvent(event)


class QueuePanel(QWidget):
    current_changed = Signal(object)  # incident id or None
    open_requested = Signal(int)

    def __init__(self, model: QueueModel, settings: QSettings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.settings = settings

        self.text = QLineEdit()
        self.text.setObjectName("queueSearch")
        self.text.setPlaceholderText(self.tr("Search: number, address, type, text… (Ctrl+F)"))
        self.text.setClearButtonEnabled(True)
        self.text.setMinimumWidth(240)
        self.status = QComboBox()
        self.status.setToolTip(self.tr("Status filter — Alt+S"))
        self.status.addItem(self.tr("Active"), sorted(ACTIVE))
        self.status.addItem(self.tr("All statuses"), [])
        for code in STATUS:
            self.status.addItem(word(STATUS, code), [code])
        self.priority = QComboBox()
        self.priority.setToolTip(self.tr("Priority filter — Alt+P"))
        self.priority.addItem(self.tr("Any priority"), [])
        self.priority.addItem(self.tr("Critical and high"), [1, 2])
        for p in PRIORITY:
            self.priority.addItem(word(PRIORITY, p), [p])
        self.room = QComboBox()
        self.room.setToolTip(self.tr("Room filter — Alt+R"))
        self.room.addItem(self.tr("All rooms"), None)
        for code in model.catalog.rooms:
            self.room.addItem(model.catalog.room_name(code), code)
        self.mine = QCheckBox(self.tr("&Mine"))
        self.mine.setToolTip(self.tr("Only the incidents I hold — Alt+M"))
        self.saved = QComboBox()
        self.saved.setMaximumWidth(180)
        self.saved.setToolTip(self.tr("Saved filters"))
        self.save_button = QPushButton(self.tr("Save filter…"))
        self.save_button.setToolTip(self.tr("Save the current filter under a name — "
                                            "Ctrl+Shift+F"))

        bar = QHBoxLayout()
        bar.addWidget(self.text, 3)
        for label, widget in ((self.tr("&Status:"), self.status),
                              (self.tr("&Priority:"), self.priority),
                              (self.tr("&Room:"), self.room)):
            lab = QLabel(label)
            lab.setBuddy(widget)
            bar.addWidget(lab)
            bar.addWidget(widget)
        bar.addWidget(self.mine)
        bar.addWidget(self.saved)
        bar.addWidget(self.save_button)

        self.table = QueueTable()
        self.table.setObjectName("queueTable")
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(Col.PRIORITY, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in ((Col.NUMBER, 105), (Col.PRIORITY, 125), (Col.STATUS, 100),
                           (Col.TYPE, 200), (Col.ADDRESS, 230), (Col.SERVICES, 170),
                           (Col.AGE, 70), (Col.HOLDER, 130)):
            self.table.setColumnWidth(col, width)
        self.table.open_requested.connect(self.open_requested)
        self.table.doubleClicked.connect(
            lambda index: self._emit_open(model.id_at(index.row())))
        self.table.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self.current_changed.emit(model.id_at(cur.row())))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

        self.text.textChanged.connect(self.apply_filter)
        for combo in (self.status, self.priority, self.room):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.mine.toggled.connect(self.apply_filter)
        self.saved.activated.connect(self._load_saved)
        self.save_button.clicked.connect(self.save_filter)
        # Ctrl+F is the main window's action; a second shortcut here would make it ambiguous.
        self.setProperty(GROUP, self.tr("Queue"))  # its keys' heading in the F1 sheet
        key_action(self, self.tr("Save the current filter under a name"), "Ctrl+Shift+F",
                   self.save_filter, group=self.tr("Queue"))
        QShortcut(QKeySequence("Escape"), self.text, activated=self.text.clear)
        self._refresh_saved()

    def _emit_open(self, incident_id: int | None) -> None:
        if incident_id is not None:
            self.open_requested.emit(incident_id)

    def focus_search(self) -> None:
        self.text.setFocus()
        self.text.selectAll()

    def current_filter(self) -> QueueFilter:
        return QueueFilter(
            text=self.text.text(),
            statuses=frozenset(self.status.currentData() or []),
            priorities=frozenset(self.priority.currentData() or []),
            room=self.room.currentData(),
            mine=self.mine.isChecked(),
        )

    def apply_filter(self) -> None:
        keep = self.selected_id()
        self.model.set_filter(self.current_filter())
        if keep is not None:
            self.select(keep)

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.id_at(rows[0].row()) if rows else None

    def select(self, incident_id: int) -> bool:
        row = self.model.row_of(incident_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        return True

    # -- saved filters -----------------------------------------------------------------

    def _saved(self) -> dict[str, dict]:
        raw = self.settings.value(SAVED_KEY, "{}")
        try:
            data = json.loads(raw if isinstance(raw, str) else "{}")
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {}

    def _refresh_saved(self) -> None:
        self.saved.clear()
        self.saved.addItem(self.tr("Saved filters…"), None)
        for name in sorted(self._saved()):
            self.saved.addItem(name, name)

    def save_filter(self, name: str | None = None) -> None:
        if not name:
            name, ok = QInputDialog.getText(self, self.tr("Save filter"), self.tr("Name:"))
            if not ok or not name.strip():
                return
        saved = self._saved()
        saved[name.strip()] = self.current_filter().to_dict()
        self.settings.setValue(SAVED_KEY, json.dumps(saved, ensure_ascii=False))
        self._refresh_saved()

    def _load_saved(self, index: int) -> None:
        name = self.saved.itemData(index)
        if name is None:
            return
        self.show_filter(QueueFilter.from_dict(self._saved().get(name, {})))

    def show_filter(self, flt: QueueFilter) -> None:
        """Put a filter into the bar's widgets, which apply it."""
        widgets = (self.text, self.status, self.priority, self.room, self.mine)
        for w in widgets:
            w.blockSignals(True)
        self.text.setText(flt.text)
        self._pick(self.status, sorted(flt.statuses))
        self._pick(self.priority, sorted(flt.priorities))
        self._pick(self.room, flt.room)
        self.mine.setChecked(flt.mine)
        for w in widgets:
            w.blockSignals(False)
        self.apply_filter()

    @staticmethod
    def _pick(combo: QComboBox, value: object) -> None:
        for i in range(combo.count()):
            data = combo.itemData(i)
            if (sorted(data) if isinstance(data, list) else data) == value:
                combo.setCurrentIndex(i)
                return
