"""Pieces shared by the benchmarks: a throw-away PostgreSQL database, the service in its own
process, a raw LISTEN connection, CPU accounting from /proc, and percentile summaries."""

from __future__ import annotations

import contextlib
import math
import os
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import psycopg
import requests
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from app.domain.enums import Role
from app.models import AddressRow
from app.models.db import migrate, normalize_url
from app.schemas.auth import UserCreate
from app.server.app import make_context
from app.server.embedded import free_port
from app.server.settings import ServerSettings
from app.services import auth
from app.services.demo import seed_reference

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PG_URL = "postgresql://postgres@127.0.0.1:5432/test"
BENCH_PASSWORD = "bench-password-1"


def admin_url() -> str:
    return (os.environ.get("DISPATCH_BENCH_DATABASE_URL")
            or os.environ.get("DISPATCH_TEST_DATABASE_URL") or DEFAULT_PG_URL)


def libpq_dsn(url: str) -> str:
    """A URL psycopg (libpq) takes as it is: no SQLAlchemy driver suffix."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def safe_url(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


# -- statistics --------------------------------------------------------------------------


def percentile(sorted_values: list[float], p: float) -> float:
    """Nearest-rank percentile of an ascending list (p in 0..100)."""
    if not sorted_values:
        return math.nan
    rank = max(1, math.ceil(p / 100 * len(sorted_values)))
    return sorted_values[min(rank, len(sorted_values)) - 1]


@dataclass(frozen=True)
class Summary:
    """Latencies in milliseconds."""

    count: int
    p50: float
    p95: float
    p99: float
    max: float

    @classmethod
    def of_ns(cls, values_ns: Iterable[int]) -> Summary:
        ms = sorted(v / 1e6 for v in values_ns)
        if not ms:
            return cls(0, math.nan, math.nan, math.nan, math.nan)
        return cls(len(ms), percentile(ms, 50), percentile(ms, 95), percentile(ms, 99), ms[-1])


# -- the database ------------------------------------------------------------------------


class PgUnavailable(RuntimeError):
    pass


class BenchDatabase:
    """A fresh database next to the one the admin URL names, dropped by ``drop``."""

    def __init__(self, url: str) -> None:
        self.admin_url = normalize_url(url)
        self.name = f"dispatch_bench_{uuid.uuid4().hex[:10]}"
        self.url = make_url(self.admin_url).set(database=self.name).render_as_string(
            hide_password=False)
        self.server_version = "?"
        self._admin = create_engine(self.admin_url, isolation_level="AUTOCOMMIT",
                                    connect_args={"connect_timeout": 5})
        self.created = False

    def create(self) -> str:
        try:
            with self._admin.connect() as c:
                self.server_version = str(c.execute(text("SHOW server_version")).scalar())
                c.execute(text(f'CREATE DATABASE "{self.name}"'))
        except OperationalError as e:
            raise PgUnavailable(str(e.orig).strip().splitlines()[0]) from e
        self.created = True
        return self.url

    def drop(self) -> None:
        if self.created:
            with self._admin.connect() as c:
                c.execute(text(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)'))
            self.created = False
        self._admin.dispose()


@dataclass(frozen=True)
class Seeded:
    client_logins: list[str]
    writer_login: str
    addresses: list[tuple[str, str]]


def seed(url: str, clients: int) -> Seeded:
    """Schema, the demo's reference data, and the users the benchmark signs in as.

    The clients are the demo's desk users first, then extra operators of the main room. The
    writer is an operator of the housing room registering untyped incidents, which route to
    the main room: so the writer never holds a claim, and no lease expiry (a burst of
    journal rows from the service's sweep) lands in the middle of a measurement."""
    migrate(url)
    ctx = make_context(ServerSettings(database_url=url))
    try:
        seed_reference(ctx)
        logins = ["operator", "operator2", "zhkh", "supervisor", "wall"][:clients]
        for i in range(len(logins), clients):
            login = f"bench-op{i + 1:02d}"
            auth.create_user(ctx, UserCreate(login=login, name=f"Bench operator {i + 1}",
                                             role=Role.OPERATOR, room="main",
                                             password=BENCH_PASSWORD))
            logins.append(login)
        auth.create_user(ctx, UserCreate(login="bench-writer", name="Bench writer",
                                         role=Role.OPERATOR, room="zhkh",
                                         password=BENCH_PASSWORD))
        with ctx.db.read() as s:
            addresses = [(a.street, a.house) for a in
                         s.scalars(select(AddressRow).order_by(AddressRow.id).limit(500))]
    finally:
        ctx.db.dispose()
    if not addresses:
        raise RuntimeError("the gazetteer is empty after seeding")
    return Seeded(logins, "bench-writer", addresses)


# -- the service in its own process ------------------------------------------------------


class ServiceProcess:
    """`dispatch-server run` in a child process: its own interpreter, its own GIL."""

    def __init__(self, db_url: str, host: str = "127.0.0.1") -> None:
        self.db_url = db_url
        self.host = host
        self.port = free_port(host)
        self.proc: subprocess.Popen[bytes] | None = None
        fd, name = tempfile.mkstemp(prefix="dispatch-bench-service-", suffix=".log")
        self.log_path = Path(name)
        self._log = os.fdopen(fd, "wb")

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def start(self, timeout: float = 60.0) -> ServiceProcess:
        env = dict(os.environ, DISPATCH_DATABASE_URL=self.db_url)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "app.server.cli", "run", "--host", self.host,
             "--port", str(self.port)],
            cwd=ROOT, env=env, stdout=self._log, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + timeout
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the service exited with {self.proc.returncode} while "
                                   f"starting:\n{self.log_tail()}")
            try:
                if requests.get(f"{self.url}/api/v1/time", timeout=1).status_code == 200:
                    return self
            except requests.RequestException:
                pass
            if time.monotonic() > deadline:
                raise TimeoutError(f"the service did not answer in {timeout:.0f} s:\n"
                                   f"{self.log_tail()}")
            time.sleep(0.1)

    def log_tail(self, lines: int = 30) -> str:
        self._log.flush()
        text_ = self.log_path.read_text(errors="replace").splitlines()
        return "\n".join(text_[-lines:])

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self._log.close()
        with contextlib.suppress(OSError):
            self.log_path.unlink()


