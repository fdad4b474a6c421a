"""The wall's window: a pinned zone that stays in place and pages that rotate, on one
screen, fed from the live replica; it never takes anyone's keys.

``WallFeed`` is the one source for every window of a workstation (a 2×2 wall is four
windows): it applies the replica's batches to one ``WallSource``, measures the figures
once a second and within half a second of a change, and says how current they are.
``WallWindow`` lays out one screen of the layout and repaints only what is in view: the
pinned panels and the visible page.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QScreen, QWindow
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.timezone import to_city
from app.sync.stream import StreamState
from app.ui.bridge import SyncBridge
from app.ui.catalog_view import CatalogView
from app.ui.wall import theme
from app.ui.wall.figures import WallFigures, WallSource
from app.ui.wall.layout import ScreenLayout
from app.ui.wall.panels import PANELS, WallContext, WallPanel
from app.ui.wall.panels.base import unfocusable
from app.ui.wall.widgets import Line

REFRESH_MS = 1000  # the clock and the ages move on once a second
# A change is drawn within half a second, not at the next of the once-a-second ticks (up to
# a second later, plus the refresh: over the 1 s). A burst gathers for ``SOON_MS``;
# a steady stream refreshes at most once per ``MIN_GAP_MS``: with 100,000 incidents a
# refresh costs up to 100 ms, so the wall spends at most a fifth of a core on it.
SOON_MS = 100
MIN_GAP_MS = 500
WALL_MARK = "dispatchWall"


class WallFeed(QObject):
    """The replica's changes applied to one ``WallSource``; figures measured every second
    and shortly after a change (``refresh_soon``).

    ``as_of`` is the service-clock moment the data was last known to be current: now while
    live, the moment the connection was lost otherwise (None if it never was live)."""

    refreshed = Signal(object)  # WallFigures
    changed = Signal(object)  # list[Applied], or None after a new snapshot
    connection_changed = Signal(str)  # a StreamState

    def __init__(self, bridge: SyncBridge, catalog: CatalogView, *,
                 clock: Callable[[], datetime] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.catalog = catalog
        self.clock = clock or bridge.client.server_now
        self.source = WallSource(bridge.client.store, catalog)
        self.presence: list[dict[str, Any]] = list(bridge.client.presence)
        self.state = bridge.client.state
        self.ever_live = self.state == StreamState.LIVE
        self.as_of: datetime | None = self.clock() if self.ever_live else None
        self.figures: WallFigures | None = None
        bridge.changes.connect(self.on_changes)
        bridge.reset.connect(self.on_reset)
        bridge.state_changed.connect(self.on_state)
        bridge.presence_changed.connect(self.on_presence)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.tick)
        self.soon = QTimer(self)
        self.soon.setSingleShot(True)
        self.soon.timeout.connect(self.tick)
        self._last_tick = 0.0
        self.timer.start(REFRESH_MS)
        self.tick()  # windows open on figures, not on empty panels

    @property
    def live(self) -> bool:
        return self.state == StreamState.LIVE

    @property
    def lost(self) -> bool:
        """The data may be stale: the link is down, or being rebuilt after it was."""
        return not self.live and (self.ever_live or self.state in (
            StreamState.OFFLINE, StreamState.SIGNED_OUT))

    def tick(self) -> None:
        self.soon.stop()
        self._last_tick = time.monotonic()
        if self.timer.isActive():
            self.timer.start(REFRESH_MS)  # a second from this refresh, not the last tick
        now = self.clock()
        if self.live:
            self.as_of = now
        self.figures = self.source.figures(now, self.presence)
        self.refreshed.emit(self.figures)

    def on_changes(self, batch: list[Any]) -> None:
        self.source.apply(batch)
        self.changed.emit(batch)
        self.refresh_soon()

    def refresh_soon(self) -> None:
        """The figures again shortly after a change, not at the next tick."""
        if self.soon.isActive():
            return
        gap = MIN_GAP_MS - (time.monotonic() - self._last_tick) * 1000
        self.soon.start(round(max(SOON_MS, gap)))

    def on_reset(self) -> None:
        self.source.reload()
        self.changed.emit(None)
        self.refresh_soon()

    def on_state(self, state: str, _message: str = "") -> None:
        if state == StreamState.LIVE or self.live:
            self.as_of = self.clock()  # current until this very moment
        self.ever_live = self.ever_live or state == StreamState.LIVE
        self.state = state
        self.connection_changed.emit(state)

    def on_presence(self, users: list[dict[str, Any]]) -> None:
        self.presence = list(users)


class WallWindow(QWidget):
    """One screen of the wall. ``kiosk``: frameless and full screen on ``show_on(screen)``;
    otherwise an ordinary window (the console's menu opens one)."""

    def __init__(self, feed: WallFeed, layout: ScreenLayout, *,
                 basemap: dict[str, Any] | None = None, kiosk: bool = True,
                 monotonic: Callable[[], float] = time.monotonic,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("wallWindow")
        self.feed = feed
        self.layout_of_screen = layout
        self.kiosk = kiosk
        self.setWindowTitle(self.tr("Video wall"))
        if kiosk:
            # An unattended screen beside people typing: no frame, and no keyboard focus
            # even when the window manager would give a new window the keys.
            self.setWindowFlags(Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint
                                | Qt.WindowType.WindowDoesNotAcceptFocus)
            self.setCursor(Qt.CursorShape.BlankCursor)
        # Where the keys were last: given back should a platform activate the wall anyway
        # (some ignore the hint; Qt's offscreen one activates every window it shows).
        self._desk: QWindow | None = None
        self._focus_moved(QGuiApplication.focusWindow())
        app = QApplication.instance()
        if isinstance(app, QGuiApplication):
            app.focusWindowChanged.connect(self._focus_moved)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        theme.paint_dark(self, theme.BACKGROUND)
        context = WallContext(feed.catalog, state=feed.source.state, basemap=basemap,
                              monotonic=monotonic, clock=feed.clock)

        root = QVBoxLayout(self)
        root.setContentsMargins(8, 8, 8, 8)
        root.setSpacing(8)
        self.banner = Line(theme.TITLE_PX + 10, bold=True, colour=theme.BACKGROUND,
                           background=theme.OVERDUE)
        self.banner.setObjectName("connectionBanner")
        self.banner.hide()
        root.addWidget(self.banner)
        body = QHBoxLayout()
        body.setSpacing(8)
        root.addLayout(body, 1)

        self.stack = QStackedWidget()
        self.pages: list[list[WallPanel]] = []
        for page in layout.pages:
            holder = QWidget()
            grid = QGridLayout(holder)
            grid.setContentsMargins(0, 0, 0, 0)
            grid.setSpacing(8)
            panels = []
            for i, name in enumerate(page.panels):
                panel = PANELS[name](context)
                grid.addWidget(panel, i // page.columns, i % page.columns)
                panels.append(panel)
            self.pages.append(panels)
            self.stack.addWidget(holder)

        # The pinned zone: the connection and the page indicator, then the pinned panels.
        self.pinned_zone = QWidget()
        self.pinned_zone.setObjectName("pinnedZone")
        zone = QVBoxLayout(self.pinned_zone)
        zone.setContentsMargins(0, 0, 0, 0)
        zone.setSpacing(8)
        status = QHBoxLayout()
        self.connection = Line(theme.LABEL_PX, bold=True, colour=theme.DIM)
        self.connection.setObjectName("connection")
        self.pager = Line(theme.LABEL_PX, colour=theme.DIM)
        self.pager.setAlignment(Qt.AlignmentFlag.AlignRight)
        status.addWidget(self.connection, 4)
        status.addWidget(self.pager, 1)
        zone.addLayout(status)
        self.pinned: list[WallPanel] = []
        for name in layout.pinned:
            panel = PANELS[name](context)
            zone.addWidget(panel, 1)
            self.pinned.append(panel)
        if not self.pinned:
            # Only the status line is pinned: it sits above the pages, not in a column.
            root.insertWidget(1, self.pinned_zone)
        if self.pages:
            body.addWidget(self.stack, 2)
        else:
            self.stack.hide()
        if self.pinned:
            body.addWidget(self.pinned_zone, 1 if self.pages else 2)

        self.rotation = QTimer(self)
        self.rotation.setInterval(max(1, round(layout.rotate_seconds * 1000)))
        self.rotation.timeout.connect(self.next_page)
        if len(self.pages) > 1:
            self.rotation.start()

        feed.refreshed.connect(self.refresh)
        feed.changed.connect(self.apply_changes)
        feed.connection_changed.connect(self.show_connection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        unfocusable(self)
        self._show_pager()
        if feed.figures is not None:
            self.refresh(feed.figures)

    # -- what is in view ---------------------------------------------------------------

    def visible_panels(self) -> list[WallPanel]:
        page = self.pages[self.stack.currentIndex()] if self.pages else []
        return [*self.pinned, *page]

    def all_panels(self) -> list[WallPanel]:
        return [*self.pinned, *(p for page in self.pages for p in page)]

    def refresh(self, figures: WallFigures) -> None:
        """Only what is in view is redrawn; a page is brought up to date as it turns up."""
        for panel in self.visible_panels():
            panel.refresh(figures)
        self.show_connection(self.feed.state)

    def apply_changes(self, batch: list[Any] | None) -> None:
        # Every page's: the map follows the state change by change, even while hidden.
        for panel in self.all_panels():
            panel.apply_changes(batch)

    def next_page(self) -> None:
        if self.pages:
            self.show_page((self.stack.currentIndex() + 1) % len(self.pages))

    def show_page(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        if self.feed.figures is not None:
            for panel in self.pages[index]:
                panel.refresh(self.feed.figures)
        self._show_pager()

    def _show_pager(self) -> None:
        count = len(self.pages)
        current = self.stack.currentIndex()
        self.pager.setText(" ".join("●" if i == current else "○" for i in range(count))
                           if count > 1 else "")

    # -- the connection ----------------------------------------------------------------

    def show_connection(self, state: str) -> None:
        feed = self.feed
        if feed.live:
            self.connection.setText(self.tr("● Live"))
            self.connection.set_colour(theme.DIM)  # the normal case stays grey
        elif state == StreamState.SIGNED_OUT:
            self.connection.setText(self.tr("✕ Signed out — signing in again"))
            self.connection.set_colour(theme.OVERDUE)
        elif feed.lost:
            self.connection.setText(self.tr("✕ Offline — reconnecting"))
            self.connection.set_colour(theme.OVERDUE)
        else:
            self.connection.setText(self.tr("Connecting…"))
            self.connection.set_colour(theme.DIM)
        if feed.lost:
            self.banner.setText(self.stale_text())
            self.banner.show()
        else:
            self.banner.hide()

    def stale_text(self) -> str:
        """"No connection — data as of 14:32, 3 min ago": the age in words a room reads."""
        as_of = self.feed.as_of
        if as_of is None:
            return self.tr("⚠ No connection — no data received yet")
        seconds = max(0, int((self.feed.clock() - as_of).total_seconds()))
        if seconds < 60:
            ago = self.tr("less than a minute")
        elif seconds < 3600:
            ago = self.tr("%d min") % (seconds // 60)
        else:
            ago = self.tr("%d h %d min") % (seconds // 3600, seconds % 3600 // 60)
        return self.tr("⚠ No connection — data as of %s, %s ago") % (
            to_city(as_of).strftime("%H:%M"), ago)

    # -- the keyboard stays where it was -------------------------------------------------

    def _focus_moved(self, window: QWindow | None) -> None:
        if window is None or window is self._desk or window.property(WALL_MARK):
            return
        self._desk = window
        window.destroyed.connect(self._forget_desk)

    def _forget_desk(self) -> None:
        self._desk = None

    def showEvent(self, event: QEvent) -> None:
        super().showEvent(event)
        handle = self.windowHandle()
        if handle is not None:  # so no wall window takes another for the desk
            handle.setProperty(WALL_MARK, True)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if (self.kiosk and event.type() == QEvent.Type.ActivationChange
                and self.isActiveWindow()):
            QTimer.singleShot(0, self._give_back_the_keys)

    def _give_back_the_keys(self) -> None:
        desk = self._desk
        if desk is None or not self.isActiveWindow():
            return
        if desk.isVisible():
            desk.requestActivate()

    # -- the screen --------------------------------------------------------------------

    def show_on(self, screen: QScreen | None) -> None:
        """Full screen on ``screen`` (kiosk), or an ordinary window there."""
        if screen is not None:
            self.setScreen(screen)
            self.setGeometry(screen.geometry() if self.kiosk else
                             screen.availableGeometry().adjusted(40, 40, -40, -40))
        if self.kiosk:
            # Not showFullScreen(): it also activates the window, taking the keys.
            self.setWindowState(self.windowState() | Qt.WindowState.WindowFullScreen)
        self.show()
