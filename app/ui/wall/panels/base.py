"""What every wall panel is: a dark card with a title, fed whole figures by ``refresh``,
and a strip that says plainly when what it shows is not the live state."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.sync.store import Applied
from app.ui.catalog_view import CatalogView
from app.ui.timefmt import city_time
from app.ui.wall import theme
from app.ui.wall.figures import State, WallFigures
from app.ui.wall.widgets import Line


@dataclass
class WallContext:
    """What panels may need beyond the figures; all panels take the same one."""

    catalog: CatalogView
    state: State | None = None  # the map draws incidents from it
    basemap: dict[str, Any] | None = None
    monotonic: Callable[[], float] = field(default=time.monotonic)
    clock: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))


def unfocusable(widget: QWidget) -> None:
    """The wall runs unattended beside people typing: it must never take their keys."""
    widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    for child in widget.findChildren(QWidget):
        child.setFocusPolicy(Qt.FocusPolicy.NoFocus)


class WallPanel(QWidget):
    """``refresh(figures)`` redraws from figures; ``set_live`` says whether they are now.

    Subclasses build into ``self.body`` and implement ``render``; panels whose text moves
    with time (ages, the clock) override ``tick``, called every second while live, and
    read the time from ``now()``, which runs on from the figures' moment only while live."""

    ticking = False

    def __init__(self, context: WallContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.figures: WallFigures | None = None
        self.live = True
        self.as_of: datetime | None = None
        self._since = context.monotonic()
        theme.paint_dark(self)
        box = QVBoxLayout(self)
        box.setContentsMargins(theme.MARGIN, theme.MARGIN // 2, theme.MARGIN, theme.MARGIN)
        box.setSpacing(theme.MARGIN // 2)
        self.strip = Line(theme.LABEL_PX, bold=True, colour="#ffffff",
                          background=theme.NOT_LIVE_BG)
        self.strip.setObjectName("notLive")
        self.strip.hide()
        self.heading = Line(theme.TITLE_PX, bold=True, colour=theme.DIM)
        self.heading.setText(self.title())
        self.body = QWidget()
        self.body.installEventFilter(self)
        box.addWidget(self.strip)
        box.addWidget(self.heading)
        box.addWidget(self.body, 1)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.tick)
        if self.ticking:
            self._timer.start(1000)

    def title(self) -> str:
        return ""

    def refresh(self, figures: WallFigures) -> None:
        self.figures = figures
        self._since = self.context.monotonic()
        self.render(figures)
        unfocusable(self)

    def render(self, figures: WallFigures) -> None:
        raise NotImplementedError

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.body and event.type() == QEvent.Type.Resize
                and self.figures is not None):
            self.render(self.figures)  # how much fits has changed
        return super().eventFilter(watched, event)

    def now(self) -> datetime | None:
        if self.figures is None:
            return None
        if not self.live:
            return self.figures.now
        return self.figures.now + timedelta(seconds=self.context.monotonic() - self._since)

    def tick(self) -> None:
        """Between refreshes: what moves with the clock."""

    def set_live(self, live: bool, as_of: datetime | None = None) -> None:
        self.live, self.as_of = live, as_of
        if live:
            self.strip.hide()
            if self.ticking:
                self._timer.start(1000)
        else:
            self._timer.stop()
            self.strip.setText(
                # The moment first: a narrow panel elides the words, never the time.
                QCoreApplication.translate("WallPanel", "◀ %s — NOT LIVE")
                % city_time(as_of) if as_of else
                QCoreApplication.translate("WallPanel", "NOT LIVE"))
            self.strip.show()
        self.tick()

    # The map panel follows the state change by change; the others need only figures.
    def apply_changes(self, batch: list[Applied] | None) -> None:
        """A replica batch (None: a new snapshot), for panels that draw from the state."""
