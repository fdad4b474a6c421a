"""Benchmark: the console's incident queue with 100,000 incidents.

Each figure is timed from the call to the view having repainted its visible rows (the
viewport is repainted synchronously, which calls data() for every visible cell), beside a
baseline: QSortFilterProxyModel over a plain table model of the same rows, doing the same
operation, in the same run. Targets (issue): filter ≤ 100 ms, sort ≤ 300 ms, a burst of
1,000 stream changes ≤ 100 ms.

    python -m bench.queue_view [--rows 100000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QApplication, QTableView

from app.sync.store import ReplicaStore
from app.ui.catalog_view import CatalogView
from app.ui.queue_filter import QueueFilter
from app.ui.queue_model import Col, QueueModel, address_text

NOW = datetime(2026, 11, 26, 5, 0, tzinfo=UTC)
STREETS = ("проспект Строителей", "проспект Шахтёров", "улица Кузнецкая", "улица Лазо",
           "улица Пушкина", "улица Юности", "улица Октябрьская", "проспект Коммунистический")
TYPES = ("water_main_break", "fire_residential", "gas_smell", "heating_outage", "road_accident")
STATUSES = ("new", "registered", "dispatched", "in_progress", "resolved", "closed")
CATALOG = {
    "rooms": [{"code": "main", "name_ru": "Главный зал", "name_en": "Main"}],
    "duty_services": [],
    "categories": [{"code": "c", "name_ru": "c", "name_en": "c"}],
    "incident_types": [
        {"code": t, "category": "c", "name_ru": t.replace("_", " "), "name_en": t,
         "priority": 3, "services": [], "synonyms": [], "sensitive": False,
         "norms": {"registration": 120, "handover": 300, "acknowledgement": 30,
                   "arrival": 3600, "resolution": None}} for t in TYPES],
}


def incident(i: int, rng: random.Random) -> dict[str, Any]:
    received = NOW - timedelta(seconds=rng.randint(0, 4 * 86400))
    return {
        "id": i, "number": f"2026-{i:06d}", "room": "main", "type_code": rng.choice(TYPES),
        "priority": rng.randint(1, 4), "status": rng.choice(STATUSES), "source": "phone",
        "street": rng.choice(STREETS), "house": str(rng.randint(1, 120)), "entrance": None,
        "floor": None, "flat": str(rng.randint(1, 200)) if rng.random() < 0.3 else None,
        "landmark": None, "address_verified": True, "lat": 53.69, "lon": 88.06,
        "district": "Центральный", "description": f"вызов номер {i}", "result": None,
        "received_at": received.isoformat(), "registered_at": received.isoformat(),
        "dispatched_at": None, "in_progress_at": None, "resolved_at": None,
        "closed_at": None, "cancelled_at": None, "reopened_at": None,
        "registration_seconds": 40.0, "merged_into_id": None, "claim_holder_id": None,
        "claim_holder_name": None, "claim_expires_at": None, "created_by_id": 1, "version": 1,
    }


def burst(store: ReplicaStore, rng: random.Random, n: int, next_id: int) -> list[dict]:
    """A realistic burst: mostly updates (claims, status, priority), some new incidents."""
    out = []
    seq = store.seq
    ids = list(store.data["incident"])
    for _ in range(n):
        seq += 1
        roll = rng.random()
        if roll < 0.1:
            next_id += 1
            after, entity_id = incident(next_id, rng), next_id
        else:
            entity_id = rng.choice(ids)
            if roll < 0.4:
                after = {"claim_holder_id": 2, "claim_holder_name": "Петров Сергей"}
            elif roll < 0.7:
                after = {"status": rng.choice(STATUSES)}
            else:
                after = {"priority": rng.randint(1, 4)}
        out.append({"type": "change", "seq": seq, "at": NOW.isoformat(), "actor_id": 2,
                    "actor_name": "Петров Сергей", "kind": "incident.updated",
                    "entity": "incident", "entity_id": entity_id, "incident_id": entity_id,
                    "room": "main", "before": None, "after": after, "mutation_id": None})
    return out


class PlainModel(QAbstractTableModel):
    """The baseline's source: the same rows in a list, nothing clever."""

    def __init__(self, rows: list[dict[str, Any]]) -> None:
        super().__init__()
        self.rows = rows
        self.row_of = {r["id"]: n for n, r in enumerate(rows)}

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(Col)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        r = self.rows[index.row()]
        col = index.column()
        return (r["number"], r["priority"], r["status"], r["type_code"], address_text(r), "",
                r["received_at"], r.get("claim_holder_name") or "")[col]

    def apply(self, changes: list[dict]) -> None:
        for ch in changes:
            n = self.row_of.get(ch["entity_id"])
            if n is None:
                self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows))
                self.row_of[ch["entity_id"]] = len(self.rows)
                self.rows.append(dict(ch["after"]))
                self.endInsertRows()
            else:
                self.rows[n].update(ch["after"])
                self.dataChanged.emit(self.index(n, 0), self.index(n, len(Col) - 1))


