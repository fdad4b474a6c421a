"""Incidents per hour by category over the last 24 hours, one small chart per category,
with the same hours of last week as a dashed ghost behind.

Drawn with QPainter rather than pyqtgraph: with PySide6 6.12 on Python 3.11 every
``Signal.emit`` made from Python drops a reference to ``True`` (emit returns it without
one), and the interpreter aborts once the count reaches zero, after a few hundred emits.
pyqtgraph emits from Python on every ``setData`` and range change, which would bring an
unattended wall down within minutes; these charts emit nothing.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QGridLayout, QSizePolicy, QVBoxLayout, QWidget

from app.domain.timezone import to_city
from app.ui.wall import theme
from app.ui.wall.figures import TrendSeries, WallFigures
from app.ui.wall.panels.base import WallContext, WallPanel
from app.ui.wall.widgets import Line

COLUMNS = 4
CELLS = 8
AXIS_PX = theme.SMALL_PX - 2


class Plot(QWidget):
    """A line for the last 24 hours over a dashed one for the week before."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.current: tuple[int, ...] = ()
        self.ghost: tuple[int, ...] = ()
        self.ticks: list[tuple[int, str]] = []

    def show_series(self, s: TrendSeries, ticks: list[tuple[int, str]]) -> None:
        if (s.current, s.ghost, ticks) != (self.current, self.ghost, self.ticks):
            self.current, self.ghost, self.ticks = s.current, s.ghost, ticks
            self.update()

    def paintEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setFont(theme.font(AXIS_PX))
        fm = p.fontMetrics()
        left, bottom = fm.horizontalAdvance("000") + 8, fm.height() + 4
        area = QRectF(left, 6, max(self.width() - left - 6, 1),
                      max(self.height() - bottom - 6, 1))
        n = max(len(self.current), 2)
        top = max(max(self.current, default=0), max(self.ghost, default=0), 1)

        def point(i: int, v: int) -> QPointF:
            return QPointF(area.left() + area.width() * i / (n - 1),
                           area.bottom() - area.height() * v / (top * 1.1))

        p.setPen(QPen(QColor(theme.RULE), 1))
        p.drawLine(area.bottomLeft(), area.bottomRight())
        p.setPen(QColor(theme.DIM))
        for value in (0, top):
            y = point(0, value).y()
            p.drawText(QRectF(0, y - fm.height() / 2, left - 6, fm.height()),
                       int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                       str(value))
        for i, label in self.ticks:
            x, w = point(i, 0).x(), fm.horizontalAdvance(label)
            x = min(max(x - w / 2, area.left()), area.right() - w)  # inside the chart
            p.drawText(QRectF(x, area.bottom() + 2, w + 2, fm.height()), 0, label)
        for values, pen in (
                (self.ghost, QPen(QColor(theme.GHOST), 2, Qt.PenStyle.DashLine)),
                (self.current, QPen(QColor(theme.TEXT), 3))):
            p.setPen(pen)
            p.drawPolyline(QPolygonF([point(i, v) for i, v in enumerate(values)]))


class Chart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        self.caption = Line(theme.LABEL_PX)
        self.note = Line(theme.SMALL_PX, colour=theme.DIM)
        self.plot = Plot()
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
        self.charts: list[Chart] = []
        self.legend = Line(theme.SMALL_PX, colour=theme.DIM)
        self.more = Line(theme.SMALL_PX, colour=theme.DIM)

    def title(self) -> str:
        return self.tr("Incidents per hour, 24 h")

    def render(self, figures: WallFigures) -> None:
        series = list(figures.trends)
        if len(series) > CELLS:
            busiest = sorted(series, key=lambda s: -sum(s.current))[:CELLS]
            series = [s for s in series if s in busiest]
        while len(self.charts) < len(series):
            self.charts.append(Chart())
        # As many to a row as stay readable: a narrow panel stacks them.
        columns = max(1, min(COLUMNS, self.body.width() // 200, len(series)))
        for n, chart in enumerate(self.charts[: len(series)]):
            self.grid.addWidget(chart, n // columns, n % columns)
        rows = (len(series) + columns - 1) // columns
        self.grid.addWidget(self.legend, rows, 0, 1, columns)
        self.grid.addWidget(self.more, rows + 1, 0, 1, columns)
        self.legend.setText(self.tr("solid: last 24 h · dashed: the same hours a week ago"))
        self.legend.show()
        start, hours = figures.trend_start, len(series[0].current) if series else 24
        ticks = [(h, to_city(start + timedelta(hours=h)).strftime("%H:00"))
                 for h in (0, hours - 1)]
        for chart, s in zip(self.charts, series, strict=False):
            now, then = sum(s.current), sum(s.ghost)
            chart.caption.setText(s.name)
            chart.note.setText(self.tr("%d in 24 h · a week ago %d") % (now, then))
            chart.show_series(s, ticks)
            chart.show()
        for chart in self.charts[len(series):]:
            chart.hide()
        hidden = len(figures.trends) - len(series)
        self.more.setText(self.tr("+%d more categories") % hidden if hidden else "")
        self.more.setVisible(bool(hidden))
