"""The Reports window against the real service: its table says what the service says, the
chart has a bar per group, the files read back with the same cells; only supervisors and
admins have the menu item."""

from __future__ import annotations

import csv
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path
from statistics import fmean

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from app.domain.shifts import ShiftCalendar
from app.server.embedded import ServiceThread
from app.ui.catalog_view import CatalogView
from app.ui.reports import ReportsWindow, period
from tests.server.helpers import login, mid
from tests.ui.conftest import SHOTS
from tests.ui.factory import CATALOG

WAIT = 15_000


def open_reports(qtbot, window) -> ReportsWindow:  # type: ignore[no-untyped-def]
    action = window.findChild(QAction, "reportsAction")
    assert action is not None
    action.trigger()
    reports = next(w for w in QApplication.topLevelWidgets()
                   if isinstance(w, ReportsWindow) and w.isVisible())
    qtbot.waitExposed(reports)
    return reports


def shown(reports: ReportsWindow) -> list[list[str]]:
    m = reports.model
    return [[m.data(m.index(r, c), Qt.ItemDataRole.DisplayRole) for c in range(m.columnCount())]
            for r in range(m.rowCount())]


def test_the_window_shows_the_services_figures_and_exports_them(
        qtbot, console, live_service: ServiceThread, tmp_path: Path) -> None:
    def ago(seconds: int) -> str:  # the call came in this long before it was registered
        return (datetime.now(UTC) - timedelta(seconds=seconds)).isoformat()

    operator = login(live_service.url, "operator")
    gas_took = []  # seconds from the call to its registration, as the service stamped them
    for type_code, took in (("gas_smell", 40), ("gas_smell", 75), ("fire_residential", 50)):
        made = operator.register(type_code=type_code, received_at=ago(took))["incident"]
        if type_code == "gas_smell":
            gas_took.append((datetime.fromisoformat(made["registered_at"])
                             - datetime.fromisoformat(made["received_at"])).total_seconds())
    zhkh = login(live_service.url, "zhkh")  # the housing room works water mains
    first = zhkh.register(type_code="water_main_break", received_at=ago(90))["incident"]
    r = zhkh.post(f"/incidents/{first['id']}/handovers",
                      {"mutation_id": mid(), "base_version": first["version"],
                       "services": ["water"]})
    assert r.status_code == 200, r.text

    window = console("supervisor")
    reports = open_reports(qtbot, window)
    # Today is asked for as soon as the window opens, by incident type. The last seven days
    # hold the incidents whatever the hour the test runs at (a minute after midnight, the
    # calls would have come in yesterday).
    qtbot.waitUntil(lambda: reports.report is not None, timeout=WAIT)
    with qtbot.waitSignal(reports.loaded, timeout=WAIT):
        reports.period_box.setCurrentIndex(reports.period_box.findData("week"))
    answer = login(live_service.url, "supervisor").get("/reports", params={
        "from": reports.report["from"], "to": reports.report["to"], "by": "type"}).json()
    assert answer == reports.report  # the same figures, not recomputed by the console
    rows = shown(reports)
    catalog = window.catalog
    assert [row[0] for row in rows] == [
        catalog.type_name("gas_smell"), catalog.type_name("fire_residential"),
        catalog.type_name("water_main_break"), "Total"]
    assert [row[1] for row in rows] == ["2", "1", "1", "4"]
    # The two gas calls: mean and nearest-rank p90 (the longer of two) of their stamps,
    # rounded to 0.1 s as shown, and the share within the 60 s norm in percent.
    assert rows[0][2:5] == [f"{round(fmean(gas_took), 1):g}", f"{round(max(gas_took), 1):g}",
                            f"{100 * sum(t <= 60 for t in gas_took) / 2:g}"]
    assert len(reports.bars.opts["width"]) == 3  # a bar per group, the total not among them
    assert list(reports.bars.opts["width"]) == [2, 1, 1]

    # By duty service: the water main went to water; the rest to nobody yet.
    with qtbot.waitSignal(reports.loaded, timeout=WAIT):
        reports.group_box.setCurrentIndex(reports.group_box.findData("service"))
    assert [(row[0], row[1]) for row in shown(reports)] == [
        (catalog.service_name("water"), "1"), ("(handed to nobody)", "3"), ("Total", "4")]

    out = tmp_path / "report.csv"
    reports.export_csv(out)
    with out.open(encoding="utf-8-sig", newline="") as f:
        got = list(csv.reader(f))
    assert got[0][:2] == ["Duty service", "Incidents"]
    assert [row[:2] for row in got[1:]] == [[catalog.service_name("water"), "1"],
                                            ["(handed to nobody)", "3"], ["Total", "4"]]
    assert len(got[0]) == 11  # the group, the count, three figures for each of three steps

    book = tmp_path / "report.xlsx"
    reports.export_xlsx(book)
    sheet = load_workbook(book).active
    cells = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert cells[0] == got[0]
    assert [row[:2] for row in cells[1:]] == [[catalog.service_name("water"), 1],
                                              ["(handed to nobody)", 3], ["Total", 4]]
    # The same numbers as the CSV, stored as numbers (a whole 100.0 reads back as 100); an
    # empty CSV cell is an empty sheet cell.
    for sheet_row, csv_row in zip(cells[1:], got[1:], strict=True):
        assert [None if c is None else float(c) for c in sheet_row[1:]] == [
            None if c == "" else float(c) for c in csv_row[1:]]

    with qtbot.waitSignal(reports.loaded, timeout=WAIT):
        reports.group_box.setCurrentIndex(reports.group_box.findData("type"))
    SHOTS.mkdir(parents=True, exist_ok=True)
    reports.grab().save(str(SHOTS / "reports.png"))


