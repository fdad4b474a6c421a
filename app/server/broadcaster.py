"""Fans the change log out to every open stream of this process.

One task reads new change-log rows and hands each, encoded once, to every subscriber's
queue. It wakes on a poke (a commit in this process, or a PostgreSQL NOTIFY from another)
and polls as a fallback, so a lost poke delays a change but never loses it."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass

from anyio import to_thread

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
        self._loop: asyncio.AbstractEventLoop | None = None
        self._wake: asyncio.Event | None = None

    async def start(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._wake = asyncio.Event()
        self.last_seq, self.epoch = await to_thread.run_sync(feed.current_head, self.ctx)

    def poke(self, _seq: int = 0) -> None:
        """Safe from any thread."""
        loop, wake = self._loop, self._wake
        if loop is None or wake is None or loop.is_closed():
            return
        # The loop may close between the check and the call.
        with contextlib.suppress(RuntimeError):
            loop.call_soon_threadsafe(wake.set)

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
                self.send_all(change.seq, change.model_dump_json())
                self.last_seq = change.seq
            if len(rows) < 1000:
                return
