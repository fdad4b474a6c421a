"""KPI tiles: the room's state in five numbers, and this shift's speed against the norms."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

from app.ui.timefmt import age
from app.ui.wall import theme
from app.ui.wall.figures import StepFigures, WallFigures
from app.ui.wall.panels.base import WallContext, WallPanel
from app.ui.wall.widgets import Line

MARKS = {"critical": theme.MARK_CRITICAL, "overdue": theme.MARK_OVERDUE,
         "emergency": theme.MARK_EMERGENCY}


class Tile(QWidget):
    """A caption, a big value and a note. An abnormal value is coloured and marked."""

    def __init__(self, value_px: int = theme.VALUE_PX, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        self.caption = Line(theme.LABEL_PX, colour=theme.DIM)
        self.value = Line(value_px, bold=True)
        self.note = Line(theme.SMALL_PX, colour=theme.DIM)
        for w in (self.caption, self.value, self.note):
            box.addWidget(w)
        box.addStretch(1)
        self.level = ""

    def show_value(self, caption: str, value: str, note: str = "", level: str = "") -> None:
        self.level = level
        self.caption.setText(caption)
        mark = MARKS.get(level)
        self.value.setText(f"{mark} {value}" if mark else value)
        self.value.set_colour(theme.colour_of(level))
        self.note.setText(note)
        self.note.set_colour(theme.colour_of(level) if level else theme.DIM)


def _duration(seconds: float | None) -> str:
    return "—" if seconds is None else age(seconds)


class KpiPanel(WallPanel):
    def __init__(self, context: WallContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        grid = QGridLayout(self.body)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(theme.MARGIN * 2)
        grid.setVerticalSpacing(theme.MARGIN)
        (self.open, self.critical, self.overdue, self.awaiting, self.registered,
         self.emergencies) = (Tile() for _ in range(6))
        # Three to a row: a third of a 1080p screen still reads from across the room.
        for n, tile in enumerate((self.open, self.critical, self.overdue)):
            grid.addWidget(tile, 0, n)
        grid.addWidget(self.awaiting, 1, 0, 1, 2)  # the longest caption
        grid.addWidget(self.registered, 1, 2)
        grid.addWidget(self.emergencies, 0, 3)  # beside the room's other alarms
        self.register, self.handover = Tile(theme.VALUE_PX // 2), Tile(theme.VALUE_PX // 2)
        grid.addWidget(self.register, 2, 0, 1, 4)
        grid.addWidget(self.handover, 3, 0, 1, 4)

    def title(self) -> str:
        return self.tr("Incidents now")

    def render(self, figures: WallFigures) -> None:
        k = figures.kpis
        self.open.show_value(self.tr("Open"), str(k.open))
        self.critical.show_value(self.tr("Critical"), str(k.critical),
                                 self.tr("priority 1") if k.critical else "",
                                 "critical" if k.critical else "")
        self.overdue.show_value(self.tr("Overdue"), str(k.overdue),
                                self.tr("past their norm") if k.overdue else "",
                                "overdue" if k.overdue else "")
        late_ack = figures.ack_late
        self.awaiting.show_value(
            self.tr("Awaiting acknowledgement"), str(k.awaiting_ack),
            self.tr("%d past the norm") % late_ack if late_ack else "",
            "overdue" if late_ack else "")
        self.registered.show_value(self.tr("Last hour"), str(k.registered_last_hour),
                                   self.tr("registered"))
        self._emergencies(figures)
        self._step(self.register, self.tr("Time to register, this shift"),
                   figures.shift.register)
        self._step(self.handover, self.tr("Time to hand over, this shift"),
                   figures.shift.handover)

    def _emergencies(self, figures: WallFigures) -> None:
        count = figures.emergencies_in_force
        late = sum(1 for e in figures.emergencies if e.report_late(figures.now))
        in_force = self.tr("in force") if count else ""
        note = self.tr("%n report(s) late", "", late) if late else in_force
        self.emergencies.show_value(self.tr("Emergencies"), str(count), note,
                                    "emergency" if count or late else "")

    def _step(self, tile: Tile, caption: str, s: StepFigures) -> None:
        value = self.tr("mean %s · 90%% within %s") % (_duration(s.mean), _duration(s.p90))
        if s.within is None:
            tile.show_value(caption, value, self.tr("nothing measured yet"))
            return
        share = round(s.within * 100)
        norm = self.tr(" · norm %s") % _duration(s.norm) if s.norm is not None else ""
        if s.below_target:
            note = self.tr("%d%% within the norm, below 90%%") % share + norm
        else:
            note = self.tr("%d%% within the norm") % share + norm
        tile.show_value(caption, value, note, "overdue" if s.below_target else "")
