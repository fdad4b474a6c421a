"""Emergencies in the console: the banner's countdown on the service's clock (moved by the
test), red and one sound when a report is late; the queue's pin; the declaration dialog's
hint; and, against the real service, declaring, sending the first report from the banner
and the banner moving on to the next deadline."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from app.sync.store import ReplicaStore
from app.ui.catalog_view import CatalogView
from app.ui.emergency_banner import EmergencyBanner
from app.ui.emergency_dialogs import DeclareDialog, LiftDialog
from app.ui.emergency_report import ReportDialog
from app.ui.queue_model import Col, QueueModel
from app.ui.sound import SoundEvents
from tests.ui.conftest import SHOTS
from tests.ui.factory import CATALOG, NOW, change, incident, store_with
from tests.ui.keys import type_text
from tests.ui.test_card import GAS, open_card

M, H = timedelta(minutes=1), timedelta(hours=1)


class Clock:
    def __init__(self, at: datetime) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at


def declared(i: int, level: str = "municipal", due: timedelta | None = 20 * M,
             lifted: timedelta | None = None, **over) -> dict:
    """Incident ``i`` declared an emergency at NOW (12:00 in the city)."""
    return incident(i, emergency_level=level, emergency_at=NOW.isoformat(),
                    emergency_lifted_at=(NOW + lifted).isoformat() if lifted else None,
                    emergency_report_due=(NOW + due).isoformat() if due else None, **over)


def banner_of(qtbot, store: ReplicaStore, clock: Clock):
    sounds = SoundEvents()
    played: list[str] = []
    sounds.played.connect(played.append)
    banner = EmergencyBanner(store, sounds, now=clock, tick_ms=0)  # the test ticks
    qtbot.addWidget(banner)
    banner.show()
    return banner, played


def texts(banner: EmergencyBanner) -> list[str]:
    return [b.text() for b in banner.rows if b.isVisibleTo(banner)]


# -- the banner -----------------------------------------------------------------------------


def test_the_banner_counts_down_to_the_report_and_turns_red_once_late(qtbot) -> None:
    store = store_with([declared(1), incident(2)])
    clock = Clock(NOW + 6 * M)  # 12:06; the first report is due at 12:20
    banner, played = banner_of(qtbot, store, clock)
    assert banner.isVisible()
    assert texts(banner) == ["◆ EMERGENCY 2026-000001 · municipal · report due in 14 min"]
    assert banner.rows[0].property("late") is False

    clock.at = NOW + 20 * M  # the deadline itself: still on time
    banner.refresh()
    assert texts(banner) == ["◆ EMERGENCY 2026-000001 · municipal · report due in 0 s"]
    assert played == []

    clock.at = NOW + 23 * M + 10 * timedelta(seconds=1)  # 12:23:10
    banner.refresh()
    assert texts(banner) == ["◆ EMERGENCY 2026-000001 · municipal · report overdue by 3 min"]
    assert banner.rows[0].property("late") is True
    assert "#b71c1c" in banner.rows[0].styleSheet()
    assert played == ["overdue"]
    clock.at = NOW + 30 * M
    banner.refresh()
    assert played == ["overdue"]  # a late report sounds once, not every second

    # The first report is sent: the next is due at 16:00, 3 h 30 min from 12:30.
    banner.apply(store.apply([change(store, "incident", 1, {
        "emergency_report_due": (NOW + 4 * H).isoformat(), "version": 2})]))
    assert texts(banner) == ["◆ EMERGENCY 2026-000001 · municipal · report due in 3 h 30 min"]
    assert banner.rows[0].property("late") is False

    # Lifted at 17:00: the final report is due at 18:00.
    clock.at = NOW + 5 * H
    banner.apply(store.apply([change(store, "incident", 1, {
        "emergency_lifted_at": (NOW + 5 * H).isoformat(),
        "emergency_report_due": (NOW + 6 * H).isoformat(), "version": 3})]))
    assert texts(banner) == [
        "◆ EMERGENCY LIFTED 2026-000001 · municipal · report due in 1 h 00 min"]
    # The final report sent: nothing more is due and the banner goes.
    banner.apply(store.apply([change(store, "incident", 1, {
        "emergency_report_due": None, "version": 4})]))
    assert not banner.isVisible() and texts(banner) == []


def test_the_most_urgent_deadline_comes_first_and_a_click_opens_its_report(qtbot) -> None:
    store = store_with([declared(1, due=40 * M), declared(2, "regional", due=10 * M)])
    banner, _ = banner_of(qtbot, store, Clock(NOW))
    assert texts(banner) == ["◆ EMERGENCY 2026-000002 · regional · report due in 10 min",
                             "◆ EMERGENCY 2026-000001 · municipal · report due in 40 min"]
    opened: list[int] = []
    banner.open_report.connect(opened.append)
    qtbot.mouseClick(banner.rows[1], Qt.MouseButton.LeftButton)
    assert opened == [1]


# -- the queue ------------------------------------------------------------------------------


def model_of(store: ReplicaStore) -> QueueModel:
    return QueueModel(store, CatalogView.from_wire(CATALOG), now=lambda: NOW)


def test_an_emergency_sorts_above_everything_whatever_the_sort(qtbot) -> None:
    # 7 is the oldest, lowest-priority incident: last in most orders of its own.
    store = store_with([incident(i, priority=1 if i < 3 else 3) for i in range(1, 7)]
                       + [declared(7, priority=4)])
    model = model_of(store)
    for column in Col:
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            model.sort(column, order)
            assert model.id_at(0) == 7, (column, order)
    model.sort(Col.NUMBER, Qt.SortOrder.AscendingOrder)
    assert [model.id_at(r) for r in range(7)] == [7, 1, 2, 3, 4, 5, 6]
    assert model.data(model.index(0, Col.NUMBER)) == "◆ 2026-000007"
    assert model.data(model.index(1, Col.NUMBER)) == "2026-000001"  # no mark on the others
    assert model.data(model.index(0, Col.ADDRESS), Qt.ItemDataRole.BackgroundRole) is not None
    assert model.data(model.index(1, Col.ADDRESS), Qt.ItemDataRole.BackgroundRole) is None
    assert model.data(model.index(0, Col.NUMBER), Qt.ItemDataRole.ToolTipRole) == \
        "Emergency, municipal: report due in 20 min"


def test_a_late_report_is_marked_in_the_queue_not_only_reddened(qtbot) -> None:
    store = store_with([declared(7, due=-3 * M), declared(8)])  # 7's report was due 11:57
    model = model_of(store)
    late, on_time = model.row_of(7), model.row_of(8)
    assert model.data(model.index(late, Col.NUMBER)) == "◆ 2026-000007 ⚠"
    assert model.data(model.index(late, Col.NUMBER),
                      Qt.ItemDataRole.ForegroundRole).color().name() == "#b71c1c"
    assert model.data(model.index(late, Col.NUMBER), Qt.ItemDataRole.ToolTipRole) == \
        "Emergency, municipal: report overdue by 3 min"
    assert model.data(model.index(on_time, Col.NUMBER)) == "◆ 2026-000008"


def test_declaring_and_ending_move_one_row_without_a_reset(qtbot) -> None:
    store = store_with([incident(i) for i in range(1, 6)])
    model = model_of(store)
    model.sort(Col.PRIORITY, Qt.SortOrder.AscendingOrder)  # same priority: oldest first
    assert [model.id_at(r) for r in range(5)] == [5, 4, 3, 2, 1]
    moved: list[tuple[int, int]] = []
    model.rowsMoved.connect(lambda _p, start, _e, _d, row: moved.append((start, row)))
    with qtbot.assertNotEmitted(model.modelReset), qtbot.assertNotEmitted(model.layoutChanged):
        model.apply(store.apply([change(store, "incident", 2, {
            "emergency_level": "local", "emergency_at": NOW.isoformat(),
            "emergency_report_due": (NOW + 20 * M).isoformat(), "version": 2})]))
        assert [model.id_at(r) for r in range(5)] == [2, 5, 4, 3, 1]
        # Lifted, final report sent: back to its place among the others.
        model.apply(store.apply([change(store, "incident", 2, {
            "emergency_lifted_at": NOW.isoformat(), "emergency_report_due": None,
            "version": 3})]))
        assert [model.id_at(r) for r in range(5)] == [5, 4, 3, 2, 1]
    # Qt counts a move's destination before the row leaves: row 0 to 4 lands on row 3.
    assert moved == [(3, 0), (0, 4)]


# -- the declaration's hint -----------------------------------------------------------------


def test_the_decree_level_follows_the_figures_until_the_officer_chooses(qtbot, qapp) -> None:
    store = store_with([incident(1)])
    dialog = DeclareDialog(None, store.get("incident", 1))  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    assert dialog.level.currentData() == "local" and dialog.hint.text().startswith("local")
    dialog.victims.setValue(11)  # one over the local limit of 10
    assert dialog.level.currentData() == "municipal"
    dialog.damage.setValue(12_001)  # thousand roubles: over the municipal 12 million
    assert dialog.level.currentData() == "regional"
    dialog.victims.setValue(3)
    dialog.damage.setValue(0)
    dialog.settlements.setValue(2)
    assert dialog.level.currentData() == "intermunicipal"
    # The officer decides: once they pick a level, the figures only hint.
    dialog.level.setCurrentIndex(dialog.level.findData("regional"))
    dialog.level.activated.emit(dialog.level.currentIndex())
    dialog.victims.setValue(600)
    assert dialog.hint.text().startswith("federal")
    assert dialog.level.currentData() == "regional"
    dialog.show()
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(SHOTS / "emergency_declare.png"))


# -- with the service -----------------------------------------------------------------------


def test_an_operator_sees_no_declaration_items(console) -> None:
    window = console("operator")
    assert window.findChild(QAction, "declareAction") is None
    assert window.findChild(QAction, "reportAction").shortcut().toString() == "Ctrl+Alt+R"
    assert not window.card.emergency.declare.isVisibleTo(window.card)


def test_declare_send_the_first_report_from_the_banner_and_the_banner_moves_on(
        console, qtbot) -> None:
    window = console("supervisor")
    inc = window.client.register(source="phone", type_code="gas_smell", address=GAS,
                                 description="взрыв газа в подъезде")["incident"]
    open_card(window, qtbot, inc["id"])
    assert not window.emergencies.bar.isVisible()

    # Ctrl+Shift+E: the declaration dialog for the card's incident.
    declare = window.findChild(QAction, "declareAction")
    assert declare.shortcut().toString() == "Ctrl+Shift+E"
    declare.trigger()
    dialog = window.findChild(DeclareDialog)
    assert dialog is not None and dialog.windowTitle() == f"Raise {inc['number']} to an emergency"
    dialog.victims.setValue(12)
    assert dialog.level.currentData() == "municipal"
    type_text(dialog.reason, "Обрушение лестничного пролёта")
    dialog.ok.click()
    banner = window.emergencies.banner
    qtbot.waitUntil(lambda: banner.isVisible(), timeout=10000)
    assert window.emergencies.bar.isVisible()
    row = window.client.store.get("incident", inc["id"])
    declared_at = datetime.fromisoformat(row["emergency_at"])
    # The service's schedule, by hand: first report 20 minutes after the declaration.
    assert datetime.fromisoformat(row["emergency_report_due"]) == declared_at + 20 * M
    clock = Clock(declared_at + 5 * M)
    banner.now = clock
    banner.refresh()
    assert texts(banner) == [f"◆ EMERGENCY {inc['number']} · municipal · report due in 15 min"]
    qtbot.waitUntil(lambda: window.model.id_at(0) == inc["id"], timeout=5000)
    assert "municipal" in window.card.emergency.line.text()

    # A click on the banner: the report, its draft from the incident.
    qtbot.mouseClick(banner.rows[0], Qt.MouseButton.LeftButton)
    report = window.findChild(ReportDialog)
    assert report is not None
    qtbot.waitUntil(lambda: report.data is not None, timeout=10000)
    assert report.data["due"]["kind"] == "first"
    items = {label: value for _s, label, value in report.rows}
    assert items["Вид донесения"] == "первичное"
    assert items["Уровень ЧС"] == "муниципальный"
    assert items["Адрес"] == "проспект Строителей, 5"
    report.figures["injured"].setValue(4)
    items = {label: value for _s, label, value in report.rows}
    assert items["Пострадало, чел."] == "4"  # the preview shows what will be sent
    assert "\nПострадало, чел.\n4\n" in report.draft.toPlainText()  # what the officer reads
    assert "Последствия:\n  Погибло, чел.: уточняется\n  Пострадало, чел.: 4\n" in report.text()
    assert not report.send_button.isEnabled()  # who took it is not entered yet
    type_text(report.accepted_by, "Сидоров А. В., ЦУКС")
    assert report.send_button.isEnabled()
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert report.grab().save(str(SHOTS / "emergency_report.png"))
    report.send_button.click()
    # Recorded: the dialog closes (and is gone).
    qtbot.waitUntil(lambda: not shiboken6.isValid(report) or not report.isVisible(),
                    timeout=10000)

    # The next report is due at the declaration + 4 h: 3 h 55 min from the banner's clock.
    qtbot.waitUntil(lambda: "3 h 55 min" in "".join(texts(banner)), timeout=10000)
    assert texts(banner) == [
        f"◆ EMERGENCY {inc['number']} · municipal · report due in 3 h 55 min"]
    window.resize(1500, 800)
    assert window.grab().save(str(SHOTS / "emergency_console.png"))


def test_lifting_needs_a_reason_and_then_the_final_report_is_due(console, qtbot) -> None:
    window = console("supervisor")
    inc = window.client.register(source="phone", type_code="gas_smell", address=GAS,
                                 description="утечка газа")["incident"]
    open_card(window, qtbot, inc["id"])
    window.emergencies.declare()
    dialog = window.findChild(DeclareDialog)
    dialog.ok.click()
    qtbot.waitUntil(lambda: window.emergencies.banner.isVisible(), timeout=10000)
    qtbot.waitUntil(lambda: window.card.emergency.lift.isVisibleTo(window.card), timeout=5000)
    window.card.emergency.lift.click()
    lift = window.findChild(LiftDialog)
    assert lift is not None and not lift.ok.isEnabled()
    type_text(lift.reason, "Утечка устранена")
    lift.ok.click()
    qtbot.waitUntil(lambda: window.client.store.get("incident", inc["id"])
                    .get("emergency_lifted_at") is not None, timeout=10000)
    row = window.client.store.get("incident", inc["id"])
    # Lifted before the first report: the first is still due (the schedule's 20 minutes).
    assert datetime.fromisoformat(row["emergency_report_due"]) == \
        datetime.fromisoformat(row["emergency_at"]) + 20 * M
    qtbot.waitUntil(lambda: "EMERGENCY LIFTED" in "".join(texts(window.emergencies.banner)),
                    timeout=5000)


# -- the wall -------------------------------------------------------------------------------


def wall_store() -> ReplicaStore:
    """The wall's hand-made room plus two emergencies: 7 in force, its first report due at
    11:57 (3 minutes late at 12:00); 8 lifted at 11:50, its final report due at 12:40."""
    from tests.ui.wall.data import room_handovers, room_incidents

    extra = [declared(7, due=-3 * M, received_at=(NOW - 30 * M).isoformat(),
                      street="улица Лазо", house="9"),
             declared(8, level="local", due=40 * M, lifted=-10 * M, status="resolved",
                      received_at=(NOW - 2 * H).isoformat(), street="улица Горького",
                      house="1", resolved_at=(NOW - 20 * M).isoformat())]
    store = ReplicaStore()
    store.load_snapshot({"epoch": "e1", "seq": 100, "incidents": room_incidents() + extra,
                         "handovers": room_handovers(), "notes": [], "crews": []})
    return store


def test_the_wall_counts_emergencies_and_lists_them_first_with_their_countdown(qtbot) -> None:
    from app.ui.wall import theme
    from app.ui.wall.figures import WallSource, compute_figures
    from app.ui.wall.panels import PANELS, WallContext
    from tests.ui.wall.data import catalog

    store = wall_store()
    figures = WallSource(store, catalog()).figures(NOW)
    assert [(e.number, e.level, e.in_force) for e in figures.emergencies] == [
        ("2026-000007", "municipal", True), ("2026-000008", "local", False)]
    assert figures.emergencies_in_force == 1
    assert figures.emergencies == compute_figures(
        store.incidents(), store.handovers_of, catalog(), NOW).emergencies

    monotonic = [1000.0]
    context = WallContext(catalog(), state=store, monotonic=lambda: monotonic[0],
                          clock=lambda: NOW)
    kpi = PANELS["kpi"](context)
    qtbot.addWidget(kpi)
    kpi.resize(1400, 500)
    kpi.show()
    kpi.refresh(figures)
    tile = kpi.emergencies
    assert (tile.caption.text(), tile.value.text(), tile.note.text()) == (
        "Emergencies", f"{theme.MARK_EMERGENCY} 1", "1 report(s) late")
    assert tile.value.colour == theme.EMERGENCY

    panel = PANELS["exceptions"](context)
    qtbot.addWidget(panel)
    panel.resize(1100, 700)
    panel.show()
    qtbot.waitExposed(panel)
    panel.refresh(figures)
    rows = [r for r in panel.rows if r.isVisibleTo(panel)]
    assert [r.number.text() for r in rows] == [
        "2026-000007", "2026-000008", "2026-000003", "2026-000001", "2026-000002"]
    assert [r.badge.text() for r in rows[:2]] == [theme.MARK_EMERGENCY] * 2
    assert rows[0].detail.text() == "emergency, municipal · report by 11:57 · улица Лазо, 9"
    assert rows[1].detail.text() == ("emergency lifted, local · report by 12:40 · "
                                     "улица Горького, 1")
    # 7's report is 3 minutes late; 8's final report is due in 40 minutes.
    assert [r.age.text() for r in rows[:2]] == [f"{theme.MARK_OVERDUE} +3:00", "40:00"]
    assert [r.age.colour for r in rows[:2]] == [theme.OVERDUE, theme.EMERGENCY]
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert kpi.grab().save(str(SHOTS / "wall_emergencies_kpi.png"))
    assert panel.grab().save(str(SHOTS / "wall_emergencies_list.png"))
    monotonic[0] += 90  # a minute and a half on: both count
    panel.tick()
    assert [r.age.text() for r in rows[:2]] == [f"{theme.MARK_OVERDUE} +4:30", "38:30"]


def test_on_the_map_an_emergency_is_drawn_apart_until_its_last_report(console, qtbot) -> None:
    from app.sync.client import new_mutation_id
    from app.ui import emergency_calls as calls
    from tests.ui.test_map_in_console import js, ready

    window = console("supervisor", with_map=True)
    ready(qtbot, window, incidents=3)
    inc = window.client.register(source="phone", type_code="gas_smell", address=GAS,
                                 description="на карте")["incident"]
    client = window.client

    def drawn_apart() -> list[int]:
        return json.loads(js(qtbot, window, "JSON.stringify(DispatchMap.emergencyIds())"))

    detail = calls.declare(client, inc["id"], inc["version"], "local", "", new_mutation_id())
    qtbot.waitUntil(lambda: drawn_apart() == [inc["id"]], timeout=10000)
    assert js(qtbot, window, "DispatchMap.clustered()") == 3  # the others stay clustered
    window.resize(1600, 1000)
    qtbot.wait(1200)  # the page paints after the markers arrive
    assert window.map_view.grab().save(str(SHOTS / "emergency_map.png"))
    for kind in ("first", "final"):
        if kind == "final":
            calls.lift(client, inc["id"], detail["incident"]["version"] + 1, "Устранено",
                       new_mutation_id())
        calls.send_report(client, inc["id"], kind=kind, consequences={}, additions="",
                          channel="телефон", accepted_by="ЦУКС", mutation_id=new_mutation_id())
    qtbot.waitUntil(lambda: drawn_apart() == [], timeout=10000)
    assert js(qtbot, window, "DispatchMap.clustered()") == 4
    assert window.map_view.guard.blocked == []
