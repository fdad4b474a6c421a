"""The operator's main window: the queue in the centre, the card beside it, the live room
in the status bar."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDockWidget,
    QMainWindow,
    QMenu,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.maps.map_widget import MapView
from app.maps.page import center_of
from app.ui import text_size
from app.ui.address_book import AddressBook
from app.ui.bridge import SyncBridge
from app.ui.card import IncidentCard
from app.ui.catalog_view import CatalogView
from app.ui.conflicts import ConflictsDialog
from app.ui.emergency_desk import EmergencyDesk
from app.ui.escalation import EscalationWatch, NoticeList, is_supervisor
from app.ui.i18n import install_translator
from app.ui.intake import IntakeDialog
from app.ui.live_status import LiveStatusBar
from app.ui.map_panel import MapController
from app.ui.outbox_banner import OutboxBanner
from app.ui.queue_model import QueueModel
from app.ui.queue_panel import QueuePanel
from app.ui.shortcuts import add_help
from app.ui.sound import SoundEvents
from app.ui.tasks import command_pool, run_task
from app.ui.unclaimed import UnclaimedBanner

SETTINGS_KEYS = "Ctrl+,"
WALL_KEYS = "Ctrl+Alt+W"


class MainWindow(QMainWindow):
    language_changed = Signal(str)  # the translator is in; the console builds the window anew

    def __init__(self, bridge: SyncBridge, catalog: CatalogView, settings: QSettings,
                 sounds: SoundEvents | None = None, basemap: dict[str, Any] | None = None,
                 parent: QWidget | None = None, *,
                 escalated: set[Any] | None = None) -> None:
        """``escalated``: what this session already escalated, kept by a rebuilt window so
        a language change does not sound every late incident again."""
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.bridge = bridge
        self.client = bridge.client
        self.catalog = catalog
        self.settings = settings
        self.basemap = basemap
        user = self.client.user or {}
        self.setWindowTitle(self.tr("City dispatch — %s (%s)") %
                            (user.get("name", ""), catalog.room_name(user.get("room") or "")))
        self.sounds = sounds or SoundEvents(
            enabled=settings.value("sounds/enabled", True, type=bool), parent=self)
        self.book = AddressBook(self.client, self)
        self.book.load()

        self.model = QueueModel(self.client.store, catalog, user_id=user.get("id"),
                                now=self.client.server_now, parent=self)
        self.queue = QueuePanel(self.model, settings)
        self.banner = UnclaimedBanner(self.client.store, self.sounds, room=user.get("room"),
                                      now=self.client.server_now)
        self.outbox_banner = OutboxBanner(bridge)
        self.outbox_banner.review.connect(self.review_conflicts)
        centre = QWidget()
        layout = QVBoxLayout(centre)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.outbox_banner)
        layout.addWidget(self.banner)
        layout.addWidget(self.queue, 1)
        self.setCentralWidget(centre)

        self.card = IncidentCard(self.client, catalog, now=self.client.server_now)
        scroll = QScrollArea()
        scroll.setWidget(self.card)
        scroll.setWidgetResizable(True)
        self.card_dock = QDockWidget(self.tr("Incident card"), self)
        self.card_dock.setObjectName("cardDock")
        self.card_dock.setWidget(scroll)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.card_dock)
        scroll.setMinimumWidth(520)
        self.setStatusBar(LiveStatusBar(bridge, self))
        self._make_escalation(user, escalated)
        # Emergencies: the banner across the top, the menu's items, the card's buttons.
        self.emergencies = EmergencyDesk(self, self.client, self.sounds,
                                         current=lambda: self.card.incident_id,
                                         now=self.client.server_now)
        self.card.emergency.requested.connect(self.emergencies.request)
        self.map_view: MapView | None = None
        self.map: MapController | None = None
        if basemap is not None:
            self._make_map(basemap)

        bridge.changes.connect(self.on_changes)
        bridge.reset.connect(self.on_reset)
        self._following: int | None = None  # an incident to select once its row is here
        self.queue.current_changed.connect(self.card.show_incident)
        self.queue.open_requested.connect(self.open_card)
        self.banner.take_oldest.connect(self.take)
        self.ticker = QTimer(self)
        self.ticker.timeout.connect(self.model.tick)
        self.ticker.start(1000)
        self._make_actions()
        self.resize(1600, 900)

    def _make_map(self, basemap: dict[str, Any]) -> None:
        """The map in its own dock: it can float to another monitor."""
        tiles = str(self.settings.value("map/tiles", "")) or None
        mbtiles = str(self.settings.value("map/mbtiles", "")) or None
        self.map_view = MapView(center=center_of(basemap), basemap=basemap, tiles=tiles,
                                attribution=str(self.settings.value("map/attribution", "")),
                                mbtiles=Path(mbtiles) if mbtiles else None)
        self.map = MapController(self.map_view, self.client.store, self.catalog,
                                 now=self.client.server_now, origin=center_of(basemap),
                                 parent=self)
        self.map_dock = QDockWidget(self.tr("City map"), self)
        self.map_dock.setObjectName("mapDock")
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        self.map_follows_queue = QCheckBox(self.tr("Show only what the queue shows"))
        self.map_follows_queue.setToolTip(self.tr("Apply the queue's filter to the map too"))
        self.map_follows_queue.toggled.connect(
            lambda on: self.map.follow_queue(self.model.row_of if on else None))
        self.model.modelReset.connect(  # a new queue filter
            lambda: self.map.reload() if self.map_follows_queue.isChecked() else None)
        box.addWidget(self.map_follows_queue)
        box.addWidget(self.map_view, 1)
        self.map_dock.setWidget(holder)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.map_dock)
        self.map.incident_clicked.connect(self.open_card)
        # Right-click on the map: a new incident there, with the nearest known address.
        self.map_view.context_menu.connect(lambda lat, lon: self.new_incident(lat, lon))
        self.queue.current_changed.connect(self.map.select)
        self.map.reload()

    def _make_escalation(self, user: dict[str, Any], done: set[Any] | None) -> None:
        """Past a norm: a sound for everyone in the room, a clickable notice for its
        supervisors (the people who step in)."""
        self.escalation = EscalationWatch(self.client.store, self.catalog, self.sounds,
                                          room=user.get("room"), now=self.client.server_now,
                                          done=done, parent=self)
        self.bridge.changes.connect(self.escalation.apply)
        self.bridge.reset.connect(self.escalation.reload)
        self.notices: NoticeList | None = None
        if is_supervisor(user):
            self.notices = NoticeList(self.escalation, self.catalog, self.statusBar())
            self.notices.open_incident.connect(self.open_card)
            dock = QDockWidget(self.tr("Past the norm"), self)
            dock.setObjectName("escalationDock")
            dock.setWidget(self.notices)
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        # Dock sizes are only honoured once the window has its own size.
        QTimer.singleShot(0, lambda: self.resizeDocks([self.card_dock], [max(
            560, self.width() // 3)], Qt.Orientation.Horizontal))

    def _make_actions(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Incident"))
        for text, keys, slot in (
            (self.tr("&New incident"), "Ctrl+N", self.new_incident),
            (self.tr("&Take the oldest unclaimed"), "F2", self.take_oldest),
            (self.tr("&Search the queue"), "Ctrl+F", self.queue.focus_search),
            (self.tr("&Queue"), "F6", self.queue.table.setFocus),
            (self.tr("&Card"), "F7", self.focus_card),
            (self.tr("&Refused changes…"), "F9", self.review_conflicts),
        ):
            self._menu_action(menu, text, keys, slot)
        self.emergencies.add_actions(menu)
        view = self.menuBar().addMenu(self.tr("&View"))
        self._menu_action(view, self.tr("Open the &wall in a window"), WALL_KEYS,
                          self.open_wall)
        self._menu_action(view, self.tr("Shift &compliance…"), "Ctrl+Alt+N",
                          self.open_compliance, "complianceAction")
        if (self.client.user or {}).get("role") in ("supervisor", "admin"):
            # The service answers looks back and reports to these roles only; others never
            # see the items.
            for text, keys, slot, name in (
                (self.tr("Wall, &back in time…"), "Ctrl+Alt+B", self.open_wall_history,
                 "wallHistoryAction"),
                (self.tr("&Reports…"), "Ctrl+Alt+P", self.open_reports, "reportsAction"),
                (self.tr("Shift &handover…"), "Ctrl+Alt+H", self.open_shift_handover,
                 "shiftHandoverAction"),
                (self.tr("Export the &journal…"), "Ctrl+Alt+J", self.open_journal_export,
                 "journalExportAction"),
            ):
                self._menu_action(view, text, keys, slot, name)
        view.addSeparator()
        self._menu_action(view, self.tr("&Larger text"), ["Ctrl++", "Ctrl+="],
                          lambda: self.set_text_scale(text_size.step(text_size.current(), 1)),
                          "largerTextAction")
        self._menu_action(view, self.tr("&Smaller text"), "Ctrl+-",
                          lambda: self.set_text_scale(text_size.step(text_size.current(), -1)),
                          "smallerTextAction")
        self._menu_action(view, self.tr("&Normal text size"), "Ctrl+0",
                          lambda: self.set_text_scale(1.0), "normalTextAction")
        options = self.menuBar().addMenu(self.tr("&Settings"))
        self._menu_action(options, self.tr("&Settings…"), SETTINGS_KEYS, self.open_settings,
                          "settingsAction")
        add_help(self)

    def _menu_action(self, menu: QMenu, text: str, keys: str | list[str],
                     slot: Callable[[], object], name: str = "") -> QAction:
        action = QAction(text, self)
        if name:
            action.setObjectName(name)
        sequences = [QKeySequence(k) for k in ([keys] if isinstance(keys, str) else keys)]
        action.setShortcuts(sequences)
        shown = sequences[0].toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{text.replace('&', '')} — {shown}")
        action.triggered.connect(lambda _c=False: slot())
        menu.addAction(action)
        self.addAction(action)
        return action

    def open_wall(self) -> QWidget:
        """The video wall's view of this console's replica, in an ordinary window."""
        from app.ui.wall.run import open_wall_window  # loaded only when someone asks

        return open_wall_window(self.bridge, self.catalog, basemap=self.basemap, parent=self,
                                settings=self.settings)

    def open_wall_history(self) -> QWidget:
        """The wall's panels at any moment of the last days, rebuilt by the service."""
        from app.ui.wall.history import open_history_window  # loaded only when someone asks

        return open_history_window(self.bridge, self.catalog, basemap=self.basemap, parent=self)

    def open_shift_handover(self) -> QWidget:
        """The summary of the shift, signed by the outgoing and the incoming supervisor."""
        from app.ui.shift_handover import open_shift_handover_window

        return open_shift_handover_window(self.bridge, self.catalog, parent=self)

    def open_journal_export(self) -> QWidget:
        """The change log of a date range, saved as CSV."""
        from app.ui.journal_export import open_journal_export

        return open_journal_export(self.bridge, parent=self)

    def open_reports(self) -> QWidget:
        """Counts and times of any period by type, duty service, district or source."""
        from app.ui.reports import open_reports_window  # loaded only when someone asks

        return open_reports_window(self.bridge, self.catalog, parent=self)

    def open_compliance(self) -> QWidget:
        """Each norm's share kept and percentiles for the shift, from the replica."""
        from app.ui.compliance import ShiftComplianceDialog

        dialog = ShiftComplianceDialog(self.client.store, self.catalog,
                                       now=self.client.server_now, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def set_language(self, code: str) -> None:
        """Kept per workstation and put in force at once: the translator is installed and
        whoever runs the console (``ConsoleWindows``) builds the window again in it."""
        self.settings.setValue("language", code)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            install_translator(app, code)
        self.language_changed.emit(code)

    def set_text_scale(self, scale: float) -> None:
        """The whole console's text, kept per workstation."""
        self.settings.setValue(text_size.KEY, text_size.apply_scale(scale))

    def open_settings(self) -> QWidget:
        from app.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, sounds=self.sounds, parent=self)
        dialog.language_chosen.connect(self.set_language)
        dialog.scale_chosen.connect(self.set_text_scale)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # -- live --------------------------------------------------------------------------

    def on_changes(self, batch: list[Any]) -> None:
        watched = self.queue.selected_id(), self.card.incident_id
        self.model.apply(batch)
        self._renumbered(*watched)
        self._follow()
        if self.map is not None:
            self.map.apply(batch)
        self.banner.apply(batch)
        self.emergencies.apply(batch)
        self.card.on_changes(batch)

    def _renumbered(self, *watched: int | None) -> None:
        """An incident registered offline got its number while the operator was on it:
        follow it in the queue and the card (now, or once its row has arrived)."""
        for old in watched:
            if old is not None and old < 0 and self.client.store.get("incident", old) is None:
                real = self.client.real_id(old)
                if real is not None:
                    self._following = real

    def _follow(self) -> None:
        if self._following is not None and self.queue.select(self._following):
            self.card.show_incident(self._following)
            self._following = None

    def review_conflicts(self) -> ConflictsDialog:
        dialog = ConflictsDialog(self.client, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open_incident.connect(self.open_card)
        dialog.open()
        return dialog

    def on_reset(self) -> None:
        keep = self.queue.selected_id()
        self.model.reload()
        self.banner.reload()
        self.emergencies.reload()
        if self.map is not None:
            self.map.reload()
        self.card.refresh()
        if keep is not None:
            self.queue.select(keep)
        elif self.model.rowCount():
            # Something is always selected, so the arrow keys work from the first moment.
            self.queue.select(self.model.id_at(0) or 0)

    # -- actions -----------------------------------------------------------------------

    def new_incident(self, lat: float | None = None, lon: float | None = None) -> IntakeDialog:
        dialog = IntakeDialog(self.client, self.catalog, self.book, lat=lat, lon=lon,
                              parent=self)
        dialog.registered.connect(lambda d: self._show_when_arrived(d["incident"]["id"]))
        dialog.attached.connect(self._show_when_arrived)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if self.map_view is not None:
            view = self.map_view
            dialog.place_preview.connect(view.show_preview)
            dialog.finished.connect(lambda _r: view.clear_preview())
        dialog.open()
        return dialog

    def _show_when_arrived(self, incident_id: int, tries: int = 20) -> None:
        """The new incident reaches the queue through the stream; select it once it is there."""
        if self.queue.select(incident_id):
            self.card.show_incident(incident_id)
        elif tries:
            QTimer.singleShot(50, lambda: self._show_when_arrived(incident_id, tries - 1))

    def open_card(self, incident_id: int) -> None:
        self.queue.select(incident_id)
        self.card.show_incident(incident_id)
        self.card_dock.show()
        self.focus_card()

    def focus_card(self) -> None:
        self.card.note.setFocus()

    def take_oldest(self) -> None:
        oldest = self.banner.oldest()
        if oldest is not None:
            self.take(oldest)

    def take(self, incident_id: int) -> None:
        run_task(lambda: self.client.claim(incident_id),
                 lambda _r: self.open_card(incident_id),
                 lambda e: self.card.show_error(self.card.explain(e)), pool=command_pool())
