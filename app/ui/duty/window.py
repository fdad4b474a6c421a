"""The console of a duty service (ДДС): the hand-overs the city's dispatch gave it, where
it acknowledges them and reports crew dispatched, on scene, resolved. Scoped to its own
hand-overs by the service; the rest of the city is not its to see."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelectionModel, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import HandoverStage
from app.domain.handovers import ORDER
from app.sync.duty import DutyFeed, FeedState, Report
from app.sync.errors import ApiError
from app.sync.http import Http
from app.ui.catalog_view import CatalogView
from app.ui.duty.board_model import DutyBoardModel, DutyCol, ack_late_by, in_emergency
from app.ui.emergency_words import level_word
from app.ui.queue_model import address_text
from app.ui.shortcuts import add_help
from app.ui.sound import SoundEvents
from app.ui.text_size import set_style
from app.ui.timefmt import city_time
from app.ui.words import CREW_STATUS, PRIORITY, STAGE, word

H = HandoverStage

# What the service reports, in order, with its key: one key each, F5 to F8, as on the
# dispatch room's own keyboards where the F-row is the working row.
REPORTS = (
    (H.ACKNOWLEDGED, QT_TRANSLATE_NOOP("DutyWindow", "Acknowledge"), "F5"),
    (H.CREW_DISPATCHED, QT_TRANSLATE_NOOP("DutyWindow", "Crew dispatched"), "F6"),
    (H.ON_SCENE, QT_TRANSLATE_NOOP("DutyWindow", "On scene"), "F7"),
    (H.RESOLVED, QT_TRANSLATE_NOOP("DutyWindow", "Resolved"), "F8"),
)


class _Relay(QObject):
    """The feed's threads hand over to the GUI thread through these signals."""

    board = Signal(object)
    state = Signal(str, str)
    report = Signal(object, object)


def may_report(current: str, target: HandoverStage) -> bool:
    stage = HandoverStage(current)
    if stage in (H.RESOLVED, H.RECALLED):
        return False
    return ORDER.index(target) > ORDER.index(stage)


