from __future__ import annotations

from datetime import datetime

from pydantic import Field

from app.domain.enums import Role
from app.schemas.base import Out, Wire


class LoginIn(Wire):
    login: str = Field(min_length=1, max_length=60)
    password: str = Field(min_length=1, max_length=200)


class UserOut(Out):
    id: int
    login: str
    name: str
    role: Role
    room: str | None
    duty_service: str | None


class LoginOut(Out):
    token: str
    expires_at: datetime
    user: UserOut


class UserCreate(Wire):
    login: str = Field(min_length=2, max_length=60, pattern=r"^[a-z0-9._-]+$")
    name: str = Field(min_length=1, max_length=120)
    role: Role
    room: str | None = None
    duty_service: str | None = None
    password: str = Field(min_length=8, max_length=200)
