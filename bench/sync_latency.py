"""`make bench`: commit-to-every-console latency of the live stream, on PostgreSQL.

N sync clients (app/sync, the console's own client) are live on one service that runs in
its own process. A writer registers incidents over HTTP at a steady rate. For each new
incident:

    latency = (time the LAST client has the change in its replica)
              - (time the commit was seen by a raw LISTEN connection in this process)

Both times are ``time.perf_counter_ns()`` in this process. The service's journal sends
``pg_notify('dispatch_changes', seq)`` inside the writing transaction, and PostgreSQL
delivers it at commit, so its arrival on our own LISTEN connection is the commit as a bare
PostgreSQL client sees it. Right before, the same rate of bare ``pg_notify`` calls from one
connection to another gives the floor: raw NOTIFY latency in the same run.

Then a sweep of rising rates (shorter runs) finds the highest write rate that still holds
the targets: p50 <= 10 ms and p99 <= 50 ms, every change in every client."""

from __future__ import annotations

import argparse
import itertools
import math
import os
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import psycopg

from app.services.demo import DEMO_PASSWORD
from app.sync import SyncClient
from app.sync.errors import SyncError
from app.sync.http import Http
from bench.common import (
    BENCH_PASSWORD,
    BenchDatabase,
    CpuMeter,
    CpuUse,
    NotifyListener,
    PgUnavailable,
    ServiceProcess,
    Summary,
    admin_url,
    libpq_dsn,
    safe_url,
    seed,
)

P50_TARGET_MS = 10.0
P99_TARGET_MS = 50.0
KEEP_UP = 0.9  # a sweep step fails when the writers achieve less than this share of the rate
SWEEP_UP = (50, 100, 150, 200, 250, 300, 400, 500, 600, 800, 1000, 1200, 1500, 2000)
SWEEP_DOWN = (40, 30, 20, 10, 5)
CHANNEL = "dispatch_changes"  # app.services.journal.NOTIFY_CHANNEL
RAW_CHANNEL = "bench_raw"


def log(msg: str) -> None:
    print(msg, flush=True)


# -- the clients -------------------------------------------------------------------------


