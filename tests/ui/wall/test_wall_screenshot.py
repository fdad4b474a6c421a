"""All panels on one 1920×1080 screen, in Russian, saved for review."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QGridLayout, QWidget

from app.domain import demo_city
from app.ui.i18n import install_translator
from app.ui.wall import theme
from app.ui.wall.figures import WallSource
from app.ui.wall.panels import PANELS, WallContext
from tests.ui.conftest import SHOTS
from tests.ui.factory import NOW
from tests.ui.wall.data import PRESENCE, catalog, room_store

BASEMAP: dict[str, Any] = {
    "districts": demo_city.DISTRICTS,
    "rivers": demo_city.RIVERS,
    "streets": [{"name": s.name, "points": s.points} for s in demo_city.STREETS],
}
GRID = [["kpi", "exceptions", "people"], ["load", "trends", "map"]]


def test_screenshot_of_all_panels_at_1920x1080(qtbot, qapp) -> None:
    install_translator(qapp, "ru")  # reviewers see what the room sees
    store = room_store()
    ru = catalog("ru")
    figures = WallSource(store, ru).figures(NOW, PRESENCE)
    screen = QWidget()
    theme.paint_dark(screen, theme.BACKGROUND)
    grid = QGridLayout(screen)
    grid.setContentsMargins(8, 8, 8, 8)
    grid.setSpacing(8)
    context = WallContext(ru, state=store, basemap=BASEMAP, clock=lambda: NOW)
    panels = {}
    for r, row in enumerate(GRID):
        for c, name in enumerate(row):
            panels[name] = PANELS[name](context)
            grid.addWidget(panels[name], r, c)
    qtbot.addWidget(screen)
    screen.resize(1920, 1080)
    screen.show()
    qtbot.waitExposed(screen)
    for p in panels.values():
        p.refresh(figures)
    view = panels["map"].view
    qtbot.waitUntil(lambda: view.is_ready, timeout=30000)
    qtbot.wait(1200)  # the page paints its markers after they arrive
    shot = screen.grab()
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert (shot.width(), shot.height()) == (1920, 1080)
    assert shot.save(str(SHOTS / "wall_panels.png"))
    assert view.guard.blocked == []  # nothing fetched from outside
