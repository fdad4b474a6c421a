"""Emergencies first, each with the countdown to its next report; then critical and
overdue incidents, most urgent first, each with its age counting up."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

from app.domain.timezone import to_city
from app.ui.emergency_words import level_word
from app.ui.timefmt import age
from app.ui.wall import theme
from app.ui.wall.figures import EmergencyRow, ExceptionRow, WallFigures
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
        self.emergency: EmergencyRow | None = None


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
        pinned = {e.id for e in figures.emergencies}
        listed: list[EmergencyRow | ExceptionRow] = [
            *figures.emergencies, *(e for e in figures.exceptions if e.id not in pinned)]
        shown = listed[: self.fits()]
        while len(self.rows) < len(shown):
            row = Row()
            self.box.insertWidget(len(self.rows), row)
            self.rows.append(row)
        for row, data in zip(self.rows, shown, strict=False):
            if isinstance(data, EmergencyRow):
                self._show_emergency(row, data)
            else:
                self._show(row, data)
            row.show()
        for row in self.rows[len(shown):]:
            row.row = row.emergency = None
            row.hide()
        hidden = len(listed) - len(shown)
        self.more.setText(self.tr("+%d more") % hidden if hidden else "")
        self.empty.setText("" if listed else self.tr("Nothing critical or overdue"))
        self.empty.setVisible(not listed)
        self.tick()

    def _show_emergency(self, row: Row, e: EmergencyRow) -> None:
        row.row, row.emergency = None, e
        row.badge.setText(theme.MARK_EMERGENCY)
        row.badge.set_colour(theme.EMERGENCY)
        row.number.setText(e.number)
        row.kind.setText(wall_word(SENSITIVE) if e.masked else e.type_name or "")
        row.kind.set_colour(theme.EMERGENCY)
        what = (self.tr("emergency, %s") if e.in_force else
                self.tr("emergency lifted, %s")) % level_word(e.level)
        due = (self.tr("report by %s") % f"{to_city(e.report_due):%H:%M}"
               if e.report_due else "")
        row.detail.setText(" · ".join(t for t in (what, due, e.place) if t))
        row.detail.set_colour(theme.EMERGENCY)

    def _show(self, row: Row, e: ExceptionRow) -> None:
        row.row, row.emergency = e, None
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
                row.age.set_colour(theme.TEXT)
            elif row.emergency is not None:
                self._countdown(row, row.emergency, now)

    def _countdown(self, row: Row, e: EmergencyRow, now: datetime) -> None:
        """The time left to the next report; late, how late, marked and amber."""
        if e.report_due is None:
            row.age.setText("")
            return
        left = (e.report_due - now).total_seconds()
        if e.report_late(now):
            row.age.setText(f"{theme.MARK_OVERDUE} +{age(-left)}")
            row.age.set_colour(theme.OVERDUE)
        else:
            row.age.setText(age(left))
            row.age.set_colour(theme.EMERGENCY)
