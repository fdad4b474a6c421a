"""A duty service's board, held open until it changes (a long poll): the service's
console hears of a new hand-over as soon as it is written, without a stream of the whole
city's changes, which are not its to see."""

from __future__ import annotations

import asyncio
import contextlib

from anyio import to_thread
from fastapi import APIRouter, Query, Request

from app.schemas.duty import DutyBoardOut
from app.server.deps import Ctx, CurrentActor
from app.server.routes.incidents import REFUSALS
from app.services import duty

router = APIRouter(tags=["duty services"])

MAX_WAIT = 25.0  # below the usual 30 s idle timeout of proxies between a service and us


@router.get("/duty/board", response_model=DutyBoardOut, responses=REFUSALS,
            summary="The duty service's own hand-overs and crews; with `known`, answered "
                    "once the board differs from that tag or `wait` seconds have passed")
async def get_board(request: Request, ctx: Ctx, actor: CurrentActor,
                    known: str = Query("", max_length=64),
                    wait: float = Query(0.0, ge=0.0, le=MAX_WAIT)) -> DutyBoardOut:
    duty.service_of(actor)
    broadcaster = request.app.state.runtime.broadcaster
    sub = broadcaster.subscribe()  # before the first read: a change in between wakes us
    try:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + wait
        while True:
            board = await to_thread.run_sync(duty.board, ctx, actor)
            left = deadline - loop.time()
            if board.etag != known or left <= 0:
                return board
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(sub.queue.get(), left)
            while not sub.queue.empty():  # one read for a burst of changes
                sub.queue.get_nowait()
    finally:
        broadcaster.unsubscribe(sub)
