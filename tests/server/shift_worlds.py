"""A shift handover waiting for its incoming supervisor, for tests that need one to act on
(the access matrix): signed through the use case itself, by a supervisor of the room."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import timedelta

from sqlalchemy import select

from app.domain.enums import Role
from app.models import User
from app.schemas.auth import UserCreate
from app.schemas.shift_handover import SignOutIn
from app.services import auth, shift_handovers
from app.services.context import Actor, ServiceContext
from app.services.demo import DEMO_PASSWORD

# The demo's other supervisor of the main room; the housing room has none, so one is made.
SIGNERS = {"main": ("supervisor2", None),
           "zhkh": ("zhkh-supervisor", "Соколова Вера")}


def _signer(ctx: ServiceContext, room: str) -> Actor:
    login, name = SIGNERS[room]
    with ctx.db.read() as session:
        user = session.scalars(select(User).where(User.login == login)).one_or_none()
        if user is not None:
            return auth.actor_of(user)
    made = auth.create_user(ctx, UserCreate(login=login, name=name or login, room=room,
                                            role=Role.SUPERVISOR, password=DEMO_PASSWORD))
    return Actor(id=made.id, name=made.name, role=Role.SUPERVISOR, room=room)


def waiting_handover(ctx: ServiceContext, room: str) -> int:
    """The id of a handover of the room's shift two days back (so the shift due now stays
    free for a test to hand over), signed out and not yet accepted."""
    now = ctx.clock()
    two_days_back = replace(ctx, clock=lambda: now - timedelta(days=2))
    _, body = shift_handovers.sign_out(two_days_back, _signer(ctx, room), SignOutIn(
        mutation_id=uuid.uuid4(), room=room, notes="Смена сдана.", password=DEMO_PASSWORD))
    return int(body["id"])
