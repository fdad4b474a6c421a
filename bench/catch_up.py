"""`make bench`: a console coming back after being away, and a console starting from nothing,
on PostgreSQL.

(a) Catch-up. "Ten minutes away at 50 changes/s": a sync client (app/sync, with a SQLite
    replica file, as a console has) is live, then stopped. Meanwhile 30,000 changes are made
    through the service's own use cases (registrations, notes, claims and releases, from
    several threads straight against the database: real journal rows, made faster than real
    time). Then a client is started on that replica:

        catch-up = start() -> the replica's number equals the service's head

    The replica file is copied before the first run, so every run resumes from the same
    place. Baseline in the same run: a client with an empty replica, which loads the same
    state as a snapshot. Target: catch-up <= 3 s (median of the runs); no snapshot reload
    during a catch-up, and every one of the changes applied once.

(b) Snapshot. 100,000 incidents (put in by a bulk INSERT for speed; the snapshot the
    service serves from them is its real one):

        snapshot = GET /api/v1/snapshot + ReplicaStore.load_snapshot into a SQLite file

    Baseline in the same run: the raw transfer of the very same JSON bytes from a plain
    static HTTP server on loopback. Target: snapshot <= 10 s (median of the runs)."""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import psycopg
import requests
from sqlalchemy import select

from app.models import User
from app.schemas.incident import AddressIn, ClaimIn, IncidentCreate, NoteIn
from app.server.app import make_context
from app.server.embedded import free_port
from app.server.settings import ServerSettings
from app.services import claims, incidents, notes
from app.services.auth import actor_of
from app.services.context import Actor, ServiceContext
from app.services.demo import DEMO_PASSWORD
from app.sync import SyncClient
from app.sync.http import Http
from app.sync.store import ReplicaStore
from bench.common import (
    BenchDatabase,
    PgUnavailable,
    ServiceProcess,
    admin_url,
    libpq_dsn,
    safe_url,
    seed,
)

CATCH_UP_TARGET_S = 3.0
SNAPSHOT_TARGET_S = 10.0


def log(msg: str) -> None:
    print(msg, flush=True)


def head_of(dsn: str) -> int:
    with psycopg.connect(dsn, autocommit=True) as conn:
        row = conn.execute("SELECT seq FROM log_head WHERE id = 1").fetchone()
    assert row is not None
    return int(row[0])


# -- (a) the backlog ---------------------------------------------------------------------


def _actors(ctx: ServiceContext, logins: list[str]) -> list[Actor]:
    with ctx.db.read() as s:
        users = {u.login: u for u in s.scalars(select(User).where(User.login.in_(logins)))}
    return [actor_of(users[login]) for login in logins]


