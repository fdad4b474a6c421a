"""The intake form (Ctrl+N), built for speed: a typical call is registered from the
keyboard with a handful of keys beyond the text itself. Tab takes a suggestion and moves
on; Enter registers; F8 attaches the call to a possible duplicate instead."""

from __future__ import annotations

import contextlib
import time
import uuid
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.duplicates import Candidate, Existing, find_duplicates
from app.domain.enums import OPEN_STATUSES
from app.domain.phones import InvalidPhone, normalize_phone
from app.sync import ApiError, Offline, SyncClient
from app.sync.store import ReplicaStore
from app.ui import timefmt
from app.ui.address_book import AddressBook
from app.ui.catalog_view import CatalogView
from app.ui.search import search, type_entries
from app.ui.shortcuts import add_help, key_action
from app.ui.suggest import SuggestField
from app.ui.tasks import command_pool, run_task
from app.ui.words import PRIORITY, SOURCE, STATUS, word

OPEN = {s.value for s in OPEN_STATUSES}
DUPLICATE_RADIUS_M = 200.0


def _pretty_phone(p: str) -> str:
    if len(p) == 12:
        return f"{p[:2]} {p[2:5]} {p[5:8]}-{p[8:10]}-{p[10:]}"
    return p


class IntakeDialog(QDialog):
    registered = Signal(dict)  # the incident detail the service answered with
    # Where the typed address is, the radius searched and the possible duplicates found:
    # the map draws them before the incident exists.
    place_preview = Signal(float, float, float, list)
    attached = Signal(int)  # the incident the call was attached to

    def __init__(self, client: SyncClient, catalog: CatalogView, book: AddressBook, *,
                 lat: float | None = None, lon: float | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        add_help(self)  # F1: this window's keys
        self.setObjectName("intake")
        self.setWindowTitle(self.tr("New incident"))
        self.setMinimumWidth(680)
        self.client = client
        self.store: ReplicaStore = client.store
        self.catalog = catalog
        self.book = book
        self.opened = time.monotonic()
        self.received_at = client.server_now()
        self.mutation_id = str(uuid.uuid4())
        self.pin = (lat, lon) if lat is not None and lon is not None else None
        self.phone_matches: list[dict[str, Any]] = []
        self.callback_result: str | None = None
        self.busy = False
        self._types = type_entries(catalog.types, catalog.language)

        self.street = SuggestField(book.find_streets)
        self.street.edit.setObjectName("street")
        self.street.edit.setPlaceholderText(self.tr("street: type any part of its name"))
        self.house = SuggestField(lambda text: book.find_houses(self.street.text(), text))
        self.house.edit.setObjectName("house")
        self.house.edit.setPlaceholderText(self.tr("house"))
        self.house.setMaximumWidth(140)
        self.entrance, self.floor, self.flat = QLineEdit(), QLineEdit(), QLineEdit()
        for w, width in ((self.entrance, 60), (self.floor, 60), (self.flat, 80)):
            w.setMaximumWidth(width)
        self.landmark = QLineEdit()
        self.landmark.setPlaceholderText(self.tr("landmark: \"behind the school\", \"garages\""))
        self.unverified = QCheckBox(self.tr("Address &not verified (pin only)"))
        self.place = QLabel()
        self.place.setObjectName("place")
        self.kind = SuggestField(lambda text: search(text, self._types, limit=8))
        self.kind.edit.setObjectName("type")
        self.kind.edit.setPlaceholderText(self.tr("type: a word of what happened"))
        self.kind_info = QLabel()
        self.kind_info.setObjectName("typeInfo")
        self.phone = QLineEdit()
        self.phone.setObjectName("phone")
        self.phone.setPlaceholderText(self.tr("caller's phone"))
        self.caller_name = QLineEdit()
        self.caller_name.setPlaceholderText(self.tr("caller's name"))
        self.phone_info = QLabel()
        self.phone_info.setObjectName("phoneInfo")
        self.phone_info.setWordWrap(True)
        self.description = QLineEdit()
        self.description.setObjectName("description")
        self.description.setPlaceholderText(self.tr("what happened, in one line"))
        self.source = QComboBox()
        for code in SOURCE:
            self.source.addItem(word(SOURCE, code), code)
        self.duplicates = QListWidget()
        self.duplicates.setObjectName("duplicates")
        self.duplicates.setMaximumHeight(110)
        self.duplicates.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.error = QLabel()
        self.error.setObjectName("intakeError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b71c1c; font-weight: bold;")

        self.register_button = QPushButton(self.tr("Register (Enter)"))
        self.register_button.setToolTip(self.tr("Register the incident — Enter"))
        self.register_button.setDefault(True)
        self.register_button.setAutoDefault(False)
        self.attach_button = QPushButton(self.tr("Attach to duplicate (F8)"))
        self.attach_button.setToolTip(self.tr(
            "Add this call to the highlighted possible duplicate instead — F8"))
        self.callback_button = QPushButton(self.tr("Call back… (Ctrl+B)"))
        self.callback_button.setToolTip(self.tr("Record the result of calling the caller "
                                                "back — Ctrl+B"))
        cancel = QPushButton(self.tr("Cancel (Esc)"))
        for b in (self.register_button, self.attach_button, self.callback_button, cancel):
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        address = QGridLayout()
        address.addWidget(self.street, 0, 0, 1, 5)
        address.addWidget(self.house, 0, 5)
        for col, (label, w) in enumerate(((self.tr("Entr&ance"), self.entrance),
                                          (self.tr("F&loor"), self.floor),
                                          (self.tr("&Flat"), self.flat))):
            lab = QLabel(label)
            lab.setBuddy(w)
            address.addWidget(lab, 1, col * 2)
            address.addWidget(w, 1, col * 2 + 1)
        address.addWidget(self.landmark, 2, 0, 1, 6)
        address.addWidget(self.unverified, 3, 0, 1, 3)
        address.addWidget(self.place, 3, 3, 1, 3)
        form = QFormLayout()
        form.addRow(self._label(self.tr("&Address:"), self.street), address)
        form.addRow(self._label(self.tr("&Type:"), self.kind), self.kind)
        form.addRow("", self.kind_info)
        phone_row = QHBoxLayout()
        phone_row.addWidget(self.phone)
        phone_row.addWidget(self.caller_name)
        form.addRow(self._label(self.tr("P&hone:"), self.phone), phone_row)
        form.addRow("", self.phone_info)
        form.addRow(self._label(self.tr("&Description:"), self.description), self.description)
        form.addRow(self._label(self.tr("S&ource:"), self.source), self.source)
        form.addRow(self.tr("Possible duplicates:"), self.duplicates)
        buttons = QHBoxLayout()
        buttons.addWidget(self.callback_button)
        buttons.addStretch(1)
        buttons.addWidget(self.attach_button)
        buttons.addWidget(self.register_button)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

        # Tab goes through what a typical call needs; the rest is reached by Alt+letter.
        self.setTabOrder(self.street.edit, self.house.edit)
        self.setTabOrder(self.house.edit, self.kind.edit)
        self.setTabOrder(self.kind.edit, self.phone)
        self.setTabOrder(self.phone, self.description)
        self.setTabOrder(self.description, self.caller_name)
        self.setTabOrder(self.caller_name, self.entrance)
        self.setTabOrder(self.entrance, self.floor)
        self.setTabOrder(self.floor, self.flat)
        self.setTabOrder(self.flat, self.landmark)

        self.street.chosen.connect(self._street_chosen)
        self.street.edited.connect(lambda _t: self._address_changed())
        self.house.chosen.connect(lambda _k: self._address_changed())
        self.house.edit.editingFinished.connect(self._address_changed)
        self.kind.chosen.connect(self._type_chosen)
        self.phone.editingFinished.connect(self._phone_done)
        self.register_button.clicked.connect(self.submit)
        self.attach_button.clicked.connect(self.attach)
        self.callback_button.clicked.connect(self.call_back)
        cancel.clicked.connect(self.reject)
        book.houses_loaded.connect(self._houses_loaded)
        group = self.tr("New incident")
        key_action(self, self.tr("Attach to duplicate"), "F8", self.attach, group=group)
        key_action(self, self.tr("Call back…"), "Ctrl+B", self.call_back, group=group)
        if self.pin:
            self.unverified.setChecked(True)
            # The nearest known house, found offline by the service, as a starting point.
            run_task(lambda: client.reverse_geocode(*self.pin), self._near, owner=self)
        self._address_changed()
        self._type_chosen(None)
        self.street.setFocus()

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    # -- address -----------------------------------------------------------------------

    def _near(self, address: dict[str, Any] | None) -> None:
        if address is None or self.street.text():
            return  # nothing near, or the operator has started typing already
        self.street.set_choice(address["street"], address["street"])
        self.house.set_choice(address["house"], address["house"])
        self.book.want_houses(address["street"])

    def _street_chosen(self, street: str) -> None:
        self.book.want_houses(street)
        self._address_changed()

    def _houses_loaded(self, street: str) -> None:
        if street == self.street.text():
            if self.house.edit.hasFocus() and self.house.text():
                self.house.refresh()
            self._address_changed()

    def known_address(self) -> dict[str, Any] | None:
        return self.book.locate(self.street.text(), self.house.text())

    def _address_changed(self) -> None:
        known = self.known_address()
        if known:
            self.place.setText(self.tr("✓ in the gazetteer: %s") % (known.get("district") or ""))
            self.place.setStyleSheet("color: #2e7d32;")
            self.unverified.setChecked(False)
        elif self.street.text() and self.house.text():
            self.place.setText(self.tr("⚠ not in the gazetteer: will be registered as not "
                                       "verified"))
            self.place.setStyleSheet("color: #e65100;")
        elif self.pin:
            self.place.setText(self.tr("pin: %.5f, %.5f") % self.pin)
            self.place.setStyleSheet("")
        else:
            self.place.setText("")
        self.update_duplicates()

    # -- type, phone ---------------------------------------------------------------------

    def _type_chosen(self, code: str | None) -> None:
        t = self.catalog.types.get(code or "")
        if t is None:
            self.kind_info.setText("")
        else:
            services = ", ".join(self.catalog.service_short(s) for s in t["services"]) or "—"
            self.kind_info.setText(self.tr("Priority %s · services: %s") %
                                   (word(PRIORITY, t["priority"]), services))
        self.update_duplicates()

    def normalized_phone(self) -> str | None:
        raw = self.phone.text().strip()
        return normalize_phone(raw) if raw else None

    def _phone_done(self) -> None:
        try:
            phone = self.normalized_phone()
        except InvalidPhone as e:
            self.phone_info.setText(e.message)
            self.phone_info.setStyleSheet("color: #b71c1c;")
            return
        self.phone_info.setStyleSheet("")
        if phone is None:
            self.phone_info.setText("")
            return
        self.phone.setText(_pretty_phone(phone))
        self.phone_info.setText(self.tr("Looking up earlier calls…"))
        run_task(lambda: self.client.incidents_by_phone(phone), self._phone_history,
                 lambda e: self.phone_info.setText(self._explain(e)), owner=self)

    def _phone_history(self, rows: list[dict[str, Any]]) -> None:
        self.phone_matches = rows
        if not rows:
            self.phone_info.setText(self.tr("No earlier calls from this number."))
        else:
            listed = "; ".join(
                f"{r['number']} {timefmt.city_time(r['received_at'])} "
                f"{self.catalog.type_name(r['type_code'])} ({word(STATUS, r['status'])})"
                for r in rows[:3])
            self.phone_info.setText(self.tr("%d earlier call(s): %s") % (len(rows), listed))
        self.update_duplicates()

    # -- duplicates --------------------------------------------------------------------

    def candidate(self) -> Candidate:
        known = self.known_address()
        lat, lon = ((known["lat"], known["lon"]) if known else
                    self.pin if self.pin else (None, None))
        phone = None
        with contextlib.suppress(InvalidPhone):
            phone = self.normalized_phone()
        code = self.kind.key
        return Candidate(lat=lat, lon=lon, received_at=self.received_at, type_code=code,
                         category=self.catalog.category_of(code), phone=phone)

    def update_duplicates(self) -> None:
        cand = self.candidate()
        phone_ids = {r["id"] for r in self.phone_matches}
        window = self.received_at - timedelta(hours=12)
        existing = []
        for inc in self.store.incidents():
            if inc["status"] not in OPEN | {"resolved"}:
                continue
            if datetime.fromisoformat(inc["received_at"]) < window:
                continue
            existing.append(Existing(
                id=inc["id"], lat=inc.get("lat"), lon=inc.get("lon"),
                received_at=datetime.fromisoformat(inc["received_at"]),
                type_code=inc.get("type_code"), category=self.catalog.category_of(
                    inc.get("type_code")), status=inc["status"],
                phones=(cand.phone,) if cand.phone and inc["id"] in phone_ids else ()))
        matches = find_duplicates(cand, existing, radius_m=DUPLICATE_RADIUS_M) if existing else []
        if cand.lat is not None and cand.lon is not None:
            self.place_preview.emit(cand.lat, cand.lon, DUPLICATE_RADIUS_M,
                                    [m.incident_id for m in matches[:6]])
        self.duplicates.clear()
        for m in matches[:6]:
            inc = self.store.data["incident"][m.incident_id]
            where = f"{inc.get('street') or ''}, {inc.get('house') or ''}".strip(", ")
            dist = (self.tr("%1 m").replace("%1", f"{m.distance_m:.0f}")
                    if m.distance_m is not None else "")
            item = QListWidgetItem(f"{inc['number']} · {self.catalog.type_name(inc['type_code'])}"
                                   f" · {where} · {dist} · {word(STATUS, inc['status'])}")
            item.setData(Qt.ItemDataRole.UserRole, m.incident_id)
            self.duplicates.addItem(item)
        if matches:
            self.duplicates.setCurrentRow(0)
        self.attach_button.setEnabled(bool(matches))

    # -- actions -----------------------------------------------------------------------

    def body(self) -> dict[str, Any]:
        known = self.known_address()
        address: dict[str, Any] = {
            "street": self.street.text() or None, "house": self.house.text() or None,
            "entrance": self.entrance.text().strip() or None,
            "floor": self.floor.text().strip() or None,
            "flat": self.flat.text().strip() or None,
            "landmark": self.landmark.text().strip() or None,
        }
        if not known and self.pin:
            address["lat"], address["lon"] = self.pin
        caller = None
        if self.phone.text().strip() or self.caller_name.text().strip():
            caller = {"phone": self.phone.text().strip() or None,
                      "name": self.caller_name.text().strip() or None}
        return dict(source=self.source.currentData(), address=address,
                    type_code=self.kind.key, description=self.description.text().strip(),
                    caller=caller, received_at=self.received_at,
                    registration_seconds=round(time.monotonic() - self.opened, 1),
                    mutation_id=self.mutation_id)

    def submit(self) -> None:
        if self.busy:
            return
        if self.kind.key is None and self.kind.text():
            self.show_error(self.tr("Pick the incident type from the list (type a word, "
                                    "then Tab)."))
            self.kind.setFocus()
            return
        body = self.body()
        place = self.known_address()  # drawn on the map at once, even offline
        note = self.tr("Call-back: %s") % self.callback_result if self.callback_result else None
        self._busy(True)

        def work() -> dict[str, Any]:
            detail = self.client.register(**body, place=place)
            if note:
                self.client.add_note(detail["incident"]["id"], note,
                                     mutation_id=str(uuid.uuid5(uuid.UUID(body["mutation_id"]),
                                                                "call-back")))
            return detail

        run_task(work, self._registered, self._failed, pool=command_pool(), owner=self)

    def _registered(self, detail: dict[str, Any]) -> None:
        self._busy(False)
        self.registered.emit(detail)
        self.accept()

    def _failed(self, error: Exception) -> None:
        self._busy(False)
        self.show_error(self._explain(error))

    def _explain(self, error: Exception) -> str:
        if isinstance(error, Offline):
            return self.tr("The service cannot be reached; nothing was lost. Press Enter to "
                           "try again.")
        if isinstance(error, ApiError):
            return error.message
        return str(error)

    def show_error(self, text: str) -> None:
        self.error.setText(text)

    def _busy(self, busy: bool) -> None:
        self.busy = busy
        self.register_button.setEnabled(not busy)
        if busy:
            self.error.setText(self.tr("Registering…"))

    def attach(self) -> None:
        item = self.duplicates.currentItem()
        if item is None or self.busy:
            return
        incident_id = item.data(Qt.ItemDataRole.UserRole)
        body = self.body()
        text = self.tr("Repeat call: %s") % (body["description"] or "—")
        if self.callback_result:
            text += "; " + self.tr("call-back: %s") % self.callback_result
        self._busy(True)

        def work() -> int:
            if body["caller"]:
                self.client.add_caller(
                    incident_id, body["caller"],
                    mutation_id=str(uuid.uuid5(uuid.UUID(self.mutation_id), "caller")))
            self.client.add_note(incident_id, text, mutation_id=self.mutation_id)
            return incident_id

        def done(i: int) -> None:
            self._busy(False)
            self.attached.emit(i)
            self.accept()

        run_task(work, done, self._failed, pool=command_pool(), owner=self)

    def call_back(self) -> None:
        if not self.phone.text().strip():
            self.show_error(self.tr("Enter the caller's phone to call back."))
            self.phone.setFocus()
            return
        menu = QMenu(self)
        for result in (self.tr("reached the caller"), self.tr("no answer"), self.tr("busy"),
                       self.tr("number unavailable")):
            menu.addAction(result, lambda r=result: self.set_callback(r))
        menu.popup(self.callback_button.mapToGlobal(self.callback_button.rect().bottomLeft()))

    def set_callback(self, result: str) -> None:
        self.callback_result = result
        self.callback_button.setText(self.tr("Call back: %s") % result)
