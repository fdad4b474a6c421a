"""Incidents per hour by category over the last 24 hours, one small pyqtgraph chart per
category: the last 24 hours as a solid bright line, the same hours of last week as a
dashed grey ghost behind it, and this hour's count written at the end of the line.

Nothing on the wall is operated by hand, so the charts take no mouse, no wheel, no menu
and no focus; their ranges are set from the figures, never by autorange, so a chart reads
the same every second. A refresh only feeds new values to the existing lines
(``setData``), and only when they changed; charts are made or dropped only when the set
of categories changes.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QGridLayout, QSizePolicy, QVBoxLayout, QWidget

from app.domain.timezone import to_city
from app.ui.wall import theme
from app.ui.wall.figures import TrendSeries, WallFigures
from app.ui.wall.panels.base import WallContext, WallPanel
from app.ui.wall.widgets import Line

COLUMNS = 4
CELLS = 8
MIN_CHART_PX = 260  # narrower than this, the hour labels of a chart crowd each other
AXIS_PX = theme.SMALL_PX
HEADROOM = 1.15  # the highest point stays clear of the chart's top edge


def hour_ticks(start: datetime, hours: int) -> list[tuple[int, str]]:
    """First, middle and last hour of the chart, in city time: enough to place a peak."""
    return [(h, to_city(start + timedelta(hours=h)).strftime("%H:00"))
            for h in sorted({0, hours // 2, hours - 1})]


class TrendPlot(pg.PlotWidget):
    """One category's chart, read from across the room and never operated."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, background=theme.PANEL)
        self.setAntialiasing(True)
        # Not a control: clicks, the wheel and the context menu would only move the view.
        self.setInteractive(False)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # Takes the room the panel gives and never asks for more: a chart that widened the
        # panel would change how many fit in a row, and so its own width, back and forth.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        item = self.getPlotItem()
        item.hideButtons()
        item.setMenuEnabled(False)
        item.setMouseEnabled(x=False, y=False)
        item.disableAutoRange()
        item.layout.setContentsMargins(0, 4, 8, 0)
        font = theme.font(AXIS_PX)
        metrics = QFontMetrics(font)
        for name in ("left", "bottom", "right"):
            axis = item.getAxis(name)
            axis.setPen(pg.mkPen(theme.RULE, width=1))
            axis.setTextPen(pg.mkPen(theme.DIM))
            axis.setTickFont(font)
            axis.setStyle(tickLength=0, tickTextOffset=6)
        # The first and the last hour's labels stand centred under the chart's ends, and
        # "0" beside its bottom, half past its corners: allowed, or pyqtgraph drops them.
        item.getAxis("bottom").setStyle(
            hideOverlappingLabels=metrics.horizontalAdvance("00:00") // 2 + 4)
        for name in ("left", "right"):
            item.getAxis(name).setStyle(hideOverlappingLabels=metrics.height() // 2 + 4)
        item.getAxis("bottom").setHeight(metrics.height() + 8)
        item.getAxis("left").setWidth(metrics.horizontalAdvance("000") + 10)
        # This hour's count, bright at the end of the line, where the eye ends up; on an
        # axis of its own so that it never sits on the lines.
        now = item.getAxis("right")
        now.setTickFont(theme.font(theme.LABEL_PX, bold=True))
        now.setTextPen(pg.mkPen(theme.TEXT))
        now.setPen(pg.mkPen(theme.PANEL))
        now.setWidth(QFontMetrics(theme.font(theme.LABEL_PX, bold=True))
                     .horizontalAdvance("000") + 10)
        item.showAxis("right")
        # A faint rule at the top count. Not the axis grid: with a grid pyqtgraph keeps the
        # axis labels inside the chart's height and drops "0" and the top one.
        self.rule = pg.InfiniteLine(angle=0, pen=pg.mkPen(theme.RULE, width=1))
        item.addItem(self.rule, ignoreBounds=True)
        self.ghost = item.plot(pen=pg.mkPen(theme.GHOST, width=3, style=Qt.PenStyle.DashLine))
        self.current = item.plot(pen=pg.mkPen(theme.TEXT, width=4))
        self.shown: tuple[tuple[int, ...], tuple[int, ...], list[tuple[int, str]]] | None = None

    def show_series(self, s: TrendSeries, ticks: list[tuple[int, str]]) -> None:
        if self.shown == (s.current, s.ghost, ticks):
            return  # most seconds: nothing to redraw
        self.shown = (s.current, s.ghost, ticks)
        hours = len(s.current)
        top = max(max(s.current, default=0), max(s.ghost, default=0), 1)
        item = self.getPlotItem()
        xs = list(range(hours))
        self.ghost.setData(xs, list(s.ghost))
        self.current.setData(xs, list(s.current))
        item.setXRange(0, max(hours - 1, 1), padding=0.02)
        item.setYRange(0, top * HEADROOM, padding=0)
        item.getAxis("left").setTicks([[(0, "0"), (top, str(top))]])
        self.rule.setPos(top)
        item.getAxis("bottom").setTicks([ticks])
        last = s.current[-1] if s.current else 0
        item.getAxis("right").setTicks([[(last, str(last))]])


class Chart(QWidget):
    """A category's name, its totals in words, and its chart."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        self.caption = Line(theme.LABEL_PX)
        self.note = Line(theme.SMALL_PX, colour=theme.DIM)
        self.plot = TrendPlot()
        for w in (self.caption, self.note, self.plot):
            box.addWidget(w)
        box.setStretch(2, 1)

    def show_series(self, s: TrendSeries, ticks: list[tuple[int, str]]) -> None:
        self.plot.show_series(s, ticks)


class TrendsPanel(WallPanel):
    def __init__(self, context: WallContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.grid = QGridLayout(self.body)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(theme.MARGIN)
        self.charts: dict[str, Chart] = {}  # by category code
        self.placed: tuple[tuple[str, ...], int] | None = None
        self.legend = Line(theme.SMALL_PX, colour=theme.DIM)
        self.more = Line(theme.SMALL_PX, colour=theme.DIM)

    def title(self) -> str:
        return self.tr("Incidents per hour, 24 h")

    def render(self, figures: WallFigures) -> None:
        series = list(figures.trends)
        if len(series) > CELLS:
            busiest = sorted(series, key=lambda s: -sum(s.current))[:CELLS]
            series = [s for s in series if s in busiest]
        codes = tuple(s.code for s in series)
        for gone in set(self.charts) - {s.code for s in figures.trends}:
            chart = self.charts.pop(gone)  # a category left the catalogue
            self.grid.removeWidget(chart)
            chart.hide()  # now, not when the event loop gets to deleting it
            chart.deleteLater()
        for code in codes:
            if code not in self.charts:
                self.charts[code] = Chart()
        # As many to a row as stay readable: a narrow panel stacks them.
        columns = max(1, min(COLUMNS, self.body.width() // MIN_CHART_PX, len(series)))
        if self.placed != (codes, columns):
            self.place(codes, columns)
        self.legend.setText(self.tr("solid: last 24 h · dashed: a week ago"))
        start, hours = figures.trend_start, len(series[0].current) if series else 24
        ticks = hour_ticks(start, hours)
        for s in series:
            chart = self.charts[s.code]
            chart.caption.setText(s.name)
            chart.note.setText(self.tr("%d in 24 h · a week ago %d")
                               % (sum(s.current), sum(s.ghost)))
            chart.show_series(s, ticks)
        hidden = len(figures.trends) - len(series)
        self.more.setText(self.tr("+%d more categories") % hidden if hidden else "")
        self.more.setVisible(bool(hidden))

    def place(self, codes: tuple[str, ...], columns: int) -> None:
        """Lay the charts out again: only when the categories shown or the columns change.

        Showing a chart can resize the body at once, which renders again; what is being
        placed is recorded first so that render finds it done instead of recursing."""
        self.placed = (codes, columns)
        for w in (*self.charts.values(), self.legend, self.more):
            self.grid.removeWidget(w)
        for chart in self.charts.values():
            chart.hide()
        for r in range(self.grid.rowCount()):
            self.grid.setRowStretch(r, 0)
        for n, code in enumerate(codes):
            self.grid.addWidget(self.charts[code], n // columns, n % columns)
            self.charts[code].show()
        rows = (len(codes) + columns - 1) // columns
        for r in range(rows):
            self.grid.setRowStretch(r, 1)  # the charts share the height; the words do not
        self.grid.addWidget(self.legend, rows, 0, 1, columns)
        self.grid.addWidget(self.more, rows + 1, 0, 1, columns)
        self.legend.show()
