"""Reports: counts and times of a period's incidents by type, duty service, district or
source, as the service computes them, in a table and a bar chart, exported to CSV or XLSX.

The figures are fetched off the GUI thread; the export writes what is on screen, so the file
says exactly what the supervisor looked at, without asking the service again."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import (
    QAbstractTableModel,
    QDateTime,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimeZone,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.reports import NONE, Grouping
from app.domain.shifts import ShiftCalendar
from app.domain.timezone import to_city
from app.schemas.reports import Cell, table, write_csv, write_xlsx
from app.ui.bridge import SyncBridge
from app.ui.catalog_view import CatalogView
from app.ui.shortcuts import add_help
from app.ui.tasks import run_task
from app.ui.words import SOURCE, word

PERIODS = ("today", "shift", "yesterday", "week", "custom")
CHART_GROUPS = 15  # bars that still read on a laptop; the table has every group
Fetch = Callable[[datetime, datetime, Grouping], dict[str, Any]]


def period(choice: str, now: datetime, calendar: ShiftCalendar | None = None
           ) -> tuple[datetime, datetime]:
    """[start, end) of a named period around ``now``, in whole city days (or the shift)."""
    if choice == "shift":
        shift = (calendar or ShiftCalendar()).shift_at(now)
        return shift.start, shift.end
    midnight = to_city(now).replace(hour=0, minute=0, second=0, microsecond=0)
    day = timedelta(days=1)
    if choice == "today":
        return midnight, midnight + day
    if choice == "yesterday":
        return midnight - day, midnight
    if choice == "week":  # the last seven days, today included
        return midnight - 6 * day, midnight + day
    raise ValueError(f"no named period {choice!r}")


class ReportModel(QAbstractTableModel):
    """The report's rows as cells: the group's name, the count, then mean, p90 and share
    within the norm for each of registration, hand-over and resolution; the total last."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header: list[str] = []
        self.rows: list[list[Cell]] = []

    def set_table(self, header: list[str], rows: list[list[Cell]]) -> None:
        # A report replaces the whole table at once: a reset is the right signal here.
        self.beginResetModel()
        self.header, self.rows = header, rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.header)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        value = self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if value is None:
                return "—"
            return f"{value:g}" if isinstance(value, float) else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and index.row() == len(self.rows) - 1:
            font = QFont()
            font.setBold(True)  # the total
            return font
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            # The step on one line, the figure on the next: eleven columns fit a screen.
            return self.header[section].replace(": ", "\n", 1) if section < len(
                self.header) else None
        return None