def _desks(db_url: str, quota: int, threads: int, first: int,
           addresses: list[tuple[str, str]]) -> int:
    """One process of the backlog: ``threads`` desks writing until ``quota`` journal rows.
    Each desk registers an incident, writes a note on it, lets it go, writes another note,
    claims it again and lets it go, then takes the next one. Returns the rows written."""
    ctx = make_context(ServerSettings(database_url=db_url))
    desks = _actors(ctx, ["operator", "operator2"])
    errors: list[BaseException] = []
    # Every journal row counts, whatever the use case made of the call (claiming an
    # incident one already holds is a renewal and writes nothing).
    written = [0]
    lock = threading.Lock()

    def count(rows: list[dict]) -> None:
        with lock:
            written[0] += len(rows)

    ctx.on_commit.append(count)

    def mid() -> uuid.UUID:
        return uuid.uuid4()

    def step(actor: Actor, incident_id: int, which: int) -> None:
        if which in (0, 2):
            text = "Звонивший уточнил подъезд" if which == 0 else "Передано в ДДС"
            notes.note(ctx, actor, incident_id, NoteIn(text=text, mutation_id=mid()))
        elif which == 3:
            claims.claim(ctx, actor, incident_id, ClaimIn(mutation_id=mid()))
        else:  # ends released, so no lease expires in the middle of a measurement
            claims.release(ctx, actor, incident_id, mid())

    def desk(k: int) -> None:
        actor = desks[k % len(desks)]
        i = 0
        try:
            while written[0] < quota:
                street, house = addresses[(k * 7919 + i) % len(addresses)]
                _, body = incidents.register(ctx, actor, IncidentCreate(
                    source="phone", address=AddressIn(street=street, house=house),
                    description=f"catch-up bench {k}/{i}", mutation_id=mid()))
                for which in range(5):
                    step(actor, body["incident"]["id"], which)
                i += 1
        except BaseException as e:  # reported by the caller
            errors.append(e)

    workers = [threading.Thread(target=desk, args=(first + k,), daemon=True)
               for k in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    ctx.db.dispose()
    if errors:
        raise RuntimeError(f"making the backlog failed: {errors[0]!r}") from errors[0]
    return written[0]


def make_backlog(db_url: str, total: int, processes: int, threads: int,
                 addresses: list[tuple[str, str]]) -> float:
    """``total`` journal rows through the real use cases, from several processes (the use
    cases are mostly Python: one interpreter would hold them to one core). Returns the
    seconds it took."""
    began = time.perf_counter()
    quota = -(-total // processes)
    with ProcessPoolExecutor(processes, mp_context=mp.get_context("spawn")) as pool:
        jobs = [pool.submit(_desks, db_url, quota, threads, p * threads, addresses)
                for p in range(processes)]
        for job in jobs:
            job.result()
    return time.perf_counter() - began


class Watch:
    """Counts what a replica's listener sees: changes applied, snapshots loaded."""

    def __init__(self, store: ReplicaStore) -> None:
        self.applied = 0
        self.snapshots = 0
        self.seqs_ok = True
        self._last = store.seq
        store.subscribe(self)

    def __call__(self, batch) -> None:  # type: ignore[no-untyped-def]
        if batch is None:
            self.snapshots += 1
            return
        for a in batch:
            if a.seq != self._last + 1 and self._last >= 0:
                self.seqs_ok = False
            self._last = a.seq
        self.applied += len(batch)


def time_until_head(client: SyncClient, head: int, timeout: float = 120.0) -> float:
    began = time.perf_counter()
    client.start()
    if not client.store.wait_for(lambda s: s.seq >= head, timeout):
        raise RuntimeError(f"the client did not reach change {head} in {timeout:.0f} s "
                           f"(at {client.store.seq}; {client.state} {client.state_message})")
    return time.perf_counter() - began


def bench_catch_up(url: str, dsn: str, db_url: str, tmp: Path, changes: int, processes: int,
                   threads: int, runs: int, addresses: list[tuple[str, str]]) -> bool:
    log(f"\n(a) catch-up after {changes:,} changes made while the console was away")
    away = tmp / "away.db"
    client = SyncClient(url, replica=away)
    client.login("operator2", DEMO_PASSWORD)
    client.start()
    if not client.wait_live(30):
        raise RuntimeError(f"the client did not get live: {client.state_message}")
    client.close()
    left_at = head_of(dsn)

    took = make_backlog(db_url, changes, processes, threads, addresses)
    head = head_of(dsn)
    log(f"backlog: {head - left_at:,} journal rows through the use cases in {took:.1f} s "
        f"({(head - left_at) / took:.0f}/s, {processes} processes x {threads} threads); the "
        f"replica is at {left_at:,}, "
        f"the service's head at {head:,}")

    catch_ups: list[float] = []
    ok = True
    for run in range(runs):
        replica = tmp / f"resume-{run}.db"
        shutil.copy(away, replica)
        c = SyncClient(url, replica=replica)
        c.login("operator2", DEMO_PASSWORD)
        watch = Watch(c.store)
        seconds = time_until_head(c, head)
        c.close()
        complete = watch.snapshots == 0 and watch.applied == head - left_at and watch.seqs_ok
        ok = ok and complete
        catch_ups.append(seconds)
        log(f"  run {run + 1}: caught up in {seconds:.2f} s; {watch.applied:,} changes applied, "
            f"{watch.snapshots} snapshot loads" + ("" if complete else "  <- INCOMPLETE"))

    reloads: list[float] = []
    for run in range(runs):
        c = SyncClient(url, replica=tmp / f"fresh-{run}.db")
        c.login("operator2", DEMO_PASSWORD)
        reloads.append(time_until_head(c, head))
        incidents_n = len(c.store.data["incident"])
        notes_n = len(c.store.data["note"])
        c.close()
    log(f"  baseline, a full snapshot reload of the same state ({incidents_n:,} incidents, "
        f"{notes_n:,} notes) into an empty replica: "
        + ", ".join(f"{s:.2f}" for s in reloads) + " s")
    median = statistics.median(catch_ups)
    passed = ok and median <= CATCH_UP_TARGET_S
    log(f"  catch-up of {head - left_at:,} changes: median {median:.2f} s, worst "
        f"{max(catch_ups):.2f} s ({(head - left_at) / median:,.0f} changes/s); "
        f"snapshot reload median {statistics.median(reloads):.2f} s")
    log(f"  target catch-up <= {CATCH_UP_TARGET_S:g} s, no snapshot, every change once: "
        + ("PASS" if passed else "FAIL"))
    return passed


# -- (b) the snapshot --------------------------------------------------------------------

FILL = """
INSERT INTO incidents (number, room, type_code, priority, status, source, street, house,
    address_verified, lat, lon, district, description, received_at, registered_at,
    claim_holder_id, claim_holder_name, claim_expires_at, created_by_id, version)
SELECT 'B-' || g, 'main', NULL, 1 + g %% 3,
    (ARRAY['registered', 'dispatched', 'in_progress', 'resolved', 'closed'])[1 + g %% 5],
    'phone', 'проспект Строителей', (1 + g %% 120)::text, g %% 2 = 0,
    53.69 + (g %% 1000) / 50000.0, 88.06 + (g %% 997) / 50000.0, 'Центральный',
    'Запах газа в подъезде, жильцы просят проверить плиту на кухне, квартира ' || g,
    now() - (g || ' seconds')::interval, now() - (g || ' seconds')::interval,
    NULL, NULL, NULL, NULL, 1
FROM generate_series(1, %s) AS g
"""


def fill_incidents(dsn: str, n: int) -> float:
    began = time.perf_counter()
    with psycopg.connect(dsn, autocommit=True) as conn:
        # The journal's triggers guard change_log only; incidents take a plain INSERT.
        conn.execute(FILL, (n,))
        conn.execute("ANALYZE incidents")
    return time.perf_counter() - began


class StaticServer:
    """A plain HTTP server for one file, in its own process: the floor for moving the
    same bytes over loopback."""

    def __init__(self, directory: Path) -> None:
        self.port = free_port("127.0.0.1")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "http.server", str(self.port), "--bind", "127.0.0.1",
             "--directory", str(directory)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + 15
        while True:
            try:
                requests.get(f"http://127.0.0.1:{self.port}/", timeout=1)
                return
            except requests.RequestException:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(10)


def bench_snapshot(url: str, dsn: str, tmp: Path, n: int, runs: int) -> bool:
    log(f"\n(b) a snapshot of {n:,} incidents into an empty SQLite replica")
    log(f"  bulk INSERT of {n:,} incidents: {fill_incidents(dsn, n):.1f} s")
    http = Http(url, timeout=120)
    http.token = SyncClient(url).login("operator2", DEMO_PASSWORD)["token"]
    totals: list[float] = []
    for run in range(runs):
        store = ReplicaStore(tmp / f"snapshot-{run}.db")
        began = time.perf_counter()
        snap = http.request("GET", "/snapshot")
        got = time.perf_counter()
        store.load_snapshot(snap)
        done = time.perf_counter()
        count = len(store.data["incident"])
        store.close()
        del snap
        totals.append(done - began)
        log(f"  run {run + 1}: {done - began:.2f} s = GET and parse {got - began:.2f} s + "
            f"load_snapshot {done - got:.2f} s; {count:,} incidents in the replica")
        if count < n:
            raise RuntimeError(f"the replica has {count} incidents, expected at least {n}")

    body = requests.get(f"{url}/api/v1/snapshot", timeout=120,
                        headers={"Authorization": f"Bearer {http.token}"}).content
    (tmp / "snapshot.json").write_bytes(body)
    static = StaticServer(tmp)
    raw: list[float] = []
    try:
        for _ in range(runs):
            began = time.perf_counter()
            got = requests.get(f"http://127.0.0.1:{static.port}/snapshot.json", timeout=120)
            raw.append(time.perf_counter() - began)
            assert len(got.content) == len(body)
    finally:
        static.stop()
    http.close()
    median = statistics.median(totals)
    log(f"  baseline, the same {len(body) / 1e6:.1f} MB of JSON from a static HTTP server: "
        + ", ".join(f"{s:.2f}" for s in raw) + " s")
    passed = median <= SNAPSHOT_TARGET_S
    log(f"  snapshot: median {median:.2f} s, worst {max(totals):.2f} s; raw transfer median "
        f"{statistics.median(raw):.2f} s")
    log(f"  target snapshot <= {SNAPSHOT_TARGET_S:g} s: " + ("PASS" if passed else "FAIL"))
    return passed


# -- main --------------------------------------------------------------------------------


def parse(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m bench.catch_up", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--changes", type=int, default=30_000,
                   help="changes made while the console is away (30000)")
    p.add_argument("--processes", type=int, default=3, help="processes making them (3)")
    p.add_argument("--threads", type=int, default=3, help="threads in each (3)")
    p.add_argument("--incidents", type=int, default=100_000,
                   help="incidents in the snapshot (100000)")
    p.add_argument("--runs", type=int, default=3, help="measured runs of each (3)")
    p.add_argument("--only", choices=("catch-up", "snapshot"), help="run one part only")
    a = p.parse_args(argv)
    if min(a.changes, a.processes, a.threads, a.incidents, a.runs) < 1:
        p.error("every count must be positive")
    return a


def run_part(name: str, work: Callable[[str, str, str, list[tuple[str, str]]], bool]) -> bool:
    db = BenchDatabase(admin_url())
    db.create()
    service: ServiceProcess | None = None
    try:
        seeded = seed(db.url, 1)
        service = ServiceProcess(db.url).start()
        log(f"{name}: fresh database {db.name}; service in its own process (pid "
            f"{service.pid}) at {service.url}")
        return work(service.url, libpq_dsn(db.url), db.url, seeded.addresses)
    except Exception:
        if service is not None and service.proc is not None:
            log(f"service log (tail):\n{service.log_tail()}")
        raise
    finally:
        if service is not None:
            service.stop()
        db.drop()


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    began = time.monotonic()
    probe = BenchDatabase(admin_url())
    try:
        probe.create()
    except PgUnavailable as e:
        print(f"PostgreSQL at {safe_url(probe.admin_url)} is not reachable: {e}\n"
              "Start it, or point DISPATCH_BENCH_DATABASE_URL (or DISPATCH_TEST_DATABASE_URL) "
              "at a server where this user may create databases.", file=sys.stderr)
        return 2
    log(f"PostgreSQL {probe.server_version} at {safe_url(probe.admin_url)}; "
        f"{os.cpu_count()} CPUs")
    probe.drop()
    results: list[bool] = []
    with tempfile.TemporaryDirectory(prefix="dispatch-bench-") as name:
        tmp = Path(name)
        try:
            if args.only in (None, "catch-up"):
                results.append(run_part("catch-up", lambda url, dsn, db_url, addresses: (
                    bench_catch_up(url, dsn, db_url, tmp, args.changes, args.processes,
                                   args.threads, args.runs, addresses))))
            if args.only in (None, "snapshot"):
                results.append(run_part("snapshot", lambda url, dsn, _db, _a: bench_snapshot(
                    url, dsn, tmp, args.incidents, args.runs)))
        except Exception as e:
            log(f"benchmark failed: {type(e).__name__}: {e}")
            return 3
    log(f"\ntotal time {time.monotonic() - began:.0f} s")
    return 0 if all(results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
