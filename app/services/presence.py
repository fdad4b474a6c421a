"""Who is connected, in any service process, and which incidents each of them holds."""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta

from sqlalchemy import delete, select, update

from app.models import Incident, Presence, User
from app.schemas.stream import OnlineUser
from app.services.context import ServiceContext

# A connection not refreshed for this long belongs to a process that died.
STALE = timedelta(seconds=45)


def connect(ctx: ServiceContext, connection_id: str, user_id: int) -> None:
    now = ctx.clock()
    with ctx.db.write() as s:
        s.add(Presence(connection_id=connection_id, user_id=user_id, connected_at=now,
                       last_seen=now))


def disconnect(ctx: ServiceContext, connection_id: str) -> None:
    with ctx.db.write() as s:
        s.execute(delete(Presence).where(Presence.connection_id == connection_id))


def touch(ctx: ServiceContext, connection_ids: list[str]) -> None:
    now = ctx.clock()
    with ctx.db.write() as s:
        if connection_ids:
            s.execute(update(Presence).where(Presence.connection_id.in_(connection_ids))
                      .values(last_seen=now))
        s.execute(delete(Presence).where(Presence.last_seen < now - STALE * 4))


def online(ctx: ServiceContext) -> list[OnlineUser]:
    since = ctx.clock() - STALE
    with ctx.db.read() as s:
        users = s.execute(
            select(User.id, User.name, User.role, User.room)
            .join(Presence, Presence.user_id == User.id)
            .where(Presence.last_seen >= since).distinct().order_by(User.name)
        ).all()
        holds: dict[int, list[int]] = defaultdict(list)
        for incident_id, holder in s.execute(
            select(Incident.id, Incident.claim_holder_id)
            .where(Incident.claim_holder_id.in_([u.id for u in users])).order_by(Incident.id)
        ):
            holds[holder].append(incident_id)
    return [OnlineUser(id=u.id, name=u.name, role=u.role, room=u.room, holds=holds[u.id])
            for u in users]
