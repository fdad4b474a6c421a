"""Critical and overdue incidents, most urgent first, each with its age counting up."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

from app.ui.timefmt import age
from app.ui.wall import theme
from app.ui.wall.figures import ExceptionRow, WallFigures
from app.ui.wall.panels.base import WallContext, WallPanel
from app.ui.wall.widgets import Line
from app.ui.wall.words import SENSITIVE, late_text, wall_word

ROW_HEIGHT = theme.ROW_PX + theme.SMALL_PX + 26


class Row(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 2, 0, 6)
        grid.setHorizontalSpacing(theme.MARGIN)
        grid.setVerticalSpacing(0)
        self.badge = Line(theme.ROW_PX, bold=True)
        self.kind = Line(theme.ROW_PX, bold=True)
        self.age = Line(theme.ROW_PX, bold=True)
        self.age.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.number = Line(theme.SMALL_PX, colour=theme.DIM)
        self.detail = Line(theme.SMALL_PX, colour=theme.DIM)
        # The type and the age on top, where they read from afar; the number and the rest
        # beneath, for whoever walks up to the wall.
        grid.addWidget(self.badge, 0, 0)
        grid.addWidget(self.kind, 0, 1, 1, 2)
        grid.addWidget(self.age, 0, 3)
        grid.addWidget(self.number, 1, 1)
        grid.addWidget(self.detail, 1, 2, 1, 2)
        for col, width in ((0, 36), (1, 150), (3, 130)):
            grid.setColumnMinimumWidth(col, width)
        grid.setColumnStretch(2, 1)
        self.setFixedHeight(ROW_HEIGHT)
        self.row: ExceptionRow | None = None


class ExceptionsPanel(WallPanel):
    ticking = True

    def __init__(self, context: WallContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.box = QVBoxLayout(self.body)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(0)
        self.rows: list[Row] = []
        self.more = Line(theme.LABEL_PX, colour=theme.DIM)
        self.empty = Line(theme.ROW_PX, colour=theme.DIM)
        self.box.addWidget(self.empty)
        self.box.addStretch(1)
        self.box.addWidget(self.more)

    def title(self) -> str:
        return self.tr("Critical and overdue")

    def fits(self) -> int:
        room = self.body.height() - self.more.height()
        return max(1, room // ROW_HEIGHT)

    def render(self, figures: WallFigures) -> None:
        shown = figures.exceptions[: self.fits()]
        while len(self.rows) < len(shown):
            row = Row()
            self.box.insertWidget(len(self.rows), row)
            self.rows.append(row)
        for row, data in zip(self.rows, shown, strict=False):
            self._show(row, data)
            row.show()
        for row in self.rows[len(shown):]:
            row.row = None
            row.hide()
        hidden = len(figures.exceptions) - len(shown)
        self.more.setText(self.tr("+%d more") % hidden if hidden else "")
        self.empty.setText("" if figures.exceptions else self.tr("Nothing critical or overdue"))
        self.empty.setVisible(not figures.exceptions)
        self.tick()

    def _show(self, row: Row, e: ExceptionRow) -> None:
        row.row = e
        # The mark's shape says it without colour; the word opens the second line.
        if e.critical:
            row.badge.setText(theme.MARK_CRITICAL)
            row.badge.set_colour(theme.CRITICAL)
            status = self.tr("critical")
        else:
            row.badge.setText(theme.MARK_OVERDUE)
            row.badge.set_colour(theme.OVERDUE)
            status = self.tr("late")
        row.number.setText(e.number)
        row.kind.setText(wall_word(SENSITIVE) if e.masked else e.type_name or "")
        row.kind.set_colour(theme.DIM if e.masked else theme.TEXT)
        late = " · ".join(late_text(s.kind, s.service) for s in e.late)
        row.detail.setText(" · ".join(
            t for t in (status, e.place, f"{theme.MARK_OVERDUE} {late}" if late else "") if t))
        row.detail.set_colour(theme.OVERDUE if e.late else theme.DIM)

    def tick(self) -> None:
        now = self.now()
        if now is None:
            return
        for row in self.rows:
            if row.row is not None:
                row.age.setText(age((now - row.row.received_at).total_seconds()))
