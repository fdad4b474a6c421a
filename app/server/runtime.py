"""The service's background work: the broadcaster, leases, presence, clock heartbeats,
hand-over webhook deliveries."""

from __future__ import annotations

import asyncio
import logging
import threading
from contextlib import suppress
from datetime import timedelta
from typing import Any

import psycopg
from anyio import to_thread
from sqlalchemy.engine import make_url

from app.schemas.stream import Clock, PresenceMsg
from app.server.broadcaster import Broadcaster
from app.server.settings import ServerSettings
from app.services import claims, personal_data, presence, sensors, webhooks
from app.services.context import ServiceContext
from app.services.demo import CrewMotion, SensorSimulator
from app.services.journal import NOTIFY_CHANNEL

log = logging.getLogger(__name__)


class Runtime:
    def __init__(self, ctx: ServiceContext, settings: ServerSettings) -> None:
        self.ctx = ctx
        self.settings = settings
        self.broadcaster = Broadcaster(
            ctx, poll_seconds=settings.poll_seconds, queue_size=settings.subscriber_queue
        )
        ctx.on_commit.append(self.broadcaster.publish)
        # connection id -> user id, for the streams this process holds
        self.connections: dict[str, int] = {}
        self.presence_text = ""
        self._tasks: list[asyncio.Task[None]] = []
        self._listener: threading.Thread | None = None
        self._stop = threading.Event()
        self.webhook_options = webhooks.Options(
            timeout=settings.webhook_timeout_seconds,
            first_retry=settings.webhook_retry_seconds,
            max_retry=settings.webhook_retry_cap_seconds,
            give_up_after=timedelta(hours=settings.webhook_give_up_hours),
        )
        # Set from the committing thread (through the loop) when a hand-over changed.
        self._webhook_wake = asyncio.Event()
        self._loop: asyncio.AbstractEventLoop | None = None
        ctx.on_commit.append(self._handover_committed)
        self.started_at = ctx.clock()

    async def start(self) -> None:
        # Sensors count as silent only for time this process was there to hear them.
        self.started_at = self.ctx.clock()
        await self.broadcaster.start()
        self._tasks = [
            asyncio.create_task(self.broadcaster.run(), name="broadcaster"),
            asyncio.create_task(self._every(self.settings.sweep_seconds, self._sweep),
                                name="sweep"),
            asyncio.create_task(self._every(self.settings.renew_seconds, self._renew),
                                name="renew"),
            asyncio.create_task(self._every(self.settings.heartbeat_seconds, self._clock),
                                name="clock"),
            asyncio.create_task(self._every(self.settings.presence_seconds, self.refresh_presence),
                                name="presence"),
            asyncio.create_task(self._every(self.settings.personal_data_erase_seconds,
                                            self._erase_personal_data),
                                name="erase-personal-data"),
            asyncio.create_task(self._every(self.settings.sensor_check_seconds,
                                            self._silent_sensors),
                                name="silent-sensors"),
            asyncio.create_task(self._deliver_webhooks(), name="webhooks"),
            asyncio.create_task(self._every(self.settings.webhook_cleanup_seconds,
                                            self._forget_webhook_deliveries),
                                name="webhook-cleanup"),
        ]
        if self.settings.demo_motion_seconds > 0:
            motion = CrewMotion()
            simulator = SensorSimulator()

            async def drive() -> None:
                await to_thread.run_sync(motion.step, self.ctx)

            async def feed_sensors() -> None:
                await to_thread.run_sync(simulator.step, self.ctx)

            self._tasks.append(asyncio.create_task(
                self._every(self.settings.demo_motion_seconds, drive), name="demo-motion"))
            self._tasks.append(asyncio.create_task(
                self._every(self.settings.demo_sensor_seconds, feed_sensors),
                name="demo-sensors"))
        if self.ctx.db.is_postgres and self.settings.listen:
            self._listener = threading.Thread(target=self._listen, name="pg-listen", daemon=True)
            self._listener.start()

    async def stop(self) -> None:
        self._stop.set()
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with suppress(asyncio.CancelledError, Exception):
                await task
        if self._listener is not None:
            await to_thread.run_sync(self._listener.join, 3.0)

    async def _every(self, seconds: float, job) -> None:  # type: ignore[no-untyped-def]
        while True:
            await asyncio.sleep(seconds)
            try:
                await job()
            except Exception:  # keep the service up; the next round tries again
                log.exception("background job %s failed", getattr(job, "__name__", job))

    async def _sweep(self) -> None:
        await to_thread.run_sync(claims.expire, self.ctx)

    async def _renew(self) -> None:
        users = set(self.connections.values())
        await to_thread.run_sync(claims.renew, self.ctx, users)
        await to_thread.run_sync(presence.touch, self.ctx, list(self.connections))

    async def _erase_personal_data(self) -> None:
        retention = timedelta(days=self.settings.personal_data_retention_days)
        report = await to_thread.run_sync(personal_data.erase_expired, self.ctx, retention)
        if report.callers or report.reads:
            log.info("personal data: %s", report)

    async def _silent_sensors(self) -> None:
        await to_thread.run_sync(sensors.check_silence, self.ctx,
                                 self.settings.sensor_silence_intervals, self.started_at)

    async def _forget_webhook_deliveries(self) -> None:
        keep = timedelta(days=self.settings.webhook_keep_days)
        gone = await to_thread.run_sync(webhooks.forget_settled, self.ctx, keep)
        if gone:
            log.info("webhooks: %s settled deliveries older than %s deleted", gone, keep)

    def _handover_committed(self, rows: list[dict[str, Any]]) -> None:
        """Called in the committing thread: wake the delivery worker for a hand-over change
        instead of letting it wait for its next round."""
        loop, wake = self._loop, self._webhook_wake
        if loop is not None and any(
                str(r["kind"]).startswith("handover.") for r in rows):
            with suppress(RuntimeError):  # the loop closed: the service is stopping
                loop.call_soon_threadsafe(wake.set)

    async def _deliver_webhooks(self) -> None:
        """The outbox's sender. It runs on a worker thread and sends with timeouts, so a
        receiver that never answers holds up only its own deliveries, never a request."""
        self._loop = asyncio.get_running_loop()
        while True:
            with suppress(TimeoutError):
                await asyncio.wait_for(self._webhook_wake.wait(),
                                       self.settings.webhook_poll_seconds)
            self._webhook_wake.clear()
            try:
                await to_thread.run_sync(webhooks.deliver_due, self.ctx, self.webhook_options)
            except Exception:  # keep the service up; the next round tries again
                log.exception("background job webhooks failed")

    async def _clock(self) -> None:
        msg = Clock(server_time=self.ctx.clock(), head=self.broadcaster.last_seq)
        self.broadcaster.send_all(0, msg.model_dump_json())

    async def refresh_presence(self) -> None:
        users = await to_thread.run_sync(presence.online, self.ctx)
        text = PresenceMsg(users=users).model_dump_json()
        if text != self.presence_text:
            self.presence_text = text
            self.broadcaster.send_all(0, text)

    def _listen(self) -> None:
        """Other service processes poke us through NOTIFY; the journal stays the truth."""
        url = make_url(self.ctx.db.url).set(drivername="postgresql")
        dsn = url.render_as_string(hide_password=False)
        while not self._stop.is_set():
            try:
                with psycopg.connect(dsn, autocommit=True) as conn:
                    conn.execute(f"LISTEN {NOTIFY_CHANNEL}")
                    while not self._stop.is_set():
                        for note in conn.notifies(timeout=0.5, stop_after=100):
                            self.broadcaster.poke(int(note.payload or 0))
            except psycopg.Error:
                log.warning("LISTEN connection lost; polling until it is back")
                self._stop.wait(1.0)