class ClientRig:
    """The sync clients, each stamping the moment a benchmark incident is in its replica."""

    def __init__(self, base_url: str, logins: list[str], replica_dir: Path | None) -> None:
        self.marker = "\0"  # description prefix of the run being measured
        self.arrivals: list[dict[int, int]] = [{} for _ in logins]
        self.clients: list[SyncClient] = []
        for i, login in enumerate(logins):
            replica = replica_dir / f"{login}.db" if replica_dir else None
            client = SyncClient(base_url, replica=replica)
            password = BENCH_PASSWORD if login.startswith("bench-") else DEMO_PASSWORD
            client.login(login, password)
            client.store.subscribe(self._listener(i))
            self.clients.append(client)

    def _listener(self, index: int) -> Callable[[object], None]:
        def on_batch(batch) -> None:  # type: ignore[no-untyped-def]
            if not batch:
                return
            t = time.perf_counter_ns()
            prefix = self.marker
            for a in batch:
                if (a.kind == "incident.created"
                        and str(a.after.get("description", "")).startswith(prefix)):
                    self.arrivals[index][a.seq] = t

        return on_batch

    def start(self, timeout: float = 30.0) -> None:
        for c in self.clients:
            c.start()
        deadline = time.monotonic() + timeout
        for c in self.clients:
            if not c.wait_live(max(0.1, deadline - time.monotonic())):
                raise RuntimeError(f"a client did not get live: {c.state} {c.state_message}")

    def begin(self, marker: str) -> None:
        self.arrivals = [{} for _ in self.clients]
        self.marker = marker

    def end(self) -> list[dict[int, int]]:
        self.marker = "\0"
        return self.arrivals

    def caught_up(self, seq: int, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        return all(c.store.wait_for(lambda s: s.seq >= seq, max(0.0, deadline - time.monotonic()))
                   for c in self.clients)

    @property
    def reconnects(self) -> int:
        return sum(c.reconnects for c in self.clients)

    def close(self) -> None:
        for c in self.clients:
            try:
                c.close()
            except Exception as e:  # shutting down anyway
                log(f"  (closing a client: {e})")


# -- the writer --------------------------------------------------------------------------


@dataclass
class WriteResult:
    planned: int
    ok: int = 0
    errors: list[str] = field(default_factory=list)
    rtt_ns: list[int] = field(default_factory=list)
    achieved: float = 0.0  # writes per second actually sent
    max_lag_ms: float = 0.0  # the latest a write started after its slot


def write_load(base_url: str, token: str, rate: float, seconds: float, writers: int,
               marker: str, addresses: list[tuple[str, str]]) -> WriteResult:
    """Open loop: write i is due at t0 + i/rate; ``writers`` threads take the next slot as
    they come free, so a slow answer delays later writes only when every thread is busy."""
    planned = max(1, round(rate * seconds))
    slots = itertools.count()
    lock = threading.Lock()
    result = WriteResult(planned)
    starts: list[float] = []
    lags: list[float] = []
    t0 = time.perf_counter() + 0.05

    def work() -> None:
        http = Http(base_url)
        http.token = token
        try:
            while True:
                i = next(slots)
                if i >= planned:
                    return
                due = t0 + i / rate
                delay = due - time.perf_counter()
                if delay > 0:
                    time.sleep(delay)
                street, house = addresses[i % len(addresses)]
                body = {"source": "phone", "address": {"street": street, "house": house},
                        "description": f"{marker}{i} benchmark write",
                        "mutation_id": str(uuid.uuid4())}
                start = time.perf_counter()
                t_send = time.perf_counter_ns()
                try:
                    http.request("POST", "/incidents", json=body)
                except SyncError as e:
                    with lock:
                        result.errors.append(str(e))
                    continue
                rtt = time.perf_counter_ns() - t_send
                with lock:
                    result.ok += 1
                    result.rtt_ns.append(rtt)
                    starts.append(start)
                    lags.append(start - due)
        finally:
            http.close()

    threads = [threading.Thread(target=work, name=f"writer-{k}", daemon=True)
               for k in range(writers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if starts:
        span = max(starts) - t0 + 1 / rate
        result.achieved = len(starts) / span
        result.max_lag_ms = max(lags) * 1000
    return result


def auto_writers(rate: float) -> int:
    """Enough threads that answers of ~100 ms still keep the pace."""
    return max(4, min(64, math.ceil(rate / 10)))


class RawNotifyProbe:
    """Bare ``pg_notify`` at a steady rate from one autocommit connection, received by a
    LISTEN on another; both in this process, stamped with ``perf_counter_ns``."""

    def __init__(self, dsn: str, channel: str, rate: float, seconds: float) -> None:
        self.dsn = dsn
        self.channel = channel
        self.rate = rate
        self.planned = max(1, round(rate * seconds))
        self.listener = NotifyListener(dsn, channel)
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._send, name="raw-notify", daemon=True)

    def start(self) -> RawNotifyProbe:
        self.listener.start_listening()
        self.thread.start()
        return self

    def _send(self) -> None:
        try:
            with psycopg.connect(self.dsn, autocommit=True) as conn:
                t0 = time.perf_counter() + 0.05
                for i in range(self.planned):
                    delay = t0 + i / self.rate - time.perf_counter()
                    if delay > 0:
                        time.sleep(delay)
                    conn.execute("SELECT pg_notify(%s, %s)",
                                 (self.channel, str(time.perf_counter_ns())))
        except BaseException as e:  # reported by finish()
            self.error = e

    def finish(self) -> Summary:
        self.thread.join()
        deadline = time.monotonic() + 5
        while len(self.listener.stamps) < self.planned and time.monotonic() < deadline:
            time.sleep(0.01)
        self.listener.stop()
        if self.error is not None:
            raise RuntimeError(f"the raw NOTIFY probe failed: {self.error}")
        return Summary.of_ns(t - int(sent) for sent, t in self.listener.stamps.items())


# -- one measured run --------------------------------------------------------------------


@dataclass
class RunResult:
    rate: float
    seconds: float
    writers: int
    write: WriteResult
    to_all: Summary
    to_first: Summary
    rtt: Summary
    delivered: int  # writes every client has
    partial: int  # writes some client never got (within the wait)
    unseen: int  # writes no client got
    no_commit_stamp: int  # client arrivals whose NOTIFY the raw listener never saw
    reconnects: int
    cpu: CpuUse
    raw_during: Summary | None = None

    @property
    def latency_ok(self) -> bool:
        return (self.to_all.count > 0 and self.to_all.p50 <= P50_TARGET_MS
                and self.to_all.p99 <= P99_TARGET_MS)

    @property
    def complete(self) -> bool:
        return (not self.write.errors and self.partial == 0 and self.unseen == 0
                and self.no_commit_stamp == 0)

    @property
    def kept_up(self) -> bool:
        return self.write.achieved >= KEEP_UP * self.rate

    @property
    def passed(self) -> bool:
        return self.latency_ok and self.complete

    def why_failed(self) -> str:
        reasons = []
        if self.to_all.count and self.to_all.p50 > P50_TARGET_MS:
            reasons.append(f"p50 {self.to_all.p50:.1f} ms > {P50_TARGET_MS:g}")
        if self.to_all.count and self.to_all.p99 > P99_TARGET_MS:
            reasons.append(f"p99 {self.to_all.p99:.1f} ms > {P99_TARGET_MS:g}")
        if self.write.errors:
            reasons.append(f"{len(self.write.errors)} write errors")
        if self.partial or self.unseen:
            reasons.append(f"{self.partial + self.unseen} changes missing in some client")
        if self.no_commit_stamp:
            reasons.append(f"{self.no_commit_stamp} commits not seen by LISTEN")
        if not self.kept_up:
            reasons.append(f"writers achieved {self.write.achieved:.0f}/s")
        return "; ".join(reasons) or "-"


class Bench:
    def __init__(self, service: ServiceProcess, rig: ClientRig, db_dsn: str, token: str,
                 addresses: list[tuple[str, str]]) -> None:
        self.service = service
        self.rig = rig
        self.db_dsn = db_dsn
        self.token = token
        self.addresses = addresses
        self.notify = NotifyListener(db_dsn, CHANNEL).start_listening()
        self.cpu = CpuMeter(service.pid)
        self.runs = 0
        self.probes = 0

    def head(self) -> int:
        with psycopg.connect(self.db_dsn, autocommit=True) as conn:
            row = conn.execute("SELECT seq FROM log_head WHERE id = 1").fetchone()
        assert row is not None
        return int(row[0])

    def settle(self, timeout: float = 30.0) -> None:
        if not self.rig.caught_up(self.head(), timeout):
            raise RuntimeError("the clients did not catch up with the journal between runs")

    def run(self, rate: float, seconds: float, writers: int, *,
            probe: bool = False) -> RunResult:
        """One measured run; with ``probe``, raw NOTIFY at the same rate alongside."""
        self.runs += 1
        marker = f"bench-run-{self.runs}:"
        self.settle()
        reconnects = self.rig.reconnects
        raw = self.raw_probe(rate, seconds).start() if probe else None
        self.rig.begin(marker)
        self.cpu.restart()
        write = write_load(self.service.url, self.token, rate, seconds, writers, marker,
                           self.addresses)
        cpu = self.cpu.read()
        raw_during = raw.finish() if raw is not None else None
        # Everything the writers committed must reach every client.
        self.rig.caught_up(self.head(), timeout=15.0)
        time.sleep(0.05)
        arrivals = self.rig.end()
        stamps = self.notify.stamps
        n = len(arrivals)
        seqs = set().union(*arrivals)
        to_all, to_first = [], []
        partial = no_stamp = 0
        for seq in seqs:
            times = [a[seq] for a in arrivals if seq in a]
            committed = stamps.get(str(seq))
            if committed is None:
                no_stamp += 1
                continue
            to_first.append(min(times) - committed)
            if len(times) < n:
                partial += 1
                continue
            to_all.append(max(times) - committed)
        return RunResult(
            rate=rate, seconds=seconds, writers=writers, write=write,
            to_all=Summary.of_ns(to_all), to_first=Summary.of_ns(to_first),
            rtt=Summary.of_ns(write.rtt_ns), delivered=len(to_all), partial=partial,
            unseen=max(0, write.ok - len(seqs)), no_commit_stamp=no_stamp,
            reconnects=self.rig.reconnects - reconnects, cpu=cpu, raw_during=raw_during,
        )

    def raw_probe(self, rate: float, seconds: float) -> RawNotifyProbe:
        self.probes += 1
        return RawNotifyProbe(self.db_dsn, f"{RAW_CHANNEL}_{self.probes}", rate, seconds)

    def close(self) -> None:
        self.notify.stop()


# -- the report --------------------------------------------------------------------------

HEAD = f"{'':34}{'count':>7}{'p50':>9}{'p95':>9}{'p99':>9}{'max':>9}   (ms)"


def row(label: str, s: Summary) -> str:
    return (f"{label:34}{s.count:>7}{s.p50:>9.2f}{s.p95:>9.2f}{s.p99:>9.2f}{s.max:>9.2f}")


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def report_main(r: RunResult, raw_idle: Summary, clients: int) -> None:
    log("")
    log(f"Main run: {r.rate:g} incident writes/s for {r.seconds:g} s, {r.writers} writer "
        f"threads, {clients} clients")
    log(HEAD)
    log(row("raw NOTIFY, idle (run before)", raw_idle))
    if r.raw_during is not None:
        log(row("raw NOTIFY, during this run", r.raw_during))
    log(row(f"commit -> all {clients} clients", r.to_all))
    log(row("commit -> first client", r.to_first))
    log(row("HTTP write round trip", r.rtt))
    log(f"writes: {r.write.ok} ok of {r.write.planned} planned, {len(r.write.errors)} errors, "
        f"achieved {r.write.achieved:.1f}/s (latest start {r.write.max_lag_ms:.0f} ms after "
        f"its slot)")
    log(f"delivery: {r.delivered} in all clients, {r.partial} in only some, {r.unseen} in none;"
        f" {r.reconnects} stream reconnects; {r.no_commit_stamp} without a commit stamp")
    per_write = 10 / max(r.write.achieved, 1e-9)  # % of a core -> ms of CPU per write
    log(f"CPU, % of one core (ms per write): service {r.cpu.service:.0f} "
        f"({r.cpu.service * per_write:.1f}), bench process = {clients} clients + writers "
        f"{r.cpu.bench:.0f} ({r.cpu.bench * per_write:.1f}), PostgreSQL {r.cpu.postgres:.0f} "
        f"({r.cpu.postgres * per_write:.1f}); {os.cpu_count()} CPUs in all")
    log(f"targets p50 <= {P50_TARGET_MS:g} ms, p99 <= {P99_TARGET_MS:g} ms, every change in "
        f"every client: {verdict(r.passed)}"
        + ("" if r.passed else f" ({r.why_failed()})"))
    for e in r.write.errors[:3]:
        log(f"  write error: {e}")


SWEEP_HEAD = (f"{'rate/s':>7}{'achieved':>9}{'count':>7}{'p50':>8}{'p95':>8}{'p99':>8}"
              f"{'max':>8}{'http p50':>9}{'http p99':>9}{'svc%':>6}{'bench%':>7}{'pg%':>5}"
              f"  result")


def sweep_row(r: RunResult) -> str:
    s = r.to_all
    ok = r.passed and r.kept_up
    return (f"{r.rate:>7g}{r.write.achieved:>9.1f}{s.count:>7}{s.p50:>8.2f}{s.p95:>8.2f}"
            f"{s.p99:>8.2f}{s.max:>8.2f}{r.rtt.p50:>9.2f}{r.rtt.p99:>9.2f}"
            f"{r.cpu.service:>6.0f}{r.cpu.bench:>7.0f}{r.cpu.postgres:>5.0f}  "
            + ("PASS" if ok else f"FAIL: {r.why_failed()}"))


def sweep(bench: Bench, seconds: float, budget: float, writers: int) -> None:
    """Step the rate up until a step fails; if the very first fails, step down instead."""
    log("")
    log(f"Sweep: {seconds:g} s per rate, up from {SWEEP_UP[0]}/s until a rate misses a target "
        f"or the writers fall below {KEEP_UP:.0%} of it (down from {SWEEP_DOWN[0]}/s if "
        f"{SWEEP_UP[0]}/s fails)")
    log(f"latency = commit -> all {len(bench.rig.clients)} clients, ms; "
        "CPU in % of one core")
    log(SWEEP_HEAD)
    began = time.monotonic()
    best: float | None = None
    stopped = "every rate of the sweep passed"

    def step(rate: float) -> bool | None:
        """True: passed; False: failed; None: out of the time budget, not run."""
        if time.monotonic() - began > budget:
            return None
        r = bench.run(rate, seconds, writers or auto_writers(rate))
        log(sweep_row(r))
        time.sleep(1.0)
        return r.passed and r.kept_up

    for rate in SWEEP_UP:
        ok = step(rate)
        if ok is None:
            stopped = f"out of the {budget:g} s sweep budget"
            break
        if not ok:
            stopped = f"{rate:g}/s failed"
            break
        best = rate
    if best is None and stopped.endswith("failed"):
        stopped = f"{SWEEP_UP[0]}/s failed and so did every lower rate tried"
        for rate in SWEEP_DOWN:
            ok = step(rate)
            if ok is None:
                stopped = f"{SWEEP_UP[0]}/s failed; out of the {budget:g} s budget stepping down"
                break
            if ok:
                best = rate
                stopped = f"stepping down from {SWEEP_UP[0]}/s, which failed"
                break
    log(f"Highest sustained rate meeting p50 <= {P50_TARGET_MS:g} ms and p99 <= "
        f"{P99_TARGET_MS:g} ms: " + (f"{best:g} writes/s" if best else "none")
        + f" ({stopped})")


# -- main --------------------------------------------------------------------------------


def parse(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m bench.sync_latency", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--clients", type=int, default=20, help="live sync clients (default 20)")
    p.add_argument("--rate", type=float, default=50.0, help="writes/s of the main run (50)")
    p.add_argument("--seconds", type=float, default=20.0, help="main run length (20)")
    p.add_argument("--writers", type=int, default=0,
                   help="writer threads (default: rate/10, at least 4)")
    p.add_argument("--no-sweep", action="store_true", help="skip the search for the highest rate")
    p.add_argument("--sweep-seconds", type=float, default=8.0, help="length of each sweep step (8)")
    p.add_argument("--sweep-budget", type=float, default=150.0,
                   help="start no new sweep step after this many seconds of sweeping (150)")
    p.add_argument("--file-replicas", action="store_true",
                   help="give each client a SQLite file replica (as a console resuming after "
                        "a crash) instead of an in-memory one")
    a = p.parse_args(argv)
    if a.clients < 1 or a.rate <= 0 or a.seconds <= 0 or a.sweep_seconds <= 0:
        p.error("--clients, --rate, --seconds and --sweep-seconds must be positive")
    return a


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    began = time.monotonic()
    db = BenchDatabase(admin_url())
    try:
        db.create()
    except PgUnavailable as e:
        print(f"PostgreSQL at {safe_url(db.admin_url)} is not reachable: {e}\n"
              "Start it, or point DISPATCH_BENCH_DATABASE_URL (or DISPATCH_TEST_DATABASE_URL) "
              "at a server where this user may create databases.", file=sys.stderr)
        return 2
    service: ServiceProcess | None = None
    rig: ClientRig | None = None
    bench: Bench | None = None
    replica_tmp = tempfile.TemporaryDirectory(prefix="dispatch-bench-") if args.file_replicas \
        else None
    try:
        log(f"PostgreSQL {db.server_version} at {safe_url(db.admin_url)}; fresh database "
            f"{db.name} (dropped at the end)")
        seeded = seed(db.url, args.clients)
        service = ServiceProcess(db.url).start()
        log(f"service: `dispatch-server run` in its own process (pid {service.pid}) at "
            f"{service.url}; {os.cpu_count()} CPUs")
        rig = ClientRig(service.url, seeded.client_logins,
                        Path(replica_tmp.name) if replica_tmp else None)
        rig.start()
        log(f"{args.clients} sync clients live ({'file' if replica_tmp else 'in-memory'} "
            f"replicas), all in this process")
        writer = SyncClient(service.url)
        token = writer.login(seeded.writer_login, BENCH_PASSWORD)["token"]
        bench = Bench(service, rig, libpq_dsn(db.url), token, seeded.addresses)

        writers = args.writers or auto_writers(args.rate)
        bench.run(args.rate, 2.0, writers)  # warm-up: connections, caches; not reported
        log(f"raw NOTIFY baseline: {args.rate:g}/s for {args.seconds:g} s ...")
        raw_idle = bench.raw_probe(args.rate, args.seconds).start().finish()
        log(f"main run: {args.rate:g}/s for {args.seconds:g} s ...")
        main_run = bench.run(args.rate, args.seconds, writers, probe=True)
        report_main(main_run, raw_idle, args.clients)
        ok = main_run.passed

        if not args.no_sweep:
            sweep(bench, args.sweep_seconds, args.sweep_budget, args.writers)
        log(f"\ntotal time {time.monotonic() - began:.0f} s")
        return 0 if ok else 1
    except Exception as e:
        log(f"benchmark failed: {type(e).__name__}: {e}")
        if service is not None and service.proc is not None:
            log(f"service log (tail):\n{service.log_tail()}")
        return 3
    finally:
        if bench is not None:
            bench.close()
        if rig is not None:
            rig.close()
        if service is not None:
            service.stop()
        db.drop()
        if replica_tmp is not None:
            replica_tmp.cleanup()


if __name__ == "__main__":
    raise SystemExit(main())
