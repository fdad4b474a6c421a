"""Load per duty service: open hand-overs as grey bars, the overdue part in amber and
hatched, with the numbers in words beside them."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter
from PySide6.QtWidgets import QGridLayout, QSizePolicy, QWidget

from app.ui.wall import theme
from app.ui.wall.figures import ServiceBar, WallFigures
from app.ui.wall.panels.base import WallContext, WallPanel
from app.ui.wall.widgets import Line

BAR_SHARE = 0.3  # a bar narrower than this share of the row no longer reads as a bar


class Bar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.open = self.overdue = 0
        self.scale = 1
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(theme.ROW_PX)

    def show_bar(self, open_: int, overdue: int, scale: int) -> None:
        if (open_, overdue, scale) != (self.open, self.overdue, self.scale):
            self.open, self.overdue, self.scale = open_, overdue, max(scale, 1)
            self.update()

    def paintEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        p = QPainter(self)
        w, h = self.width(), self.height()
        p.fillRect(QRectF(0, 0, w, h), QColor(theme.RULE))
        unit = w / self.scale
        p.fillRect(QRectF(0, 0, unit * self.open, h), QColor(theme.BAR))
        if self.overdue:
            late = QRectF(0, 0, unit * self.overdue, h)
            p.fillRect(late, QColor(theme.OVERDUE))
            # Hatching: the overdue part reads as different without its colour too.
            p.fillRect(late, QBrush(QColor(theme.BACKGROUND), Qt.BrushStyle.BDiagPattern))


class LoadPanel(WallPanel):
    def __init__(self, context: WallContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.grid = QGridLayout(self.body)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(theme.MARGIN)
        self.grid.setColumnStretch(1, 1)
        self.rows: list[tuple[Line, Bar, Line]] = []
        self.more = Line(theme.SMALL_PX, colour=theme.DIM)

    def title(self) -> str:
        return self.tr("Duty services: open and overdue")

    def _row(self, n: int) -> tuple[Line, Bar, Line]:
        while len(self.rows) <= n:
            i = len(self.rows)
            row = (Line(theme.ROW_PX), Bar(), Line(theme.ROW_PX))
            for col, w in enumerate(row):
                self.grid.addWidget(w, i, col)
            self.rows.append(row)
        return self.rows[n]

    def fits(self) -> int:
        height = max(self.body.height(), 1)
        return max(1, height // (theme.ROW_PX + 14))

    def render(self, figures: WallFigures) -> None:
        bars = list(figures.load)
        room = self.fits()
        if len(bars) > room:
            # Short of room, the quiet services go first (from the end), one line is kept
            # for "+N more"; the rest keep the catalogue's order, so bars do not jump.
            quiet = [i for i, b in enumerate(bars) if not b.open]
            drop = set(quiet[::-1][: len(bars) - (room - 1)])
            bars = [b for i, b in enumerate(bars) if i not in drop][: room - 1]
        hidden = len(figures.load) - len(bars)
        scale = max((b.open for b in figures.load), default=1)
        for n, b in enumerate(bars):
            self._show(self._row(n), b, scale)
        for row in self.rows[len(bars):]:
            for w in row:
                w.hide()
        self.grid.removeWidget(self.more)
        self.grid.addWidget(self.more, len(bars), 0, 1, 3)
        self.more.setText(self.tr("+%d more") % hidden if hidden else "")
        self.more.setVisible(bool(hidden))
        self.grid.setRowStretch(len(bars) + 1, 1)
        self._fit_columns(bars)

    def _fit_columns(self, bars: list[ServiceBar]) -> None:
        """The names and the numbers get the width they need, so they read whole from
        across the room ("Пожарн…" does not); the bars take what is left, at least
        ``BAR_SHARE`` of the row, and only below that do the words give way."""
        rows = self.rows[:len(bars)]
        if not rows:
            return
        metrics = rows[0][0].fontMetrics()
        names = max(metrics.horizontalAdvance(r[0].text()) for r in rows) + 8
        numbers = max(metrics.horizontalAdvance(r[2].text()) for r in rows) + 8
        room = max(self.body.width() - 2 * theme.MARGIN, 1)
        words = max(1, round(room * (1 - BAR_SHARE)))
        if names + numbers > words:
            numbers = max(words - names, words // 2)
            names = min(names, words - numbers)
        if (names, numbers) != (self.grid.columnMinimumWidth(0),
                                self.grid.columnMinimumWidth(2)):
            self.grid.setColumnMinimumWidth(0, names)
            self.grid.setColumnMinimumWidth(2, numbers)
            # Laid out now, not on a later turn of the loop: a grab (the review's
            # screenshot) right after a resize would show the widths from before.
            self.grid.activate()

    def _show(self, row: tuple[Line, Bar, Line], b: ServiceBar, scale: int) -> None:
        name, bar, numbers = row
        name.setText(b.name)
        bar.show_bar(b.open, b.overdue, scale)
        if b.overdue:
            numbers.setText(self.tr("%d open · %s %d late") % (b.open, theme.MARK_OVERDUE,
                                                               b.overdue))
            numbers.set_colour(theme.OVERDUE)
        else:
            numbers.setText(self.tr("%d open") % b.open)
            numbers.set_colour(theme.TEXT if b.open else theme.DIM)
        for w in row:
            w.show()
