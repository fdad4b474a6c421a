"""Benchmark: a console's replica over weeks of a busy city, with the live horizon.

A console runs for weeks. Each simulated day 5,000 incidents (about three times a busy day
of the city) are registered, handed over to one or two duty services, noted, resolved and
closed, as wire-shaped change rows applied to a ``ReplicaStore`` in a SQLite file, one
batch per simulated minute; the service's heartbeat (``prune`` with the simulated clock)
comes once a simulated minute too, as the stream worker calls it. Baseline, in the same run
and a process of its own: the same rows with no heartbeat, which is what the replica did
before the horizon (it kept every incident it had ever seen).

Sampled once a simulated day after a full collection: the process's RSS, the rows held in
memory and the replica file's size. Target: from day 10 (the horizon is eight days, so the
state is steady after it) to the last day, the console's RSS grows by at most 10 MB and its
rows by at most 5 %; the baseline grows with every day.

    python -m bench.replica_horizon [--days 20] [--per-day 5000]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from app.sync.store import ReplicaStore
from bench.common import rss
from tests.ui.factory import incident

START = datetime(2026, 11, 1, 1, 0, tzinfo=UTC)
MINUTE = timedelta(minutes=1)
MB = 1024 * 1024
STEADY_DAY = 10
RSS_TARGET_MB = 10.0
ROWS_TARGET = 0.05


class City:
    """Change rows a minute at a time: incidents arrive at random and run their course
    (hand-overs, notes, resolved, closed) over the next one to three hours."""

    def __init__(self, per_day: int, rng: random.Random) -> None:
        self.rng = rng
        self.per_minute = per_day / 1440
        self.seq = 0
        self.next_id = {"incident": 1, "handover": 1, "note": 1}
        self.due: dict[int, list[dict[str, Any]]] = {}

    def _row(self, entity: str, entity_id: int, after: dict[str, Any], incident_id: int,
             at: datetime, created: bool) -> dict[str, Any]:
        return {"type": "change", "seq": 0, "at": at.isoformat(), "actor_id": 2,
                "actor_name": "Петров Сергей", "kind": f"{entity}.changed", "entity": entity,
                "entity_id": entity_id, "incident_id": incident_id, "room": "main",
                "before": None if created else {}, "after": after, "mutation_id": None}

    def _take(self, entity: str) -> int:
        n = self.next_id[entity]
        self.next_id[entity] += 1
        return n

    def minute(self, m: int) -> list[dict[str, Any]]:
        now = START + m * MINUTE
        rows = self.due.pop(m, [])
        arrivals = int(self.per_minute) + (self.rng.random() < self.per_minute % 1)
        for _ in range(arrivals):
            i = self._take("incident")
            row = incident(i, received_at=now.isoformat(), registered_at=now.isoformat(),
                           description=f"вызов {i}: течь в подвале, вода на лестнице")
            rows.append(self._row("incident", i, row, i, now, True))
            later = self.rng.randint(60, 180)
            for _ in range(self.rng.randint(1, 2)):
                h = self._take("handover")
                rows.append(self._row("handover", h, {
                    "id": h, "incident_id": i, "service": "water", "stage": "handed_over",
                    "handed_over_at": now.isoformat(), "acknowledged_at": None,
                    "crew_dispatched_at": None, "on_scene_at": None, "resolved_at": None,
                    "recalled_at": None, "crew_ids": [], "version": 1}, i, now, True))
                self._at(m + self.rng.randint(1, 5), self._row(
                    "handover", h, {"stage": "acknowledged", "version": 2}, i, now, False))
            for _ in range(self.rng.randint(1, 3)):
                n = self._take("note")
                self._at(m + self.rng.randint(5, later), self._row("note", n, {
                    "id": n, "incident_id": i, "author_name": "Петров Сергей",
                    "text": "Бригада на месте, перекрыли стояк", "at": now.isoformat()},
                    i, now, True))
            closed = START + (m + later) * MINUTE
            self._at(m + later, self._row("incident", i, {
                "status": "closed", "resolved_at": closed.isoformat(),
                "closed_at": closed.isoformat(), "version": 5}, i, closed, False))
        for r in rows:
            self.seq += 1
            r["seq"] = self.seq
        return rows

    def _at(self, m: int, row: dict[str, Any]) -> None:
        self.due.setdefault(m, []).append(row)


def samples(days: int, per_day: int, heartbeat: bool) -> Iterator[dict[str, Any]]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "replica.db"
        store = ReplicaStore(path)
        store.load_snapshot({"epoch": "e1", "seq": 0, "horizon_hours": 192, "incidents": [],
                             "handovers": [], "notes": [], "crews": []})
        city = City(per_day, random.Random(7))
        for m in range(days * 1440):
            store.apply(city.minute(m))
            if heartbeat:
                store.prune(START + m * MINUTE)
            if (m + 1) % 1440 == 0:
                gc.collect()
                yield {"day": (m + 1) // 1440, "rss": rss(),
                       "rows": sum(len(t) for t in store.data.values()),
                       "incidents": len(store.data["incident"]),
                       "file": path.stat().st_size + _wal(path)}
        store.close()


def _wal(path: Path) -> int:
    wal = path.with_name(path.name + "-wal")
    return wal.stat().st_size if wal.exists() else 0


def run_one(days: int, per_day: int, heartbeat: bool) -> list[dict[str, Any]]:
    """In a process of its own, so one run's allocations do not flatter the other's."""
    cmd = [sys.executable, "-m", "bench.replica_horizon", "--days", str(days), "--per-day",
           str(per_day), "--child", "console" if heartbeat else "baseline"]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True,
                         env={**os.environ, "PYTHONHASHSEED": "0"}).stdout
    return [json.loads(line) for line in out.splitlines() if line.startswith("{")]


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--days", type=int, default=20)
    p.add_argument("--per-day", type=int, default=5000)
    p.add_argument("--child", choices=("console", "baseline"))
    args = p.parse_args()
    if args.child:
        for s in samples(args.days, args.per_day, args.child == "console"):
            print(json.dumps(s), flush=True)
        return 0
    if args.days <= STEADY_DAY:
        p.error(f"--days must be above {STEADY_DAY}: the steady state begins there")

    console = run_one(args.days, args.per_day, True)
    baseline = run_one(args.days, args.per_day, False)
    print(f"replica over {args.days} simulated days, {args.per_day} incidents a day")
    print(f"{'day':>4} {'console RSS':>12} {'rows':>8} {'incidents':>9} {'file':>8}   "
          f"{'baseline RSS':>12} {'rows':>8} {'file':>8}")
    for c, b in zip(console, baseline, strict=True):
        print(f"{c['day']:>4} {c['rss'] / MB:>9.1f} MB {c['rows']:>8} {c['incidents']:>9} "
              f"{c['file'] / MB:>5.1f} MB   {b['rss'] / MB:>9.1f} MB {b['rows']:>8} "
              f"{b['file'] / MB:>5.1f} MB")
    first, last = console[STEADY_DAY - 1], console[-1]
    grew_mb = (last["rss"] - first["rss"]) / MB
    grew_rows = (last["rows"] - first["rows"]) / first["rows"]
    b_first, b_last = baseline[STEADY_DAY - 1], baseline[-1]
    print(f"from day {STEADY_DAY} to day {args.days}: console RSS {grew_mb:+.1f} MB "
          f"(target ≤ {RSS_TARGET_MB:.0f} MB), rows {grew_rows:+.1%} "
          f"(target ≤ {ROWS_TARGET:.0%}); baseline RSS "
          f"{(b_last['rss'] - b_first['rss']) / MB:+.1f} MB, rows "
          f"{(b_last['rows'] - b_first['rows']) / b_first['rows']:+.1%}")
    ok = grew_mb <= RSS_TARGET_MB and grew_rows <= ROWS_TARGET
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
