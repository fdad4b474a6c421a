"""The wall against the real service: ``run_wall``'s pieces sign in as the read-only wall
role, show what the service holds, sign in again by themselves when the session ends, and
cannot write; and the console's View menu opens the same wall in a window."""

from __future__ import annotations

import threading
import time
import uuid
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app.server.embedded import ServiceThread
from app.services.demo import DEMO_PASSWORD
from app.sync import SyncClient
from app.sync.errors import ApiError
from app.sync.stream import StreamState
from app.ui.wall.layout import default_layout
from app.ui.wall.panels.exceptions import ExceptionsPanel
from app.ui.wall.panels.kpi import KpiPanel
from app.ui.wall.run import Wall, start_wall
from app.ui.wall.window import WallWindow
from tests.ui.wall.conftest import visible_texts

FIRE = {"street": "проспект Строителей", "house": "5"}


def signed_in(url: str, login: str) -> SyncClient:
    client = SyncClient(url)
    client.login(login, DEMO_PASSWORD)
    return client


def critical_fire(client: SyncClient) -> str:
    """A residential fire (critical priority), registered; its number."""
    answer = client.register(source="phone", type_code="fire_residential", address=FIRE,
                             description="дым из окна")
    return answer["incident"]["number"]


def panel(window: WallWindow, kind: type) -> object:
    return next(p for p in window.visible_panels() if isinstance(p, kind))


def lists(window: WallWindow, number: str) -> bool:
    return any(number in t for t in visible_texts(panel(window, ExceptionsPanel)))


@pytest.fixture
def operator(live_service: ServiceThread):  # type: ignore[no-untyped-def]
    client = signed_in(live_service.url, "operator")
    yield client
    client.close()


@pytest.fixture
def wall(qapp, qtbot, live_service: ServiceThread, tmp_path: Path):  # type: ignore[no-untyped-def]
    """The wall as ``dispatch wall --server URL`` starts it, without entering the loop."""
    made: list[Wall] = []

    def make() -> Wall:
        w = start_wall(live_service.url, login=("wall", DEMO_PASSWORD),
                       layout=default_layout(), chosen=None, replica=tmp_path / "wall.db",
                       language="en")
        made.append(w)
        for window in w.windows:
            qtbot.addWidget(window)
            window.rotation.stop()  # the KPI page stays in view
        return w

    yield make
    for w in made:
        w.close()


def test_the_wall_signs_in_as_the_wall_role_and_shows_the_service(wall, operator,
                                                                   qtbot) -> None:
    before = critical_fire(operator)
    w = wall()
    assert w.client.user is not None and w.client.user["role"] == "wall"
    [window] = w.windows  # the default layout: one screen, full screen, frameless
    assert window.kiosk and window.isVisible()
    qtbot.waitUntil(lambda: w.feed.live, timeout=10000)
    qtbot.waitUntil(lambda: lists(window, before), timeout=5000)
    kpi = panel(window, KpiPanel)
    qtbot.waitUntil(lambda: kpi.open.value.text() == "1", timeout=5000)
    assert window.connection.text() == "● Live"
    # A change committed by another console after the wall opened reaches it on its own.
    after = critical_fire(operator)
    qtbot.waitUntil(lambda: lists(window, after), timeout=5000)
    qtbot.waitUntil(lambda: kpi.open.value.text() == "2", timeout=5000)


def test_a_wall_whose_session_ends_signs_in_again_by_itself(wall, operator, live_service,
                                                            qtbot) -> None:
    w = wall()
    states: list[str] = []
    w.bridge.state_changed.connect(lambda state, _m: states.append(state))
    qtbot.waitUntil(lambda: w.feed.live, timeout=10000)
    old_token = w.client.http.token
    admin = signed_in(live_service.url, "admin")
    try:
        admin.http.request("POST", f"/users/{w.client.user['id']}/sessions/revoke",
                           json={"mutation_id": str(uuid.uuid4())})
    finally:
        admin.close()
    w.client.drop_connection()  # the stream reconnects and is refused: signed out
    qtbot.waitUntil(lambda: StreamState.SIGNED_OUT in states, timeout=10000)
    qtbot.waitUntil(lambda: states[-1] == StreamState.LIVE, timeout=10000)
    assert w.client.http.token not in (None, old_token)
    number = critical_fire(operator)
    qtbot.waitUntil(lambda: lists(w.windows[0], number), timeout=5000)
    assert not w.windows[0].banner.isVisible()


def test_the_wall_role_cannot_write(wall, operator) -> None:
    w = wall()
    with pytest.raises(ApiError) as refused:
        w.client.register(source="phone", type_code="fire_residential", address=FIRE)
    assert refused.value.status == 403
    assert operator.http.request("GET", "/snapshot")["incidents"] == []  # nothing was made


def test_the_console_menu_opens_the_wall_in_a_window_without_the_keys(console, qtbot) -> None:
    window = console("supervisor")
    number = critical_fire(window.client)
    [action] = [a for a in window.menuBar().actions()
                for a in (a.menu().actions() if a.menu() else [])
                if a.text() == "Open the &wall in a window"]
    focused = QApplication.focusWidget()
    before = set(QApplication.topLevelWidgets())
    action.trigger()
    [opened] = [w for w in QApplication.topLevelWidgets()
                if isinstance(w, WallWindow) and w not in before]
    qtbot.addWidget(opened)
    opened.rotation.stop()
    assert not opened.kiosk and opened.isVisible()
    # The console's own state, from the console's own replica: no second sign-in.
    assert opened.feed.bridge is window.bridge
    qtbot.waitUntil(lambda: lists(opened, number), timeout=5000)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    assert QApplication.focusWidget() is focused
    assert not opened.isActiveWindow()


def test_a_wall_started_before_the_service_waits_for_it(
        qapp, qtbot, request: pytest.FixtureRequest, tmp_path: Path, caplog) -> None:
    # After a power cut the wall's computer may boot before the service's: it must wait,
    # not exit and leave the video wall dark.
    from app.server.app import create_app
    from app.server.embedded import free_port
    from tests.conftest import fast_settings, fresh_database

    port = free_port()
    started: list[ServiceThread] = []
    databases = fresh_database("sqlite", request, tmp_path)
    url = next(databases)

    def bring_up_after_the_wall_has_tried() -> None:
        while "cannot be reached" not in caplog.text:
            time.sleep(0.05)
        started.append(ServiceThread(create_app(fast_settings(url)), port=port).start())

    caplog.set_level("WARNING", logger="app.ui.wall.run")
    helper = threading.Thread(target=bring_up_after_the_wall_has_tried, daemon=True)
    helper.start()
    w = start_wall(f"http://127.0.0.1:{port}", login=("wall", DEMO_PASSWORD),
                   layout=default_layout(), chosen=None, replica=tmp_path / "wall.db",
                   language="en", retry_seconds=0.2)
    try:
        for window in w.windows:
            qtbot.addWidget(window)
        assert "cannot be reached" in caplog.text
        assert w.client.user is not None and w.client.user["role"] == "wall"
        assert w.client.wait_live(15)
    finally:
        w.close()
        for svc in started:
            svc.stop()
        next(databases, None)