# -- a raw LISTEN connection in this process ---------------------------------------------


class NotifyListener(threading.Thread):
    """LISTENs on a channel and stamps each notification with ``perf_counter_ns`` on arrival.

    ``stamps`` maps the payload to the first arrival time; ``on_notify`` (optional) sees each
    (payload, arrival) too."""

    def __init__(self, dsn: str, channel: str) -> None:
        super().__init__(name=f"listen-{channel}", daemon=True)
        self.dsn = dsn
        self.channel = channel
        self.stamps: dict[str, int] = {}
        self.ready = threading.Event()
        self.error: BaseException | None = None
        self._stop_event = threading.Event()

    def run(self) -> None:
        try:
            with psycopg.connect(self.dsn, autocommit=True) as conn:
                conn.execute(f"LISTEN {self.channel}")
                self.ready.set()
                stamps = self.stamps
                while not self._stop_event.is_set():
                    for n in conn.notifies(timeout=0.2):
                        t = time.perf_counter_ns()
                        stamps.setdefault(n.payload, t)
        except BaseException as e:  # reported by the main thread
            self.error = e
            self.ready.set()

    def start_listening(self, timeout: float = 10.0) -> NotifyListener:
        self.start()
        if not self.ready.wait(timeout) or self.error is not None:
            raise RuntimeError(f"LISTEN {self.channel} failed: {self.error}")
        return self

    def stop(self) -> None:
        self._stop_event.set()
        self.join(5)


# -- memory and CPU use, from /proc -------------------------------------------------------


def rss() -> int:
    """This process's resident set, in bytes."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


_TICK = os.sysconf("SC_CLK_TCK")


def _ticks(pid: int) -> int:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0
    return int(fields[11]) + int(fields[12])  # utime + stime


def _postgres_ticks() -> int:
    total = 0
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            comm = Path(entry.path, "comm").read_text().strip()
        except OSError:
            continue
        if comm.startswith("postgres"):
            total += _ticks(int(entry.name))
    return total


@dataclass(frozen=True)
class CpuUse:
    """Percent of one core over the interval (200 % = both cores of a 2-core machine)."""

    service: float
    bench: float
    postgres: float


class CpuMeter:
    def __init__(self, service_pid: int) -> None:
        self.service_pid = service_pid
        self._start = self._sample()

    def _sample(self) -> tuple[float, int, int, int]:
        return (time.perf_counter(), _ticks(self.service_pid), _ticks(os.getpid()),
                _postgres_ticks())

    def restart(self) -> None:
        self._start = self._sample()

    def read(self) -> CpuUse:
        t1, s1, b1, p1 = self._sample()
        t0, s0, b0, p0 = self._start
        wall = max(t1 - t0, 1e-9)

        def pct(ticks: int) -> float:
            return 100.0 * ticks / _TICK / wall

        return CpuUse(pct(s1 - s0), pct(b1 - b0), pct(p1 - p0))
