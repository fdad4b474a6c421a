"""The shift handover window against the real service, as two supervisors use it: the
outgoing one types notes and signs (a wrong password first), the incoming one accepts at
their own console; the CSV and the PDF read back with both signatures and the Cyrillic
text; the journal of the day is saved as CSV. Operators have neither menu item."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pypdf
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from app.server.embedded import ServiceThread
from app.services.demo import DEMO_PASSWORD
from app.services.journal_export import COLUMNS
from app.sync import SyncClient
from app.ui.journal_export import JournalExportDialog
from app.ui.shift_handover import PasswordDialog, ShiftHandoverWindow
from tests.server.helpers import login
from tests.ui.conftest import SHOTS
from tests.ui.keys import type_text

WAIT = 15_000
NOTES = "Газ на проспекте Строителей, 5: ждём аварийную службу горгаза к 21:00."


def open_window(qtbot, main) -> ShiftHandoverWindow:  # type: ignore[no-untyped-def]
    action = main.findChild(QAction, "shiftHandoverAction")
    assert action is not None
    with qtbot.waitSignal(action.triggered):
        action.trigger()
    window = next(w for w in QApplication.topLevelWidgets()
                  if isinstance(w, ShiftHandoverWindow) and w.isVisible() and w.parent() is main)
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.draft is not None, timeout=WAIT)
    return window


def sign_with(qtbot, window: ShiftHandoverWindow, button, password: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = next(d for d in window.findChildren(PasswordDialog) if d.isVisible())
    qtbot.keyClicks(dialog.password, password)
    dialog.accept()


def current_id(window: ShiftHandoverWindow) -> int | None:
    item = window.list.currentItem()
    return item.data(Qt.ItemDataRole.UserRole) if item is not None else None


def pdf_text(path: Path) -> str:
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
    return re.sub(r"\s+", " ", text)


def test_two_supervisors_hand_the_shift_over_and_keep_the_papers(
        qtbot, console, live_service: ServiceThread, tmp_path: Path) -> None:
    # Anna works a gas smell at her console (connected, so her lease is kept alive).
    anna = SyncClient(live_service.url)
    anna.login("operator", DEMO_PASSWORD)
    anna.start()
    try:
        assert anna.wait_live(10)
        gas = login(live_service.url, "operator").register()["incident"]
        run_handover(qtbot, console, live_service, tmp_path, gas)
    finally:
        anna.close()


def run_handover(qtbot, console, live_service: ServiceThread, tmp_path: Path,  # type: ignore[no-untyped-def]
                 gas: dict) -> None:
    outgoing = open_window(qtbot, console("supervisor"))
    view = outgoing.view
    assert outgoing.list.currentItem().text().endswith("not signed yet")
    numbers = [row[0] for row in view.tables["incidents"].cells()]
    assert gas["number"] in numbers
    assert ["Иванова Анна", gas["number"]] in view.tables["claims"].cells()
    assert outgoing.sign_button.isEnabled() and not outgoing.accept_button.isEnabled()
    view.notes.setFocus()
    type_text(view.notes.viewport(), NOTES)

    SHOTS.mkdir(parents=True, exist_ok=True)
    outgoing.grab().save(str(SHOTS / "shift_handover_draft.png"))

    # A wrong password: refused in words, the notes stay as typed.
    with qtbot.waitSignal(outgoing.failed, timeout=WAIT):
        sign_with(qtbot, outgoing, outgoing.sign_button, "demo-2019")
    assert outgoing.status.text() == "The password is wrong; nothing was signed."
    assert view.notes.toPlainText() == NOTES

    with qtbot.waitSignal(outgoing.signed, timeout=WAIT) as signed:
        sign_with(qtbot, outgoing, outgoing.sign_button, DEMO_PASSWORD)
    handover = signed.args[0]
    assert handover["notes"] == NOTES and handover["outgoing_name"] == "Кузнецов Дмитрий"
    qtbot.waitUntil(lambda: current_id(outgoing) == handover["id"], timeout=WAIT)
    assert "waiting for the incoming supervisor" in outgoing.list.currentItem().text()
    assert view.notes.isReadOnly() and view.notes.toPlainText() == NOTES
    assert not outgoing.accept_button.isEnabled()  # not to the one who handed it over
    assert "Кузнецов Дмитрий" in view.signatures.text()
    assert handover["content_hash"] in view.signatures.text()

    # The incoming supervisor, at another console.
    incoming = open_window(qtbot, console("supervisor2"))
    # Its list has the shift waiting for it (and the next one, if that one is due now).
    row = next(r for r in range(incoming.list.count())
               if incoming.list.item(r).data(Qt.ItemDataRole.UserRole) == handover["id"])
    incoming.list.setCurrentRow(row)
    assert incoming.selected()["id"] == handover["id"]
    assert incoming.accept_button.isEnabled() and not incoming.sign_button.isEnabled()
    with qtbot.waitSignal(incoming.signed, timeout=WAIT) as accepted:
        sign_with(qtbot, incoming, incoming.accept_button, DEMO_PASSWORD)
    assert accepted.args[0]["incoming_name"] == "Орлова Марина"
    assert incoming.status.text() == f"Shift accepted. Incidents passed to you: {gas['number']}."
    # The outgoing console hears of it through the stream.
    qtbot.waitUntil(lambda: "→ Орлова Марина" in outgoing.list.currentItem().text(),
                    timeout=WAIT)

    incoming.grab().save(str(SHOTS / "shift_handover.png"))

    # CSV: read back, both signatures, the notes, the hash, the incidents by number.
    out = tmp_path / "handover.csv"
    incoming.export_csv(out)
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    by_key = {r[0]: r[1] for r in rows if len(r) == 2}
    assert by_key["Handed over by"].startswith("Кузнецов Дмитрий, ")
    assert by_key["Accepted by"].startswith("Орлова Марина, ")
    assert by_key["Content hash (sha256)"] == handover["content_hash"]
    assert [NOTES] in rows
    assert ["Incidents passing to the next shift"] in rows
    gas_row = next(r for r in rows if r and r[0] == gas["number"])
    assert gas_row[1] == "Запах газа" and gas_row[6] == "Иванова Анна"

    # PDF (A4, drawn by Qt): its text, Cyrillic included, with both signatures.
    pdf = tmp_path / "handover.pdf"
    incoming.export_pdf(pdf)
    reader = pypdf.PdfReader(pdf)
    box = reader.pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (
        210, 297)
    text = pdf_text(pdf)
    for expected in ("Shift handover", "Кузнецов Дмитрий", "Орлова Марина", "Запах газа",
                     "Иванова Анна", gas["number"], "ждём аварийную службу горгаза",
                     handover["content_hash"]):
        assert expected in text, expected


def test_the_journal_of_the_day_is_saved_as_csv(qtbot, console, live_service: ServiceThread,
                                                 tmp_path: Path) -> None:
    gas = login(live_service.url, "operator").register()["incident"]
    main = console("admin")
    action = main.findChild(QAction, "journalExportAction")
    assert action is not None
    action.trigger()
    dialog = next(w for w in QApplication.topLevelWidgets()
                  if isinstance(w, JournalExportDialog) and w.isVisible())
    SHOTS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SHOTS / "journal_export.png"))
    out = tmp_path / "journal.csv"
    with qtbot.waitSignal(dialog.saved, timeout=WAIT):
        dialog.save_to(out)
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert tuple(rows[0]) == COLUMNS
    mine = [(r["kind"], r["incident_number"]) for r in rows if r["incident_id"] == str(gas["id"])]
    assert mine == [("incident.created", gas["number"])]
    assert "Saved to" in dialog.status.text()

    # A reversed period is refused before anything is asked.
    dialog.end_edit.setDateTime(dialog.start_edit.dateTime().addSecs(-60))
    with qtbot.waitSignal(dialog.failed, timeout=WAIT):
        dialog.save_to(tmp_path / "never.csv")
    assert not (tmp_path / "never.csv").exists()


def test_operators_have_neither_item(console) -> None:
    main = console("operator")
    assert main.findChild(QAction, "shiftHandoverAction") is None
    assert main.findChild(QAction, "journalExportAction") is None
