"""Users, argon2 password hashes, expiring bearer tokens and throttled failed logins."""

from __future__ import annotations

import hashlib
import logging
import secrets
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerifyMismatchError
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.domain.enums import Role
from app.models import AuthToken, DutyServiceRow, RoomRow, User
from app.schemas.auth import LoginOut, SessionsRevoked, UserCreate, UserOut
from app.services.context import Actor, ServiceContext
from app.services.errors import (
    Conflict,
    Forbidden,
    Invalid,
    NotFound,
    SessionExpired,
    TooManyAttempts,
    Unauthorized,
)
from app.services.journal import Journal
from app.services.mutations import run_mutation

log = logging.getLogger(__name__)

_hasher = PasswordHasher()
# Verified against when the login is unknown, so a wrong login costs as much as a wrong
# password and the timing tells nothing.
_DUMMY = _hasher.hash("not a password of anyone")

FREE_ATTEMPTS = 5
BASE_LOCK = timedelta(seconds=30)
MAX_LOCK = timedelta(minutes=15)
WRONG = "Wrong login or password."


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def actor_of(user: User) -> Actor:
    return Actor(id=user.id, name=user.name, role=Role(user.role), room=user.room,
                 duty_service=user.duty_service)


def create_user(ctx: ServiceContext, body: UserCreate) -> UserOut:
    with ctx.db.write() as session:
        if session.scalars(select(User).where(User.login == body.login)).first():
            raise Conflict("A user with the login '{login}' already exists.", login=body.login)
        if body.room is not None and session.get(RoomRow, body.room) is None:
            raise Invalid("There is no room '{room}'.", room=body.room)
        if body.role is Role.DUTY_SERVICE:
            if body.duty_service is None or session.get(DutyServiceRow, body.duty_service) is None:
                raise Invalid("A duty-service user needs the code of an existing duty service.")
        elif body.role in (Role.OPERATOR, Role.SUPERVISOR) and body.room is None:
            raise Invalid("A user with the role '{role}' needs a room.", role=body.role.value)
        user = User(login=body.login, name=body.name, role=body.role.value, room=body.room,
                    duty_service=body.duty_service, password_hash=_hasher.hash(body.password),
                    active=True, failed_logins=0)
        session.add(user)
        session.flush()
        return UserOut.model_validate(user)


def login(ctx: ServiceContext, login_name: str, password: str) -> LoginOut:
    now = ctx.clock()
    with ctx.db.write() as session:
        user = session.scalars(select(User).where(User.login == login_name)).first()
        if user is None or not user.active:
            _verify(_DUMMY, password)
            raise Unauthorized(WRONG)
        if user.locked_until is not None and user.locked_until > now:
            wait = int((user.locked_until - now).total_seconds()) + 1
            raise TooManyAttempts(
                "Too many failed attempts for '{login}'. Try again in {retry_after} s.", wait,
                login=login_name,
            )
        if not _verify(user.password_hash, password):
            _count_failure(user, now)
            failed = True
        else:
            failed = False
            user.failed_logins, user.locked_until = 0, None
            if _hasher.check_needs_rehash(user.password_hash):
                user.password_hash = _hasher.hash(password)
            token = secrets.token_urlsafe(32)
            expires = now + ctx.token_ttl
            session.add(AuthToken(token_hash=_token_hash(token), user_id=user.id,
                                  created_at=now, expires_at=expires))
            session.execute(delete(AuthToken).where(AuthToken.user_id == user.id,
                                                    AuthToken.expires_at <= now))
            result = LoginOut(token=token, expires_at=expires, user=UserOut.model_validate(user))
    # Raised after the commit so the failure count is kept.
    if failed:
        raise Unauthorized(WRONG)
    return result


class WrongPassword(Forbidden):
    code = "wrong_password"


def confirm_password(ctx: ServiceContext, actor: Actor, password: str) -> None:
    """The signed-in user's password asked again before a signature (a shift handover).
    A wrong one counts towards the same lock as a failed sign-in, so a console left signed
    in is no way to guess it; it is refused with 403, not 401: the session itself is fine."""
    now = ctx.clock()
    with ctx.db.write() as session:
        user = session.get(User, actor.id) if actor.id is not None else None
        if user is None or not user.active:
            raise Unauthorized("This account is disabled.")
        if user.locked_until is not None and user.locked_until > now:
            wait = int((user.locked_until - now).total_seconds()) + 1
            raise TooManyAttempts("Too many wrong passwords. Try again in {retry_after} s.", wait)
        right = _verify(user.password_hash, password)
        if right:
            user.failed_logins, user.locked_until = 0, None
        else:
            _count_failure(user, now)
    # Raised after the commit so the failure count is kept.
    if not right:
        raise WrongPassword("The password is wrong; nothing was signed.")


