"""Every refusal is a JSON body with a code and a sentence a person can act on."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.domain.errors import ClaimRefused, DomainError, NotAllowed, TransitionRefused
from app.services.errors import (
    Conflict,
    Forbidden,
    Invalid,
    NotFound,
    SessionExpired,
    StaleVersion,
    TooManyAttempts,
    Unauthorized,
)

STATUS: list[tuple[type[DomainError], int]] = [
    (SessionExpired, 401),
    (Unauthorized, 401),
    (Forbidden, 403),
    (NotAllowed, 403),
    (NotFound, 404),
    (StaleVersion, 409),
    (ClaimRefused, 409),
    (TransitionRefused, 409),
    (Conflict, 409),
    (Invalid, 422),
    (TooManyAttempts, 429),
]


def status_of(exc: DomainError) -> int:
    for cls, status in STATUS:
        if isinstance(exc, cls):
            return status
    return 400


def body_of(exc: DomainError) -> dict[str, object]:
    body: dict[str, object] = {"code": exc.code, "message": exc.message, "params": exc.params}
    if isinstance(exc, StaleVersion):
        body["current"] = exc.current
    return body


def _where(loc: tuple) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path")]
    return ".".join(parts) or "request"


def _validation_message(exc: RequestValidationError) -> tuple[str, list[dict[str, str]]]:
    fields = []
    for err in exc.errors():
        msg = err.get("msg", "invalid")
        msg = msg.removeprefix("Value error, ").rstrip(".")
        fields.append({"field": _where(tuple(err.get("loc", ()))), "message": msg})
    text = "; ".join(f"{f['field']}: {f['message']}" for f in fields)
    return f"The request was not accepted: {text}.", fields


def install(app: FastAPI) -> None:
    @app.exception_handler(DomainError)
    async def _domain(_request: Request, exc: DomainError) -> JSONResponse:
        headers = {}
        if isinstance(exc, TooManyAttempts):
            headers["Retry-After"] = str(exc.retry_after)
        if isinstance(exc, Unauthorized):
            headers["WWW-Authenticate"] = "Bearer"
        return JSONResponse(body_of(exc), status_code=status_of(exc), headers=headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        message, fields = _validation_message(exc)
        return JSONResponse(
            {"code": "invalid_request", "message": message, "params": {"fields": fields}},
            status_code=422,
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else "Request refused."
        if exc.status_code == 404 and message == "Not Found":
            message = "There is no such address on this service."
        if exc.status_code == 405:
            message = "This address does not accept that method."
        return JSONResponse({"code": f"http_{exc.status_code}", "message": message, "params": {}},
                            status_code=exc.status_code, headers=exc.headers)
