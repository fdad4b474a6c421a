"""The live stream: snapshot when needed, then every change in order, reconnecting and
resuming from the replica's number after any drop."""

from __future__ import annotations

import contextlib
import json
import logging
import threading
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any
from urllib.parse import urlencode

import websocket

from app.sync.errors import ApiError, Offline, SessionExpired
from app.sync.http import API, Http
from app.sync.store import Gap, ReplicaStore

log = logging.getLogger(__name__)

RESYNC = 4409
BATCH = 1000  # changes per backlog message
AUTH_FAILED = 4401


class StreamState:
    CONNECTING = "connecting"
    LIVE = "live"
    OFFLINE = "offline"
    SIGNED_OUT = "signed_out"
    STOPPED = "stopped"


class StreamWorker(threading.Thread):
    """Runs until ``stop``. Reports its state, presence and the service clock by callbacks
    (on this thread); the replica itself announces the changes."""

    def __init__(self, http: Http, store: ReplicaStore, *,
                 on_state: Callable[[str, str], None] | None = None,
                 on_presence: Callable[[list[dict[str, Any]]], None] | None = None,
                 on_clock: Callable[[datetime, float], None] | None = None,
                 max_backoff: float = 5.0) -> None:
        super().__init__(name="dispatch-stream", daemon=True)
        self.http = http
        self.store = store
        self.on_state = on_state or (lambda _s, _m: None)
        self.on_presence = on_presence or (lambda _u: None)
        self.on_clock = on_clock or (lambda _t, _o: None)
        self.max_backoff = max_backoff
        self.state = StreamState.CONNECTING
        self._stopping = threading.Event()
        self._ws: websocket.WebSocket | None = None
        self.reconnects = 0

    def stop(self) -> None:
        self._stopping.set()
        self.drop()

    def drop(self) -> None:
        """Cut the current connection (as a network fault would); the worker resumes."""
        ws = self._ws
        if ws is not None:
            with contextlib.suppress(Exception):  # already gone
                ws.shutdown()

    def _set(self, state: str, message: str = "") -> None:
        if state != self.state:
            self.state = state
            self.on_state(state, message)

    def run(self) -> None:
        backoff = 0.1
        while not self._stopping.is_set():
            try:
                if not self.store.synced:
                    self.store.load_snapshot(self.http.request("GET", "/snapshot"))
                resync = self._session()
                backoff = 0.1
                if resync:
                    self.store.load_snapshot(self.http.request("GET", "/snapshot"))
                    continue
            except SessionExpired as e:
                self._set(StreamState.SIGNED_OUT, e.message)
                return
            except (Offline, OSError, websocket.WebSocketException) as e:
                self._set(StreamState.OFFLINE, str(e))
            except Gap as e:
                log.warning("stream gap (%s): reloading the snapshot", e)
                self.store.load_snapshot(self.http.request("GET", "/snapshot"))
                continue
            except ApiError as e:
                self._set(StreamState.OFFLINE, e.message)
            if self._stopping.wait(backoff):
                break
            self.reconnects += 1
            backoff = min(backoff * 2, self.max_backoff)
        self._set(StreamState.STOPPED)

    def _session(self) -> bool:
        """One connection, until it drops. True when the service asks for a new snapshot."""
        # ``link`` lets the service notice a history restored under us even at the same
        # number; ``batch`` asks for the backlog a thousand changes to a message.
        query = urlencode({"since": self.store.seq, "epoch": self.store.epoch or "",
                           "link": self.store.link, "batch": BATCH})
        url = self.http.base_url.replace("http", "ws", 1) + f"{API}/stream?{query}"
        self._set(StreamState.CONNECTING)
        ws = websocket.create_connection(
            url, header=[f"Authorization: Bearer {self.http.token}"], timeout=30,
            enable_multithread=True, sslopt=self.http.sslopt,
            # The library checks UTF-8 in pure Python, byte by byte (most of a console's stream
            # time); json.loads rejects invalid UTF-8 anyway, in C.
            skip_utf8_validation=True,
        )
        self._ws = ws
        try:
            if self._stopping.is_set():
                return False
            while not self._stopping.is_set():
                try:
                    opcode, data = ws.recv_data()
                except websocket.WebSocketConnectionClosedException:
                    return self._closed(ws)
                if opcode == websocket.ABNF.OPCODE_CLOSE:
                    return self._closed(ws, data)
                if opcode != websocket.ABNF.OPCODE_TEXT:
                    continue
                if self._handle(json.loads(data)):
                    return True
            return False
        finally:
            self._ws = None
            ws.close()

    def _closed(self, ws: websocket.WebSocket, data: bytes = b"") -> bool:
        code = int.from_bytes(data[:2], "big") if len(data) >= 2 else ws.status
        if code == RESYNC:
            return True
        if code == AUTH_FAILED:
            reason = data[2:].decode(errors="replace") or "Sign in again."
            raise SessionExpired(401, {"code": "session_expired", "message": reason})
        raise Offline(self.http.base_url)

    def _handle(self, msg: dict[str, Any]) -> bool:
        kind = msg.get("type")
        if kind == "change":
            self.store.apply([msg])
            return False
        if kind == "changes":
            self.store.apply(msg["changes"])  # one replica transaction, one listener call
            return False
        if kind in ("hello", "clock"):
            server = datetime.fromisoformat(msg["server_time"])
            self.on_clock(server, server.timestamp() - time.time())
            self.store.prune(server)  # by the service's clock; most calls return at once
            if kind == "hello":
                if msg.get("resync"):
                    return True
                self._set(StreamState.LIVE)
        elif kind == "presence":
            self.on_presence(msg["users"])
        return False
