"""Shared fixtures: fresh databases (SQLite always, PostgreSQL when configured) seeded with
the demo's reference data, and the real service on a loopback port."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from app.models.db import migrate, normalize_url
from app.server.app import create_app, make_context
from app.server.embedded import ServiceThread
from app.server.settings import ServerSettings
from app.services.demo import seed_reference

PG_ENV = "DISPATCH_TEST_DATABASE_URL"
PG_URL = os.environ.get(PG_ENV)
NO_PG = f"PostgreSQL tests need {PG_ENV} (e.g. postgresql://postgres@127.0.0.1:5432/test)"


def pytest_report_header(config) -> str:  # type: ignore[no-untyped-def]
    return f"PostgreSQL: {PG_URL}" if PG_URL else f"PostgreSQL: skipped ({NO_PG})"


def _pg_admin():  # type: ignore[no-untyped-def]
    return create_engine(normalize_url(PG_URL or ""), isolation_level="AUTOCOMMIT")


def _pg_url(name: str) -> str:
    return make_url(normalize_url(PG_URL or "")).set(database=name).render_as_string(
        hide_password=False)


def _seed(url: str) -> None:
    migrate(url)
    ctx = make_context(ServerSettings(database_url=url))
    try:
        seed_reference(ctx)
    finally:
        ctx.db.dispose()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.db"
    _seed(f"sqlite:///{path}")
    return path


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str]:
    if not PG_URL:
        pytest.skip(NO_PG)
    name = f"dispatch_tmpl_{uuid.uuid4().hex[:10]}"
    admin = _pg_admin()
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    _seed(_pg_url(name))
    yield name
    with admin.connect() as c:
        c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def fresh_database(kind: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if kind == "sqlite":
        path = tmp_path / "dispatch.db"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        yield f"sqlite:///{path}"
        return
    template = request.getfixturevalue("pg_template")
    name = f"dispatch_t_{uuid.uuid4().hex[:10]}"
    admin = _pg_admin()
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    yield _pg_url(name)
    with admin.connect() as c:
        c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from fresh_database(request.param, request, tmp_path)


@pytest.fixture
def pg_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from fresh_database("postgres", request, tmp_path)


def fast_settings(url: str, **overrides: object) -> ServerSettings:
    values: dict[str, object] = dict(
        database_url=url, sweep_seconds=0.2, heartbeat_seconds=0.5, presence_seconds=0.2,
        poll_seconds=0.5, renew_seconds=0.5,
    )
    values.update(overrides)
    return ServerSettings(**values)


@pytest.fixture
def service(db_url: str) -> Iterator[ServiceThread]:
    svc = ServiceThread(create_app(fast_settings(db_url))).start()
    yield svc
    svc.stop()
