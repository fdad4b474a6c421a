"""The city map, read-only: the console's map widget and controller, with the wall's
labels (no flat, sensitive types masked) and no way to click, select or open a menu."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.maps.map_widget import MapView
from app.maps.page import center_of
from app.sync.store import Applied, ReplicaStore
from app.ui.map_panel import MapController
from app.ui.wall import theme
from app.ui.wall.figures import WallFigures
from app.ui.wall.panels.base import WallContext, WallPanel
from app.ui.wall.widgets import Line
from app.ui.wall.words import SENSITIVE, wall_word
from app.ui.words import STATUS, word


class WallMapController(MapController):
    def marker(self, inc: dict[str, Any], overdue: bool | None = None) -> dict[str, Any]:
        m = super().marker(inc, overdue)
        code = inc.get("type_code")
        masked = self.catalog.sensitive(code)
        kind = wall_word(SENSITIVE) if masked else self.catalog.type_name(code)
        place = (inc.get("district") or "") if masked else ", ".join(
            p for p in (inc.get("street"), inc.get("house")) if p)
        m["label"] = f"{inc['number']} · {kind} · {word(STATUS, inc['status'])}<br>{place}"
        if m["emergency"]:
            m["label"] = f"{theme.MARK_EMERGENCY} {m['label']}"
        return m


class MapPanel(WallPanel):
    def __init__(self, context: WallContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        box = QVBoxLayout(self.body)
        box.setContentsMargins(0, 0, 0, 0)
        self.view: MapView | None = None
        self.controller: WallMapController | None = None
        if context.state is None or context.basemap is None:
            missing = Line(theme.ROW_PX, colour=theme.DIM)
            missing.setText(self.tr("The map is not available here"))
            box.addWidget(missing)
            box.addStretch(1)
            return
        self.view = MapView(center=center_of(context.basemap), basemap=context.basemap)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        # Nobody works the wall's map: clicks, drags and menus go nowhere.
        self.view.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        box.addWidget(self.view)
        self.controller = WallMapController(
            self.view, context.state, context.catalog,  # type: ignore[arg-type]
            now=context.clock, origin=center_of(context.basemap), parent=self)
        self.controller.reload()

    def title(self) -> str:
        return self.tr("City map")

    def render(self, figures: WallFigures) -> None:
        """Markers follow the state change by change (``apply_changes``), not the figures."""

    def follow(self, state: ReplicaStore | None, moment: datetime | None = None) -> None:
        """Draw ``state`` as it was at ``moment`` (time travel: a state rebuilt from the
        journal), or with None the live state again."""
        if self.controller is None:
            return
        live = self.context.state
        self.controller.store = state if state is not None else live  # type: ignore[assignment]
        self.controller.now = ((lambda: moment) if state is not None and moment is not None
                               else self.context.clock)
        self.controller.reload()

    def apply_changes(self, batch: list[Applied] | None) -> None:
        if self.controller is None:
            return
        if batch is None:
            self.controller.reload()
        else:
            self.controller.apply(batch)
