"""A wall that runs for days keeps only the incidents a figure can still count."""

from __future__ import annotations

from datetime import timedelta

from app.ui.wall.figures import WallSource, compute_figures
from tests.ui.factory import NOW, incident, store_with
from tests.ui.wall.data import catalog


def test_finished_incidents_older_than_the_ghost_are_forgotten_and_come_back() -> None:
    def at(days: float) -> str:
        return (NOW - timedelta(days=days)).isoformat()

    old = [incident(i, status="closed", received_at=at(10 + i), registered_at=at(10 + i),
                    closed_at=at(9 + i)) for i in range(1, 4)]
    still_open = incident(4, status="registered", received_at=at(12), registered_at=at(12))
    last_week = incident(5, status="closed", received_at=at(7), registered_at=at(7),
                         closed_at=at(7))
    store = store_with([*old, still_open, last_week])
    source = WallSource(store, catalog())
    assert len(source) == 5
    figures = source.figures(NOW)
    assert len(source) == 2  # the open one and last week's stay; the rest can never count
    assert figures == compute_figures(store.incidents(), store.handovers_of, catalog(), NOW)
    # A moment before (time travel on the same source): everything is there again.
    earlier = NOW - timedelta(days=5)
    assert source.figures(earlier) == compute_figures(store.incidents(), store.handovers_of,
                                                      catalog(), earlier)
