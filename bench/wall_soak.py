"""Benchmark: the wall through 24 hours at 10 changes a second, compressed, with flat memory.

864,000 wire-shaped change rows (a simulated day at 10 a second) go into a ``ReplicaStore``
and through the real wall: a ``SyncBridge`` over it, one ``WallFeed`` (its ``WallSource``),
and a ``WallWindow`` of the default layout with every panel, the map included (Leaflet in
QtWebEngine, offscreen; ``--no-map`` leaves it out). The rows are what a city's stream
carries: crews' GPS fixes (most of the traffic), and incidents registered, claimed,
handed over to one to three duty services, acknowledged, crews on scene, notes, resolved,
released and closed, so the open set stays steady (a few hundred) while about 5,000
incidents a day come and go. The state starts as a wall finds it after days of running:
yesterday and the same days last week (the ghost line reads them).

Compression: the simulated clock (the figures' ``now``, the feed's service clock and the
panels' monotonic clock) moves one second per 10 changes, as fast as the machine applies
them. Changes go in as one batch per simulated second and the event loop runs after each,
so the bridge delivers them as the stream would. The figures are measured and the visible
panels redrawn once per simulated minute (``--refresh-every``), not once per simulated
second as the real wall does: a refresh keeps nothing from the one before (its figures
replace the last ones), so what a day of refreshes could leak shows in 1,440 of them, and
86,400 would take an hour here. Pages turn every 20 simulated seconds, as the layout says.

Memory is sampled every simulated hour, after a full collection: the process's RSS, the
Python blocks allocated, and the map's renderer (QtWebEngine's own process). Baseline, in the
same run: the bare ``ReplicaStore`` with the same state and the same changes, in a process of
its own, so the replica's own growth (it keeps every incident it has seen; that is the sync
client's design) is told apart from the wall's. Target: the wall's own share (wall process
RSS minus baseline RSS) grows by at most 8 MB from hour 2 to the last, taken as the lowest
sample of four hours at each end so a peak that is given back does not count. The first two
hours are left out: allocators and caches (fonts, glyphs, SQLite's pages) settle there. The
objects that grew from hour 2 are listed by type; ``--trace`` adds tracemalloc from hour 2
on (what is still held at the end, by line), which runs about three times slower.

    python -m bench.wall_soak [--hours 24] [--rate 10] [--refresh-every 60] [--no-map] [--trace]
"""

from __future__ import annotations

import argparse
import gc
import heapq
import json
import os
import random
import subprocess
import sys
import time
import tracemalloc
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bench.common import rss

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")

START = datetime(2026, 11, 26, 1, 0, tzinfo=UTC)  # 08:00 in the city: a shift begins
TYPES = {  # code: (category, priority, services it goes to)
    "water_main_break": ("utilities", 2, ("water",)),
    "heating_outage": ("utilities", 3, ("heating",)),
    "fire_residential": ("fire", 1, ("fire", "ambulance", "police")),
    "gas_smell": ("fire", 1, ("gas", "fire")),
    "road_accident": ("roads", 2, ("police", "ambulance", "roads")),
    "suicide_threat": ("medical", 1, ("police", "ambulance")),
    "fight": ("public_order", 3, ("police",)),
    "flood": ("natural", 2, ("rescue", "water")),
}
SERVICES = ("fire", "water", "gas", "police", "ambulance", "heating", "roads", "rescue")
SHORT = {"fire": "01 Пожарная", "water": "Водоканал", "gas": "04 Газовая",
         "police": "02 Полиция", "ambulance": "03 Скорая", "heating": "Теплосеть",
         "roads": "Дороги", "rescue": "Спасатели"}
