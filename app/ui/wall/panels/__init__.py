"""The wall's panels by stable name, for layouts: ``PANELS["kpi"](context)``."""

from __future__ import annotations

from app.ui.wall.panels.base import WallContext, WallPanel
from app.ui.wall.panels.exceptions import ExceptionsPanel
from app.ui.wall.panels.kpi import KpiPanel
from app.ui.wall.panels.load import LoadPanel
from app.ui.wall.panels.map import MapPanel
from app.ui.wall.panels.people import PeoplePanel
from app.ui.wall.panels.trends import TrendsPanel

PANELS: dict[str, type[WallPanel]] = {
    "kpi": KpiPanel,
    "load": LoadPanel,
    "trends": TrendsPanel,
    "exceptions": ExceptionsPanel,
    "people": PeoplePanel,
    "map": MapPanel,
}

__all__ = ["PANELS", "WallContext", "WallPanel"]
