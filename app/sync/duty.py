"""A duty service's console: its board kept current by a long poll, and its reports
(acknowledged, crew dispatched, on scene, resolved) sent in order, each with a mutation id
so a report retried after a dropped connection is applied once."""

from __future__ import annotations

import logging
import queue
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from app.sync.errors import ApiError, Offline, SessionExpired, Unauthorized
from app.sync.http import Http

log = logging.getLogger(__name__)


class FeedState:
    CONNECTING = "connecting"
    LIVE = "live"
    OFFLINE = "offline"
    SIGNED_OUT = "signed_out"


@dataclass
class Report:
    handover_id: int
    stage: str
    crew_id: int | None = None
    mutation_id: str = field(default_factory=lambda: str(uuid.uuid4()))


class DutyFeed:
    """``on_board(board)`` for every board that differs from the last; ``on_state(state,
    message)``; ``on_report(report, error)`` once a report is applied (error None) or
    refused. A report that cannot reach the service waits and is sent again, never twice."""

    def __init__(self, http: Http, *, on_board: Callable[[dict[str, Any]], None],
                 on_state: Callable[[str, str], None],
                 on_report: Callable[[Report, Exception | None], None],
                 wait: float = 25.0, retry_seconds: float = 2.0) -> None:
        self.http = http
        self.on_board, self.on_state, self.on_report = on_board, on_state, on_report
        self.wait, self.retry_seconds = wait, retry_seconds
        self.board: dict[str, Any] | None = None
        self.clock_offset = 0.0  # the service's clock minus ours, seconds
        self.state = FeedState.CONNECTING
        self._stop = threading.Event()
        self._reports: queue.Queue[Report | None] = queue.Queue()
        self._threads = [threading.Thread(target=self._poll, name="duty-board", daemon=True),
                         threading.Thread(target=self._send, name="duty-reports", daemon=True)]

    def start(self) -> None:
        for t in self._threads:
            t.start()

    def stop(self) -> None:
        self._stop.set()
        self._reports.put(None)
        # The poll may be waiting on the service; it is a daemon and ends with its answer.
        self._threads[1].join(5)

    def report(self, handover_id: int, stage: str, crew_id: int | None = None) -> Report:
        item = Report(handover_id, stage, crew_id)
        self._reports.put(item)
        return item

    def server_now(self) -> datetime:
        return datetime.now(UTC) + timedelta(seconds=self.clock_offset)

    def _set_state(self, state: str, message: str = "") -> None:
        if state != self.state or message:
            self.state = state
            self.on_state(state, message)

    def _poll(self) -> None:
        etag = ""
        while not self._stop.is_set():
            try:
                board = self.http.request("GET", "/duty/board",
                                          params={"known": etag, "wait": self.wait},
                                          timeout=self.wait + 15)
            except (SessionExpired, Unauthorized) as e:
                self._set_state(FeedState.SIGNED_OUT, e.message)
                self._stop.wait(self.retry_seconds)
                continue
            except (Offline, ApiError) as e:
                self._set_state(FeedState.OFFLINE, str(e))
                self._stop.wait(self.retry_seconds)
                continue
            if self._stop.is_set():
                return
            server = datetime.fromisoformat(board["server_time"])
            self.clock_offset = (server - datetime.now(UTC)).total_seconds()
            self._set_state(FeedState.LIVE)
            if board["etag"] != etag:
                etag = board["etag"]
                self.board = board
                self.on_board(board)

    def _send(self) -> None:
        while True:
            item = self._reports.get()
            if item is None or self._stop.is_set():
                return
            while not self._stop.is_set():
                try:
                    self.http.request(
                        "POST", f"/handovers/{item.handover_id}/stages",
                        json={"mutation_id": item.mutation_id, "stage": item.stage,
                              "crew_id": item.crew_id})
                except Offline:
                    self._set_state(FeedState.OFFLINE)
                    self._stop.wait(self.retry_seconds)
                    continue  # the same mutation id: applied once however often it goes
                except ApiError as e:
                    self.on_report(item, e)
                else:
                    self.on_report(item, None)
                break