def _count_failure(user: User, now: datetime) -> None:
    user.failed_logins += 1
    extra = user.failed_logins - FREE_ATTEMPTS
    if extra >= 0:
        user.locked_until = now + min(BASE_LOCK * (2 ** extra), MAX_LOCK)


def _verify(hashed: str, password: str) -> bool:
    try:
        return _hasher.verify(hashed, password)
    except (VerifyMismatchError, InvalidHashError):
        return False


# A token checked in the last few seconds is not read from the database again: every
# request carries one. A logout, a revocation or a disabled account takes effect at once in
# the process that made it and reaches other service processes within this.
TOKEN_CACHE_SECONDS = 5.0
_CACHE_LIMIT = 10_000


def authenticate(ctx: ServiceContext, token: str) -> Actor:
    key = _token_hash(token)
    now = ctx.clock()
    cached = ctx.token_cache.get(key)
    if cached is not None:
        actor, expires_at, checked_at = cached
        if (now - checked_at).total_seconds() < TOKEN_CACHE_SECONDS:
            if expires_at <= now:
                raise SessionExpired("Your session has expired. Sign in again.")
            return actor
    generation = ctx.token_generation
    with ctx.db.read() as session:
        row = session.get(AuthToken, key)
        if row is None:
            raise Unauthorized("Not signed in: the session token is unknown. Sign in again.")
        if row.expires_at <= now:
            raise SessionExpired("Your session has expired. Sign in again.")
        user = session.get(User, row.user_id)
        if user is None or not user.active:
            raise Unauthorized("This account is disabled.")
        actor = actor_of(user)
    if len(ctx.token_cache) > _CACHE_LIMIT:
        ctx.token_cache.clear()
    # A revocation that committed while this token was being read must not be undone by
    # caching what was read before it.
    if generation == ctx.token_generation:
        ctx.token_cache[key] = (actor, row.expires_at, now)
    return actor


def logout(ctx: ServiceContext, token: str) -> None:
    ctx.token_cache.pop(_token_hash(token), None)
    with ctx.db.write() as session:
        session.execute(delete(AuthToken).where(AuthToken.token_hash == _token_hash(token)))


def revoke_sessions(ctx: ServiceContext, actor: Actor, user_id: int,
                    mutation_id: UUID | str) -> tuple[int, dict[str, Any]]:
    """End every session of a user (a lost badge, a leaked password, a dismissal)."""
    if actor.role is not Role.ADMIN:
        raise Forbidden("Only an administrator may end another user's sessions.")

    def work(session: Session, _journal: Journal) -> tuple[int, dict[str, Any]]:
        user = session.get(User, user_id)
        if user is None:
            raise NotFound("There is no user with id {user_id}.", user_id=user_id)
        ended = session.execute(delete(AuthToken).where(AuthToken.user_id == user_id)).rowcount
        return 200, SessionsRevoked(user_id=user.id, login=user.login,
                                    sessions_ended=ended or 0).model_dump(mode="json")

    status, body = run_mutation(ctx, actor, mutation_id, work)
    forget_sessions(ctx, user_id)
    log.info("sessions of user %s ended by %s (%s)", body["login"], actor.name,
             body["sessions_ended"])
    return status, body


def revoke_sessions_of(ctx: ServiceContext, login_name: str) -> SessionsRevoked:
    """The same from the command line, by login; nobody is signed in there."""
    with ctx.db.write() as session:
        user = session.scalars(select(User).where(User.login == login_name)).first()
        if user is None:
            raise NotFound("There is no user with the login '{login}'.", login=login_name)
        ended = session.execute(delete(AuthToken).where(AuthToken.user_id == user.id)).rowcount
        result = SessionsRevoked(user_id=user.id, login=user.login, sessions_ended=ended or 0)
    forget_sessions(ctx, result.user_id)
    return result


def forget_sessions(ctx: ServiceContext, user_id: int) -> None:
    """Drop this process's cached tokens of a user, after their rows are gone."""
    ctx.token_generation += 1
    for key, (cached_actor, _expires, _checked) in list(ctx.token_cache.items()):
        if cached_actor.id == user_id:
            ctx.token_cache.pop(key, None)


def user_out(ctx: ServiceContext, user_id: int) -> UserOut:
    with ctx.db.read() as session:
        return UserOut.model_validate(session.get(User, user_id))
