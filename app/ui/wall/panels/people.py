"""The clock, the shift, and who is at the desks with what they hold."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.domain.timezone import to_city
from app.ui.timefmt import age, clock
from app.ui.wall import theme
from app.ui.wall.figures import Person, WallFigures
from app.ui.wall.panels.base import WallContext, WallPanel
from app.ui.wall.widgets import Line


class PeoplePanel(WallPanel):
    ticking = True

    def __init__(self, context: WallContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        box = QVBoxLayout(self.body)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(4)
        self.clock = Line(theme.CLOCK_PX, bold=True)
        self.clock.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.date = Line(theme.LABEL_PX, colour=theme.DIM)
        self.date.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.shift = Line(theme.LABEL_PX)
        self.shift.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.online = Line(theme.LABEL_PX, bold=True, colour=theme.DIM)
        for w in (self.clock, self.date, self.shift, self.online):
            box.addWidget(w)
        self.people = QVBoxLayout()
        self.people.setSpacing(2)
        box.addLayout(self.people)
        box.addStretch(1)
        self.more = Line(theme.SMALL_PX, colour=theme.DIM)
        box.addWidget(self.more)
        self.rows: list[Line] = []

    def title(self) -> str:
        return self.tr("Clock, shift and people")

    def fits(self) -> int:
        used = sum(w.height() + 4 for w in (self.clock, self.date, self.shift, self.online,
                                             self.more))
        return max(1, (self.body.height() - used) // (theme.ROW_PX + 10))

    def render(self, figures: WallFigures) -> None:
        people = figures.people
        self.online.setText(self.tr("Online: %d") % len(people))
        shown = people[: self.fits()] if len(people) > self.fits() else people
        if len(shown) < len(people):
            shown = people[: max(0, self.fits() - 1)]
        while len(self.rows) < len(shown):
            line = Line(theme.ROW_PX)
            self.people.addWidget(line)
            self.rows.append(line)
        for line, p in zip(self.rows, shown, strict=False):
            line.setText(self._person(p))
            line.show()
        for line in self.rows[len(shown):]:
            line.hide()
        hidden = len(people) - len(shown)
        self.more.setText(self.tr("+%d more") % hidden if hidden else "")
        self.tick()

    def _person(self, p: Person) -> str:
        if not p.holds:
            return p.name
        numbers = ", ".join(p.holds)
        return self.tr("%s — holds %d: %s") % (p.name, len(p.holds), numbers)

    def tick(self) -> None:
        now = self.now()
        if now is None or self.figures is None:
            return
        self.clock.setText(clock(now))
        self.date.setText(to_city(now).strftime("%d.%m.%Y"))
        shift = self.figures.shift
        left = (shift.end - now).total_seconds()
        self.shift.setText(self.tr("Shift %s · ends in %s") % (shift.label, age(left)))