class DutyWindow(QMainWindow):
    feed_state = Signal(str, str)  # the feed's state, on the GUI thread

    def __init__(self, http: Http, catalog: CatalogView, user: dict[str, Any], *,
                 sounds: SoundEvents | None = None, wait: float = 25.0,
                 retry_seconds: float = 2.0) -> None:
        super().__init__()
        self.catalog = catalog
        self.user = user
        self.sounds = sounds or SoundEvents(parent=self)
        self.service = str(user.get("duty_service") or "")
        self.setWindowTitle(self.tr("%s — hand-overs from the city dispatch") %
                            catalog.service_name(self.service))
        self._relay = _Relay(self)
        self.feed = DutyFeed(http, on_board=self._relay.board.emit,
                             on_state=self._relay.state.emit,
                             on_report=self._relay.report.emit, wait=wait,
                             retry_seconds=retry_seconds)
        self.model = DutyBoardModel(catalog, self.feed.server_now)
        self._late_announced: set[int] = set()
        self._seen_board = False  # the first board is what was there already: no sound
        self._build()
        self._relay.board.connect(self.on_board)
        self._relay.state.connect(self.on_state)
        self._relay.state.connect(self.feed_state)
        self._relay.report.connect(self.on_report)
        self._ticker = QTimer(self, interval=1000, timeout=self.tick)
        self._ticker.start()
        self.feed.start()

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The crew goes to the address: it shares the spare width with the type rather than
        # being squeezed by a long type name.
        header.setSectionResizeMode(DutyCol.TYPE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(DutyCol.ADDRESS, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.show_detail())

        self.title = QLabel()
        set_style(self.title, "font-size: 15pt; font-weight: bold;")
        self.title.setWordWrap(True)
        self.address = QLabel()
        self.description = QLabel()
        self.stamps = QLabel()
        for label in (self.address, self.description, self.stamps):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.crew = QComboBox()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020; font-weight: bold;")

        form = QFormLayout()
        self.received = QLabel()
        form.addRow(self.tr("Received:"), self.received)
        form.addRow(self.tr("Address:"), self.address)
        form.addRow(self.tr("What happened:"), self.description)
        form.addRow(self.tr("Stages:"), self.stamps)
        form.addRow(self.tr("Crew:"), self.crew)

        menu = self.menuBar().addMenu(self.tr("&Hand-over"))
        buttons = QHBoxLayout()
        self.actions_by_stage: dict[HandoverStage, QAction] = {}
        for stage, text, key in REPORTS:
            action = QAction(self.tr(text), self)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _=False, s=stage: self.send(s))
            menu.addAction(action)
            self.addAction(action)
            self.actions_by_stage[stage] = action
            button = QPushButton(f"{self.tr(text)}  [{key}]")
            button.setMinimumHeight(40)
            button.clicked.connect(action.trigger)
            action.changed.connect(lambda b=button, a=action: b.setEnabled(a.isEnabled()))
            buttons.addWidget(button)

        detail = QWidget()
        box = QVBoxLayout(detail)
        box.addWidget(self.title)
        box.addLayout(form)
        box.addLayout(buttons)
        box.addWidget(self.message)
        box.addStretch(1)

        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([900, 500])
        self.setCentralWidget(split)
        self.connection = QLabel(self.tr("Connecting…"))
        self.statusBar().addWidget(self.connection, 1)
        add_help(self)
        self.show_detail()

    # -- what the feed says ----------------------------------------------------------------

    def on_board(self, board: dict[str, Any]) -> None:
        selected = self.selected()
        current = selected["id"] if selected else None
        arrived = self.model.set_board(board)
        self.crew.clear()
        for crew in board.get("crews", []):
            self.crew.addItem(f"{crew['callsign']} ({word(CREW_STATUS, crew['status'])})",
                              crew["id"])
        if arrived and self._seen_board:
            self.sounds.play("unclaimed")  # a new hand-over: somebody must take it
        self._seen_board = True
        row = self.model.row_of(current) if current is not None else None
        if row is None and self.model.rows:
            row = 0
        if row is not None:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
        self.show_detail()

    def on_state(self, state: str, message: str) -> None:
        text = {
            FeedState.LIVE: self.tr("Connected to the city dispatch service"),
            FeedState.OFFLINE: self.tr("No connection to the city dispatch service; "
                                       "reports wait and are sent when it is back"),
            FeedState.SIGNED_OUT: self.tr("The session has ended: sign in again"),
        }.get(state, self.tr("Connecting…"))
        self.connection.setText(text)
        live = state == FeedState.LIVE
        self.connection.setStyleSheet("" if live else "color: #b00020; font-weight: bold;")

    def on_report(self, report: Report, error: Exception | None) -> None:
        if error is None:
            return
        text = error.message if isinstance(error, ApiError) else str(error)
        self.message.setText(self.tr("The service refused: %s") % text)

    def tick(self) -> None:
        self.model.tick()
        now = self.feed.server_now()
        for row in self.model.rows:
            if ack_late_by(row, now) is not None and row["id"] not in self._late_announced:
                self._late_announced.add(row["id"])
                self.sounds.play("overdue")

    # -- acting ----------------------------------------------------------------------------

    def selected(self) -> dict[str, Any] | None:
        index = self.table.selectionModel().currentIndex()
        if not index.isValid() or index.row() >= len(self.model.rows):
            return None
        return self.model.rows[index.row()]

    def send(self, stage: HandoverStage) -> None:
        row = self.selected()
        if row is None or not may_report(row["stage"], stage):
            return
        crew = self.crew.currentData() if stage is H.CREW_DISPATCHED else None
        self.message.clear()
        self.feed.report(row["id"], stage.value, crew)

    def show_detail(self) -> None:
        row = self.selected()
        for stage, action in self.actions_by_stage.items():
            action.setEnabled(row is not None and may_report(row["stage"], stage))
        if row is None:
            self.title.setText(self.tr("No hand-overs"))
            for label in (self.received, self.address, self.description, self.stamps):
                label.clear()
            return
        inc = row["incident"]
        title = (f"{inc['number']} · {self.catalog.type_name(inc.get('type_code'))}"
                 f" · {word(PRIORITY, inc.get('priority'))}")
        if in_emergency(row):
            title = self.tr("%1 · EMERGENCY (ЧС), %2").replace("%1", title).replace(
                "%2", level_word(inc.get("emergency_level")))
        self.title.setText(title)
        self.received.setText(city_time(inc.get("received_at"), seconds=True))
        self.address.setText(address_text(inc))
        self.description.setText(inc.get("description") or "")
        lines = []
        for stage in (*ORDER, H.RECALLED):
            at = row.get(f"{stage.value}_at")
            if at:
                lines.append(f"{word(STAGE, stage.value)}: {city_time(at, seconds=True)}")
        self.stamps.setText("\n".join(lines))

    def closeEvent(self, event: QCloseEvent) -> None:
        self._ticker.stop()
        self.feed.stop()
        super().closeEvent(event)
