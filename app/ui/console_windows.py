"""The console's main window, built again when the operator changes the language: every
string of the window is set when it is made, so the window is made anew in the new language
on the same replica and connection, where the old one stood, showing the same incident."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QObject, QSettings, Signal

from app.ui.bridge import SyncBridge
from app.ui.catalog_view import CatalogView
from app.ui.main_window import MainWindow
from app.ui.sound import SoundEvents


class ConsoleWindows(QObject):
    replaced = Signal(object)  # the new MainWindow

    def __init__(self, bridge: SyncBridge, catalog: CatalogView, settings: QSettings, *,
                 basemap: dict[str, Any] | None = None,
                 sounds: SoundEvents | None = None) -> None:
        super().__init__()
        self.bridge = bridge
        self.settings = settings
        self.basemap = basemap
        # One set of sounds for the session: the settings switch it for every window.
        self.sounds = sounds or SoundEvents(
            enabled=settings.value("sounds/enabled", True, type=bool), parent=self)
        self.window = self._make(catalog, None)

    def _make(self, catalog: CatalogView, escalated: set[Any] | None) -> MainWindow:
        window = MainWindow(self.bridge, catalog, self.settings, sounds=self.sounds,
                            basemap=self.basemap, escalated=escalated)
        window.language_changed.connect(self.rebuild)
        return window

    def rebuild(self, language: str) -> MainWindow:
        old = self.window
        # What already escalated stays escalated: a language is no reason to sound again.
        new = self._make(dataclasses.replace(old.catalog, language=language),
                         old.escalation.done)
        new.restoreGeometry(old.saveGeometry())
        new.restoreState(old.saveState())
        new.queue.text.setText(old.queue.text.text())
        new.on_reset()
        selected = old.queue.selected_id()
        if selected is not None and new.queue.select(selected):
            new.card.show_incident(selected)
        if old.isMaximized():
            new.showMaximized()
        elif old.isVisible():
            new.show()
        self.window = new
        old.hide()
        old.deleteLater()
        self.replaced.emit(new)
        return new
