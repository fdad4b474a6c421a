"""Fans the change log out to every open stream of this process.

Changes committed in this process are handed over as they were written, already encoded,
and sent in number order. The database is read only to fill a gap: a change committed by
another service process (announced by its NOTIFY), or one whose poke was lost (a poll
every ``poll_seconds`` catches it). So a lost poke delays a change, never loses it."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass
from typing import Any

from anyio import to_thread

from app.schemas.stream import Change
from app.services import feed
from app.services.context import ServiceContext

log = logging.getLogger(__name__)


@dataclass(eq=False)
class Subscriber:
    queue: asyncio.Queue[tuple[int, str]]
    overflowed: bool = False


class Broadcaster:
    def __init__(self, ctx: ServiceContext, *, poll_seconds: float, queue_size: int) -> None:
        self.ctx = ctx
        self.poll_seconds = poll_seconds
        self.queue_size = queue_size
        self.subscribers: set[Subscriber] = set()
        self.last_seq = 0
        self.epoch = ""
        self._pending: dict[int, str] = {}
        self._loop: asyncio.AbstractEventLoop | None = None
        self._wake: asyncio.Event | None = None

    async def start(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._wake = asyncio.Event()
        self.last_seq, self.epoch = await to_thread.run_sync(feed.current_head, self.ctx)

    def _call(self, fn: Any, *args: Any) -> None:
        loop = self._loop
        if loop is None or loop.is_closed():
            return
        with contextlib.suppress(RuntimeError):  # the loop closed between check and call
            loop.call_soon_threadsafe(fn, *args)

    def publish(self, rows: list[dict[str, Any]]) -> None:
        """A commit in this process (any thread): encode here, send from the loop."""
        items = [(r["seq"], Change.model_validate(r).model_dump_json()) for r in rows]
        self._call(self._take, items)

    def poke(self, seq: int = 0) -> None:
        """Another process committed ``seq`` (or an unknown number, 0). Any thread."""
        if seq == 0 or seq > self.last_seq:
            self._call(self._wake_up)

    def _wake_up(self) -> None:
        if self._wake is not None:
            self._wake.set()

    def _take(self, items: list[tuple[int, str]]) -> None:
        for seq, text in items:
            if seq > self.last_seq:
                self._pending[seq] = text
        self._send_pending()
        if self._pending:
            self._wake_up()  # a gap before these: read it from the database

    def _send_pending(self) -> None:
        while (self.last_seq + 1) in self._pending:
            self.last_seq += 1
            self.send_all(self.last_seq, self._pending.pop(self.last_seq))
        for seq in [s for s in self._pending if s <= self.last_seq]:
            del self._pending[seq]

    def subscribe(self) -> Subscriber:
        sub = Subscriber(asyncio.Queue(self.queue_size))
        self.subscribers.add(sub)
        return sub

    def unsubscribe(self, sub: Subscriber) -> None:
        self.subscribers.discard(sub)

    def send_all(self, seq: int, text: str) -> None:
        for sub in list(self.subscribers):
            if sub.overflowed:
                continue
            try:
                sub.queue.put_nowait((seq, text))
            except asyncio.QueueFull:
                # A stalled client: drop it; it reconnects with its last seq and catches up
                # from the journal instead of holding memory here.
                sub.overflowed = True

    async def run(self) -> None:
        assert self._wake is not None
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self.poll_seconds)
            self._wake.clear()
            try:
                await self._drain()
            except Exception:  # the database may be briefly away; the next round retries
                log.exception("reading the change log failed")
                await asyncio.sleep(self.poll_seconds)

    async def _drain(self) -> None:
        while True:
            rows = await to_thread.run_sync(feed.changes_after, self.ctx, self.last_seq)
            for change in rows:
                if change.seq <= self.last_seq:  # sent meanwhile from this process
                    continue
                self.last_seq = change.seq
                self.send_all(change.seq, change.model_dump_json())
            self._send_pending()
            if len(rows) < 1000:
                return
