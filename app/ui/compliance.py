"""Per-shift compliance with each norm, from the console's replica: how many steps were
done, the share within the norm, the 90th, 95th and 98th percentiles.

Every figure comes from ``app.domain.metrics.shift_stats``, the same function the wall and
the reports use, so the three never disagree on a number.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.catalog import Norms
from app.domain.metrics import Compliance, ShiftStats, shift_stats
from app.domain.norms import NormKind, norm_seconds
from app.domain.shifts import Shift, ShiftCalendar
from app.sync.store import ReplicaStore
from app.ui import timefmt
from app.ui.catalog_view import CatalogView
from app.ui.escalation import norm_name
from app.ui.shortcuts import add_help
from app.ui.wall.figures import domain_types, facts_of


class Col:
    STEP, COUNT, WITHIN, P90, P95, P98, NORM = range(7)


def _duration(seconds: float | None) -> str:
    return "—" if seconds is None else timefmt.age(seconds)


def norm_text(norms: list[int]) -> str:
    """Norms differ between incident types: one value, or the range of them."""
    if not norms:
        return "—"
    low, high = min(norms), max(norms)
    return timefmt.age(low) if low == high else f"{timefmt.age(low)}–{timefmt.age(high)}"


class ShiftComplianceDialog(QDialog):
    def __init__(self, store: ReplicaStore, catalog: CatalogView, *,
                 now: Callable[[], datetime] = lambda: datetime.now(UTC),
                 calendar: ShiftCalendar | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        add_help(self)  # F1: this window's keys
        self.setObjectName("complianceDialog")
        self.setWindowTitle(self.tr("Shift compliance"))
        self.store = store
        self.catalog = catalog
        self.now = now
        self.calendar = calendar or ShiftCalendar()
        self.shift: Shift = self.calendar.shift_at(now())
        self.stats: ShiftStats | None = None

        self.title = QLabel()
        self.title.setObjectName("complianceShift")
        earlier = QPushButton(self.tr("◀ Previous shift"))
        earlier.clicked.connect(lambda: self.show_shift(self.calendar.previous(self.shift)))
        self.later = QPushButton(self.tr("Next shift ▶"))
        self.later.clicked.connect(lambda: self.show_shift(self.calendar.next(self.shift)))
        again = QPushButton(self.tr("Refresh"))
        for button, keys in ((earlier, "Alt+Left"), (self.later, "Alt+Right"), (again, "F5")):
            button.setShortcut(QKeySequence(keys))
            button.setToolTip(keys)
        again.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(earlier)
        top.addWidget(self.title, 1, Qt.AlignmentFlag.AlignCenter)
        top.addWidget(self.later)
        top.addWidget(again)

        self.table = QTableWidget(len(NormKind), 7)
        self.table.setObjectName("complianceTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("Step"), self.tr("Done"), self.tr("Within norm"), self.tr("90%"),
            self.tr("95%"), self.tr("98%"), self.tr("Norm")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.received = QLabel()
        note = QLabel(self.tr(
            "Steps done by incidents received in the shift. Percentiles by nearest rank: "
            "90% of the steps took no longer. Norms differ by incident type."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.received)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(760, 330)
        self.refresh()

    def show_shift(self, shift: Shift) -> None:
        self.shift = shift
        self.refresh()

    def refresh(self) -> None:
        rows = self.store.incidents()
        facts = [facts_of(r, self.store.handovers_of(r["id"]), self.catalog) for r in rows]
        self.stats = shift_stats(facts, domain_types(self.catalog), self.shift)
        in_shift = [self.catalog.norms(f.type_code) for f in facts
                    if f.received_at in self.shift]
        self.title.setText(self.tr("Shift %s") % self.shift.label)
        # A shift that has not begun has nothing to show.
        self.later.setEnabled(self.shift.end <= self.now())
        self.received.setText(self.tr("Received in the shift: %d") % self.stats.received)
        for row, kind in enumerate(NormKind):
            self._fill(row, kind, self.stats.compliance[kind], in_shift)
        self.table.resizeColumnsToContents()

    def _fill(self, row: int, kind: NormKind, c: Compliance, norms: list[Norms]) -> None:
        share = "—" if c.share is None else f"{c.share * 100:.1f}% ({c.within})"
        seen = [n for n in (norm_seconds(x, kind) for x in norms) if n is not None]
        cells = {
            Col.STEP: norm_name(kind), Col.COUNT: str(c.count), Col.WITHIN: share,
            Col.P90: _duration(c.p90), Col.P95: _duration(c.p95), Col.P98: _duration(c.p98),
            Col.NORM: norm_text(seen),
        }
        for col, text in cells.items():
            item = QTableWidgetItem(text)
            if col != Col.STEP:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, col, item)

    def cell(self, kind: NormKind, col: int) -> str:
        item = self.table.item(list(NormKind).index(kind), col)
        return item.text() if item is not None else ""
