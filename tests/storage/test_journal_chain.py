"""The journal is append-only (the database refuses edits) and hash-chained; the verify
command names the first broken link."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from app.domain.chain import GENESIS, first_broken, link_hash
from app.models.db import normalize_url
from app.server.app import make_context
from app.server.settings import ServerSettings
from app.services.demo import CrewMotion


def _write_some(url: str, steps: int = 3) -> None:
    ctx = make_context(ServerSettings(database_url=url))
    try:
        motion = CrewMotion(seed=3)
        for _ in range(steps):
            motion.step(ctx)
    finally:
        ctx.db.dispose()


def _verify(url: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "app.server.cli", "verify-journal"],
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "DISPATCH_DATABASE_URL": url})


def test_links_chain_and_a_changed_row_breaks_the_chain_from_there() -> None:
    rows, prev = [], GENESIS
    for seq in range(1, 5):
        row = {"seq": seq, "kind": "k", "after": {"n": seq}, "prev_hash": prev}
        row["hash"] = prev = link_hash(prev, row)
        rows.append(row)
    assert first_broken(rows) is None
    rows[2]["after"] = {"n": 99}
    assert first_broken(rows) == 3
    assert first_broken([rows[0], rows[1], rows[3]]) == 4  # a removed row


def test_the_database_refuses_to_change_or_delete_journal_rows(db_url: str) -> None:
    _write_some(db_url)
    engine = create_engine(normalize_url(db_url))
    try:
        for statement in ("UPDATE change_log SET kind = 'forged'",
                          "DELETE FROM change_log"):
            with pytest.raises(DBAPIError, match="append-only"), engine.begin() as c:
                c.execute(text(statement))
        with engine.connect() as c:
            assert c.execute(text("SELECT count(*) FROM change_log WHERE kind = 'forged'"))\
                .scalar() == 0
    finally:
        engine.dispose()


def test_verify_journal_passes_then_names_the_first_tampered_change(db_url: str) -> None:
    _write_some(db_url)
    done = _verify(db_url)
    assert done.returncode == 0, done.stderr
    assert "every link holds" in done.stdout
    engine = create_engine(normalize_url(db_url), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as c:
            target = c.execute(text("SELECT min(seq) + 2 FROM change_log")).scalar()
            # Someone with the database's own keys goes around the guard.
            if engine.dialect.name == "postgresql":
                c.execute(text("ALTER TABLE change_log DISABLE TRIGGER change_log_append_only"))
            else:
                c.execute(text("DROP TRIGGER change_log_no_update"))
            c.execute(text("UPDATE change_log SET actor_name = 'someone else' WHERE seq = :s"),
                      {"s": target})
    finally:
        engine.dispose()
    broken = _verify(db_url)
    assert broken.returncode == 1
    assert f"broken at change {target}" in broken.stderr
