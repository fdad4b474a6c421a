"""The duty service's hand-overs as a table, newest first. A new board changes only the
rows that differ: the operator's selection and scroll stay where they were."""

from __future__ import annotations

from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from app.ui.catalog_view import CatalogView
from app.ui.emergency_words import COLOUR as EMERGENCY_COLOUR
from app.ui.emergency_words import MARK as EMERGENCY_MARK
from app.ui.emergency_words import level_word
from app.ui.queue_model import address_text
from app.ui.timefmt import age, clock_of, parse
from app.ui.words import STAGE, STAGE_MARK, word

Index = QModelIndex | QPersistentModelIndex

_FINISHED = ("resolved", "recalled")
_WAITING = QBrush(QColor("#ffe1e1"))
_LATE = QBrush(QColor("#b00020"))
_DONE = QBrush(QColor("#6b6b6b"))
_EMERGENCY = QBrush(QColor(EMERGENCY_COLOUR))


class DutyCol(IntEnum):
    NUMBER = 0
    HANDED_OVER = 1
    TYPE = 2
    ADDRESS = 3
    STAGE = 4
    ACK = 5
    CREWS = 6


_HEADERS = {
    DutyCol.NUMBER: QT_TRANSLATE_NOOP("DutyBoard", "No."),
    DutyCol.HANDED_OVER: QT_TRANSLATE_NOOP("DutyBoard", "Handed over"),
    DutyCol.TYPE: QT_TRANSLATE_NOOP("DutyBoard", "Type"),
    DutyCol.ADDRESS: QT_TRANSLATE_NOOP("DutyBoard", "Address"),
    DutyCol.STAGE: QT_TRANSLATE_NOOP("DutyBoard", "Stage"),
    DutyCol.ACK: QT_TRANSLATE_NOOP("DutyBoard", "Acknowledgement"),
    DutyCol.CREWS: QT_TRANSLATE_NOOP("DutyBoard", "Crews"),
}


def in_emergency(row: dict[str, Any]) -> bool:
    inc = row["incident"]
    return bool(inc.get("emergency_level")) and not inc.get("emergency_lifted_at")


def waiting_ack(row: dict[str, Any]) -> bool:
    return row["stage"] == "handed_over"


def ack_late_by(row: dict[str, Any], now: datetime) -> float | None:
    """Seconds past the acknowledgement norm, or None while it is not (or not) late."""
    due = parse(row.get("ack_due_at"))
    if not waiting_ack(row) or due is None or now <= due:
        return None
    return (now - due).total_seconds()


def _order(row: dict[str, Any]) -> tuple[int, str, int]:
    """Waiting for acknowledgement on top, then those being worked, then the finished;
    newest first within each."""
    group = 2 if waiting_ack(row) else 0 if row["stage"] in _FINISHED else 1
    return group, row["handed_over_at"], row["id"]


class DutyBoardModel(QAbstractTableModel):
    def __init__(self, catalog: CatalogView, now: Any) -> None:
        """``now``: the service's time, as the console knows it."""
        super().__init__()
        self.catalog = catalog
        self.now = now
        self.rows: list[dict[str, Any]] = []
        self.crew_names: dict[int, str] = {}

    # -- reading ---------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(DutyCol)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("DutyBoard", _HEADERS[DutyCol(section)])
        return None

    def row_of(self, handover_id: int) -> int | None:
        return next((i for i, r in enumerate(self.rows) if r["id"] == handover_id), None)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        col = DutyCol(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, col)
        if role == Qt.ItemDataRole.BackgroundRole and waiting_ack(row):
            return _WAITING
        if role == Qt.ItemDataRole.ToolTipRole and in_emergency(row):
            return QCoreApplication.translate("DutyBoard", "Emergency (ЧС), %1").replace(
                "%1", level_word(row["incident"].get("emergency_level")))
        if role == Qt.ItemDataRole.ForegroundRole:
            if col is DutyCol.NUMBER and in_emergency(row):
                return _EMERGENCY
            if col is DutyCol.ACK and ack_late_by(row, self.now()) is not None:
                return _LATE
            if row["stage"] in _FINISHED:
                return _DONE
        if role == Qt.ItemDataRole.FontRole and waiting_ack(row):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.UserRole:
            return row["id"]
        return None

    def _text(self, row: dict[str, Any], col: DutyCol) -> str:
        inc = row["incident"]
        if col is DutyCol.NUMBER:
            return f"{EMERGENCY_MARK} {inc['number']}" if in_emergency(row) else inc["number"]
        if col is DutyCol.HANDED_OVER:
            return clock_of(row["handed_over_at"])
        if col is DutyCol.TYPE:
            return self.catalog.type_name(inc.get("type_code")) or QCoreApplication.translate(
                "DutyBoard", "(not classified)")
        if col is DutyCol.ADDRESS:
            return address_text(inc)
        if col is DutyCol.STAGE:
            return f"{STAGE_MARK.get(row['stage'], '')} {word(STAGE, row['stage'])}".strip()
        if col is DutyCol.ACK:
            return self._ack_text(row)
        return ", ".join(self.crew_names.get(c, str(c)) for c in row.get("crew_ids", []))

    def _ack_text(self, row: dict[str, Any]) -> str:
        if not waiting_ack(row):
            return clock_of(row.get("acknowledged_at"))
        due = parse(row.get("ack_due_at"))
        if due is None:
            return ""
        left = (due - self.now()).total_seconds()
        if left >= 0:
            return age(left)
        return QCoreApplication.translate("DutyBoard", "late by %s") % age(-left)

    # -- changing --------------------------------------------------------------------------

    def set_board(self, board: dict[str, Any]) -> list[dict[str, Any]]:
        """Take a new board; returns the hand-overs that were not on the last one."""
        self.crew_names = {c["id"]: c["callsign"] for c in board.get("crews", [])}
        fresh = sorted(board["handovers"], key=_order, reverse=True)
        wanted = {r["id"] for r in fresh}
        for i in range(len(self.rows) - 1, -1, -1):
            if self.rows[i]["id"] not in wanted:
                self.beginRemoveRows(QModelIndex(), i, i)
                del self.rows[i]
                self.endRemoveRows()
        known = {r["id"] for r in self.rows}
        arrived = []
        for i, row in enumerate(fresh):
            current = self.rows[i] if i < len(self.rows) else None
            if current is not None and current["id"] == row["id"]:
                if current != row:
                    self.rows[i] = row
                    self.dataChanged.emit(self.index(i, 0), self.index(i, len(DutyCol) - 1))
                continue
            if row["id"] in known:  # moved (handed over again): take it out of its old place
                old = self.row_of(row["id"])
                assert old is not None
                self.beginRemoveRows(QModelIndex(), old, old)
                del self.rows[old]
                self.endRemoveRows()
            else:
                arrived.append(row)
            self.beginInsertRows(QModelIndex(), i, i)
            self.rows.insert(i, row)
            self.endInsertRows()
        return arrived

    def tick(self) -> None:
        """The countdowns moved on: repaint that column of the rows still waiting."""
        for i, row in enumerate(self.rows):
            if waiting_ack(row):
                index = self.index(i, DutyCol.ACK)
                self.dataChanged.emit(index, index)
