"""A change of an entity the console does not draw (a shift handover, numbered like any
other row) leaves the queue, the wall's figures and an open card alone; a change of the
card's own incident still reaches it."""

from __future__ import annotations

from typing import Any

from app.server.embedded import ServiceThread
from app.services.demo import DEMO_PASSWORD
from app.sync.store import Applied
from app.ui.catalog_view import CatalogView
from app.ui.queue_model import QueueModel
from app.ui.wall.figures import WallSource
from tests.server.helpers import login, mid
from tests.ui.factory import CATALOG, NOW, change
from tests.ui.wall.data import PRESENCE, catalog, room_store


def handover_change(store: Any, entity_id: int) -> dict[str, Any]:
    ch = change(store, "shift_handover", entity_id, {"id": entity_id, "room": "main",
                                                     "content_hash": "0" * 64})
    ch.update(kind="shift_handover.signed_out", incident_id=None)
    return ch


def test_the_queue_and_the_wall_pass_over_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    store = room_store()
    model = QueueModel(store, CatalogView.from_wire(CATALOG), now=lambda: NOW)
    source = WallSource(store, catalog())
    before = (model.rowCount(), source.figures(NOW, PRESENCE))
    batches: list[list[Applied] | None] = []
    store.subscribe(batches.append)
    touched: list[Any] = []
    for signal in (model.dataChanged, model.rowsInserted, model.rowsRemoved, model.modelReset):
        signal.connect(lambda *a: touched.append(a))
    # Shift handover 1 and 2: the same numbers as incidents 1 and 2 of the room.
    store.apply([handover_change(store, 1)])
    store.apply([handover_change(store, 2)])
    for batch in batches:
        assert batch is not None
        model.apply(batch)
        source.apply(batch)
    assert touched == []
    assert (model.rowCount(), source.figures(NOW, PRESENCE)) == before


def test_an_open_card_is_not_reloaded_by_a_handover_with_its_number(
        qtbot, console, live_service: ServiceThread) -> None:  # type: ignore[no-untyped-def]
    operator = login(live_service.url, "operator")
    first = operator.register()["incident"]
    window = console("operator2")
    qtbot.waitUntil(lambda: window.client.store.get("incident", first["id"]) is not None,
                    timeout=10_000)
    window.card.show_incident(first["id"])
    loads: list[int] = []
    real = window.card.load_timeline
    window.card.load_timeline = lambda: (loads.append(1), real())[1]  # type: ignore[method-assign]

    boss = login(live_service.url, "supervisor")
    r = boss.post("/shift-handovers", {"mutation_id": mid(), "room": "main", "notes": "",
                                       "password": DEMO_PASSWORD})
    assert r.status_code == 201 and r.json()["id"] == first["id"]  # the same number: 1
    head = boss.changes()[-1]["seq"]
    qtbot.waitUntil(lambda: window.client.store.seq >= head, timeout=10_000)

    # A note on the card's incident comes after it, in order: the one reload is the note's.
    r = operator.post(f"/incidents/{first['id']}/notes", {"mutation_id": mid(), "text": "Да"})
    assert r.status_code == 201
    qtbot.waitUntil(lambda: loads != [], timeout=10_000)
    assert loads == [1]
