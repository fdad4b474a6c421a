from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from app.schemas.auth import LoginIn, LoginOut, UserOut
from app.schemas.base import ErrorBody
from app.server.deps import Ctx, CurrentActor, Token
from app.services import auth

router = APIRouter(prefix="/auth", tags=["auth"])

SESSION: dict[int | str, dict[str, Any]] = {401: {"model": ErrorBody}}


@router.post("/login", response_model=LoginOut, summary="Sign in and get a session token",
             responses={401: {"model": ErrorBody, "description": "Wrong login or password"},
                        429: {"model": ErrorBody, "description": "Too many failed attempts; "
                              "see Retry-After"}})
def login(ctx: Ctx, body: LoginIn) -> LoginOut:
    return auth.login(ctx, body.login, body.password)


@router.post("/logout", status_code=204, summary="End this session", responses=SESSION)
def logout(ctx: Ctx, token: Token) -> None:
    auth.logout(ctx, token)


@router.get("/me", response_model=UserOut, responses=SESSION)
def me(ctx: Ctx, actor: CurrentActor) -> UserOut:
    return auth.user_out(ctx, actor.id or 0)
