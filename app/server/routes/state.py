"""The live state: a snapshot, the changes after a number, and the WebSocket stream."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid

from anyio import to_thread
from fastapi import APIRouter, Query, Response, WebSocket, WebSocketDisconnect
from starlette.websockets import WebSocketState

from app.domain.enums import Role
from app.domain.errors import DomainError
from app.schemas.base import MAX_ID
from app.schemas.stream import Change, Hello, Snapshot
from app.server.deps import Ctx, CurrentActor
from app.server.runtime import Runtime
from app.services import auth, feed, presence
from app.services.context import Actor
from app.services.errors import Forbidden

log = logging.getLogger(__name__)
router = APIRouter(tags=["state"])

PAGE = 1000


def _no_duty_services(actor: Actor) -> None:
    if actor.role is Role.DUTY_SERVICE:
        raise Forbidden("Duty services see their own hand-overs only; this view is the room's.")


@router.get("/snapshot", response_model=Snapshot,
            summary="The whole live state and the change-log number it is exact at")
def get_snapshot(ctx: Ctx, actor: CurrentActor) -> Response:
    _no_duty_services(actor)
    # Encoded straight from the rows: handed back as a model, each of 100,000 incidents would
    # be checked and converted twice more on the way out. The model stays the documented answer.
    return Response(feed.snapshot_json(ctx), media_type="application/json")


@router.get("/changes", response_model=list[Change],
            summary="Changes after a number, in order (the stream's backlog, over plain HTTP)")
def get_changes(ctx: Ctx, actor: CurrentActor, after: int = Query(ge=0, le=MAX_ID),
                limit: int = Query(PAGE, ge=1, le=PAGE)) -> list[Change]:
    _no_duty_services(actor)
    return feed.changes_after(ctx, after, limit)


def _token_of(ws: WebSocket) -> str | None:
    header = ws.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip()
    return ws.query_params.get("token")


@router.websocket("/stream")
async def stream(ws: WebSocket, since: int | None = None, epoch: str | None = None,
                 link: str | None = None, batch: int = 0) -> None:
    """Every change after ``since`` in order, then live; presence and the clock between.

    ``link`` is the hash of the client's change ``since``: if this journal's change there
    has another, the client's history is not ours (a restore) and it must reload. With
    ``batch`` > 0 the backlog comes up to that many changes to a message (``changes``); live
    changes come one to a message either way, so older clients need not know of batches.

    The subscription starts before the backlog is read, so nothing committed in between is
    missed; anything the backlog already sent is skipped when the live queue repeats it."""
    runtime: Runtime = ws.app.state.runtime
    ctx = runtime.ctx
    token = _token_of(ws)
    # Accept first: a socket closed before the handshake completes reaches the client as a
    # bare HTTP 403, and it could not tell "sign in again" from "the network failed".
    await ws.accept()
    try:
        if token is None:
            raise Forbidden("Not signed in.")
        actor = await to_thread.run_sync(auth.authenticate, ctx, token)
        _no_duty_services(actor)
    except DomainError as e:
        await ws.close(code=4401 if e.code in ("unauthorized", "session_expired", "forbidden")
                       else 4400, reason=e.message[:120])
        return
    broadcaster = runtime.broadcaster
    sub = broadcaster.subscribe()
    connection_id = str(uuid.uuid4())
    try:
        head, current_epoch = await to_thread.run_sync(feed.current_head, ctx)
        resync = since is None or epoch != current_epoch or since > head
        if not resync and link:
            resync = not await to_thread.run_sync(feed.continues, ctx, since, link)
        await ws.send_text(Hello(epoch=current_epoch, head=head, server_time=ctx.clock(),
                                 resync=resync).model_dump_json())
        if resync:
            # The client's history is not ours (reset, restore, or none): snapshot first.
            await ws.close(code=4409, reason="resync")
            return
        await to_thread.run_sync(presence.connect, ctx, connection_id, actor.id)
        runtime.connections[connection_id] = actor.id or 0
        await runtime.refresh_presence()
        sender = asyncio.create_task(_send(ws, sub, ctx, since or 0, runtime.presence_text,
                                           min(max(batch, 0), PAGE)))
        receiver = asyncio.create_task(_until_gone(ws))
        try:
            # Whichever ends first ends the connection. A sender that failed (its database
            # connection cut while it read the backlog) must not leave the socket open and
            # silent: the console would show itself live and never get another change.
            # Closed, it reconnects and resumes from its number.
            await asyncio.wait({sender, receiver}, return_when=asyncio.FIRST_COMPLETED)
            if sender.done() and not sender.cancelled() and sender.exception() is not None:
                log.warning("stream to %s failed, closing it: %r", actor.name,
                            sender.exception())
        finally:
            for task in (sender, receiver):
                task.cancel()
            for task in (sender, receiver):
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await task
    finally:
        broadcaster.unsubscribe(sub)
        if runtime.connections.pop(connection_id, None) is not None:
            await to_thread.run_sync(presence.disconnect, ctx, connection_id)
            with contextlib.suppress(Exception):
                await runtime.refresh_presence()
        if ws.client_state is WebSocketState.CONNECTED:
            with contextlib.suppress(Exception):
                await ws.close()


async def _until_gone(ws: WebSocket) -> None:
    with contextlib.suppress(WebSocketDisconnect):
        while True:  # reading notices the client leaving; the client sends nothing else
            await ws.receive_text()


async def _send(ws: WebSocket, sub, ctx, since: int, presence_text: str,  # type: ignore[no-untyped-def]
                batch: int) -> None:
    last = since
    while True:
        if batch:
            last_seq, count, text = await to_thread.run_sync(
                feed.changes_batch_after, ctx, last, batch)
            if count:
                await ws.send_text(text)
                last = last_seq
            if count < batch:
                break
            continue
        rows = await to_thread.run_sync(feed.changes_after, ctx, last, PAGE)
        for change in rows:
            await ws.send_text(change.model_dump_json())
            last = change.seq
        if len(rows) < PAGE:
            break
    if presence_text:
        await ws.send_text(presence_text)
    while True:
        if sub.overflowed:
            await ws.close(code=4408, reason="too slow; reconnect and resume")
            return
        seq, text = await sub.queue.get()
        if seq and seq <= last:
            continue
        if seq:
            last = seq
        await ws.send_text(text)
