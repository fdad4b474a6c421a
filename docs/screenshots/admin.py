"""The administrator's part at a workstation: signing in to the city's central service, the
console's settings, and the keyboard cheat sheet (F1) the operators learn from."""

from __future__ import annotations

from app.ui.login import LoginDialog
from app.ui.main_window import MainWindow
from app.ui.settings_dialog import SettingsDialog
from app.ui.shortcuts import ShortcutSheet, open_sheet
from docs.screenshots.stage import Stage, settle, wait_until
from tests.ui.keys import type_text

# An address of the kind a city gives its service; the guide's reader puts their own.
CENTRAL = "https://dispatch.city.local:8700"


def login(stage: Stage) -> None:
    dialog = LoginDialog(embedded_url=None, server_url=CENTRAL, login="admin")
    stage.show(dialog, 520, 200)
    type_text(dialog.password, "password")
    stage.save("login", dialog)
    dialog.close()


def settings(stage: Stage, window: MainWindow) -> None:
    """Settings → "Settings…" (Ctrl+,), with this workstation set to the central service."""
    window.settings.setValue("server", CENTRAL)
    window.settings.setValue("map/tiles", "")
    dialog = window.open_settings()
    assert isinstance(dialog, SettingsDialog)
    wait_until(dialog.isVisible, "the settings dialog")
    stage.save("settings", dialog)
    dialog.tabs.setCurrentIndex(list(dialog.pages).index("map"))
    settle()
    stage.save("settings_map", dialog)
    dialog.reject()
    settle()  # gone, before another window lists what is open


def shortcuts(stage: Stage, window: MainWindow) -> None:
    """F1 at the operator's console: every key of its menus and its card."""
    window.activateWindow()
    sheet = open_sheet(window)
    assert isinstance(sheet, ShortcutSheet)
    wait_until(sheet.isVisible, "the cheat sheet")
    stage.save("shortcuts", sheet)
    sheet.close()


def run(stage: Stage, operator: MainWindow) -> None:
    login(stage)
    shortcuts(stage, operator)
    settings(stage, operator)
