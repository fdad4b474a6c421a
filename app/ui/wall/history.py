"""The wall, back in time: the supervisor's window onto the wall's panels at any moment of
the last days, each state rebuilt by the service from its change log.

Only the console's menu opens it, for supervisors and admins; the unattended wall has no
way back and always stays live. While the window shows the past, every panel carries the
violet "NOT LIVE — state at …" strip and its clocks stand at that moment; "Back to live"
returns it to the live feed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from app.domain.timezone import CITY_TZ, to_city
from app.sync.store import ReplicaStore
from app.ui.bridge import SyncBridge
from app.ui.catalog_view import CatalogView
from app.ui.shortcuts import add_help
from app.ui.tasks import run_task
from app.ui.wall import theme
from app.ui.wall.figures import WallFigures, WallSource
from app.ui.wall.layout import ScreenLayout, parse_layout
from app.ui.wall.panels.map import MapPanel
from app.ui.wall.window import WallFeed, WallWindow

DAYS = 7  # as far back as the service rebuilds a state
STEP_MIN = 10  # the slider's arrow keys, and the finer buttons
DEBOUNCE_MS = 300  # while the slider is dragged, only where it rests is fetched

# Every panel at once and nothing rotating: a page turning away while one scrubs would hide
# what one is looking for.
LAYOUT = """
rotate_seconds = 3600
[[screen]]
index = 0
pinned = ["exceptions", "people"]
[[screen.page]]
columns = 2
panels = ["kpi", "load", "trends", "map"]
"""


def history_layout() -> ScreenLayout:
    return parse_layout(LAYOUT, "<history>").screens[0]


# The controls in the wall's own colours: the default light style glared beside the panels.
BAR_STYLE = f"""
#timeTravel {{ background: {theme.PANEL}; border-bottom: 1px solid {theme.RULE}; }}
#timeTravel QLabel {{ color: {theme.TEXT}; font-size: 11pt; }}
#timeTravel QPushButton, #timeTravel QDateTimeEdit {{
    color: {theme.TEXT}; background: {theme.BACKGROUND}; border: 1px solid {theme.BAR};
    border-radius: 3px; padding: 4px 10px; font-size: 11pt; }}
#timeTravel QPushButton:focus, #timeTravel QDateTimeEdit:focus {{
    border: 2px solid {theme.TEXT}; }}
#timeTravel QPushButton#backToLive {{ background: {theme.NOT_LIVE_BG}; font-weight: bold; }}
#timeTravel QSlider::groove:horizontal {{ height: 6px; background: {theme.RULE}; }}
#timeTravel QSlider::sub-page:horizontal {{ background: {theme.BAR}; }}
#timeTravel QSlider::handle:horizontal {{
    width: 14px; margin: -6px 0; background: {theme.TEXT}; border-radius: 7px; }}
