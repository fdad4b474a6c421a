"""Escalation past a norm (a sound once, a notice for supervisors) and the shift compliance
dialog, whose figures are worked out by hand below."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt

from app.domain.norms import NormKind
from app.sync.store import ReplicaStore
from app.ui.catalog_view import CatalogView
from app.ui.compliance import Col, ShiftComplianceDialog
from app.ui.escalation import EscalationWatch, NoticeList
from app.ui.sound import SoundEvents
from tests.ui.factory import CATALOG, NOW, change, incident, store_with

K = NormKind


class Clock:
    def __init__(self, at: datetime) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at


def handover(hid: int, incident_id: int, handed: datetime, **stamps: datetime | None) -> dict:
    row = {"id": hid, "incident_id": incident_id, "service": "water", "stage": "handed_over",
           "handed_over_at": handed.isoformat(), "acknowledged_at": None,
           "crew_dispatched_at": None, "on_scene_at": None, "resolved_at": None,
           "recalled_at": None, "crew_ids": [], "version": 1}
    row.update({k: v.isoformat() if v else None for k, v in stamps.items()})
    return row


def watch_of(store: ReplicaStore, clock: Clock, room: str | None = "main"):
    sounds = SoundEvents()
    played: list[str] = []
    sounds.played.connect(played.append)
    # No timer: the test moves the clock and checks, as the 1-s tick would.
    watch = EscalationWatch(store, CatalogView.from_wire(CATALOG), sounds, room=room,
                            now=clock, tick_ms=0)
    return watch, played


def texts(notices: NoticeList) -> list[str]:
    return [notices.item(i).text().split("  ", 1)[1] for i in range(notices.count())]


# -- escalation ---------------------------------------------------------------------------


def test_past_its_norm_an_incident_sounds_once_and_the_supervisor_gets_one_notice(qtbot):
    # Registered 4 minutes before NOW; a water main's hand-over norm is 300 s.
    store = store_with([incident(4)])
    clock = Clock(NOW)
    watch, played = watch_of(store, clock)
    notices = NoticeList(watch, CatalogView.from_wire(CATALOG))
    qtbot.addWidget(notices)
    opened: list[int] = []
    notices.open_incident.connect(opened.append)

    clock.at = NOW + timedelta(seconds=60)  # exactly the norm: on time
    assert watch.check() == []
    clock.at = NOW + timedelta(seconds=61)
    [e] = watch.check()
    assert (e.incident_id, e.kind, e.service) == (4, K.HANDOVER, None)
    assert played == ["overdue"]
    assert texts(notices) == ["2026-000004 is past its hand-over norm"]

    # Still late a minute on, after a change of it and after a reset: no repeat.
    clock.at = NOW + timedelta(seconds=120)
    watch.check()
    watch.apply(store.apply([change(store, "incident", 4, {"description": "x", "version": 2})]))
    watch.reload()
    assert played == ["overdue"] and notices.count() == 1

    notices.itemClicked.emit(notices.item(0))
    assert opened == [4]


def test_each_norm_and_each_duty_service_escalates_on_its_own(qtbot):
    # Registered at NOW; handed over to water at NOW + 10 s (so the hand-over step is done).
    store = store_with([incident(50, registered_at=NOW.isoformat(),
                                 received_at=(NOW - timedelta(seconds=30)).isoformat(),
                                 status="dispatched")])
    clock = Clock(NOW + timedelta(seconds=10))
    watch, played = watch_of(store, clock)
    notices = NoticeList(watch, CatalogView.from_wire(CATALOG))
    qtbot.addWidget(notices)
    h = handover(7, 50, clock.at)
    watch.apply(store.apply([change(store, "handover", 7, h, incident_id=50)]))
    assert played == []
    clock.at = NOW + timedelta(seconds=41)  # acknowledgement norm 30 s, 31 s since
    watch.check()
    assert texts(notices) == ["2026-000050 is past its acknowledgement norm (Водоканал)"]
    clock.at = NOW + timedelta(seconds=10 + 3601)  # arrival 3600 s from the hand-over
    watch.check()
    assert played == ["overdue", "overdue"]
    assert texts(notices)[0] == "2026-000050 is past its arrival norm"


def test_other_rooms_and_closed_incidents_never_escalate():
    store = store_with([incident(10, room="north"), incident(11, status="closed")])
    watch, played = watch_of(store, Clock(NOW + timedelta(hours=5)))
    assert watch.check() == [] and played == []
    # A city-wide supervisor (no room) watches every room: 10, already late when the
    # console starts, sounds on the first look, and never again.
    city, played_city = watch_of(store, Clock(NOW + timedelta(hours=5)), room=None)
    assert played_city == ["overdue"] and city.check() == []


def test_in_the_console_an_operator_hears_it_and_a_supervisor_also_gets_the_notice(
        console, qtbot):
    operator, supervisor = console("operator"), console("supervisor")
    assert operator.notices is None  # no notice list at all for an operator
    inc = operator.client.register(source="phone", type_code="gas_smell",
                                   address={"street": "проспект Строителей", "house": "5"},
                                   description="запах газа")["incident"]
    for w in (operator, supervisor):
        qtbot.waitUntil(lambda w=w: w.client.store.get("incident", inc["id"]) is not None,
                        timeout=10000)
    played = {w: [] for w in (operator, supervisor)}
    for w in (operator, supervisor):
        w.sounds.played.connect(played[w].append)
        # A day later everything open is past some norm; the 1-s tick notices it.
        w.escalation.now = lambda w=w: w.client.server_now() + timedelta(days=1)
    mine = f"{inc['number']} is past its hand-over norm"
    qtbot.waitUntil(lambda: mine in texts(supervisor.notices), timeout=5000)
    qtbot.waitUntil(lambda: played[operator] == ["overdue"], timeout=5000)
    assert played[supervisor] == ["overdue"]
    assert texts(supervisor.notices).count(mine) == 1
    assert supervisor.statusBar().currentMessage()  # the newest notice is shown there too
    for _ in range(3):  # more ticks and checks: nothing repeats
        supervisor.escalation.check()
        operator.escalation.check()
    assert played == {operator: ["overdue"], supervisor: ["overdue"]}
    assert texts(supervisor.notices).count(mine) == 1

    row = texts(supervisor.notices).index(mine)
    supervisor.notices.itemClicked.emit(supervisor.notices.item(row))
    qtbot.waitUntil(lambda: supervisor.card.incident_id == inc["id"], timeout=5000)


# -- compliance -----------------------------------------------------------------------------


def at(t: datetime) -> str:
    return t.isoformat()


def compliance_store() -> ReplicaStore:
    """The day shift of 26 Nov 2026 (08:00–20:00 city, 01:00–13:00 UTC); NOW is 12:00 city.

    Incidents 1–20 are water main breaks (norms: registration 120 s, hand-over 300 s,
    acknowledgement 30 s, arrival 3600 s) received from 09:00 city, registered in 10·i s.
    21 is a fire (registration and hand-over 60 s, arrival 600 s) not registered yet.
    22 came in the night shift before.
    """
    start = NOW - timedelta(hours=3)
    rows = []
    for i in range(1, 21):
        received = start + timedelta(minutes=i)
        rows.append(incident(i, received_at=at(received),
                             registered_at=at(received + timedelta(seconds=10 * i)),
                             status="registered"))
    r1 = start + timedelta(minutes=1, seconds=10)  # 1 registered
    r2 = start + timedelta(minutes=2, seconds=20)  # 2 registered
    rows[0]["status"], rows[1]["status"] = "in_progress", "dispatched"
    rows.append(incident(21, type_code="fire_residential", status="new",
                         received_at=at(NOW - timedelta(minutes=5)), registered_at=None))
    night = NOW - timedelta(hours=10)  # 02:00 city
    rows.append(incident(22, received_at=at(night),
                         registered_at=at(night + timedelta(seconds=500)), status="closed"))
    handovers = [
        # hand-over 250 s (within 300), acknowledged in 20 s, on scene 4000 s later (> 3600)
        handover(1, 1, r1 + timedelta(seconds=250),
                 acknowledged_at=r1 + timedelta(seconds=270),
                 on_scene_at=r1 + timedelta(seconds=4250)),
        # hand-over 400 s (late), acknowledged in exactly 30 s, nobody on scene yet
        handover(2, 2, r2 + timedelta(seconds=400),
                 acknowledged_at=r2 + timedelta(seconds=430)),
    ]
    store = ReplicaStore()
    store.load_snapshot({"epoch": "e1", "seq": 100, "incidents": rows, "handovers": handovers,
                         "notes": [], "crews": []})
    return store


def row_of(dialog: ShiftComplianceDialog, kind: NormKind) -> list[str]:
    return [dialog.cell(kind, c) for c in (Col.STEP, Col.COUNT, Col.WITHIN, Col.P90, Col.P95,
                                           Col.P98, Col.NORM)]


def test_the_compliance_dialog_shows_the_figures_worked_out_by_hand(qtbot):
    dialog = ShiftComplianceDialog(compliance_store(), CatalogView.from_wire(CATALOG),
                                   now=lambda: NOW)
    qtbot.addWidget(dialog)
    assert dialog.title.text() == "Shift 2026-11-26 08:00–20:00"
    assert dialog.received.text() == "Received in the shift: 21"  # 22 is the night's
    # Registration: 10, 20 … 200 s against 120: 12 of 20 within = 60.0%. Nearest rank:
    # p90 = 18th = 180 s, p95 = 19th = 190 s, p98 = ceil(19.6) = 20th = 200 s. 21 is not
    # registered yet, so not counted; its type's 60 s widens the norm column.
    assert row_of(dialog, K.REGISTRATION) == [
        "registration", "20", "60.0% (12)", "3:00", "3:10", "3:20", "1:00–2:00"]
    # Hand-over: 250 and 400 against 300: 1 of 2; every percentile is the 2nd, 400 s.
    assert row_of(dialog, K.HANDOVER) == [
        "hand-over", "2", "50.0% (1)", "6:40", "6:40", "6:40", "1:00–5:00"]
    # Acknowledgement: 20 and exactly 30 against 30: both within.
    assert row_of(dialog, K.ACKNOWLEDGEMENT) == [
        "acknowledgement", "2", "100.0% (2)", "0:30", "0:30", "0:30", "0:30"]
    # Arrival: only 1's crew is on scene, 4000 s against 3600; 2's is still on the way.
    assert row_of(dialog, K.ARRIVAL) == [
        "arrival", "1", "0.0% (0)", "1:06:40", "1:06:40", "1:06:40", "10:00–1:00:00"]
    # Neither type sets a resolution norm.
    assert row_of(dialog, K.RESOLUTION) == ["resolution", "0", "—", "—", "—", "—", "—"]
    assert not dialog.later.isEnabled()  # the next shift has not begun

    dialog.show_shift(dialog.calendar.previous(dialog.shift))  # the night: 22 alone
    assert dialog.title.text() == "Shift 2026-11-25 20:00–08:00"
    assert row_of(dialog, K.REGISTRATION)[1:4] == ["1", "0.0% (0)", "8:20"]
    assert dialog.later.isEnabled()


def test_the_view_menu_opens_the_compliance_dialog(console, qtbot):
    window = console("operator")
    action = window.findChild(type(window.menuBar().actions()[0]), "complianceAction")
    assert action is not None and action.text() == "Shift &compliance…"
    action.trigger()
    qtbot.waitUntil(lambda: window.findChild(ShiftComplianceDialog) is not None)
    dialog = window.findChild(ShiftComplianceDialog)
    assert dialog.table.rowCount() == len(NormKind)
    assert dialog.table.item(0, Col.STEP).data(Qt.ItemDataRole.DisplayRole) == "registration"
