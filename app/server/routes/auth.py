from __future__ import annotations

from fastapi import APIRouter

from app.schemas.auth import LoginIn, LoginOut, UserOut
from app.server.deps import Ctx, CurrentActor, Token
from app.services import auth

router = APIRouter(prefix="/auth", tags=["auth"])


@router.post("/login", response_model=LoginOut, summary="Sign in and get a session token")
def login(ctx: Ctx, body: LoginIn) -> LoginOut:
    return auth.login(ctx, body.login, body.password)


@router.post("/logout", status_code=204, summary="End this session")
def logout(ctx: Ctx, token: Token) -> None:
    auth.logout(ctx, token)


@router.get("/me", response_model=UserOut)
def me(ctx: Ctx, actor: CurrentActor) -> UserOut:
    return auth.user_out(ctx, actor.id or 0)