CATALOG = {
    "rooms": [{"code": "main", "name_ru": "Главный зал", "name_en": "Main"}],
    "duty_services": [{"code": s, "name_ru": SHORT[s], "name_en": s, "phone": "",
                       "short_ru": SHORT[s], "short_en": s} for s in SERVICES],
    "categories": [{"code": c, "name_ru": c, "name_en": c}
                   for c in sorted({c for c, _p, _s in TYPES.values()})],
    "incident_types": [
        {"code": t, "category": c, "name_ru": t, "name_en": t, "priority": p,
         "services": list(s), "synonyms": [], "sensitive": t == "suicide_threat",
         "norms": {"registration": 120, "handover": 300, "acknowledgement": 30,
                   "arrival": 1200, "resolution": None}} for t, (c, p, s) in TYPES.items()],
}
CREWS = 200
STREETS = ("проспект Строителей", "проспект Шахтёров", "улица Кузнецкая", "улица Лазо",
           "улица Комарова", "улица Пушкина")
DISTRICTS = ("Центральный", "Западный", "Восточный", "Притомский")
INCIDENTS_A_DAY = 5_000  # three times a busy day of the city (about 1,700)
PRESENCE = [{"id": i, "name": f"Оператор {i}", "role": "operator", "room": "main",
             "holds": []} for i in range(1, 9)]
MB = 1024 * 1024
WALL_TARGET_MB = 8.0
FLOOR_HOURS = 4
WARM_HOURS = 2  # allocators and caches (fonts, glyphs, SQLite pages) settle first


def iso(t: datetime) -> str:
    return t.isoformat()


def new_incident(i: int, rng: random.Random, received: datetime) -> dict[str, Any]:
    code = rng.choice(list(TYPES))
    return {
        "id": i, "number": f"2026-{i:06d}", "room": "main", "type_code": code,
        "priority": TYPES[code][1], "status": "registered", "source": "phone",
        "street": rng.choice(STREETS), "house": str(rng.randint(1, 90)), "entrance": None,
        "floor": None, "flat": None, "landmark": None, "address_verified": True,
        "lat": 53.69 + rng.uniform(-0.02, 0.02), "lon": 88.06 + rng.uniform(-0.03, 0.03),
        "district": rng.choice(DISTRICTS), "description": f"вызов {i}", "result": None,
        "received_at": iso(received),
        "registered_at": iso(received + timedelta(seconds=rng.randint(20, 150))),
        "dispatched_at": None, "in_progress_at": None, "resolved_at": None,
        "closed_at": None, "cancelled_at": None, "reopened_at": None,
        "registration_seconds": 40.0, "merged_into_id": None, "claim_holder_id": None,
        "claim_holder_name": None, "claim_expires_at": None, "created_by_id": 1,
        "version": 1,
    }


def history(rng: random.Random) -> tuple[list[dict], list[dict]]:
    """Closed incidents of yesterday and of the same two days last week, as the replica
    holds them after days of running (the days between count for nothing on the wall)."""
    incidents, handovers = [], []
    spans = [(START - timedelta(days=8), START - timedelta(days=5)),
             (START - timedelta(days=1), START)]
    i = 0
    for begin, end in spans:
        n = int(INCIDENTS_A_DAY * (end - begin).total_seconds() / 86400)
        for _ in range(n):
            i += 1
            received = begin + timedelta(seconds=rng.uniform(0, (end - begin).total_seconds()))
            row = new_incident(i, rng, received)
            done = received + timedelta(minutes=rng.randint(10, 60))
            row.update(status="closed", resolved_at=iso(done), closed_at=iso(done),
                       dispatched_at=row["registered_at"], version=6)
            incidents.append(row)
            handed = datetime.fromisoformat(row["registered_at"]) + timedelta(seconds=60)
            handovers.append({
                "id": i, "incident_id": i, "service": TYPES[row["type_code"]][2][0],
                "handed_over_at": iso(handed),
                "acknowledged_at": iso(handed + timedelta(seconds=rng.randint(5, 50))),
                "crew_dispatched_at": None, "on_scene_at": None, "resolved_at": iso(done),
                "recalled_at": None, "version": 3})
    return incidents, handovers


