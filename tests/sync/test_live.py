"""End to end, headless: consoles' sync clients against the real service on loopback."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.server.embedded import ServiceThread
from app.services.demo import DEMO_PASSWORD
from app.sync import ApiError, SyncClient

ADDRESS = {"street": "проспект Строителей", "house": "5"}


@pytest.fixture
def clients(service: ServiceThread) -> Iterator[list[SyncClient]]:
    made: list[SyncClient] = []

    def make(login: str, replica: Path | None = None) -> SyncClient:
        client = SyncClient(service.url, replica=replica)
        client.login(login, DEMO_PASSWORD)
        client.start()
        assert client.wait_live(10), f"{login} did not get live: {client.state_message}"
        made.append(client)
        return client

    yield make
    for c in made:
        c.close()


def _register(client: SyncClient, text: str) -> dict:
    return client.register(source="phone", type_code="fire_residential", address=ADDRESS,
                           description=text)["incident"]


def _same_state(a: SyncClient, b: SyncClient) -> bool:
    return a.store.seq == b.store.seq and a.store.data["incident"] == b.store.data["incident"]


def test_two_operators_see_each_others_new_incident_live(clients) -> None:
    anna, sergey = clients("operator"), clients("operator2")
    incident = _register(anna, "Дым из окна третьего этажа")
    assert sergey.store.wait_for(lambda s: s.get("incident", incident["id"]) is not None, 5)
    seen = sergey.store.get("incident", incident["id"])
    assert seen["description"] == "Дым из окна третьего этажа"
    assert seen["claim_holder_name"] == "Иванова Анна"
    # Both replicas end identical, change for change.
    assert anna.store.wait_for(lambda _s: _same_state(anna, sergey), 5)


def test_a_claim_is_refused_to_the_other_operator_with_the_holders_name(clients) -> None:
    anna, sergey = clients("operator"), clients("operator2")
    incident = _register(anna, "Запах гари в подъезде")
    with pytest.raises(ApiError) as refused:
        sergey.claim(incident["id"])
    assert refused.value.status == 409
    assert "Иванова Анна" in refused.value.message
    # The holder is also what the other console shows, and in the presence list.
    assert sergey.store.wait_for(
        lambda _s: any(incident["id"] in u["holds"] for u in sergey.presence
                       if u["name"] == "Иванова Анна"), 5)


def test_a_dropped_stream_resumes_without_gap_or_repeat(clients) -> None:
    writer, watcher = clients("operator"), clients("operator2")
    applied: list[int] = []
    snapshots: list[int] = []
    watcher.store.subscribe(lambda batch: snapshots.append(1) if batch is None
                            else applied.extend(c.seq for c in batch))
    stop = threading.Event()

    def cut_repeatedly() -> None:
        while not stop.wait(0.15):
            watcher.drop_connection()

    cutter = threading.Thread(target=cut_repeatedly)
    cutter.start()
    try:
        for i in range(30):
            _register(writer, f"вызов {i}")
            time.sleep(0.02)
    finally:
        stop.set()
        cutter.join()
    assert watcher.store.wait_for(lambda _s: _same_state(writer, watcher), 10)
    assert watcher.reconnects >= 3, "the test did not actually cut the stream"
    assert not snapshots, "a resume must not fall back to a snapshot"
    assert applied == list(range(applied[0], applied[0] + len(applied)))
    assert len(applied) >= 30


def _start_client(url: str, replica: Path, login: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.sync.client_proc", url, str(replica), login,
         DEMO_PASSWORD],
        stdout=subprocess.PIPE, text=True, cwd=Path(__file__).parents[2],
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


def _read_until(proc: subprocess.Popen[str], lines: list[str], pred, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    reader_done = threading.Event()

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.append(line.strip())
            if pred(lines):
                break
        reader_done.set()

    threading.Thread(target=read, daemon=True).start()
    assert reader_done.wait(max(0.0, deadline - time.monotonic())), f"timed out; got {lines[-5:]}"


def test_a_client_killed_and_restarted_resumes_from_its_replica_without_gap(
    service: ServiceThread, clients, tmp_path: Path,
) -> None:
    writer = clients("operator")
    replica = tmp_path / "console-replica.db"
    first = _start_client(service.url, replica, "operator2")
    lines: list[str] = []
    try:
        _read_until(first, lines, lambda ls: any(x.startswith("snapshot") for x in ls), 20)
        for i in range(10):
            _register(writer, f"до сбоя {i}")
        _read_until(first, lines, lambda ls: sum(x.startswith("seq") for x in ls) >= 10, 20)
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(10)
    applied_before = [int(x.split()[1]) for x in lines if x.startswith("seq")]

    for i in range(10):  # the console is dead while the room goes on working
        _register(writer, f"пока клиент лежит {i}")
    head = writer.store.seq

    second = _start_client(service.url, replica, "operator2")
    lines2: list[str] = []
    try:
        _read_until(second, lines2, lambda ls: any(x == f"seq {head}" for x in ls), 20)
    finally:
        second.send_signal(signal.SIGKILL)
        second.wait(10)
    resumed_from = int(lines2[0].split()[1])
    applied_after = [int(x.split()[1]) for x in lines2 if x.startswith("seq")]

    assert not any(x.startswith("snapshot") for x in lines2), "restart fell back to a snapshot"
    # It resumed from what it had made durable, which is at most what it had printed.
    assert resumed_from <= applied_before[-1]
    assert applied_after == list(range(resumed_from + 1, head + 1)), "gap or repeat on resume"
