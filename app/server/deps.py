"""Typed dependencies: the service context and the signed-in actor."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from app.domain.enums import Role
from app.schemas.base import MAX_ID
from app.services import auth
from app.services.context import Actor, ServiceContext
from app.services.errors import Forbidden, Unauthorized

IdPath = Annotated[int, Path(ge=1, le=MAX_ID, description="a record's id")]

bearer = HTTPBearer(auto_error=False, description="The token from POST /api/v1/auth/login")


def get_ctx(request: Request) -> ServiceContext:
    return request.app.state.ctx


Ctx = Annotated[ServiceContext, Depends(get_ctx)]


def get_token(
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> str:
    if credentials is None:
        raise Unauthorized("Not signed in: send the session token as 'Authorization: Bearer …'.")
    return credentials.credentials


Token = Annotated[str, Depends(get_token)]


def get_actor(ctx: Ctx, token: Token) -> Actor:
    return auth.authenticate(ctx, token)


CurrentActor = Annotated[Actor, Depends(get_actor)]


def require_roles(*roles: Role):  # type: ignore[no-untyped-def]
    def check(actor: CurrentActor) -> Actor:
        if actor.role not in roles:
            raise Forbidden("The role '{role}' may not do this.", role=actor.role.value)
        return actor

    return Depends(check)
