"""Exactly-once writes: a mutation id is taken before the work, its answer kept after."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import UUID

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.models import Mutation
from app.schemas.base import MutationIn
from app.services.clock import accept_client_time
from app.services.context import Actor, ServiceContext
from app.services.errors import Conflict
from app.services.journal import Journal

Work = Callable[[Session, Journal], tuple[int, dict[str, Any]]]


def _replay(row: Mutation, actor: Actor, operation: str | None) -> tuple[int, dict[str, Any]]:
    if row.user_id != actor.id:
        raise Conflict(
            "This change id was already used by another user; the console must make a new one.",
            mutation_id=row.mutation_id,
        )
    if row.operation and operation and row.operation != operation:
        raise Conflict(
            "This change id was already used for another kind of change; the console must "
            "make a new one.", mutation_id=row.mutation_id, operation=row.operation,
        )
    return row.status_code, row.response


def run_mutation(
    ctx: ServiceContext, actor: Actor, mutation: MutationIn | UUID | str, work: Work
) -> tuple[int, dict[str, Any]]:
    """Run ``work`` once per mutation id. A refused change (any exception) writes nothing,
    so the same id may be sent again once the cause is fixed. A change a console recorded
    offline is dated by its ``recorded_at`` (checked against the offline window)."""
    if isinstance(mutation, MutationIn):
        mid, recorded_at = str(mutation.mutation_id), mutation.recorded_at
        operation: str | None = type(mutation).__name__
    else:
        mid, recorded_at, operation = str(mutation), None, None
    try:
        with ctx.db.write() as session:
            seen = session.get(Mutation, mid)
            if seen is not None:
                return _replay(seen, actor, operation)
            now = ctx.clock()
            when = accept_client_time(ctx, recorded_at, "recorded_at", now=now)
            # Inserted first so that a concurrent replay of the same id waits on this row.
            row = Mutation(mutation_id=mid, user_id=actor.id, at=now, status_code=0, response={},
                           operation=operation)
            session.add(row)
            session.flush()
            journal = Journal(session, actor, when or now, mutation_id=mid,
                              service_now=now if when else None)
            status, body = work(session, journal)
            row.status_code, row.response = status, body
            session.flush()
            written = journal.flush()
    except IntegrityError as e:
        with ctx.db.read() as session:
            seen = session.get(Mutation, mid)
            if seen is not None:
                return _replay(seen, actor, operation)
        raise Conflict("The change collided with another one made at the same moment; "
                       "nothing was saved. Try again.", detail=type(e.orig).__name__) from e
    ctx.committed(written)
    return status, body


def run_system(ctx: ServiceContext, actor: Actor, work: Callable[[Session, Journal], Any]) -> Any:
    """A change the service makes on its own (lease expiry, seeding): journaled, no id."""
    with ctx.db.write() as session:
        journal = Journal(session, actor, ctx.clock())
        result = work(session, journal)
        written = journal.flush()
    ctx.committed(written)
    return result