def test_a_reversed_custom_period_is_refused_in_words(qtbot, console) -> None:
    reports = open_reports(qtbot, console("admin"))
    qtbot.waitUntil(lambda: reports.report is not None, timeout=WAIT)
    reports.period_box.setCurrentIndex(reports.period_box.findData("custom"))
    assert reports.start_edit.isEnabled()
    reports.end_edit.setDateTime(reports.start_edit.dateTime().addSecs(-3600))
    with qtbot.waitSignal(reports.failed, timeout=WAIT) as failed:
        reports.show_button.click()
    assert "end after it starts" in failed.args[0]
    assert "end after it starts" in reports.status.text()


def test_operators_have_no_reports_item(console) -> None:
    assert console("operator").findChild(QAction, "reportsAction") is None


def test_named_periods_in_city_time() -> None:
    now = datetime(2026, 11, 26, 14, 30, tzinfo=UTC)  # 21:30 city
    midnight = datetime(2026, 11, 26, 17, 0, tzinfo=UTC) - timedelta(days=1)  # 26 Nov 00:00
    day = timedelta(days=1)
    assert period("today", now) == (midnight, midnight + day)
    assert period("yesterday", now) == (midnight - day, midnight)
    assert period("week", now) == (midnight - 6 * day, midnight + day)
    # The night shift began at 20:00 city (13:00 UTC) and runs to 08:00 (01:00 UTC).
    assert period("shift", now, ShiftCalendar()) == (
        datetime(2026, 11, 26, 13, 0, tzinfo=UTC), datetime(2026, 11, 27, 1, 0, tzinfo=UTC))


def test_a_custom_period_is_read_in_city_time_whatever_the_workstations_zone(
        qtbot, console) -> None:
    from PySide6.QtCore import QDate, QDateTime, QTime

    reports = open_reports(qtbot, console("admin"))
    reports.period_box.setCurrentIndex(reports.period_box.findData("custom"))
    zone = reports.start_edit.timeZone()
    reports.start_edit.setDateTime(QDateTime(QDate(2026, 11, 20), QTime(10, 0), zone))
    reports.end_edit.setDateTime(QDateTime(QDate(2026, 11, 20), QTime(22, 0), zone))
    # 10:00 and 22:00 in Mezhdurechensk (UTC+7) are 03:00 and 15:00 UTC, on a workstation
    # kept in UTC (as this one is) or in any other zone.
    assert reports.chosen_period() == (datetime(2026, 11, 20, 3, 0, tzinfo=UTC),
                                       datetime(2026, 11, 20, 15, 0, tzinfo=UTC))


def test_past_fifteen_groups_the_chart_sums_the_rest_into_one_bar(qtbot) -> None:
    never = threading.Event()

    def fetch(*_: object) -> dict:  # the chart alone: the report it asks for never comes
        never.wait(30)
        raise OSError("no service in this test")

    window = ReportsWindow(fetch, CatalogView.from_wire(CATALOG), lambda: datetime.now(UTC))
    qtbot.addWidget(window)
    names = [f"Группа {i}" for i in range(1, 21)]
    window._chart(names, list(range(40, 20, -1)))  # 40, 39, … 21
    assert list(window.bars.opts["width"]) == [*range(40, 26, -1), 26 + 25 + 24 + 23 + 22 + 21]
    assert [label.toPlainText() for label in window.labels][-1] == "141"
    never.set()
