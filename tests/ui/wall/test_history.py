"""The wall, back in time, against the real service: a moment before an incident existed
shows the room without it, every panel says plainly that it is not live and at what moment,
"Back to live" returns to the feed; only supervisors and admins get it, and the unattended
wall has no way back at all."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDateTimeEdit, QSlider

from app.server.embedded import ServiceThread
from app.services.demo import DEMO_PASSWORD
from app.sync import SyncClient
from app.sync.errors import ApiError
from app.ui.bridge import SyncBridge
from app.ui.catalog_view import CatalogView
from app.ui.timefmt import city_time
from app.ui.wall.history import HistoryWindow
from app.ui.wall.layout import default_layout
from app.ui.wall.panels import PANELS
from app.ui.wall.panels.map import MapPanel
from app.ui.wall.run import open_windows
from app.ui.wall.window import WallFeed, WallWindow
from tests.server.helpers import login
from tests.ui.conftest import SHOTS

WAIT = 15_000


def open_history(qtbot, window) -> HistoryWindow:  # type: ignore[no-untyped-def]
    action = window.findChild(QAction, "wallHistoryAction")
    assert action is not None and action.isVisible()
    action.trigger()
    history = next(w for w in QApplication.topLevelWidgets()
                   if isinstance(w, HistoryWindow) and w.isVisible())
    qtbot.waitExposed(history)
    qtbot.waitUntil(lambda: all(p.figures is not None for p in history.visible_panels()),
                    timeout=WAIT)
    return history


def ids_in(history: HistoryWindow) -> set[int]:
    """Every incident the panels' figures and the map's state know of."""
    figures = history.current_figures()
    assert figures is not None
    shown = {row.id for row in figures.exceptions}
    for panel in history.all_panels():
        if isinstance(panel, MapPanel) and panel.controller is not None:
            shown |= set(panel.controller.store.data["incident"])
    return shown


def strips(history: HistoryWindow) -> list[str]:
    return [p.strip.text() if p.strip.isVisibleTo(p) else "" for p in history.all_panels()]


def test_scrubbing_back_shows_the_room_before_an_incident_and_back_to_live_returns(
        qtbot, console, live_service: ServiceThread) -> None:
    window = console("supervisor", with_map=True)
    history = open_history(qtbot, window)
    assert {type(p) for p in history.all_panels()} == set(PANELS.values())  # every panel

    before = window.client.server_now()
    operator = login(live_service.url, "operator")
    incident = operator.register(type_code="fire_residential",
                                 description="Горит квартира")["incident"]
    qtbot.waitUntil(lambda: history.feed.figures is not None
                    and incident["id"] in {r.id for r in history.feed.figures.exceptions},
                    timeout=WAIT)
    critical_now = history.feed.figures.kpis.critical
    assert critical_now >= 1

    with qtbot.waitSignal(history.loaded, timeout=WAIT):
        history.go_to(before)
    assert history.moment == before
    assert incident["id"] not in ids_in(history)
    for panel in history.visible_panels():
        assert panel.figures is not None and panel.figures.now == before
        assert panel.figures.kpis.critical == critical_now - 1
    # Every panel, the map too, says it is not live and which moment it shows.
    assert strips(history) == [f"◀ {city_time(before)} — NOT LIVE"] * len(
        history.all_panels())
    assert all(not p.live and p.as_of == before for p in history.all_panels())
    assert history.connection.text() == f"◀ {city_time(before)} — back in time"

    # A moment after the call: it is there, in the figures and on the map.
    after = datetime.fromisoformat(window.client.timeline(incident["id"])[-1]["at"])
    with qtbot.waitSignal(history.loaded, timeout=WAIT):
        history.go_to(after)
    assert incident["id"] in ids_in(history)
    # For review: the window as a supervisor sees it, back in time.
    history.resize(1920, 1080)
    qtbot.wait(1200)  # the map's page paints its markers after they arrive
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert history.grab().save(str(SHOTS / "wall_history.png"))

    qtbot.mouseClick(history.live_button, Qt.MouseButton.LeftButton)
    assert history.moment is None
    assert strips(history) == [""] * len(history.all_panels())
    assert all(p.live for p in history.all_panels())
    qtbot.waitUntil(lambda: all(incident["id"] in {r.id for r in p.figures.exceptions}
                                for p in history.visible_panels()
                                if p.figures is not None), timeout=WAIT)
    assert incident["id"] in ids_in(history)
    history.close()


def test_the_scrubber_is_worked_from_the_keyboard(qtbot, console) -> None:
    window = console("supervisor")
    history = open_history(qtbot, window)
    history.activateWindow()
    history.slider.setFocus()
    qtbot.waitUntil(history.slider.hasFocus, timeout=WAIT)
    with qtbot.waitSignal(history.loaded, timeout=WAIT) as shown:
        qtbot.keyClick(history.slider, Qt.Key.Key_PageDown)  # an hour back, once it rests
    moment = shown.args[0]
    assert isinstance(moment, datetime)
    assert history.slider.value() == -60
    back = window.client.server_now() - moment
    assert timedelta(minutes=59) < back < timedelta(minutes=62)
    assert all(not p.live for p in history.all_panels())
    # The buttons step from the moment shown.
    with qtbot.waitSignal(history.loaded, timeout=WAIT) as shown:
        qtbot.mouseClick(history.buttons[-10], Qt.MouseButton.LeftButton)
    assert shown.args[0] == moment - timedelta(minutes=10)
    # Forward past now is live again.
    with qtbot.waitSignal(history.loaded, timeout=WAIT) as shown:
        history.step(120)
    assert shown.args[0] is None
    assert all(p.live for p in history.all_panels())
    history.close()


def test_an_operator_has_no_way_back(console) -> None:
    window = console("operator")
    assert window.findChild(QAction, "wallHistoryAction") is None
    texts = [a.text() for a in window.findChildren(QAction)]
    assert not any("back in time" in t for t in texts)


@pytest.mark.parametrize("who", ["admin"])
def test_an_admin_gets_the_window_too(qtbot, console, who: str) -> None:
    history = open_history(qtbot, console(who))
    assert isinstance(history, HistoryWindow)
    history.close()


def test_the_unattended_wall_stays_live(qtbot, live_service: ServiceThread) -> None:
    """What ``dispatch wall`` opens is the plain wall: no scrubber, no date, and its role is
    refused a look back by the service itself."""
    client = SyncClient(live_service.url)
    client.login("wall", DEMO_PASSWORD)
    bridge = SyncBridge(client)
    try:
        feed = WallFeed(bridge, CatalogView.from_wire(client.catalog(), "en"))
        windows = open_windows(feed, default_layout(), None)
        assert windows
        for w in windows:
            qtbot.addWidget(w)
            assert type(w) is WallWindow and not isinstance(w, HistoryWindow)
            assert w.findChildren(QSlider) == [] and w.findChildren(QDateTimeEdit) == []
            assert all(p.live for p in w.all_panels())
        with pytest.raises(ApiError) as refused:
            client.state_at(client.server_now() - timedelta(hours=1))
        assert refused.value.status == 403
    finally:
        bridge.close()
        client.close()
