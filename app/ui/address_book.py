"""The gazetteer as the intake form uses it: every street loaded once in the background,
the houses of a street on first use. Look-ups from the form never wait on the network."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QObject, Signal

from app.domain.gazetteer import normalize_house, normalize_street
from app.sync import SyncClient
from app.ui.search import Entry, search, street_entries
from app.ui.tasks import run_task


def _house_order(house: str) -> tuple[int, str]:
    m = re.match(r"\d+", house)
    return (int(m.group()) if m else 10**9, house)


class AddressBook(QObject):
    loaded = Signal()
    houses_loaded = Signal(str)

    def __init__(self, client: SyncClient, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.client = client
        self.streets: list[Entry] = []
        self.houses: dict[str, list[dict[str, Any]]] = {}  # street name -> address rows

    def load(self) -> None:
        run_task(self.client.streets, self._loaded)

    def _loaded(self, names: list[str]) -> None:
        self.streets = street_entries(names)
        self.loaded.emit()

    def find_streets(self, text: str) -> list[Entry]:
        return search(text, self.streets, limit=8)

    def want_houses(self, street: str) -> None:
        if street in self.houses:
            self.houses_loaded.emit(street)
            return
        run_task(lambda: self.client.houses(street), lambda rows: self._houses(street, rows))

    def _houses(self, street: str, rows: list[dict[str, Any]]) -> None:
        self.houses[street] = sorted(rows, key=lambda r: _house_order(r["house"]))
        self.houses_loaded.emit(street)

    def find_houses(self, street: str | None, text: str) -> list[Entry]:
        if not street or not text.strip():
            return []
        key = normalize_house(text)
        rows = self.houses.get(street, [])
        exact = [r for r in rows if normalize_house(r["house"]) == key]
        starts = [r for r in rows if r not in exact and normalize_house(r["house"]).startswith(key)]
        return [Entry(r["house"], r["house"], (r["house"],)) for r in (exact + starts)[:8]]

    def locate(self, street: str | None, house: str | None) -> dict[str, Any] | None:
        """The gazetteer's row for this address, when the form already has it."""
        if not street or not house:
            return None
        key = normalize_house(house)
        for name, rows in self.houses.items():
            if normalize_street(name) == normalize_street(street):
                return next((r for r in rows if normalize_house(r["house"]) == key), None)
        return None
