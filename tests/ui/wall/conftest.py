"""Wall panels built on the hand-made room, offscreen, at a size a wall tile has."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from app.ui.wall.figures import WallSource
from app.ui.wall.panels import PANELS, WallContext, WallPanel
from tests.ui.factory import NOW
from tests.ui.wall.data import PRESENCE, catalog, room_store


class FakeMonotonic:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def clock() -> FakeMonotonic:
    return FakeMonotonic()


@pytest.fixture
def room():
    store = room_store()
    return store, WallSource(store, catalog()).figures(NOW, PRESENCE)


@pytest.fixture
def panel(qtbot, room, clock):  # type: ignore[no-untyped-def]
    """``panel("kpi", width, height)``: shown, refreshed with the room's figures."""
    store, figures = room

    def make(name: str, width: int = 960, height: int = 540) -> WallPanel:
        p = PANELS[name](WallContext(catalog(), state=store, monotonic=clock,
                                     clock=lambda: NOW))
        qtbot.addWidget(p)
        p.resize(width, height)
        p.show()
        qtbot.waitExposed(p)
        p.refresh(figures)
        return p

    return make


def visible_texts(widget: QWidget) -> list[str]:
    """What a person could read off the panel: every visible label's and button's text."""
    out = []
    for w in [widget, *widget.findChildren(QWidget)]:
        if isinstance(w, QLabel | QAbstractButton) and w.isVisibleTo(widget) and w.text():
            out.append(w.text())
    return out