@dataclass
class Stream:
    """Change rows, ten a simulated second: crews' fixes fill what incidents leave."""

    rng: random.Random
    first_id: int
    seq: int = 0
    now: datetime = START
    next_id: int = 0
    next_handover: int = 0
    next_note: int = 0
    due: list[tuple[datetime, int, int, str, int]] = field(default_factory=list)
    versions: dict[int, int] = field(default_factory=dict)
    order: int = 0

    def __post_init__(self) -> None:
        self.next_id = self.next_handover = self.first_id
        self.next_note = 1
        self.arrivals = self.now

    def row(self, entity: str, entity_id: int, after: dict[str, Any], kind: str,
            incident_id: int | None) -> dict[str, Any]:
        self.seq += 1
        return {"type": "change", "seq": self.seq, "at": iso(self.now), "actor_id": 2,
                "actor_name": "Петров Сергей", "kind": kind, "entity": entity,
                "entity_id": entity_id, "incident_id": incident_id, "room": "main",
                "before": None, "after": after, "mutation_id": None}

    def later(self, seconds: float, incident_id: int, step: str, arg: int = 0) -> None:
        self.order += 1
        heapq.heappush(self.due, (self.now + timedelta(seconds=seconds), self.order,
                                  incident_id, step, arg))

    def incident_update(self, i: int, **after: Any) -> dict[str, Any]:
        self.versions[i] = self.versions.get(i, 1) + 1
        return self.row("incident", i, {**after, "version": self.versions[i]},
                        "incident.updated", i)

    def step(self, i: int, step: str, arg: int) -> list[dict[str, Any]]:
        rng, now = self.rng, iso(self.now)
        if step == "claim":
            self.later(rng.randint(30, 120), i, "handover")
            return [self.incident_update(i, claim_holder_id=2,
                                         claim_holder_name="Петров Сергей",
                                         claim_expires_at=iso(self.now + timedelta(minutes=2)))]
        if step == "handover":
            out = [self.incident_update(i, status="dispatched", dispatched_at=now)]
            services = TYPES[self.kinds[i]][2]
            for service in services[: rng.randint(1, len(services))]:
                h = self.next_handover
                self.next_handover += 1
                out.append(self.row("handover", h, {
                    "id": h, "incident_id": i, "service": service, "handed_over_at": now,
                    "acknowledged_at": None, "crew_dispatched_at": None, "on_scene_at": None,
                    "resolved_at": None, "recalled_at": None, "version": 1},
                    "handover.created", i))
                # One in twenty is acknowledged late (norm 30 s): the wall's amber.
                self.later(rng.choice((5, 10, 15, 20, 25)) if rng.random() > 0.05 else 90,
                           i, "ack", h)
                self.open_handovers.setdefault(i, []).append(h)
            self.later(rng.randint(600, 2400), i, "resolve")
            for _ in range(rng.randint(1, 4)):
                self.later(rng.randint(60, 1800), i, "note")
            return out
        if step == "ack":
            self.later(rng.randint(30, 120), i, "crew", arg)
            return [self.row("handover", arg, {"acknowledged_at": now, "version": 2},
                             "handover.acknowledged", i)]
        if step == "crew":
            self.later(rng.randint(120, 900), i, "scene", arg)
            return [self.row("handover", arg, {"crew_dispatched_at": now, "version": 3},
                             "handover.crew_dispatched", i)]
        if step == "scene":
            return [self.row("handover", arg, {"on_scene_at": now, "version": 4},
                             "handover.on_scene", i),
                    self.incident_update(i, status="in_progress", in_progress_at=now)]
        if step == "note":
            n = self.next_note
            self.next_note += 1
            return [self.row("note", n, {"id": n, "incident_id": i, "author_id": 2,
                                         "author_name": "Петров Сергей", "created_at": now,
                                         "text": f"уточнение по вызову {i}, {n}"},
                             "note.created", i)]
        if step == "resolve":
            out = [self.row("handover", h, {"resolved_at": now, "version": 5},
                            "handover.resolved", i) for h in self.open_handovers.pop(i, [])]
            out.append(self.incident_update(i, status="resolved", resolved_at=now))
            self.later(rng.randint(60, 600), i, "close")
            return out
        if step == "close":
            self.kinds.pop(i, None)
            self.versions.pop(i, None)
            return [self.incident_update(i, status="closed", closed_at=now,
                                         result="выполнено", claim_holder_id=None,
                                         claim_holder_name=None, claim_expires_at=None)]
        raise ValueError(step)

    def second(self, rate: int) -> list[dict[str, Any]]:
        """The changes of one simulated second, then the clock moves on."""
        out: list[dict[str, Any]] = []
        while self.arrivals <= self.now:
            i = self.next_id
            self.next_id += 1
            row = new_incident(i, self.rng, self.now)
            self.kinds[i] = row["type_code"]
            out.append(self.row("incident", i, row, "incident.created", i))
            self.later(self.rng.randint(3, 20), i, "claim")
            self.arrivals += timedelta(seconds=self.rng.expovariate(INCIDENTS_A_DAY / 86400))
        while self.due and self.due[0][0] <= self.now and len(out) < rate:
            _at, _o, i, step, arg = heapq.heappop(self.due)
            out.extend(self.step(i, step, arg))
        while len(out) < rate:  # a crew's GPS fix
            c = self.rng.randint(1, CREWS)
            out.append(self.row("crew", c, {
                "lat": 53.69 + self.rng.uniform(-0.02, 0.02),
                "lon": 88.06 + self.rng.uniform(-0.03, 0.03), "position_at": iso(self.now),
                "status": self.rng.choice(("free", "en_route", "on_scene"))},
                "crew.moved", None))
        self.now += timedelta(seconds=1)
        return out

    kinds: dict[int, str] = field(default_factory=dict)
    open_handovers: dict[int, list[int]] = field(default_factory=dict)


