"""No reader of the change log ever skips a change that committed late."""

from __future__ import annotations

import random
import threading
import time

import pytest

from app.models.db import Database
from app.services.context import SYSTEM, ServiceContext
from app.services.feed import changes_after
from app.services.journal import Journal


def _begin_change(db: Database, marker: str):
    """Open a transaction that writes one journal row; returns (session, tx, seq)."""
    session = db._write()
    tx = session.begin()
    journal = Journal(session, SYSTEM, db_now())
    journal.record("test.marker", "incident", 0, {"marker": marker})
    seq = journal.flush()[-1]["seq"]
    return session, tx, seq


def db_now():
    from datetime import UTC, datetime

    return datetime.now(UTC)


@pytest.mark.postgres
def test_a_later_transaction_cannot_commit_its_change_before_an_earlier_one(pg_url: str) -> None:
    db = Database(pg_url)
    ctx = ServiceContext(db=db)
    start = changes_after(ctx, 0, 100000)[-1].seq if changes_after(ctx, 0, 100000) else 0

    session_a, tx_a, seq_a = _begin_change(db, "A")  # A holds its number, not yet committed
    b_done = threading.Event()
    b_seq: list[int] = []

    def run_b() -> None:
        session_b, tx_b, seq_b = _begin_change(db, "B")  # waits for A's number to commit
        tx_b.commit()
        session_b.close()
        b_seq.append(seq_b)
        b_done.set()

    thread = threading.Thread(target=run_b)
    thread.start()
    # B tries to finish first; it must not get ahead of A.
    assert not b_done.wait(0.7), "B committed while A, holding an earlier number, was open"
    assert [c.after["marker"] for c in changes_after(ctx, start)] == []

    tx_a.commit()
    session_a.close()
    assert b_done.wait(10)
    thread.join()
    seen = changes_after(ctx, start)
    assert [c.after["marker"] for c in seen] == ["A", "B"]
    assert [c.seq for c in seen] == [seq_a, seq_a + 1] == [seq_a, b_seq[0]]
    db.dispose()


def _tail_while_writing(url: str, writers: int, per_writer: int) -> tuple[list[int], list[int]]:
    """Writers commit changes with random pauses between taking a number and committing;
    a reader tails the log by 'everything after the last number I saw'."""
    db = Database(url)
    ctx = ServiceContext(db=db)
    base = max((c.seq for c in changes_after(ctx, 0, 100000)), default=0)
    committed: list[int] = []
    lock = threading.Lock()
    done = threading.Event()

    def write(k: int) -> None:
        rnd = random.Random(k)
        for i in range(per_writer):
            session, tx, seq = _begin_change(db, f"{k}-{i}")
            time.sleep(rnd.uniform(0, 0.01))
            tx.commit()
            session.close()
            with lock:
                committed.append(seq)

    seen: list[int] = []

    def tail() -> None:
        last = base
        while True:
            finished = done.is_set()
            for change in changes_after(ctx, last):
                seen.append(change.seq)
                last = change.seq
            if finished:
                return
            time.sleep(0.001)

    reader = threading.Thread(target=tail)
    reader.start()
    threads = [threading.Thread(target=write, args=(k,)) for k in range(writers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    done.set()
    reader.join()
    db.dispose()
    return sorted(committed), seen


def test_a_tailing_reader_sees_every_change_exactly_once_in_order(db_url: str) -> None:
    committed, seen = _tail_while_writing(db_url, writers=4, per_writer=25)
    assert len(committed) == 100
    assert seen == committed, "the tailing reader skipped or repeated a change"
    assert seen == list(range(seen[0], seen[0] + 100)), "numbers are not contiguous"
