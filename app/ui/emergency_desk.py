"""Emergencies in the main window: the banner in a bar across the top, the Incident menu's
items with their shortcuts, and the dialogs they open (for the card's incident, or the
banner's)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QMainWindow,
    QMenu,
    QSizePolicy,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.domain.emergencies import in_force
from app.sync import SyncClient
from app.sync.store import Applied
from app.ui.emergency_banner import EmergencyBanner
from app.ui.emergency_card import DECLARE_KEYS, LIFT_KEYS, OFFICER_ROLES, REPORT_KEYS
from app.ui.emergency_dialogs import DeclareDialog, LiftDialog
from app.ui.emergency_report import ReportDialog
from app.ui.sound import SoundEvents


class EmergencyDesk(QObject):
    def __init__(self, window: QMainWindow, client: SyncClient, sounds: SoundEvents, *,
                 current: Callable[[], int | None], now: Callable[[], datetime]) -> None:
        super().__init__(window)
        self.window = window
        self.client = client
        self.current = current
        self.now = now
        self.officer = (client.user or {}).get("role") in OFFICER_ROLES
        self.banner = EmergencyBanner(client.store, sounds, now=now)
        self.bar = QToolBar(self.tr("Emergencies"), window)
        self.bar.setObjectName("emergencyBar")
        self.bar.setMovable(False)
        self.bar.setFloatable(False)
        self.bar.toggleViewAction().setVisible(False)  # not something to switch off
        self.bar.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)
        self.bar.setStyleSheet("QToolBar { border: none; padding: 0; spacing: 0; }")
        # In a holder: a toolbar's own widget must not be shown or hidden by itself, and
        # the banner does that; the bar is shown while the banner is.
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.banner)
        holder.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.bar.addWidget(holder)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.bar)
        self.bar.setVisible(self.banner.active)
        self.banner.shown_changed.connect(self.bar.setVisible)
        self.banner.open_report.connect(self.report)

    def add_actions(self, menu: QMenu) -> None:
        menu.addSeparator()
        items: list[tuple[str, str, str | None, Callable[[], Any]]] = []
        if self.officer:  # the service refuses the others; they never see the items
            items += [("declareAction", self.tr("Raise to &emergency…"), DECLARE_KEYS,
                       self.declare),
                      ("liftAction", self.tr("&Lift emergency…"), LIFT_KEYS, self.lift)]
        items.append(("reportAction", self.tr("Emergency &report…"), REPORT_KEYS, self.report))
        for name, text, keys, slot in items:
            action = QAction(text, self.window)
            action.setObjectName(name)
            if keys:
                action.setShortcut(QKeySequence(keys))
                action.setToolTip(f"{text.replace('&', '')} — {keys}")
            action.triggered.connect(lambda _c=False, s=slot: s())
            menu.addAction(action)
            self.window.addAction(action)

    # -- live ----------------------------------------------------------------------------

    def apply(self, batch: list[Applied]) -> None:
        self.banner.apply(batch)

    def reload(self) -> None:
        self.banner.reload()

    def request(self, what: str, incident_id: int) -> None:
        """From the card's buttons."""
        {"declare": self.declare, "lift": self.lift, "report": self.report}[what](incident_id)

    # -- the dialogs ---------------------------------------------------------------------

    def _incident(self, incident_id: int | None) -> dict[str, Any] | None:
        target = incident_id if incident_id is not None else self.current()
        inc = self.client.store.get("incident", target) if target is not None else None
        if inc is None or inc["id"] < 0:
            self.window.statusBar().showMessage(
                self.tr("Select an incident the service has registered first."), 8000)
            return None
        return inc

    def declare(self, incident_id: int | None = None) -> DeclareDialog | None:
        inc = self._incident(incident_id)
        if inc is None:
            return None
        dialog = DeclareDialog(self.client, inc, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def lift(self, incident_id: int | None = None) -> LiftDialog | None:
        inc = self._incident(incident_id)
        if inc is None:
            return None
        if not in_force(inc.get("emergency_level"), inc.get("emergency_lifted_at")):
            self.window.statusBar().showMessage(
                self.tr("No emergency is in force on %1.").replace("%1", inc["number"]), 8000)
            return None
        dialog = LiftDialog(self.client, inc, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def report(self, incident_id: int | None = None) -> ReportDialog | None:
        """For the incident given, else the card's if it has an emergency, else the
        banner's most urgent."""
        if incident_id is None:
            card = self.current()
            row = self.client.store.get("incident", card) if card is not None else None
            incident_id = (card if row and row.get("emergency_level") else
                           self.banner.most_urgent())
        if incident_id is None:
            self.window.statusBar().showMessage(
                self.tr("No emergency has been declared on this incident."), 8000)
            return None
        dialog = ReportDialog(self.client, incident_id, now=self.now, parent=self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