def crews() -> list[dict[str, Any]]:
    return [{"id": c, "service": SERVICES[c % len(SERVICES)], "callsign": f"Экипаж {c}",
             "status": "free", "lat": 53.69, "lon": 88.06, "position_at": iso(START),
             "version": 1} for c in range(1, CREWS + 1)]


def children_rss() -> int:
    """RSS of this process's descendants (QtWebEngine's renderer and GPU processes)."""
    me, parents, sizes = os.getpid(), {}, {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            fields = stat[stat.rindex(")") + 2:].split()
            parents[int(entry)] = int(fields[1])
            sizes[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, ValueError, IndexError):
            continue
    total = 0
    for pid in sizes:
        p = parents.get(pid)
        while p and p != me:
            p = parents.get(p)
        if p == me:
            total += sizes[pid]
    return total


def short(filename: str) -> str:
    """A file of the project relative to its root; any other as it is."""
    root = str(Path(__file__).resolve().parent.parent) + os.sep
    return filename.removeprefix(root)


def objects_by_type() -> Counter[str]:
    """Live objects the collector tracks, by type: what piles up shows here by name."""
    return Counter(type(o).__name__ for o in gc.get_objects())


def run_part(part: str, args: argparse.Namespace) -> Iterator[dict[str, Any]]:
    """One process's run: yields a sample per simulated hour."""
    from app.sync.store import ReplicaStore

    rng = random.Random(2018)
    incidents, handovers = history(rng)
    store = ReplicaStore()
    store.load_snapshot({"epoch": "soak", "seq": 0, "incidents": incidents,
                         "handovers": handovers, "notes": [], "crews": crews()})
    first_id = len(incidents) + 1
    del incidents, handovers
    stream = Stream(random.Random(1931), first_id)
    tick: Any = None
    if part == "wall":
        tick = wall_driver(store, stream, args)
    per_hour = 3600
    t0 = time.perf_counter()
    warm: Counter[str] | None = None
    for second in range(args.hours * per_hour + 1):
        hour, at_hour = divmod(second, per_hour)
        if at_hour == 0:
            if tick is not None:
                tick.settle()
            gc.collect()
            if args.trace and hour == WARM_HOURS:
                tracemalloc.start(1)  # from here on: what is still held at the end grew
            sample = {"hour": hour, "rss": rss(), "children": children_rss(),
                      "blocks": sys.getallocatedblocks(),
                      "incidents": len(store.data["incident"]),
                      "open": sum(1 for r in store.data["incident"].values()
                                  if r["status"] != "closed"),
                      "elapsed": time.perf_counter() - t0}
            if tick is not None:
                sample["facts"] = len(tick.feed.source)
            if hour == WARM_HOURS:
                warm = objects_by_type()
            if second == args.hours * per_hour:
                if warm is not None:
                    grown = objects_by_type()
                    grown.subtract(warm)
                    sample["types"] = [f"{n:+9,d}  {name}" for name, n in grown.most_common(8)]
                if tracemalloc.is_tracing():
                    top = tracemalloc.take_snapshot().statistics("lineno")[:8]
                    sample["top"] = [f"{s.size / 1024:+9.0f} KiB {s.count:+8d} blocks  "
                                     f"{short(s.traceback[0].filename)}:"
                                     f"{s.traceback[0].lineno}" for s in top]
            yield sample
            if second == args.hours * per_hour:
                break
        batch = stream.second(args.rate)
        store.apply(batch)
        if tick is not None:
            tick(second)


class wall_driver:
    """The real wall over ``store``: bridge, feed, window; the clocks are the stream's."""

    def __init__(self, store: Any, stream: Stream, args: argparse.Namespace) -> None:
        from PySide6.QtWidgets import QApplication

        from app.domain import demo_city
        from app.maps.tiles import register_scheme
        from app.sync import SyncClient
        from app.ui.bridge import SyncBridge
        from app.ui.catalog_view import CatalogView
        from app.ui.wall.layout import default_layout
        from app.ui.wall.window import WallFeed, WallWindow

        register_scheme()
        self.app = QApplication.instance() or QApplication([])
        self.stream = stream
        self.args = args
        client = SyncClient("http://127.0.0.1:9")  # never started: the bench is the stream
        client.store = store
        client.presence = PRESENCE
        self.client = client
        self.bridge = SyncBridge(client)
        catalog = CatalogView.from_wire(CATALOG, "ru")
        self.feed = WallFeed(self.bridge, catalog, clock=lambda: stream.now)
        # The simulated clock says when a refresh is due, not the real one (a refresh
        # shortly after each change would follow real time, which runs much slower here).
        self.feed.timer.stop()
        self.feed.refresh_soon = lambda: None  # type: ignore[method-assign]
        self.bridge.state_changed.emit("live", "")
        basemap = None if args.no_map else {
            "districts": demo_city.DISTRICTS, "rivers": demo_city.RIVERS,
            "streets": [{"name": s.name, "points": s.points} for s in demo_city.STREETS]}
        self.window = WallWindow(self.feed, default_layout().screens[0], basemap=basemap,
                                 kiosk=False, monotonic=self.monotonic)
        self.window.rotation.stop()  # pages turn on the simulated clock
        self.window.resize(1920, 1080)
        self.window.show()
        self.map = next((p for page in self.window.pages for p in page
                         if getattr(p, "view", None) is not None), None)
        if self.map is not None:
            deadline = time.monotonic() + 60
            while not self.map.view.is_ready and time.monotonic() < deadline:
                self.app.processEvents()
                time.sleep(0.01)
            if not self.map.view.is_ready:
                raise SystemExit("the map's page did not load within 60 s")
        self.rotate_every = default_layout().screens[0].rotate_seconds
        self.refreshes = 0

    def monotonic(self) -> float:
        return (self.stream.now - START).total_seconds()

    def __call__(self, second: int) -> None:
        self.app.processEvents()  # the bridge hands the batch to the feed, the map
        if (second + 1) % self.args.refresh_every == 0:
            self.feed.tick()
            self.refreshes += 1
        if (second + 1) % round(self.rotate_every) == 0:
            self.window.next_page()

    def settle(self) -> None:
        for _ in range(5):
            self.app.processEvents()


def child(args: argparse.Namespace) -> int:
    for sample in run_part(args.part, args):
        print(json.dumps(sample), flush=True)
    return 0


def spawn(part: str, args: argparse.Namespace) -> list[dict[str, Any]]:
    cmd = [sys.executable, "-m", "bench.wall_soak", "--part", part, "--hours", str(args.hours),
           "--rate", str(args.rate), "--refresh-every", str(args.refresh_every)]
    if args.no_map:
        cmd.append("--no-map")
    if args.trace:
        cmd.append("--trace")
    samples = []
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True) as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            sample = json.loads(line)
            samples.append(sample)
            print(f"  {part:7s} hour {sample['hour']:2d}: RSS {sample['rss'] / MB:7.1f} MB "
                  f"({sample['elapsed']:5.0f} s)", flush=True)
    if proc.returncode != 0:
        raise SystemExit(f"the {part} part failed with exit code {proc.returncode}")
    return samples


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--hours", type=int, default=24)
    p.add_argument("--rate", type=int, default=10, help="changes per simulated second")
    p.add_argument("--refresh-every", type=int, default=60,
                   help="simulated seconds between refreshes of the figures")
    p.add_argument("--no-map", action="store_true", help="leave the map panel out")
    p.add_argument("--trace", action="store_true",
                   help="tracemalloc from the warm-up on: what is held at the end, by line "
                        "(three times slower)")
    p.add_argument("--part", choices=("wall", "replica"), help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.part:
        return child(args)
    first = min(WARM_HOURS, args.hours - 1)
    t0 = time.perf_counter()
    print(f"Wall soak: {args.hours} h at {args.rate} changes/s "
          f"({args.hours * 3600 * args.rate:,} changes), compressed; a refresh every "
          f"{args.refresh_every} simulated s; map {'left out' if args.no_map else 'shown'}")
    base = spawn("replica", args)
    wall = spawn("wall", args)
    print("\n hour  incidents  open   facts   wall RSS  replica RSS  wall share  renderer"
          "  Python blocks (wall)   sim. h/real s")
    for w, b in zip(wall, base, strict=True):
        print(f"  {w['hour']:3d}  {w['incidents']:9,d}  {w['open']:4d}  {w.get('facts', 0):6,d}"
              f"  {w['rss'] / MB:9.1f}  {b['rss'] / MB:11.1f}  {(w['rss'] - b['rss']) / MB:10.1f}"
              f"  {w['children'] / MB:8.1f}  {w['blocks']:20,d}   {w['elapsed']:6.0f}")
    w0, w1, b0, b1 = wall[first], wall[-1], base[first], base[-1]
    shares = [(w["rss"] - b["rss"]) / MB for w, b in zip(wall, base, strict=True)]
    # Judged on the floor of four hours at each end: memory that stays raises the floor,
    # while a peak that is given back (a worker thread's malloc arena, a burst of paths)
    # only lifts single samples, by up to 15 MB here.
    span = max(1, min(FLOOR_HOURS, (len(shares) - first) // 2))
    start_floor = min(shares[first:first + span])
    end_floor = min(shares[-span:])
    share = end_floor - start_floor
    ok = share <= WALL_TARGET_MB
    print(f"\n  growth, hour {w0['hour']} to {w1['hour']} (MB):")
    print(f"    wall process RSS:             {(w1['rss'] - w0['rss']) / MB:+8.1f}")
    print(f"    baseline, bare replica RSS:   {(b1['rss'] - b0['rss']) / MB:+8.1f}")
    print(f"    the wall's own share:         {shares[-1] - shares[first]:+8.1f}"
          "   (wall process minus baseline, last sample minus first)")
    print(f"    its floor, {span} h at each end:   {share:+8.1f}   target ≤ {WALL_TARGET_MB:.0f}"
          f"   {'PASS' if ok else 'FAIL'}")
    print(f"    map renderer process:         {(w1['children'] - w0['children']) / MB:+8.1f}"
          "   (shown, not judged: Chromium's own caches)")
    print(f"    Python blocks, wall process:  {w1['blocks'] - w0['blocks']:+8,d}"
          f"   replica alone {b1['blocks'] - b0['blocks']:+,d}")
    print("  objects grown in the wall process, by type:")
    for line in w1.get("types", []):
        print(f"    {line}")
    for line in w1.get("top", []):
        print(f"    {line}")
    print(f"  total time {time.perf_counter() - t0:.0f} s  {'PASS' if ok else 'FAIL'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