def timed(view: QTableView, fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    view.viewport().repaint()
    return (time.perf_counter() - start) * 1000


def make_view(model) -> QTableView:  # type: ignore[no-untyped-def]
    view = QTableView()
    view.resize(1600, 900)
    view.setModel(model)
    view.show()
    QApplication.processEvents()
    return view


def one_run(base: list[dict[str, Any]], rng: random.Random, run: int) -> dict[str, tuple]:
    """Every operation once on fresh models: ours and the proxy baseline."""
    catalog = CatalogView.from_wire(CATALOG)
    store = ReplicaStore()
    store.load_snapshot({"epoch": "e", "seq": 0, "incidents": [dict(i) for i in base],
                         "handovers": [], "notes": [], "crews": []})
    view, pview = make_view(None), make_view(None)
    made: dict[str, QueueModel] = {}

    def load_ours() -> None:
        made["m"] = QueueModel(store, catalog, user_id=1, now=lambda: NOW)
        view.setModel(made["m"])

    plain = PlainModel([dict(i) for i in base])
    proxy = QSortFilterProxyModel()
    proxy.setFilterKeyColumn(-1)

    def load_proxy() -> None:
        proxy.setSourceModel(plain)
        pview.setModel(proxy)

    out: dict[str, tuple] = {"load 100k": (timed(view, load_ours), timed(pview, load_proxy))}
    model = made["m"]
    word = "строит" if run % 2 == 0 else "кузнец"
    out["filter keystroke"] = (
        timed(view, lambda: model.set_filter(QueueFilter(text=word))),
        timed(pview, lambda: proxy.setFilterFixedString(word)))
    out["clear filter"] = (
        timed(view, lambda: model.set_filter(QueueFilter(statuses=frozenset()))),
        timed(pview, lambda: proxy.setFilterFixedString("")))
    out["sort by address"] = (
        timed(view, lambda: model.sort(Col.ADDRESS, Qt.SortOrder.AscendingOrder)),
        timed(pview, lambda: proxy.sort(Col.ADDRESS, Qt.SortOrder.AscendingOrder)))
    changes = burst(store, rng, 1000, len(base) + 10_000 * (run + 1))
    proxy.setDynamicSortFilter(True)
    out["burst of 1,000 changes"] = (
        timed(view, lambda: model.apply(store.apply(changes))),
        timed(pview, lambda: plain.apply(changes)))
    for v in (view, pview):
        v.close()
        v.deleteLater()
    QApplication.processEvents()
    return out


def run(rows: int, repeat: int) -> dict[str, tuple[list[float], list[float]]]:
    rng = random.Random(2018)
    base = [incident(i, rng) for i in range(1, rows + 1)]
    results: dict[str, tuple[list[float], list[float]]] = {}
    for r in range(repeat):
        for name, (ours, theirs) in one_run(base, rng, r).items():
            a, b = results.setdefault(name, ([], []))
            a.append(ours)
            b.append(theirs)
    return results


TARGETS = {"filter keystroke": 100, "sort by address": 300, "burst of 1,000 changes": 100}


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rows", type=int, default=100_000)
    p.add_argument("--repeat", type=int, default=3)
    args = p.parse_args()
    app = QApplication.instance() or QApplication([])
    results = run(args.rows, args.repeat)
    print(f"\nQueue of {args.rows:,} incidents, {args.repeat} runs; median (max) in ms, "
          "each from the call to the visible rows repainted")
    print(f"{'operation':28} {'ours':>16} {'QSortFilterProxyModel':>24} {'target':>8}  verdict")
    failed = False
    for name, (ours, theirs) in results.items():
        target = TARGETS.get(name)
        ok = target is None or statistics.median(ours) <= target
        failed |= not ok
        print(f"{name:28} {statistics.median(ours):9.1f} ({max(ours):6.1f})"
              f" {statistics.median(theirs):14.1f} ({max(theirs):7.1f})"
              f" {target or '—'!s:>8}  {'PASS' if ok else 'FAIL' if target else ''}")
    del app
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
