"""The senior duty officer's part: a gas explosion raised to an emergency and its first
report to the crisis centre, the shift's norms, the wall live and back in time, the shift
handed over between two supervisors with their signatures, reports and the journal."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QScrollArea

from app.services.demo import DEMO_PASSWORD
from app.ui.emergency_dialogs import DeclareDialog
from app.ui.emergency_report import ReportDialog
from app.ui.main_window import MainWindow
from app.ui.shift_handover import ShiftHandoverWindow
from docs.screenshots.stage import Stage, gone, settle, wait_until
from tests.ui.keys import type_text

BLAST = {"street": "улица Садовая", "house": "5"}
REPORTS = (1400, 850)
WALL = (1920, 1080)  # a wall screen
NOTES = ("Садовая, 5: взрыв газа, ЧС муниципального характера, следующее донесение в ЦУКС "
         "по графику. Кузнецкая, 3: ДТП, ждём ГИБДД.")


def emergency(stage: Stage, window: MainWindow) -> None:
    """A call from 112 about an explosion, handed to every service its type names; the
    supervisor raises it to an emergency (Ctrl+Shift+E) and sends the first report."""
    colleague = stage.person("operator2")
    blast = colleague.register(
        source="112", type_code="gas_explosion", address=BLAST,
        description="Хлопок, обрушение перекрытия в подъезде, есть пострадавшие")["incident"]
    # From 112 it arrives as new: the operator verifies and registers it, then hands it over.
    blast = colleague.act(blast["id"], blast["version"], "register")["incident"]
    services = window.catalog.types["gas_explosion"]["services"]
    colleague.hand_over(blast["id"], blast["version"], services)
    wait_until(lambda: window.model.row_of(blast["id"]) is not None, "the explosion's row")
    window.open_card(blast["id"])
    wait_until(lambda: window.card.handovers.rowCount() == len(services), "its hand-overs")

    window.findChild(QAction, "declareAction").trigger()
    dialog = window.findChild(DeclareDialog)
    wait_until(lambda: dialog is not None and dialog.isVisible(), "the declaration dialog")
    dialog.victims.setValue(12)
    dialog.damage.setValue(3500)
    type_text(dialog.reason, "Обрушение перекрытия, 12 пострадавших")
    dialog.resize(600, dialog.height())
    stage.save("emergency_declare", dialog)
    dialog.ok.click()
    banner = window.emergencies.banner
    wait_until(banner.isVisible, "the emergency banner")
    window.statusBar().clearMessage()  # the notices' passing message, gone after a moment
    settle(1500)  # the map paints the emergency's marker
    stage.save("supervisor_console", window)

    banner.rows[0].click()
    report = window.findChild(ReportDialog)
    wait_until(lambda: report is not None and report.data is not None, "the report's draft")
    report.figures["dead"].setValue(0)
    report.figures["injured"].setValue(12)
    report.figures["evacuated"].setValue(40)
    type_text(report.accepted_by, "Сидоров А. В., оперативный дежурный ЦУКС")
    stage.save("emergency_report", report)
    report.send_button.click()
    wait_until(lambda: gone(report), "the report recorded")


def compliance(stage: Stage, window: MainWindow) -> None:
    dialog = window.open_compliance()
    stage.save("compliance", dialog)
    dialog.close()


def wall(stage: Stage, window: MainWindow) -> None:
    """View → "Open the wall in a window": the same wall ``dispatch wall`` shows."""
    screen = window.open_wall()
    screen.rotation.stop()
    stage.show(screen, *WALL)
    wait_until(lambda: screen.feed.figures is not None, "the wall's figures")
    screen.show_page(0)
    stage.save("wall", screen)
    page = next(i for i, panels in enumerate(screen.pages)
                if any(getattr(p, "view", None) is not None for p in panels))
    screen.show_page(page)
    views = [p.view for p in screen.pages[page] if getattr(p, "view", None) is not None]
    wait_until(lambda: all(v.is_ready for v in views), "the wall's map", timeout=60)
    settle(1500)
    stage.save("wall_map", screen)
    screen.close()


def wall_history(stage: Stage, window: MainWindow) -> None:
    """View → "Wall, back in time…": three hours ago, rebuilt by the service."""
    history = window.open_wall_history()
    stage.show(history, *WALL)
    wait_until(lambda: all(p.figures is not None for p in history.visible_panels()),
               "the history's figures")
    shown: list[Any] = []
    history.loaded.connect(shown.append)
    history.go_to(window.client.server_now() - timedelta(hours=3))
    wait_until(lambda: bool(shown), "the state three hours ago")
    settle(1500)
    stage.save("wall_history", history)
    history.close()


def shift_handover(stage: Stage, window: MainWindow) -> None:
    """The outgoing supervisor writes notes and signs; the incoming one, at another console,
    accepts; both asked for their password again."""
    outgoing = window.open_shift_handover()
    wait_until(lambda: outgoing.draft is not None, "the shift's summary")
    outgoing.view.notes.setFocus()
    type_text(outgoing.view.notes.viewport(), NOTES)
    outgoing.findChild(QScrollArea).verticalScrollBar().setValue(0)  # the summary's top
    stage.save("shift_handover", outgoing)
    signed = sign(outgoing, outgoing.ask_sign_out())
    handover = signed[0]

    other = stage.console("supervisor2")
    incoming = other.open_shift_handover()
    wait_until(lambda: any(incoming.list.item(r).data(Qt.ItemDataRole.UserRole) == handover["id"]
                           for r in range(incoming.list.count())), "the handover listed")
    row = next(r for r in range(incoming.list.count())
               if incoming.list.item(r).data(Qt.ItemDataRole.UserRole) == handover["id"])
    incoming.list.setCurrentRow(row)
    sign(incoming, incoming.ask_sign_in())
    to_the_end(incoming)
    stage.save("shift_handover_signed", incoming)
    incoming.close()
    outgoing.close()
    other.close()


def to_the_end(window: ShiftHandoverWindow) -> None:
    """The summary's end: the notes, the signatures and the hash."""
    settle()
    scroll = window.findChild(QScrollArea)
    scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())


def sign(window: ShiftHandoverWindow, dialog: Any) -> list[Any]:
    if dialog is None:
        raise RuntimeError(f"the handover cannot be signed here: {window.status.text()}")
    signed: list[Any] = []
    window.signed.connect(signed.append)
    dialog.password.setText(DEMO_PASSWORD)
    dialog.accept()
    wait_until(lambda: bool(signed), "the signature")
    return signed


def reports(stage: Stage, window: MainWindow) -> None:
    """View → "Reports…": the last seven days by duty service."""
    view = window.open_reports()
    view.resize(*REPORTS)
    loaded: list[Any] = []
    view.loaded.connect(loaded.append)
    view.period_box.setCurrentIndex(view.period_box.findData("week"))
    view.group_box.setCurrentIndex(view.group_box.findData("service"))
    wait_until(lambda: view.report is not None and bool(loaded), "the report")
    stage.save("reports", view)
    view.close()


def journal_export(stage: Stage, window: MainWindow) -> None:
    dialog = window.open_journal_export()
    stage.save("journal_export", dialog)
    dialog.close()


def run(stage: Stage) -> MainWindow:
    window = stage.console("supervisor", with_map=True)
    emergency(stage, window)
    compliance(stage, window)
    wall(stage, window)
    wall_history(stage, window)
    shift_handover(stage, window)
    reports(stage, window)
    journal_export(stage, window)
    return window
