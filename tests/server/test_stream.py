"""The live stream: who may connect, the hello, resuming from a number, resync, presence."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

import websocket

from app.server.embedded import ServiceThread
from tests.server.helpers import Client, login, mid

Message = dict[str, Any]


def connect(service: ServiceThread, client: Client | None, **query: Any) -> websocket.WebSocket:
    url = service.url.replace("http", "ws", 1) + "/api/v1/stream"
    if query:
        url += "?" + "&".join(f"{k}={v}" for k, v in query.items())
    header = [f"Authorization: Bearer {client.token}"] if client else []
    return websocket.create_connection(url, header=header, timeout=5)


def next_message(ws: websocket.WebSocket, want: Callable[[Message], bool],
                 timeout: float = 5.0) -> Message:
    """The next message ``want`` accepts; clock beats and the like in between are skipped."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ws.settimeout(max(deadline - time.monotonic(), 0.01))
        msg = json.loads(ws.recv())
        if want(msg):
            return msg
    raise AssertionError("no such message in time")


def changes(ws: websocket.WebSocket, n: int) -> list[Message]:
    return [next_message(ws, lambda m: m["type"] == "change") for _ in range(n)]


def close_code(ws: websocket.WebSocket, timeout: float = 5.0) -> int:
    """Read until the service closes the stream; the close code it gave."""
    ws.settimeout(timeout)
    while True:
        opcode, data = ws.recv_data(control_frame=True)
        if opcode == websocket.ABNF.OPCODE_CLOSE:
            return int.from_bytes(data[:2], "big")


def add_note(client: Client, incident_id: int, text: str) -> None:
    r = client.post(f"/incidents/{incident_id}/notes", {"mutation_id": mid(), "text": text})
    assert r.status_code == 201, r.text


def test_without_a_valid_token_the_stream_is_closed_with_4401(service: ServiceThread) -> None:
    for query in ({}, {"token": "made-up-token"}):
        ws = connect(service, None, **query)
        try:
            assert close_code(ws) == 4401
        finally:
            ws.close()


def test_resuming_from_a_number_delivers_exactly_the_missed_changes_then_live(
    service: ServiceThread,
) -> None:
    op = login(service.url, "operator")
    inc = op.register()["incident"]
    for k in range(6):
        add_note(op, inc["id"], f"заметка {k}")
    snap = op.snapshot()
    head, epoch = snap["seq"], snap["epoch"]
    since = head - 5
    journal = op.changes(since)
    ws = connect(service, op, since=since, epoch=epoch)
    try:
        hello = json.loads(ws.recv())
        assert hello["type"] == "hello"
        assert (hello["epoch"], hello["head"], hello["resync"]) == (epoch, head, False)
        assert hello["server_time"]
        missed = changes(ws, 5)
        assert [c["seq"] for c in missed] == list(range(since + 1, head + 1))
        assert missed == journal
        assert [c["after"]["text"] for c in missed] == [f"заметка {k}" for k in range(1, 6)]
        add_note(op, inc["id"], "после подключения")
        live = changes(ws, 1)[0]
        assert live["seq"] == head + 1
        assert (live["kind"], live["after"]["text"]) == ("note.added", "после подключения")
    finally:
        ws.close()


def test_a_history_from_another_epoch_is_told_to_resync(service: ServiceThread) -> None:
    op = login(service.url, "operator")
    op.register()
    snap = op.snapshot()
    for query in ({"since": snap["seq"], "epoch": "some-other-history"},
                  {"since": snap["seq"] + 50, "epoch": snap["epoch"]},  # ahead of the service
                  {}):
        ws = connect(service, op, **query)
        try:
            hello = json.loads(ws.recv())
            assert hello["type"] == "hello" and hello["resync"] is True, hello
            assert (hello["epoch"], hello["head"]) == (snap["epoch"], snap["seq"])
            assert close_code(ws) == 4409
        finally:
            ws.close()


def test_presence_lists_who_is_connected_and_what_they_hold(service: ServiceThread) -> None:
    op, boss = login(service.url, "operator"), login(service.url, "supervisor")
    inc = op.register()["incident"]  # the operator holds it
    snap = op.snapshot()
    at = {"since": snap["seq"], "epoch": snap["epoch"]}
    mine = connect(service, op, **at)
    try:
        first = next_message(mine, lambda m: m["type"] == "presence")
        assert [(u["id"], u["name"], u["holds"]) for u in first["users"]] == [
            (op.id, "Иванова Анна", [inc["id"]])]
        theirs = connect(service, boss, **at)
        try:
            both = next_message(mine, lambda m: m["type"] == "presence"
                                and len(m["users"]) == 2)
            assert {u["name"] for u in both["users"]} == {"Иванова Анна", "Кузнецов Дмитрий"}
            boss_entry = next(u for u in both["users"] if u["id"] == boss.id)
            assert (boss_entry["role"], boss_entry["room"]) == ("supervisor", "main")
        finally:
            theirs.close()
        alone = next_message(mine, lambda m: m["type"] == "presence"
                             and len(m["users"]) == 1)
        assert [u["id"] for u in alone["users"]] == [op.id]
    finally:
        mine.close()
