"""The wall's window: pinned zone and rotating pages as the layout says, the connection
banner, focus, the one-second refresh, and a screenshot of each page."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from app.sync import SyncClient
from app.sync.stream import StreamState
from app.ui.bridge import SyncBridge
from app.ui.i18n import install_translator
from app.ui.wall.layout import DEFAULT_FILE, parse_layout
from app.ui.wall.panels import PANELS
from app.ui.wall.window import WallFeed, WallWindow
from tests.ui.conftest import SHOTS
from tests.ui.factory import NOW, change, incident
from tests.ui.wall.conftest import visible_texts
from tests.ui.wall.data import PRESENCE, catalog, room_store
from tests.ui.wall.test_wall_screenshot import BASEMAP

THREE_PAGES = """
rotate_seconds = 0.05
[[screen]]
index = 0
pinned = ["exceptions", "people"]
[[screen.page]]
panels = ["kpi", "load"]
[[screen.page]]
panels = ["trends"]
[[screen.page]]
panels = ["load"]
"""


class Clock:
    """The service clock the feed reads, moved by the test."""

    def __init__(self) -> None:
        self.now = NOW

    def __call__(self):  # type: ignore[no-untyped-def]
        return self.now


@pytest.fixture
def wall(qtbot):  # type: ignore[no-untyped-def]
    """``wall(layout_text)``: a window over the hand-made room, fed through a real bridge
    from a client that is never started (the test plays the stream)."""
    made: list[tuple[SyncBridge, SyncClient]] = []

    def make(text: str = THREE_PAGES, *, language: str = "en", basemap=None,  # type: ignore[no-untyped-def]
             kiosk: bool = False):
        client = SyncClient("http://127.0.0.1:9")  # nothing listens: never contacted
        client.store = room_store()
        client.presence = PRESENCE
        bridge = SyncBridge(client)
        clock = Clock()
        feed = WallFeed(bridge, catalog(language), clock=clock)
        layout = parse_layout(text).screens[0]
        window = WallWindow(feed, layout, basemap=basemap, kiosk=kiosk)
        qtbot.addWidget(window)
        made.append((bridge, client))
        return window, feed, bridge, clock

    yield make
    for bridge, client in made:
        bridge.close()
        client.close()


def test_pinned_panels_and_pages_are_where_the_layout_says(wall) -> None:
    window, *_ = wall()
    assert [type(p) for p in window.pinned] == [PANELS["exceptions"], PANELS["people"]]
    assert [[type(p) for p in page] for page in window.pages] == [
        [PANELS["kpi"], PANELS["load"]], [PANELS["trends"]], [PANELS["load"]]]
    assert window.stack.count() == 3
    for panel in window.pinned:
        assert window.pinned_zone.isAncestorOf(panel)
        assert not window.stack.isAncestorOf(panel)
    for i, page in enumerate(window.pages):
        for panel in page:
            assert window.stack.widget(i).isAncestorOf(panel)


def test_pages_rotate_and_the_pinned_zone_stays(wall, qtbot) -> None:
    window, *_ = wall()
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    zone, pinned = window.pinned_zone, list(window.pinned)
    seen: list[int] = []
    window.stack.currentChanged.connect(seen.append)
    qtbot.waitUntil(lambda: seen[:3] == [1, 2, 0], timeout=10000)
    # The same pinned widgets, still shown, in the same zone, through every turn.
    assert window.pinned_zone is zone and window.pinned == pinned
    assert all(p.isVisible() and zone.isAncestorOf(p) for p in pinned)
    assert not any(window.stack.widget(i).isAncestorOf(zone) for i in range(3))


def test_a_page_is_up_to_date_when_it_turns_up(wall) -> None:
    window, feed, *_ = wall()
    window.rotation.stop()
    trends = window.pages[1][0]
    assert trends.figures is None  # not in view: not drawn
    window.next_page()
    assert window.stack.currentIndex() == 1
    assert trends.figures is feed.figures


def test_the_banner_says_how_old_the_data_is_and_goes_when_live(wall, qtbot) -> None:
    window, feed, bridge, clock = wall()
    window.show()
    qtbot.waitExposed(window)
    assert not window.banner.isVisible()
    bridge.state_changed.emit(StreamState.LIVE, "")
    qtbot.waitUntil(lambda: window.connection.text() == "● Live")
    bridge.state_changed.emit(StreamState.OFFLINE, "connection refused")
    qtbot.waitUntil(window.banner.isVisible)
    clock.now = NOW + timedelta(minutes=3, seconds=20)
    feed.tick()
    # 12:00 in the city (UTC+7), three minutes before the wall's clock now
    assert window.banner.text() == "⚠ No connection — data as of 12:00, 3 min ago"
    assert "Offline" in window.connection.text()
    clock.now = NOW + timedelta(hours=1, minutes=5)
    feed.tick()
    assert window.banner.text() == "⚠ No connection — data as of 12:00, 1 h 5 min ago"
    # The client reconnects by itself: while it tries, the data is still old.
    bridge.state_changed.emit(StreamState.CONNECTING, "")
    qtbot.waitUntil(lambda: feed.state == StreamState.CONNECTING)
    assert window.banner.isVisible()
    bridge.state_changed.emit(StreamState.LIVE, "")
    qtbot.waitUntil(lambda: not window.banner.isVisible())
    assert window.connection.text() == "● Live"


def test_offline_before_ever_being_live_says_there_is_no_data_yet(wall, qtbot) -> None:
    window, _feed, bridge, _clock = wall()
    window.show()
    qtbot.waitExposed(window)
    bridge.state_changed.emit(StreamState.OFFLINE, "")
    qtbot.waitUntil(window.banner.isVisible)
    assert window.banner.text() == "⚠ No connection — no data received yet"


def test_the_banner_in_russian(wall, qtbot, qapp) -> None:
    install_translator(qapp, "ru")
    window, feed, bridge, clock = wall(language="ru")
    bridge.state_changed.emit(StreamState.LIVE, "")
    bridge.state_changed.emit(StreamState.OFFLINE, "")
    qtbot.waitUntil(lambda: feed.state == StreamState.OFFLINE)
    clock.now = NOW + timedelta(minutes=3)
    feed.tick()
    assert window.banner.text() == "⚠ Нет связи — данные на 12:00, 3 мин назад"


def test_the_wall_never_takes_the_keyboard(wall, qtbot) -> None:
    desk = QWidget()
    field = QLineEdit(desk)
    qtbot.addWidget(desk)
    desk.show()
    qtbot.waitExposed(desk)
    desk.activateWindow()
    qtbot.waitActive(desk)
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)

    window, *_ = wall(kiosk=True)
    window.show_on(QApplication.primaryScreen())
    qtbot.waitExposed(window)
    window.next_page()
    # Qt's offscreen platform activates every window it shows, flag or not (a window
    # manager honours the flag): the wall hands the keys straight back.
    qtbot.waitUntil(lambda: QApplication.activeWindow() is desk)
    assert QApplication.focusWidget() is field
    assert not window.isActiveWindow()
    assert window.isVisible()
    assert window.windowFlags() & Qt.WindowType.WindowDoesNotAcceptFocus
    assert window.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    for w in [window, *window.findChildren(QWidget)]:
        assert w.focusPolicy() == Qt.FocusPolicy.NoFocus, w


def test_a_change_in_the_replica_reaches_the_wall_within_the_refresh(wall, qtbot) -> None:
    window, _feed, bridge, _clock = wall()
    window.rotation.stop()  # the kpi page stays in view
    window.show()
    qtbot.waitExposed(window)
    store = bridge.client.store
    exceptions = window.pinned[0]
    assert not any("2026-000042" in t for t in visible_texts(exceptions))
    new = incident(42, type_code="fire_residential", priority=1, status="registered",
                   received_at=(NOW - timedelta(minutes=2)).isoformat(),
                   registered_at=(NOW - timedelta(minutes=1)).isoformat())
    store.apply([change(store, "incident", 42, new)])  # as the stream applies it
    # No other call: the bridge, the feed and its one-second timer carry it.
    qtbot.waitUntil(lambda: any("2026-000042" in t for t in visible_texts(exceptions)),
                    timeout=5000)
    kpi = window.pages[0][0]
    assert kpi.figures is not None and kpi.figures.kpis.critical == 3


def test_a_new_snapshot_reloads_the_figures(wall, qtbot) -> None:
    window, feed, bridge, _clock = wall()
    store = bridge.client.store
    store.load_snapshot({"epoch": "e2", "seq": 1, "incidents": [], "handovers": [],
                         "notes": [], "crews": []})
    qtbot.waitUntil(lambda: len(feed.source) == 0)
    qtbot.waitUntil(lambda: window.pinned[0].figures.kpis.open == 0)


def test_a_screenshot_of_each_page_at_1920x1080(wall, qtbot, qapp) -> None:
    install_translator(qapp, "ru")  # reviewers see what the room sees
    window, feed, bridge, clock = wall(DEFAULT_FILE.read_text(encoding="utf-8"), language="ru",
                                       basemap=BASEMAP)
    window.rotation.stop()
    bridge.state_changed.emit(StreamState.LIVE, "")  # as the room sees it, connected
    window.resize(1920, 1080)
    window.show()
    qtbot.waitExposed(window)
    SHOTS.mkdir(parents=True, exist_ok=True)
    for n in range(len(window.pages)):
        window.show_page(n)
        for panel in window.pages[n]:
            view = getattr(panel, "view", None)
            if view is not None:
                qtbot.waitUntil(lambda v=view: v.is_ready, timeout=30000)
                qtbot.wait(1200)  # the page paints its markers after they arrive
        shot = window.grab()
        assert (shot.width(), shot.height()) == (1920, 1080)
        assert shot.save(str(SHOTS / f"wall_page_{n + 1}.png"))
    # and the banner, as the room sees a lost connection
    bridge.state_changed.emit(StreamState.OFFLINE, "")
    qtbot.waitUntil(window.banner.isVisible)
    clock.now = NOW + timedelta(minutes=3)
    feed.tick()
    window.show_page(0)
    assert window.grab().save(str(SHOTS / "wall_offline.png"))