class ReportsWindow(QWidget):
    loaded = Signal(object)  # the report as the service sent it
    failed = Signal(str)

    def __init__(self, fetch: Fetch, catalog: CatalogView, now: Callable[[], datetime], *,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        add_help(self)  # F1: this window's keys
        self.fetch = fetch
        self.catalog = catalog
        self.now = now
        self.report: dict[str, Any] | None = None
        self._asked = 0  # the newest request: an older answer arriving late is dropped
        self.setWindowTitle(self.tr("Reports"))
        self.resize(1100, 700)

        self.period_box = QComboBox()
        for code, text in zip(PERIODS, (self.tr("Today"), self.tr("This shift"),
                                        self.tr("Yesterday"), self.tr("Last 7 days"),
                                        self.tr("Custom…")), strict=True):
            self.period_box.addItem(text, code)
        self.start_edit, self.end_edit = QDateTimeEdit(), QDateTimeEdit()
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy HH:mm")
            edit.setTimeZone(QTimeZone(b"Asia/Novokuznetsk"))
        self.group_box = QComboBox()
        for by, text in ((Grouping.TYPE, self.tr("Incident type")),
                         (Grouping.SERVICE, self.tr("Duty service")),
                         (Grouping.DISTRICT, self.tr("District")),
                         (Grouping.SOURCE, self.tr("Source"))):
            self.group_box.addItem(text, by.value)
        self.show_button = QPushButton(self.tr("&Show"))
        self.csv_button = QPushButton(self.tr("Export &CSV…"))
        self.xlsx_button = QPushButton(self.tr("Export &XLSX…"))
        self.status = QLabel()
        self.status.setWordWrap(True)

        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Period:")))
        controls.addWidget(self.period_box)
        controls.addWidget(self.start_edit)
        controls.addWidget(QLabel("—"))
        controls.addWidget(self.end_edit)
        controls.addSpacing(16)
        controls.addWidget(QLabel(self.tr("By:")))
        controls.addWidget(self.group_box)
        controls.addWidget(self.show_button)
        controls.addStretch(1)
        controls.addWidget(self.csv_button)
        controls.addWidget(self.xlsx_button)

        self.model = ReportModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.setWordWrap(False)
        self.plot = pg.PlotWidget(background="w")
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.getPlotItem().setLabel("bottom", self.tr("Incidents"))
        self.bars: pg.BarGraphItem | None = None
        self.labels: list[pg.TextItem] = []

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.view)
        split.addWidget(self.plot)
        split.setSizes([380, 300])
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.status)
        layout.addWidget(split, 1)

        self.period_box.currentIndexChanged.connect(self._period_changed)
        self.group_box.currentIndexChanged.connect(self.refresh)
        self.show_button.clicked.connect(self.refresh)
        self.csv_button.clicked.connect(lambda: self._export("csv"))
        self.xlsx_button.clicked.connect(lambda: self._export("xlsx"))
        self._set_exportable(False)
        self._period_changed()

    # -- asking --------------------------------------------------------------------------

    def chosen_period(self) -> tuple[datetime, datetime]:
        code = self.period_box.currentData()
        if code == "custom":
            # Through the epoch: toPython() drops the edit's zone and gives the city's wall
            # clock as a naive time, which astimezone() would read in the workstation's.
            return (datetime.fromtimestamp(self.start_edit.dateTime().toSecsSinceEpoch(), UTC),
                    datetime.fromtimestamp(self.end_edit.dateTime().toSecsSinceEpoch(), UTC))
        return period(code, self.now())

    def _period_changed(self) -> None:
        custom = self.period_box.currentData() == "custom"
        if not custom:
            start, end = period(self.period_box.currentData(), self.now())
            for edit, t in ((self.start_edit, start), (self.end_edit, end)):
                edit.setDateTime(QDateTime.fromSecsSinceEpoch(int(t.timestamp()),
                                                              edit.timeZone()))
        self.start_edit.setEnabled(custom)
        self.end_edit.setEnabled(custom)
        if not custom:  # a custom period is asked for with "Show" once both ends are set
            self.refresh()

    def refresh(self) -> None:
        start, end = self.chosen_period()
        by = Grouping(self.group_box.currentData())
        self._asked += 1
        asked = self._asked
        self.status.setText(self.tr("Loading…"))
        run_task(lambda: self.fetch(start, end, by),
                 lambda found: self._show(asked, found),
                 lambda e: self._failed(asked, e), owner=self)

    def _failed(self, asked: int, error: Exception) -> None:
        if asked != self._asked:
            return
        message = getattr(error, "message", None) or str(error)
        self.status.setText(self.tr("The report could not be made: %1").replace("%1", message))
        self.failed.emit(message)

    # -- showing -------------------------------------------------------------------------

    def label(self, by: Grouping, group: str) -> str:
        if group == NONE:
            return {Grouping.TYPE: self.tr("(no type)"),
                    Grouping.SERVICE: self.tr("(handed to nobody)"),
                    Grouping.DISTRICT: self.tr("(no district)"),
                    Grouping.SOURCE: self.tr("(unknown)")}[by]
        if by is Grouping.TYPE:
            return self.catalog.type_name(group)
        if by is Grouping.SERVICE:
            return self.catalog.service_name(group)
        if by is Grouping.SOURCE:
            return word(SOURCE, group)
        return group

    def header(self, by: Grouping) -> list[str]:
        first = self.group_box.itemText(self.group_box.findData(by.value))
        out = [first, self.tr("Incidents")]
        for step in (self.tr("registration"), self.tr("hand-over"), self.tr("resolution")):
            out += [self.tr("%1: mean, s").replace("%1", step),
                    self.tr("%1: p90, s").replace("%1", step),
                    self.tr("%1: within norm, %").replace("%1", step)]
        return out

    def cells(self) -> tuple[list[str], list[list[Cell]]]:
        """The header and rows on screen, as the files get them."""
        assert self.report is not None
        by = Grouping(self.report["by"])
        return self.header(by), table(self.report, lambda g: self.label(by, g),
                                      self.tr("Total"))

    def _show(self, asked: int, found: dict[str, Any]) -> None:
        if asked != self._asked:
            return
        self.report = found
        header, rows = self.cells()
        self.model.set_table(header, rows)
        start = to_city(datetime.fromisoformat(found["from"]))
        end = to_city(datetime.fromisoformat(found["to"]))
        self.status.setText(self.tr("Incidents received %1 — %2: %3").replace(
            "%1", f"{start:%d.%m.%Y %H:%M}").replace("%2", f"{end:%d.%m.%Y %H:%M}").replace(
            "%3", str(found["total"]["count"])))
        self._chart([r[0] for r in rows[:-1]], [int(r[1] or 0) for r in rows[:-1]])
        self._set_exportable(True)
        self.loaded.emit(found)

    def _chart(self, names: list[str], counts: list[int]) -> None:
        """Horizontal bars, the groups' whole names down the left and each count at its bar's
        end: names under narrow upright bars ran into each other. Past ``CHART_GROUPS`` the
        rest are one bar (the table has each)."""
        if self.bars is not None:
            self.plot.removeItem(self.bars)
        for label in self.labels:
            self.plot.removeItem(label)
        if len(names) > CHART_GROUPS:
            rest = len(names) - CHART_GROUPS + 1
            names = [*names[:CHART_GROUPS - 1],
                     self.tr("%n other(s)", "", rest)]
            counts = [*counts[:CHART_GROUPS - 1], sum(counts[CHART_GROUPS - 1:])]
        ys = list(range(len(counts)))
        self.bars = pg.BarGraphItem(x0=0, y=ys, width=counts, height=0.7, brush="#3a6ea5",
                                    pen=pg.mkPen("#2a4e75"))
        self.plot.addItem(self.bars)
        self.labels = []
        for y, n in zip(ys, counts, strict=True):
            label = pg.TextItem(str(n), color="#222", anchor=(0, 0.5))
            label.setPos(n, y)
            self.plot.addItem(label)
            self.labels.append(label)
        self.plot.getAxis("left").setTicks([list(zip(ys, names, strict=True))])
        # The first group on top, as in the table.
        self.plot.getViewBox().invertY(True)
        self.plot.setYRange(-0.6, max(len(ys), 1) - 0.4, padding=0)
        top = max([1, *counts])
        # Whole incidents only: no 0.5 on the axis of a count; room for the labels.
        step = max(1, math.ceil(top / 5))
        self.plot.getAxis("bottom").setTickSpacing(step, step)
        self.plot.setXRange(0, top * 1.12, padding=0)

    def _set_exportable(self, yes: bool) -> None:
        self.csv_button.setEnabled(yes)
        self.xlsx_button.setEnabled(yes)

    # -- files ---------------------------------------------------------------------------

    def export_csv(self, path: Path) -> None:
        header, rows = self.cells()
        write_csv(path, header, rows)

    def export_xlsx(self, path: Path) -> None:
        header, rows = self.cells()
        write_xlsx(path, header, rows, title=self.tr("Report"))

    def _export(self, kind: str) -> None:
        if self.report is None:
            return
        start = to_city(datetime.fromisoformat(self.report["from"]))
        suggested = f"report-{self.report['by']}-{start:%Y%m%d-%H%M}.{kind}"
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the report"), suggested,
            self.tr("CSV (*.csv)") if kind == "csv" else self.tr("Excel workbook (*.xlsx)"))
        if not name:
            return
        path = Path(name)
        try:
            (self.export_csv if kind == "csv" else self.export_xlsx)(path)
        except OSError as e:
            self.status.setText(self.tr("Could not write %1: %2").replace(
                "%1", str(path)).replace("%2", e.strerror or str(e)))
            return
        self.status.setText(self.tr("Saved to %1").replace("%1", str(path)))


def open_reports_window(bridge: SyncBridge, catalog: CatalogView, *,
                        parent: QWidget | None = None) -> ReportsWindow:
    client = bridge.client

    def fetch(start: datetime, end: datetime, by: Grouping) -> dict[str, Any]:
        return client.http.request("GET", "/reports", params={
            "from": start.isoformat(), "to": end.isoformat(), "by": by.value})

    window = ReportsWindow(fetch, catalog, client.server_now, parent=parent)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.show()
    return window

