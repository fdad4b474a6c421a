"""Two service processes on one PostgreSQL: a change committed through either reaches the
consoles of both, in order and without gaps; NOTIFY only pokes, the journal is the truth,
and the poll delivers when no poke comes. A claim raced through both has one winner."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import ExitStack
from typing import Any

import pytest
from sqlalchemy import text

from app.services.demo import DEMO_PASSWORD
from app.sync import SyncClient
from tests.server.helpers import ServedProcess, engine_for, login, server_process

pytestmark = pytest.mark.postgres

FAST = {"DISPATCH_SWEEP_SECONDS": "0.5", "DISPATCH_PRESENCE_SECONDS": "0.5",
        "DISPATCH_HEARTBEAT_SECONDS": "1"}


@pytest.fixture
def two(pg_url: str, request: pytest.FixtureRequest) -> Iterator[list[ServedProcess]]:
    env = {**FAST, **getattr(request, "param", {})}
    with ExitStack() as stack:
        yield [stack.enter_context(server_process(pg_url, env)) for _ in range(2)]


class Console:
    """A console's sync client on one process, keeping every change number it applies."""

    def __init__(self, url: str, login_name: str) -> None:
        self.client = SyncClient(url)
        self.client.login(login_name, DEMO_PASSWORD)
        self.applied: list[int] = []
        self.snapshots = 0
        self.client.store.subscribe(self._seen)
        self.client.start()
        assert self.client.wait_live(15), self.client.state_message
        self.snapshots = 0  # the first one, to start from

    def _seen(self, batch: Any) -> None:
        if batch is None:
            self.snapshots += 1
        else:
            self.applied.extend(a.seq for a in batch)

    def reaches(self, seq: int, timeout: float = 10) -> bool:
        return self.client.store.wait_for(lambda s: s.seq >= seq, timeout)

    def descriptions(self) -> set[str]:
        return {i["description"] for i in self.client.store.incidents()}


@pytest.fixture
def consoles() -> Iterator[list[Console]]:
    made: list[Console] = []
    yield made
    for c in made:
        c.client.close()


def listening_sessions(pg_url: str) -> int:
    with engine_for(pg_url) as engine, engine.connect() as c:
        return int(c.execute(text(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND query ILIKE 'LISTEN%'")).scalar_one())


def exchange(two: list[ServedProcess], consoles: list[Console]) -> None:
    """Calls registered alternately through each process; both consoles get all of them."""
    one = Console(two[0].url, "operator2")
    other = Console(two[1].url, "supervisor")
    consoles += [one, other]
    writers = [login(p.url, "operator") for p in two]
    before = writers[1].snapshot()["seq"]
    for k in range(8):
        writers[k % 2].register(description=f"через процесс {k % 2 + 1}: вызов {k}")
    head = writers[0].snapshot()["seq"]
    for c in (one, other):
        assert c.reaches(head), f"stuck at {c.client.store.seq} of {head}"
        assert c.snapshots == 0
        assert c.applied and c.applied[0] <= before + 1
        assert c.applied == list(range(c.applied[0], head + 1)), "gap, repeat or reorder"
        assert {f"через процесс {k % 2 + 1}: вызов {k}" for k in range(8)} <= c.descriptions()
    assert one.client.store.data["incident"] == other.client.store.data["incident"]


# The poll is set far beyond the test's patience: what arrives, NOTIFY brought.
@pytest.mark.parametrize("two", [{"DISPATCH_POLL_SECONDS": "60"}], indirect=True)
def test_a_change_through_either_process_reaches_the_consoles_of_both(
    two: list[ServedProcess], consoles: list[Console], pg_url: str,
) -> None:
    assert listening_sessions(pg_url) == 2
    exchange(two, consoles)


@pytest.mark.parametrize("two", [{"DISPATCH_LISTEN": "false", "DISPATCH_POLL_SECONDS": "0.3"}],
                         indirect=True)
def test_without_listen_the_poll_still_delivers_every_change_in_order(
    two: list[ServedProcess], consoles: list[Console], pg_url: str,
) -> None:
    assert listening_sessions(pg_url) == 0
    exchange(two, consoles)


def test_a_claim_raced_through_two_processes_has_exactly_one_winner(
    two: list[ServedProcess], consoles: list[Console],
) -> None:
    # Housing's operator registers untyped calls: they go to the main room, unclaimed.
    intake = login(two[0].url, "zhkh")
    anna, sergey = login(two[0].url, "operator"), login(two[1].url, "operator2")
    watchers = [Console(two[0].url, "supervisor"), Console(two[1].url, "supervisor")]
    consoles += watchers
    for round_ in range(6):
        incident = intake.register(type_code=None, description=f"гонка {round_}")["incident"]
        assert incident["room"] == "main" and incident["claim_holder_id"] is None
        gate = threading.Barrier(2)
        answers: dict[str, Any] = {}

        def claim(who: Any, name: str, incident_id: int = incident["id"],
                  gate: threading.Barrier = gate, answers: dict[str, Any] = answers) -> None:
            gate.wait()
            answers[name] = who.claim(incident_id)

        racers = [threading.Thread(target=claim, args=(anna, "anna")),
                  threading.Thread(target=claim, args=(sergey, "sergey"))]
        for t in racers:
            t.start()
        for t in racers:
            t.join()
        codes = sorted(r.status_code for r in answers.values())
        assert codes == [200, 409], {k: r.text for k, r in answers.items()}
        winner = anna if answers["anna"].status_code == 200 else sergey
        loser = "sergey" if winner is anna else "anna"
        assert winner.name in answers[loser].json()["message"]
        head = anna.snapshot()["seq"]
        for w in watchers:  # both processes' consoles show the same holder
            assert w.reaches(head)
            assert w.client.store.get("incident", incident["id"])["claim_holder_id"] == winner.id
