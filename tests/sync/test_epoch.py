"""A console whose service comes back with another history: restored from a backup, or
reset to a new database. It must reload a snapshot and show the service's state, never
keep incidents that history no longer has ("phantoms") nor skip ones it gained.

Each scenario runs the real service, stopped and started again on the same port over
another database, as an administrator would after a restore; the console's client keeps
its replica file throughout."""

from __future__ import annotations

import shutil
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from app.models.db import migrate
from app.server.app import create_app, make_context
from app.server.embedded import ServiceThread, free_port
from app.server.settings import ServerSettings
from app.services.demo import DEMO_PASSWORD, seed_reference
from app.sync import SyncClient
from tests.conftest import _pg_admin, _pg_url, fast_settings
from tests.server.helpers import login


class Site:
    """The service on one fixed port, and the databases an administrator keeps beside it."""

    def __init__(self, kind: str, live: str, tmp: Path) -> None:
        self.kind, self.tmp = kind, tmp
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.svc: ServiceThread | None = None
        self.db = live
        self.made: list[str] = []

    def start(self, db: str) -> None:
        self.db = db
        self.svc = ServiceThread(create_app(fast_settings(db)), port=self.port).start()

    def stop(self) -> None:
        if self.svc is not None:
            self.svc.stop()
            self.svc = None

    def backup(self) -> str:
        """A copy of the current database, taken while the service is stopped (a dump)."""
        assert self.svc is None
        if self.kind == "sqlite":
            src = Path(self.db.removeprefix("sqlite:///"))
            dst = self.tmp / f"backup-{uuid.uuid4().hex[:6]}.db"
            shutil.copy(src, dst)
            return f"sqlite:///{dst}"
        name = f"dispatch_t_{uuid.uuid4().hex[:10]}"
        source = self.db.rsplit("/", 1)[1]
        admin = _pg_admin()
        try:
            deadline = time.monotonic() + 10
            while True:
                try:
                    with admin.connect() as c:
                        c.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{source}"'))
                    break
                except OperationalError:  # the old service's last connections closing
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.2)
        finally:
            admin.dispose()
        self.made.append(name)
        return _pg_url(name)

    def fresh(self) -> str:
        """A new, empty database, migrated and given the reference data: a reset."""
        if self.kind == "sqlite":
            url = f"sqlite:///{self.tmp / 'reset.db'}"
        else:
            name = f"dispatch_t_{uuid.uuid4().hex[:10]}"
            admin = _pg_admin()
            with admin.connect() as c:
                c.execute(text(f'CREATE DATABASE "{name}"'))
            admin.dispose()
            self.made.append(name)
            url = _pg_url(name)
        migrate(url)
        ctx = make_context(ServerSettings(database_url=url))
        try:
            seed_reference(ctx)
        finally:
            ctx.db.dispose()
        return url

    def close(self) -> None:
        self.stop()
        if self.made:
            admin = _pg_admin()
            with admin.connect() as c:
                for name in self.made:
                    c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()


@pytest.fixture
def site(db_url: str, tmp_path: Path) -> Iterator[Site]:
    s = Site("sqlite" if db_url.startswith("sqlite") else "postgres", db_url, tmp_path)
    s.start(db_url)
    yield s
    s.close()


class Console:
    """A console's sync client on a replica file, counting the snapshots it loads."""

    def __init__(self, url: str, replica: Path) -> None:
        self.client = SyncClient(url, replica=replica)
        self.client.login("operator2", DEMO_PASSWORD)
        self.snapshots = 0
        self.client.store.subscribe(self._seen)
        self.client.start()
        assert self.client.wait_live(15), self.client.state_message

    def _seen(self, batch: Any) -> None:
        if batch is None:
            self.snapshots += 1

    def descriptions(self) -> set[str]:
        return {i["description"] for i in self.client.store.incidents()}

    def close(self) -> None:
        self.client.close()


def register(url: str, *texts: str) -> int:
    """Register incidents through the service; its head afterwards."""
    writer = login(url, "operator")
    for t in texts:
        writer.register(description=t)
    return int(writer.snapshot()["seq"])


def matches_service(console: Console, url: str) -> Callable[[], bool]:
    def check() -> bool:
        snap = login(url, "operator").snapshot()
        store = console.client.store
        return (store.seq == snap["seq"] and store.epoch == snap["epoch"]
                and store.data["incident"] == {i["id"]: i for i in snap["incidents"]})
    return check


def eventually(check: Callable[[], bool], timeout: float = 15) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "the console never matched the service"
        time.sleep(0.05)


def test_a_restore_from_a_backup_makes_the_console_reload_even_past_its_number(
    site: Site, tmp_path: Path,
) -> None:
    replica = tmp_path / "console.db"
    console = Console(site.url, replica)
    register(site.url, "до резервной копии")
    eventually(matches_service(console, site.url))

    site.stop()
    backup = site.backup()
    site.start(site.db)
    head = register(site.url, "фантом 1", "фантом 2", "фантом 3")
    eventually(lambda: console.client.store.seq == head)
    assert {"фантом 1", "фантом 2", "фантом 3"} <= console.descriptions()
    console.close()  # the console is switched off ...

    # ... while the service is restored from the backup, and the room goes on working: the
    # restored journal numbers its new changes past where the console stopped, with the
    # same epoch. Only the chain's links tell the two histories apart.
    site.stop()
    site.start(backup)
    restored_head = register(site.url, *(f"после восстановления {k}" for k in range(5)))
    assert restored_head > head

    console = Console(site.url, replica)
    eventually(matches_service(console, site.url))
    assert console.snapshots == 1
    seen = console.descriptions()
    assert not seen & {"фантом 1", "фантом 2", "фантом 3"}
    assert {f"после восстановления {k}" for k in range(5)} <= seen

    # A restore while the console is connected, to a copy older than what it holds: the
    # console is ahead of the service and reloads on reconnecting.
    site.stop()
    older = site.backup()
    site.start(site.db)
    register(site.url, "фантом 4")
    eventually(lambda: "фантом 4" in console.descriptions())
    site.stop()
    site.start(older)
    eventually(matches_service(console, site.url))
    assert console.snapshots == 2
    assert "фантом 4" not in console.descriptions()
    console.close()


def test_a_reset_to_a_new_history_makes_the_console_reload(site: Site, tmp_path: Path) -> None:
    replica = tmp_path / "console.db"
    console = Console(site.url, replica)
    head = register(site.url, "старая история 1", "старая история 2")
    eventually(lambda: console.client.store.seq == head)
    old_epoch = console.client.store.epoch
    console.close()

    site.stop()
    site.start(site.fresh())
    # The new history is numbered at least as far as the console got, so it is not
    # "ahead of the service" that gives it away: the epoch does.
    texts = [f"новая история {k}" for k in range(3)]
    new_head = register(site.url, *texts)
    while new_head < head:
        more = [f"новая история {len(texts) + k}" for k in range(head - new_head)]
        texts += more
        new_head = register(site.url, *more)

    console = Console(site.url, replica)  # signs in again: the reset forgot its sessions
    eventually(matches_service(console, site.url))
    assert console.snapshots == 1
    assert console.client.store.epoch != old_epoch
    seen = console.descriptions()
    assert not seen & {"старая история 1", "старая история 2"}
    assert {f"новая история {k}" for k in range(3)} <= seen
    console.close()
