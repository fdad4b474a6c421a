"""The incident queue: a table model over the replica, filtered and sorted in Python.

QSortFilterProxyModel is too slow at the sizes a city reaches (see docs/architecture.md),
so the model keeps its own order. Two sorted lists are maintained: every incident
(``_all``) and the visible ones (``_rows``), each with its sort keys; a live change moves one
row with a binary search instead of resorting, and tells the view exactly which row
changed, moved, arrived or left. A filter change takes one pass over the sorted list."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime
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
from sortedcontainers import SortedList

from app.sync.store import Applied, ReplicaStore
from app.ui import timefmt
from app.ui.catalog_view import CatalogView
from app.ui.emergency_words import COLOUR as EMERGENCY
from app.ui.emergency_words import MARK as EMERGENCY_MARK
from app.ui.emergency_words import OVERDUE_COLOUR as REPORT_LATE
from app.ui.emergency_words import due_text, is_late, is_pinned, level_word
from app.ui.escalation import norm_name
from app.ui.heap import settle_heap
from app.ui.queue_filter import QueueFilter, RowFacts
from app.ui.words import PRIORITY, STAGE, STAGE_MARK, STATUS, word

Index = QModelIndex | QPersistentModelIndex


class Col(IntEnum):
    NUMBER = 0
    PRIORITY = 1
    STATUS = 2
    TYPE = 3
    ADDRESS = 4
    SERVICES = 5
    AGE = 6
    HOLDER = 7


HEADERS = {
    Col.NUMBER: QT_TRANSLATE_NOOP("Queue", "Number"),
    Col.PRIORITY: QT_TRANSLATE_NOOP("Queue", "Priority"),
    Col.STATUS: QT_TRANSLATE_NOOP("Queue", "Status"),
    Col.TYPE: QT_TRANSLATE_NOOP("Queue", "Type"),
    Col.ADDRESS: QT_TRANSLATE_NOOP("Queue", "Address"),
    Col.SERVICES: QT_TRANSLATE_NOOP("Queue", "Duty services"),
    Col.AGE: QT_TRANSLATE_NOOP("Queue", "Age"),
    Col.HOLDER: QT_TRANSLATE_NOOP("Queue", "Holder"),
}

OVERDUE = QColor("#c62828")
LATE_MARK = "⚠"
PRIORITY_COLOURS = {1: QColor("#b71c1c"), 2: QColor("#e65100")}
IncidentId = int
Key = tuple[Any, IncidentId, RowFacts]
STATUS_ORDER = {code: n for n, code in enumerate(STATUS)}
ACTIVE_ANY = frozenset(STATUS)  # "any status", as a set to test membership in
_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                    Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole,
                    Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.UserRole})
EMERGENCY_ROW = QBrush(QColor("#f3e5f5"))  # the emergency's colour, pale: text stays legible
_BOLD = QFont()
_BOLD.setBold(True)


class _Reversed(str):
    """A string that sorts backwards, so one ascending sorted list serves a descending key."""

    __slots__ = ()

    def __lt__(self, other: str) -> bool:  # type: ignore[override]
        return str.__gt__(self, other)

    def __gt__(self, other: str) -> bool:  # type: ignore[override]
        return str.__lt__(self, other)


def address_text(inc: dict[str, Any], flat: str | None = None,
                 unverified: str | None = None) -> str:
    """The address as one line; the two words may be passed in already translated."""
    parts = []
    if inc.get("street"):
        parts.append(f"{inc['street']}, {inc.get('house') or ''}".rstrip(", "))
    if inc.get("flat"):
        parts.append((flat or QCoreApplication.translate("Queue", "flat %s")) % inc["flat"])
    if inc.get("landmark"):
        parts.append(inc["landmark"])
    if not parts and inc.get("lat") is not None:
        parts.append(f"{inc['lat']:.5f}, {inc['lon']:.5f}")
    text = "; ".join(parts)
    if not inc.get("address_verified"):
        text += " " + (unverified or QCoreApplication.translate("Queue", "(not verified)"))
    return text


def _from_sorted(keys: list[Key]) -> SortedList:
    """A SortedList of keys that are already in order, without sorting them again: after a
    filter pass over a sorted list that is most of the cost. It fills the list the way
    SortedList._update does (sortedcontainers 2.4.0, pinned); the queue tests check it."""
    sl = SortedList()
    load = sl._load
    sl._lists.extend(keys[i:i + load] for i in range(0, len(keys), load))
    sl._maxes.extend(block[-1] for block in sl._lists)
    sl._len = len(keys)
    return sl


class _Order:
    """Incident ids kept in order by their sort keys. A key is (column value, incident id,
    row facts): the id makes keys unique, so the facts are never compared; they ride along
    so that a filter pass reads them without a look-up per row. A sorted list finds, adds
    and removes a row in O(log n)."""

    def __init__(self, desc: bool, keys: Iterable[Key] = (), *, ordered: bool = False) -> None:
        self.desc = desc
        self.sl: SortedList = _from_sorted(list(keys)) if ordered else SortedList(keys)
        self.key_of: dict[IncidentId, Key] = {k[1]: k for k in self.sl}

    def __len__(self) -> int:
        return len(self.sl)

    def _pos(self, row: int) -> int:
        return len(self.sl) - 1 - row if self.desc else row

    def id_at(self, row: int) -> IncidentId:
        return self.sl[self._pos(row)][1]

    def row(self, incident_id: IncidentId) -> int | None:
        key = self.key_of.get(incident_id)
        return None if key is None else self._pos(self.sl.index(key))

    def place(self, key: Key) -> int:
        """The row a new key would take, counted in the current order."""
        # Only (value, id): with the incident's old key still in, two keys could tie there.
        pos = self.sl.bisect_left(key[:2])
        return len(self.sl) - pos if self.desc else pos

    def add(self, key: Key) -> None:
        self.sl.add(key)
        self.key_of[key[1]] = key

    def discard(self, incident_id: IncidentId) -> None:
        key = self.key_of.pop(incident_id, None)
        if key is not None:
            self.sl.remove(key)


class QueueModel(QAbstractTableModel):
    def __init__(self, store: ReplicaStore, catalog: CatalogView, *,
                 user_id: int | None = None,
                 now: Callable[[], datetime] = lambda: datetime.now(UTC),
                 parent: Any = None) -> None:
        super().__init__(parent)
        self.store = store
        self.catalog = catalog
        self.user_id = user_id
        self.now = now
        self.filter = QueueFilter()
        self.sort_column = Col.PRIORITY
        self.sort_desc = False
        self._all = _Order(False)
        self._rows = _Order(False)
        self._address: dict[IncidentId, str] = {}
        self._facts: dict[IncidentId, RowFacts] = {}
        self._flat = self._unverified = ""
        self.reload()

    # -- Qt model interface ------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(Col)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("Queue", HEADERS[Col(section)])
        return None

    def incident_at(self, row: int) -> dict[str, Any] | None:
        if 0 <= row < len(self._rows):
            return self.store.data["incident"].get(self._rows.id_at(row))
        return None

    def id_at(self, row: int) -> IncidentId | None:
        return self._rows.id_at(row) if 0 <= row < len(self._rows) else None

    def row_of(self, incident_id: IncidentId) -> int | None:
        return self._rows.row(incident_id)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The view asks for a dozen roles per cell on every repaint; most are not ours.
        if role not in _ROLES:
            return None
        inc = self.incident_at(index.row()) if index.isValid() else None
        if inc is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(inc, col)
        if is_pinned(inc) and (emergency := self._emergency(inc, col, role)) is not None:
            return emergency
        if role == Qt.ItemDataRole.ToolTipRole and col == Col.SERVICES:
            return self._services_tooltip(inc)
        if role == Qt.ItemDataRole.ToolTipRole and col == Col.AGE:
            return self._late_tooltip(inc)
        if role == Qt.ItemDataRole.ToolTipRole and col == Col.NUMBER and inc.get("temporary"):
            return QCoreApplication.translate(
                "Queue", "A temporary number: the service gives the real one when it is back.")
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == Col.AGE:
                return self._age_brush(inc)
            if col == Col.PRIORITY and inc["priority"] in PRIORITY_COLOURS:
                return QBrush(PRIORITY_COLOURS[inc["priority"]])
        if role == Qt.ItemDataRole.FontRole and (
            (col == Col.PRIORITY and inc["priority"] == 1)
            or (col == Col.STATUS and inc["status"] == "new")
        ):
            return _BOLD
        if role == Qt.ItemDataRole.UserRole:
            return inc["id"]
        return None

    def _emergency(self, inc: dict[str, Any], col: int, role: int) -> Any:
        """An emergency's row: a mark and its colour, red while its report is late."""
        if role == Qt.ItemDataRole.BackgroundRole:
            return EMERGENCY_ROW
        if col != Col.NUMBER:
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(REPORT_LATE if is_late(inc, self.now()) else EMERGENCY)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = QCoreApplication.translate("Queue", "Emergency, %1").replace(
                "%1", level_word(inc.get("emergency_level")))
            due = due_text(inc, self.now())
            return f"{text}: {due}" if due else text
        return None

    def _text(self, inc: dict[str, Any], col: int) -> str:
        if col == Col.NUMBER:
            if is_pinned(inc):
                # Late is also said by a mark, not only by the red of the number.
                late = f" {LATE_MARK}" if is_late(inc, self.now()) else ""
                return f"{EMERGENCY_MARK} {inc['number']}{late}"
            if inc.get("temporary"):
                return QCoreApplication.translate("Queue", "%s (not sent)") % inc["number"]
            return inc["number"]
        if col == Col.PRIORITY:
            return word(PRIORITY, inc["priority"])
        if col == Col.STATUS:
            return word(STATUS, inc["status"])
        if col == Col.TYPE:
            return self.catalog.type_name(inc.get("type_code")) or "—"
        if col == Col.ADDRESS:
            return self._address.get(inc["id"]) or address_text(inc)
        if col == Col.SERVICES:
            return "  ".join(f"{self.catalog.service_short(h['service'])} {STAGE_MARK[h['stage']]}"
                             for h in self.store.handovers_of(inc["id"]))
        if col == Col.AGE:
            age = timefmt.age(self._age_seconds(inc))
            # Past a norm: a mark as well as the red, for those who cannot tell the red.
            return f"{LATE_MARK} {age}" if self._late(inc) else age
        if col == Col.HOLDER:
            return inc.get("claim_holder_name") or ""
        return ""

    def _services_tooltip(self, inc: dict[str, Any]) -> str:
        return "\n".join(f"{self.catalog.service_name(h['service'])}: {word(STAGE, h['stage'])}"
                         for h in self.store.handovers_of(inc["id"]))

    def _age_seconds(self, inc: dict[str, Any]) -> float:
        start = datetime.fromisoformat(inc["received_at"])
        end = inc.get("closed_at") or inc.get("cancelled_at") or inc.get("resolved_at")
        stop = datetime.fromisoformat(end) if end and inc["status"] in (
            "closed", "cancelled", "resolved", "merged") else self.now()
        return (stop - start).total_seconds()

    def overdue(self, inc: dict[str, Any]) -> list[Any]:
        return self.catalog.overdue(inc, self.store.handovers_of(inc["id"]), self.now())

    def _late(self, inc: dict[str, Any]) -> list[Any]:
        """The norms an open incident is past now; none for a finished one."""
        if inc["status"] not in ("new", "registered", "dispatched", "in_progress"):
            return []
        return self.overdue(inc)

    def _age_brush(self, inc: dict[str, Any]) -> QBrush | None:
        return QBrush(OVERDUE) if self._late(inc) else None

    def _late_tooltip(self, inc: dict[str, Any]) -> str | None:
        late = self._late(inc)
        if not late:
            return None
        lines = []
        for o in late:
            norm = norm_name(o.kind)
            if o.service:
                norm = f"{norm} ({self.catalog.service_name(o.service)})"
            lines.append(QCoreApplication.translate("Queue", "Past the %1 norm by %2")
                         .replace("%1", norm).replace("%2", timefmt.age(o.late_by.total_seconds())))
        return "\n".join(lines)

    # -- order and filter --------------------------------------------------------------

    def _value(self) -> Callable[[dict[str, Any]], Any]:
        """The sort column's value of one incident, after its pin: an emergency in view
        sorts above everything else, whatever the column and the direction."""
        value = self._column_value()
        top, rest = (1, 0) if self.sort_desc else (0, 1)
        return lambda inc: (top if is_pinned(inc) else rest, value(inc))

    def _column_value(self) -> Callable[[dict[str, Any]], Any]:
        address, type_name = self._address, self.catalog.type_name
        handovers = self.store.handovers_of
        return {
            Col.NUMBER: lambda inc: inc["number"],
            Col.PRIORITY: lambda inc: (inc["priority"], inc["received_at"]),
            Col.STATUS: lambda inc: (STATUS_ORDER[inc["status"]], inc["priority"]),
            Col.TYPE: lambda inc: type_name(inc.get("type_code")),
            Col.ADDRESS: lambda inc: address[inc["id"]],
            Col.SERVICES: lambda inc: len(handovers(inc["id"])),
            # Ascending age is the youngest first; ISO UTC strings sort as the times do.
            Col.AGE: lambda inc: _Reversed(inc["received_at"]),
            Col.HOLDER: lambda inc: inc.get("claim_holder_name") or "",
        }[self.sort_column]

    def _key(self, inc: dict[str, Any]) -> Key:
        return (self._value()(inc), inc["id"], self._facts[inc["id"]])

    def _sorted_all(self) -> _Order:
        """Every incident in order: ids sorted by the column value alone (a stable sort of
        ids already ascending breaks ties by id, as the keys do), then zipped into keys."""
        incidents = self.store.data["incident"]
        value = self._value()
        values = {i: value(inc) for i, inc in incidents.items()}
        ids = sorted(incidents)
        ids.sort(key=values.__getitem__)
        keys = list(zip(map(values.__getitem__, ids), ids, map(self._facts.__getitem__, ids),
                        strict=True))
        return _Order(self.sort_desc, keys, ordered=True)

    def _remember(self, inc: dict[str, Any]) -> None:
        """What filtering and sorting read, computed once per change of the incident."""
        address = address_text(inc, self._flat, self._unverified)
        self._address[inc["id"]] = address
        self._facts[inc["id"]] = (
            inc["status"], inc["priority"], inc["room"], inc.get("claim_holder_id"),
            " ".join((inc["number"], address, inc.get("description") or "",
                      self.catalog.type_name(inc.get("type_code")),
                      inc.get("claim_holder_name") or "", inc.get("district") or "")).lower(),
        )

    def reload(self) -> None:
        """Rebuild from the replica: on start and after a snapshot replaced everything."""
        self.beginResetModel()
        self._flat = QCoreApplication.translate("Queue", "flat %s")
        self._unverified = QCoreApplication.translate("Queue", "(not verified)")
        incidents = self.store.data["incident"]
        self._address, self._facts = {}, {}
        for inc in incidents.values():
            self._remember(inc)
        self._all = self._sorted_all()
        self._rows = self._filtered(self._all)
        self.endResetModel()
        settle_heap()

    def _filtered(self, source: _Order) -> _Order:
        """One pass over ``source`` in order; sorted input sorts again in linear time. The
        test is written out inline: a function call per row would cost more than the test."""
        flt, uid = self.filter, self.user_id
        st, pr, room, mine = flt.statuses, flt.priorities, flt.room, flt.mine
        words = flt.words()
        w0 = words[0] if words else ""
        rest = words[1:]
        if not (st or pr or room or mine or words):
            return _Order(self.sort_desc, list(source.sl), ordered=True)
        if not (pr or room or mine or rest):  # the usual case: statuses and one word
            st = st or ACTIVE_ANY
            return _Order(self.sort_desc, [k for k in source.sl
                                           if (f := k[2])[0] in st and w0 in f[4]],
                          ordered=True)
        keys = [k for k in source.sl
                if (f := k[2])
                and (not st or f[0] in st) and (not pr or f[1] in pr)
                and (not room or f[2] == room) and (not mine or f[3] == uid)
                and w0 in f[4] and (not rest or all(w in f[4] for w in rest))]
        return _Order(self.sort_desc, keys, ordered=True)

    def _visible(self, incident_id: IncidentId) -> bool:
        return self.filter.predicate(self.user_id)(self._facts[incident_id])

    def set_filter(self, flt: QueueFilter) -> None:
        if flt == self.filter:
            return
        narrower = flt.narrows(self.filter)
        self.filter = flt
        self.beginResetModel()  # a new filter is a new set of rows
        self._rows = self._filtered(self._rows if narrower else self._all)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        held = [self.id_at(p.row()) for p in persistent]
        self.sort_column = Col(column)
        self.sort_desc = order == Qt.SortOrder.DescendingOrder
        self._all = self._sorted_all()
        self._rows = self._filtered(self._all)
        moved = []
        for p, incident_id in zip(persistent, held, strict=True):
            row = self._rows.row(incident_id) if incident_id is not None else None
            moved.append(self.index(row, p.column()) if row is not None else QModelIndex())
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    # -- live changes ------------------------------------------------------------------

    def apply(self, batch: Iterable[Applied]) -> None:
        """Apply a batch of stream changes as row-level signals; selection and scroll stay."""
        touched: dict[IncidentId, None] = {}
        for change in batch:
            if change.entity == "incident":
                touched[change.entity_id] = None
            elif change.entity == "handover" and change.incident_id is not None:
                touched[change.incident_id] = None
        incidents = self.store.data["incident"]
        for incident_id in touched:
            inc = incidents.get(incident_id)
            if inc is not None:
                self._update(incident_id, inc)
            else:
                self._forget(incident_id)

    def _forget(self, incident_id: IncidentId) -> None:
        """A temporary row (registered offline) the service has now numbered."""
        row = self._rows.row(incident_id)
        if row is not None:
            self.beginRemoveRows(QModelIndex(), row, row)
            self._rows.discard(incident_id)
            self.endRemoveRows()
        self._all.discard(incident_id)
        self._address.pop(incident_id, None)
        self._facts.pop(incident_id, None)

    def _update(self, incident_id: IncidentId, inc: dict[str, Any]) -> None:
        self._remember(inc)
        key = self._key(inc)
        self._all.discard(incident_id)
        self._all.add(key)

        old = self._rows.row(incident_id)
        show = self._visible(incident_id)
        if old is None and not show:
            return
        if old is None:
            row = self._rows.place(key)
            self.beginInsertRows(QModelIndex(), row, row)
            self._rows.add(key)
            self.endInsertRows()
            return
        if not show:
            self.beginRemoveRows(QModelIndex(), old, old)
            self._rows.discard(incident_id)
            self.endRemoveRows()
            return
        pos = self._rows.place(key)  # counted with the old entry still in place
        if pos in (old, old + 1):
            self._rows.discard(incident_id)
            self._rows.add(key)
            self.dataChanged.emit(self.index(old, 0), self.index(old, len(Col) - 1))
            return
        final = pos - 1 if pos > old else pos
        # Qt counts the destination before the move, as place() did.
        self.beginMoveRows(QModelIndex(), old, old, QModelIndex(), pos)
        self._rows.discard(incident_id)
        self._rows.add(key)
        self.endMoveRows()
        self.dataChanged.emit(self.index(final, 0), self.index(final, len(Col) - 1))

    def tick(self) -> None:
        """Ages count up: repaint the age column (the view paints only visible rows);
        emergencies' reports fall due: repaint their numbers (they are the top rows)."""
        if len(self._rows):
            self.dataChanged.emit(self.index(0, Col.AGE),
                                  self.index(len(self._rows) - 1, Col.AGE),
                                  [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole,
                                   Qt.ItemDataRole.ToolTipRole])
        pinned = 0
        while pinned < len(self._rows) and is_pinned(self.incident_at(pinned) or {}):
            pinned += 1
        if pinned:
            self.dataChanged.emit(self.index(0, Col.NUMBER), self.index(pinned - 1, Col.NUMBER),
                                  [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole,
                                   Qt.ItemDataRole.ToolTipRole])
