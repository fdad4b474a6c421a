"""The incident card: every field, hand-overs with their stamps and norm countdowns, notes,
the timeline from the change log, and every action. A refused action is explained in
words and the text the operator typed stays where it was."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import Action, Role, Status
from app.domain.transitions import allowed_actions
from app.sync import ApiError, Offline, SyncClient
from app.ui import timefmt
from app.ui.catalog_view import CatalogView
from app.ui.emergency_card import EmergencyBox
from app.ui.queue_model import address_text
from app.ui.shortcuts import GROUP, key_action
from app.ui.tasks import command_pool, run_task
from app.ui.text_size import set_style
from app.ui.words import ACTION, KIND, PRIORITY, SOURCE, STAGE, STATUS, word

STAGE_COLUMNS = ("handed_over_at", "acknowledged_at", "crew_dispatched_at", "on_scene_at",
                 "resolved_at")
# Actions the card offers as buttons; dispatch happens by handing over, start by a service.
CARD_ACTIONS = (Action.REGISTER, Action.RESOLVE, Action.CLOSE, Action.CANCEL, Action.MERGE,
                Action.SPLIT, Action.REOPEN)
ACTION_KEYS = {
    Action.REGISTER: "Ctrl+R",
    Action.RESOLVE: "Ctrl+Shift+R",
    Action.CLOSE: "Ctrl+Shift+C",
    Action.CANCEL: "Ctrl+Shift+X",
    Action.MERGE: "Ctrl+Shift+M",
    Action.SPLIT: "Ctrl+Shift+U",  # U for "unmerge"
    Action.REOPEN: "Ctrl+Shift+O",
}


ERROR_STYLE = "color: #b71c1c; font-weight: bold;"
QUEUED_STYLE = "color: #e65100; font-weight: bold;"  # kept, not refused

class IncidentCard(QWidget):
    changed = Signal(int)

    def __init__(self, client: SyncClient, catalog: CatalogView, *,
                 now: Callable[[], datetime] = lambda: datetime.now(UTC),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.client = client
        self.catalog = catalog
        self.now = now
        self.incident_id: int | None = None
        self._timeline_asked = self._timeline_shown = 0
        self.role = Role((client.user or {}).get("role", "operator"))
        self.in_flight = 0  # changes sent and not yet answered

        self.title = QLabel()
        self.title.setObjectName("cardTitle")
        set_style(self.title, "font-size: 13pt; font-weight: bold;")
        self.title.setWordWrap(True)
        self.holder = QLabel()
        self.claim_button = QPushButton(self.tr("Take (Ctrl+K)"))
        self.claim_button.setToolTip(self.tr("Take the incident to work on it — Ctrl+K"))
        self.release_button = QPushButton(self.tr("Release"))
        self.release_button.setToolTip(self.tr("Let others work on it — Ctrl+Shift+K"))
        self.takeover_button = QPushButton(self.tr("Take over"))
        self.takeover_button.setToolTip(self.tr("Supervisor: take the incident from its "
                                                "holder — Ctrl+Alt+K"))
        top = QHBoxLayout()
        top.addWidget(self.holder, 1)
        top.addStretch(0)
        top.addWidget(self.claim_button)
        top.addWidget(self.release_button)
        top.addWidget(self.takeover_button)

        self.fields = QFormLayout()
        self.field_labels: dict[str, QLabel] = {}
        for key, label in (("source", self.tr("Source")), ("received", self.tr("Received")),
                           ("address", self.tr("Address")), ("district", self.tr("District")),
                           ("place", self.tr("Place")), ("room", self.tr("Room")),
                           ("intake", self.tr("Intake")),
                           ("description", self.tr("Description")),
                           ("stamps", self.tr("Stamps")), ("result", self.tr("Result"))):
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.field_labels[key] = value
            self.fields.addRow(label + ":", value)

        self.handovers = QTableWidget(0, 3 + len(STAGE_COLUMNS))
        self.handovers.setObjectName("handovers")
        self.handovers.setHorizontalHeaderLabels(
            [self.tr("Service"), self.tr("Stage"), self.tr("Handed"), self.tr("Ack"),
             self.tr("Crew"), self.tr("Scene"), self.tr("Done"), self.tr("Norm")])
        self.handovers.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.handovers.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.handovers.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.handovers.verticalHeader().setVisible(False)
        self.handovers.setMaximumHeight(150)
        group = self.tr("Incident card")
        self.setProperty(GROUP, group)  # its keys' heading in the F1 sheet
        self.stage_buttons: dict[str, QPushButton] = {}
        stage_row = QHBoxLayout()
        for n, stage in enumerate(("acknowledged", "crew_dispatched", "on_scene", "resolved"), 1):
            b = QPushButton(word(STAGE, stage))
            b.setToolTip(self.tr("Record for the selected hand-over: %s — Ctrl+%d") %
                         (word(STAGE, stage), n))
            b.clicked.connect(lambda _c=False, s=stage: self.report(s))
            key_action(self, self.tr("Record for the selected hand-over: %s") %
                       word(STAGE, stage), f"Ctrl+{n}", lambda s=stage: self.report(s),
                       group=group)
            self.stage_buttons[stage] = b
            stage_row.addWidget(b)
        self.services = QListWidget()
        self.services.setToolTip(self.tr("Services to hand over to; the incident type ticks "
                                         "its default ones"))
        self.services.setObjectName("services")
        self.services.setMaximumHeight(120)
        for code in catalog.services:
            item = QListWidgetItem(catalog.service_name(code))
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.services.addItem(item)
        self.hand_over_button = QPushButton(self.tr("Hand over to the ticked services (Ctrl+H)"))
        self.hand_over_button.setToolTip(self.tr("Hand the incident over — Ctrl+H"))
        handover_box = QGroupBox(self.tr("Hand-overs"))
        hb = QVBoxLayout(handover_box)
        hb.addWidget(self.handovers)
        hb.addLayout(stage_row)
        hb.addWidget(self.services)
        hb.addWidget(self.hand_over_button)

        self.priority = QComboBox()
        for p in PRIORITY:
            self.priority.addItem(word(PRIORITY, p), p)
        self.description = QLineEdit()
        self.description.setObjectName("editDescription")
        self.save_button = QPushButton(self.tr("Save (Ctrl+S)"))
        self.save_button.setToolTip(self.tr("Save the priority and description — Ctrl+S"))
        self.save_button.clicked.connect(self.save_edits)
        key_action(self, self.tr("Save the priority and description"), "Ctrl+S",
                   self.save_edits, group=group)
        edit_box = QGroupBox(self.tr("Edit"))
        eb = QHBoxLayout(edit_box)
        eb.addWidget(self.priority)
        eb.addWidget(self.description, 1)
        eb.addWidget(self.save_button)

        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(self.tr("result of closing, or reason to cancel or "
                                               "reopen"))
        self.action_buttons: dict[Action, QPushButton] = {}
        self.status_actions: dict[Action, QAction] = {}
        actions_row = QHBoxLayout()
        for action in CARD_ACTIONS:
            keys = ACTION_KEYS[action]
            b = QPushButton(word(ACTION, action.value))
            b.setToolTip(f"{word(ACTION, action.value)} — {keys}")
            b.clicked.connect(lambda _c=False, a=action: self.act(a))
            self.status_actions[action] = key_action(
                self, word(ACTION, action.value), keys, lambda a=action: self._shortcut(a),
                group=group)
            self.action_buttons[action] = b
            actions_row.addWidget(b)
        status_box = QGroupBox(self.tr("Status"))
        sb = QVBoxLayout(status_box)
        sb.addWidget(self.reason)
        sb.addLayout(actions_row)

        self.notes = QListWidget()
        self.notes.setObjectName("notes")
        self.note = QLineEdit()
        self.note.setObjectName("note")
        self.note.setPlaceholderText(self.tr("a note for the room (Enter adds it)"))
        self.timeline = QListWidget()
        self.timeline.setObjectName("timeline")
        notes_box = QGroupBox(self.tr("Notes"))
        nb = QVBoxLayout(notes_box)
        nb.addWidget(self.notes)
        nb.addWidget(self.note)
        timeline_box = QGroupBox(self.tr("Timeline"))
        QVBoxLayout(timeline_box).addWidget(self.timeline)

        self.error = QLabel()
        self.error.setObjectName("cardError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)

        # The emergency's line and buttons; the main window opens the dialogs they ask for.
        self.emergency = EmergencyBox(self.role.value, now=now)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(top)
        layout.addLayout(self.fields)
        layout.addWidget(self.emergency)
        layout.addWidget(edit_box)
        layout.addWidget(handover_box)
        layout.addWidget(status_box)
        layout.addWidget(notes_box)
        layout.addWidget(timeline_box, 1)
        layout.addWidget(self.error)

        self.claim_button.clicked.connect(lambda: self.claim(False))
        self.takeover_button.clicked.connect(lambda: self.claim(True))
        self.release_button.clicked.connect(self.release)
        self.hand_over_button.clicked.connect(self.hand_over)
        self.note.returnPressed.connect(self.add_note)
        key_action(self, self.tr("Take the incident"), "Ctrl+K", lambda: self.claim(False),
                   group=group)
        key_action(self, self.tr("Release the incident"), "Ctrl+Shift+K", self.release,
                   group=group)
        key_action(self, self.tr("Take over from its holder (supervisor)"), "Ctrl+Alt+K",
                   lambda: self.claim(True) if self.takeover_button.isVisibleTo(self)
                   else None, group=group)
        key_action(self, self.tr("Hand over to the ticked services"), "Ctrl+H",
                   self.hand_over, group=group)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._tick)
        self.timer.start(1000)
        self.show_incident(None)

    # -- showing -----------------------------------------------------------------------

    @property
    def incident(self) -> dict[str, Any] | None:
        return self.client.store.get("incident", self.incident_id) if self.incident_id else None

    def show_incident(self, incident_id: int | None) -> None:
        if incident_id != self.incident_id:
            self.error.clear()
            self.timeline.clear()
            self._preset_services(incident_id)
        switched = incident_id != self.incident_id
        self.incident_id = incident_id
        self.setEnabled(incident_id is not None)
        self.refresh()
        if switched:
            self._fill_edits()
        if incident_id is not None:
            self.load_timeline()

    def _fill_edits(self) -> None:
        inc = self.incident or {}
        self.priority.setCurrentIndex(max(0, self.priority.findData(inc.get("priority", 3))))
        self.description.setText(inc.get("description") or "")

    def _preset_services(self, incident_id: int | None) -> None:
        inc = self.client.store.get("incident", incident_id) if incident_id else None
        defaults = set(self.catalog.types.get((inc or {}).get("type_code") or "", {})
                       .get("services", []))
        for i in range(self.services.count()):
            item = self.services.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole)
                               in defaults else Qt.CheckState.Unchecked)

    def refresh(self) -> None:
        inc = self.incident
        self.emergency.show_incident(inc)
        if inc is None:
            self.title.setText(self.tr("No incident selected"))
            return
        self.title.setText(f"{inc['number']} · {self.catalog.type_name(inc.get('type_code'))}"
                           f" · {word(PRIORITY, inc['priority'])} · {word(STATUS, inc['status'])}")
        holder = inc.get("claim_holder_name")
        mine = inc.get("claim_holder_id") == (self.client.user or {}).get("id")
        self.holder.setText(self.tr("Held by you") if mine else
                            self.tr("Held by %s") % holder if holder else self.tr("Not held"))
        self.claim_button.setEnabled(not mine)
        self.release_button.setEnabled(mine)
        self.takeover_button.setVisible(self.role in (Role.SUPERVISOR, Role.ADMIN)
                                        and bool(holder) and not mine)
        f = self.field_labels
        f["source"].setText(word(SOURCE, inc["source"]))
        f["received"].setText(timefmt.city_time(inc["received_at"], seconds=True))
        f["address"].setText(address_text(inc))
        f["district"].setText(inc.get("district") or "—")
        place = [(self.tr("entrance %s"), inc.get("entrance")), (self.tr("floor %s"),
                 inc.get("floor")), (self.tr("flat %s"), inc.get("flat")),
                 ("%s", inc.get("landmark"))]
        text = ", ".join(fmt % v for fmt, v in place if v)
        if inc.get("lat") is not None:
            text = f"{text} ({inc['lat']:.5f}, {inc['lon']:.5f})".strip()
        f["place"].setText(text or "—")
        seconds = inc.get("registration_seconds")
        f["intake"].setText(self.tr("registered in %s") % timefmt.age(seconds)
                            if seconds is not None else "—")
        f["room"].setText(self.catalog.room_name(inc["room"]))
        f["description"].setText(inc.get("description") or "—")
        stamps = [(self.tr("registered"), inc.get("registered_at")),
                  (self.tr("dispatched"), inc.get("dispatched_at")),
                  (self.tr("in progress"), inc.get("in_progress_at")),
                  (self.tr("resolved"), inc.get("resolved_at")),
                  (self.tr("closed"), inc.get("closed_at"))]
        f["stamps"].setText(" · ".join(f"{n} {timefmt.city_time(t, seconds=True)}"
                                       for n, t in stamps if t) or "—")
        f["result"].setText(inc.get("result") or "—")
        allowed = set(allowed_actions(Status(inc["status"]), self.role))
        for action, button in self.action_buttons.items():
            button.setVisible(action in allowed)
            self.status_actions[action].setEnabled(action in allowed)
        self.hand_over_button.setEnabled(inc["status"] in ("registered", "dispatched",
                                                            "in_progress"))
        self._fill_handovers()
        self._fill_notes()

    def _fill_handovers(self) -> None:
        rows = self.client.store.handovers_of(self.incident_id or 0)
        selected = self.selected_handover()
        self.handovers.setRowCount(len(rows))
        for r, h in enumerate(rows):
            cells = [self.catalog.service_short(h["service"]), word(STAGE, h["stage"]),
                     *[timefmt.clock_of(h.get(c)) for c in STAGE_COLUMNS],
                     self._countdown(h)]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, h["id"])
                self.handovers.setItem(r, c, item)
            if h["id"] == selected:
                self.handovers.selectRow(r)
        ids = {h["id"] for h in rows}
        if (selected is None or selected not in ids) and rows:
            # Nothing chosen, or the chosen one was a temporary row now given its id.
            self.handovers.selectRow(0)

    def _countdown(self, h: dict[str, Any]) -> str:
        """Time left for the service to acknowledge, or how late it is (norm 30 s)."""
        if h.get("acknowledged_at") or h["stage"] in ("resolved", "recalled"):
            return ""
        norm = self.catalog.norms((self.incident or {}).get("type_code")).acknowledgement or 30
        left = norm - (self.now() - datetime.fromisoformat(h["handed_over_at"])).total_seconds()
        if left >= 0:
            return self.tr("ack in %s") % timefmt.age(left)
        return self.tr("ack late by %s") % timefmt.age(-left)

    def _fill_notes(self) -> None:
        notes = self.client.store.notes_of(self.incident_id or 0)
        # Refilled only when the incident or its notes changed: the same count of another
        # incident's notes must not stay on screen.
        shown = (self.incident_id, [n["id"] for n in notes])
        if getattr(self, "_notes_shown", None) == shown:
            return
        self._notes_shown = shown
        self.notes.clear()
        for n in notes:
            self.notes.addItem(f"{timefmt.city_time(n['at'])} {n['author_name']}: {n['text']}")
        self.notes.scrollToBottom()

    def load_timeline(self) -> None:
        incident_id = self.incident_id
        self._timeline_asked += 1
        asked = self._timeline_asked
        if incident_id is not None and incident_id < 0:
            self._timeline_note(self.tr("Not sent yet: its history starts when the service "
                                        "takes it."))
            return

        def failed(error: Exception) -> None:
            if isinstance(error, Offline):
                self._timeline_note(self.tr("The history is shown when the service can be "
                                            "reached again."))
            else:
                self.show_error(self.explain(error))

        run_task(lambda: self.client.timeline(incident_id),
                 lambda rows: self._show_timeline(incident_id, asked, rows), failed,
                 owner=self)

    def _timeline_note(self, text: str) -> None:
        self.timeline.clear()
        self.timeline.addItem(text)

    def _show_timeline(self, incident_id: int | None, asked: int,
                       rows: list[dict[str, Any]]) -> None:
        # Answers can come back out of order; an older one must not replace a newer one.
        if incident_id != self.incident_id or asked < self._timeline_shown:
            return
        self._timeline_shown = asked
        self.timeline.clear()
        for ch in rows:
            what = word(KIND, ch["kind"])
            detail = ""
            if ch["entity"] == "handover" and "service" in ch["after"]:
                detail = self.catalog.service_short(ch["after"]["service"])
            elif ch["entity"] == "note":
                detail = ch["after"].get("text", "")
            elif ch["kind"] == "incident.updated":
                detail = ", ".join(sorted(k for k in ch["after"] if k != "version"))
            line = (f"{timefmt.city_time(ch.get('recorded_at') or ch['at'], seconds=True)}  "
                    f"{ch['actor_name']}: {what} {detail}".rstrip())
            if ch.get("recorded_at"):
                # Made while the console was offline: dated when it was done, and said so.
                line += "  " + self.tr("(recorded offline, reached the service at %1)").replace(
                    "%1", timefmt.city_time(ch["at"], seconds=True))
            self.timeline.addItem(line)
        self.timeline.scrollToBottom()

    def _tick(self) -> None:
        if self.incident_id is not None and self.isVisible():
            self.emergency.tick()
            for r in range(self.handovers.rowCount()):
                item = self.handovers.item(r, 0)
                h = self.client.store.get("handover", item.data(Qt.ItemDataRole.UserRole))
                if h is not None:
                    cell = QTableWidgetItem(self._countdown(h))
                    cell.setData(Qt.ItemDataRole.UserRole, h["id"])
                    self.handovers.setItem(r, self.handovers.columnCount() - 1, cell)

    def on_changes(self, batch: list[Any]) -> None:
        if self.incident_id is None:
            return
        # Only this incident's own rows: a crew, a note of another incident or a shift
        # handover may carry the same number as its id.
        if any(ch.incident_id == self.incident_id
               or (ch.entity == "incident" and ch.entity_id == self.incident_id)
               for ch in batch):
            self.refresh()
            self.load_timeline()

    def selected_handover(self) -> int | None:
        items = self.handovers.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    # -- actions -----------------------------------------------------------------------

    def explain(self, error: Exception) -> str:
        if isinstance(error, Offline):
            return self.tr("The service cannot be reached; nothing was changed. Try again.")
        if isinstance(error, ApiError):
            if error.code == "stale_version":
                return self.tr("Someone else changed this incident meanwhile; the card now "
                               "shows their version. Check it and repeat your action.")
            return error.message
        return str(error)

    def show_error(self, text: str) -> None:
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setText(text)

    def _run(self, work: Callable[[], Any], after: Callable[[], None] | None = None) -> None:
        # No waiting for the previous answer: the outbox sends changes in the order they
        # were made, each based on the one before, so quick keys are never lost.
        if self.incident_id is None:
            return
        self.in_flight += 1
        self.error.setText(self.tr("Working…"))

        def done(result: Any) -> None:
            self.in_flight -= 1
            self.error.clear()
            if isinstance(result, dict) and result.get("queued"):
                self.error.setStyleSheet(QUEUED_STYLE)
                self.error.setText(self.tr("Saved on this console: it is sent when the service "
                                           "can be reached again."))
            if after:
                after()
            self.changed.emit(self.incident_id or 0)

        def failed(error: Exception) -> None:
            self.in_flight -= 1
            self.show_error(self.explain(error))
            self.refresh()

        run_task(work, done, failed, pool=command_pool(), owner=self)

    def claim(self, takeover: bool) -> None:
        incident_id = self.incident_id
        self._run(lambda: self.client.claim(incident_id, takeover=takeover))

    def release(self) -> None:
        incident_id = self.incident_id
        self._run(lambda: self.client.release(incident_id))

    def report(self, stage: str) -> None:
        handover_id = self.selected_handover()
        if handover_id is None:
            self.show_error(self.tr("Select a hand-over first."))
            return
        self._run(lambda: self.client.report_stage(handover_id, stage))

    def hand_over(self) -> None:
        inc = self.incident
        if inc is None:
            return
        services = [self.services.item(i).data(Qt.ItemDataRole.UserRole)
                    for i in range(self.services.count())
                    if self.services.item(i).checkState() == Qt.CheckState.Checked]
        if not services:
            self.show_error(self.tr("Tick at least one duty service."))
            return
        self._run(lambda: self.client.hand_over(inc["id"], inc["version"], services))

    def act(self, action: Action) -> None:
        inc = self.incident
        if inc is None:
            return
        text = self.reason.text().strip() or None
        merge_into = None
        if action is Action.MERGE:
            number, ok = QInputDialog.getText(self, self.tr("Merge"),
                                              self.tr("Number of the incident to merge into:"))
            if not ok:
                return
            target = next((i for i in self.client.store.incidents()
                           if i["number"] == number.strip()), None)
            if target is None:
                self.show_error(self.tr("There is no incident %s in the room's state.") % number)
                return
            merge_into = target["id"]
        self._run(lambda: self.client.act(
            inc["id"], inc["version"], action.value, merge_into=merge_into,
            result=text if action is Action.CLOSE else None,
            reason=text if action in (Action.CANCEL, Action.REOPEN) else None),
            after=self.reason.clear)

    def _shortcut(self, action: Action) -> None:
        button = self.action_buttons[action]
        if button.isVisibleTo(self) and button.isEnabled():
            self.act(action)

    def save_edits(self) -> None:
        inc = self.incident
        if inc is None:
            return
        changes: dict[str, Any] = {}
        priority = self.priority.currentData()
        if priority != inc["priority"]:
            changes["priority"] = priority
        text = self.description.text().strip()
        if text != (inc.get("description") or ""):
            changes["description"] = text
        if not changes:
            return
        self._run(lambda: self.client.update(inc["id"], inc["version"], **changes))

    def add_note(self) -> None:
        text = self.note.text().strip()
        if not text:
            return
        incident_id = self.incident_id
        self._run(lambda: self.client.add_note(incident_id, text), after=self.note.clear)