"""


class HistoryWindow(WallWindow):
    """A ``WallWindow`` (ordinary, not kiosk) with a scrubber above its panels.

    ``fetch(moment)`` answers the state at a moment in the snapshot's shape (the client's
    ``state_at``); it runs off the GUI thread. ``moment`` is None while live."""

    loaded = Signal(object)  # the moment now shown (None: live again)
    failed = Signal(str)

    moment: datetime | None = None  # before __init__ runs: the base class refreshes
    rebuilt: ReplicaStore | None = None
    past: WallSource | None = None
    past_figures: WallFigures | None = None
    _quiet = False  # the controls are being set to say a moment, not asked for one
    _wanted: datetime | None = None  # the moment asked for, not yet shown
    _ready = False  # the controls exist

    def __init__(self, feed: WallFeed, layout: ScreenLayout | None = None, *,
                 fetch: Callable[[datetime], dict[str, Any]],
                 basemap: dict[str, Any] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(feed, layout or history_layout(), basemap=basemap, kiosk=False,
                         parent=parent)
        self.setObjectName("wallHistory")
        self.setWindowTitle(self.tr("Wall, back in time"))
        # Unlike the wall, this window is worked by hand: it takes the keys when shown.
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        add_help(self)
        self.fetch = fetch
        self._asked = 0  # the latest request; answers to older ones are dropped

        bar = QWidget()
        bar.setObjectName("timeTravel")
        bar.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        bar.setStyleSheet(BAR_STYLE)
        box = QVBoxLayout(bar)
        box.setContentsMargins(4, 4, 4, 4)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("%d days ago") % DAYS))
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("timeSlider")
        # Minutes back from now: the right end is now.
        self.slider.setRange(-DAYS * 24 * 60, 0)
        self.slider.setValue(0)
        self.slider.setSingleStep(STEP_MIN)
        self.slider.setPageStep(60)
        self.slider.setAccessibleName(self.tr("Moment shown"))
        self.slider.setToolTip(self.tr("Drag, or use the arrow keys (10 min) and "
                                       "Page Up/Down (1 h)"))
        self.slider.valueChanged.connect(self._slid)
        self.slider.sliderReleased.connect(self._fetch_now)
        row.addWidget(self.slider, 1)
        row.addWidget(QLabel(self.tr("now")))
        box.addLayout(row)

        keys = QHBoxLayout()
        self.buttons: dict[int, QPushButton] = {}
        for minutes, text, shortcut in ((-60, self.tr("−1 h"), "Alt+Shift+Left"),
                                        (-STEP_MIN, self.tr("−10 min"), "Alt+Left"),
                                        (STEP_MIN, self.tr("+10 min"), "Alt+Right"),
                                        (60, self.tr("+1 h"), "Alt+Shift+Right")):
            button = QPushButton(text)
            button.setShortcut(QKeySequence(shortcut))
            button.setToolTip(f"{text} — {shortcut}")
            button.clicked.connect(lambda _c=False, m=minutes: self.step(m))
            keys.addWidget(button)
            self.buttons[minutes] = button
        self.edit = QDateTimeEdit()
        self.edit.setObjectName("momentEdit")
        self.edit.setDisplayFormat("dd.MM.yyyy HH:mm")
        self.edit.setAccessibleName(self.tr("Moment shown, city time"))
        self.edit.setToolTip(self.tr("Type a moment (city time) and press Enter"))
        self.edit.editingFinished.connect(self._typed)
        keys.addWidget(QLabel(self.tr("State at (city time):")))
        keys.addWidget(self.edit)
        self.live_button = QPushButton(self.tr("&Back to live"))
        self.live_button.setObjectName("backToLive")
        self.live_button.clicked.connect(self.back_to_live)
        keys.addWidget(self.live_button)
        self.status = QLabel()
        self.status.setObjectName("historyStatus")
        keys.addWidget(self.status, 1)
        box.addLayout(keys)
        root = self.layout()
        assert isinstance(root, QVBoxLayout)
        root.insertWidget(0, bar)
        # Panels share the width evenly: a grid sized by content squeezes the KPI tiles.
        for i in range(self.stack.count()):
            grid = self.stack.widget(i).layout()
            if isinstance(grid, QGridLayout):
                for column in range(grid.columnCount()):
                    grid.setColumnStretch(column, 1)
                for line in range(grid.rowCount()):
                    grid.setRowStretch(line, 1)

        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(DEBOUNCE_MS)
        self.debounce.timeout.connect(self._fetch_now)
        self._ready = True
        self._show_moment(self.feed.clock())
        self.slider.setFocus()

    # -- choosing a moment --------------------------------------------------------------

    def window_start(self) -> datetime:
        return self.feed.clock() - timedelta(days=DAYS)

    def go_to(self, moment: datetime) -> None:
        """Show the state at ``moment`` (clamped to the last days; now means live)."""
        now = self.feed.clock()
        # A minute inside the window's far edge: the service's own "now" has moved on by
        # the time the request arrives, and the edge would be refused.
        moment = max(self.window_start() + timedelta(minutes=1), moment)
        if moment >= now:
            self.back_to_live()
            return
        self._wanted = moment
        self._show_moment(moment)
        self._fetch_now()

    def step(self, minutes: int) -> None:
        base = self.moment or self._wanted or self.feed.clock()
        self.go_to(base + timedelta(minutes=minutes))

    def _slid(self, value: int) -> None:
        if self._quiet:
            return
        if value >= 0:
            self.debounce.stop()
            self.back_to_live()
            return
        self._wanted = self.feed.clock() + timedelta(minutes=value)
        self._show_moment(self._wanted, slider=False)
        self.debounce.start()  # dragging: fetch where it comes to rest

    def _typed(self) -> None:
        typed = self.edit.dateTime().toPython().replace(tzinfo=CITY_TZ)
        shown = self.moment or self._wanted
        if shown is not None and abs((typed - shown).total_seconds()) < 60:
            return  # editing finished without a change (focus moved on)
        if shown is None and abs((typed - self.feed.clock()).total_seconds()) < 60:
            return
        self.go_to(typed)

    def _show_moment(self, moment: datetime, *, slider: bool = True) -> None:
        """The controls say ``moment`` without asking for it again."""
        self._quiet = True
        try:
            if slider:
                back = round((moment - self.feed.clock()).total_seconds() / 60)
                self.slider.setValue(max(self.slider.minimum(), min(0, back)))
            city = to_city(moment)
            self.edit.setDateTime(QDateTime(QDate(city.year, city.month, city.day),
                                            QTime(city.hour, city.minute, city.second)))
        finally:
            self._quiet = False

    # -- fetching and showing a state -----------------------------------------------------

    def _fetch_now(self) -> None:
        self.debounce.stop()
        moment = self._wanted
        if moment is None:
            return
        self._asked += 1
        asked = self._asked
        self.status.setText(self.tr("Rebuilding the state at %s…")
                            % to_city(moment).strftime("%d.%m %H:%M"))
        fetch, catalog = self.fetch, self.feed.catalog

        def work() -> tuple[ReplicaStore, WallSource, WallFigures]:
            # The request, the replica and every fact of the moment, all off the GUI thread.
            store = ReplicaStore()  # in memory: a look back is never kept
            store.load_snapshot(fetch(moment))
            source = WallSource(store, catalog)
            # Who sat at the desks then is not journaled: the people panel shows nobody.
            return store, source, source.figures(moment, ())

        run_task(work, lambda result: self._arrived(asked, moment, result),
                 lambda error: self._refused(asked, error), owner=self)

    def _arrived(self, asked: int, moment: datetime,
                 result: tuple[ReplicaStore, WallSource, WallFigures]) -> None:
        if asked != self._asked:
            return  # a later moment was asked for meanwhile, or live again
        store, source, figures = result
        self.rebuilt, self.past, self.past_figures = store, source, figures
        self.moment = moment
        for panel in self.all_panels():
            if isinstance(panel, MapPanel):
                panel.follow(store, moment)
            panel.set_live(False, moment)
        for panel in self.visible_panels():
            panel.refresh(figures)
        self.status.setText("")
        self.show_connection(self.feed.state)
        self.loaded.emit(moment)

    def _refused(self, asked: int, error: Exception) -> None:
        if asked != self._asked:
            return
        message = getattr(error, "message", "") or str(error)
        self.status.setText(self.tr("Could not rebuild that moment: %s") % message)
        self.failed.emit(message)

    def back_to_live(self) -> None:
        self._asked += 1  # whatever is on its way is no longer wanted
        self.debounce.stop()
        self._wanted = None
        was_past = self.moment is not None
        self.moment = None
        self.rebuilt = self.past = self.past_figures = None
        self._show_moment(self.feed.clock())
        self.status.setText("")
        for panel in self.all_panels():
            if isinstance(panel, MapPanel) and was_past:
                panel.follow(None)
            panel.set_live(True)
        if self.feed.figures is not None:
            super().refresh(self.feed.figures)
        self.loaded.emit(None)

    # -- the live feed, held off while the past is shown ------------------------------------

    def current_figures(self) -> WallFigures | None:
        return self.past_figures if self.moment is not None else self.feed.figures

    def refresh(self, figures: WallFigures) -> None:
        if self.moment is None:
            super().refresh(figures)
            if self._ready and self._wanted is None and not self.slider.isSliderDown():
                self._show_moment(figures.now)  # the date field runs with the clock

    def apply_changes(self, batch: list[Any] | None) -> None:
        # The map draws the rebuilt state while in the past; it is reloaded from the live one
        # on the way back, so the live batches meanwhile are not needed.
        if self.moment is None:
            super().apply_changes(batch)

    def show_page(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        figures = self.current_figures()
        if figures is not None:
            for panel in self.pages[index]:
                panel.refresh(figures)
        self._show_pager()

    def show_connection(self, state: str) -> None:
        super().show_connection(state)
        if self.moment is not None:
            # The moment first, as on the panels' strips: elided, the words go, not the time.
            self.connection.setText(self.tr("◀ %s — back in time")
                                    % to_city(self.moment).strftime("%d.%m %H:%M"))


def open_history_window(bridge: SyncBridge, catalog: CatalogView, *,
                        basemap: dict[str, Any] | None = None,
                        parent: QWidget | None = None) -> HistoryWindow:
    """The console's "Wall, back in time…": its own feed of the console's replica for the
    live end, the service's rebuilt states for the past."""
    feed = WallFeed(bridge, catalog)
    window = HistoryWindow(feed, fetch=bridge.client.state_at, basemap=basemap, parent=parent)
    feed.setParent(window)  # the feed goes with the window
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.show_on(parent.screen() if parent is not None else None)
    return window
