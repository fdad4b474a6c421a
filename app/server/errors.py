"""Every refusal is a JSON body with a code and a sentence a person can act on."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import OperationalError
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

log = logging.getLogger(__name__)

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
        if err.get("type") == "json_invalid":
            # Its location is a character offset, not a field: say where the JSON breaks.
            loc = err.get("loc", ())
            where = f" at character {loc[-1]}" if loc and isinstance(loc[-1], int) else ""
            why = (err.get("ctx") or {}).get("error", "")
            fields.append({"field": "body",
                           "message": f"not valid JSON ({why}{where})" if why else
                           f"not valid JSON{where}"})
            continue
        msg = err.get("msg", "invalid")
        msg = msg.removeprefix("Value error, ").rstrip(".")
        fields.append({"field": _where(tuple(err.get("loc", ()))), "message": msg})
    text = "; ".join(f"{f['field']}: {f['message']}" for f in fields)
    return f"The request was not accepted: {text}.", fields


def _unreadable_body(exc: StarletteHTTPException) -> str | None:
    """Why FastAPI could not parse a body, when it is the client's fault (it says only
    "There was an error parsing the body" and keeps the reason as the cause)."""
    cause = exc.__cause__
    if exc.status_code != 400:
        return None
    if isinstance(cause, UnicodeDecodeError):
        bad = cause.object[cause.start:cause.start + 1].hex()
        return (f"not valid UTF-8 (byte 0x{bad} at position {cause.start}); "
                "JSON must be sent in UTF-8")
    if isinstance(cause, RecursionError):
        return "nested too deeply to read"
    return None


def install(app: FastAPI) -> None:
    @app.exception_handler(DomainError)
    async def _domain(_request: Request, exc: DomainError) -> JSONResponse:
        headers = {}
        if isinstance(exc, TooManyAttempts):
            headers["Retry-After"] = str(exc.retry_after)
        if isinstance(exc, Unauthorized):
            headers["WWW-Authenticate"] = "Bearer"
        return JSONResponse(body_of(exc), status_code=status_of(exc), headers=headers)

    @app.exception_handler(OperationalError)
    async def _database_away(_request: Request, exc: OperationalError) -> JSONResponse:
        # A cut database connection (a restart, a failover, a killed backend), a deadlock or
        # a serialization failure: the transaction was rolled back or, cut during its commit,
        # is found again by its mutation id (and a repeated sign-in is harmless). So the same
        # request may be sent again, and 503 is what the console's transport retries on its
        # own, where a 500 would have shown the operator an error for nothing.
        log.warning("database unavailable, asked the client to retry: %s", exc.orig or exc)
        return JSONResponse(
            {"code": "database_unavailable",
             "message": "The service lost its connection to the database for a moment. "
                        "Sending the same request again is safe.",
             "params": {}},
            status_code=503, headers={"Retry-After": "1"})

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        message, fields = _validation_message(exc)
        return JSONResponse(
            {"code": "invalid_request", "message": message, "params": {"fields": fields}},
            status_code=422,
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        unreadable = _unreadable_body(exc)
        if unreadable is not None:
            return JSONResponse(
                {"code": "invalid_request",
                 "message": f"The request was not accepted: body: {unreadable}.",
                 "params": {"fields": [{"field": "body", "message": unreadable}]}},
                status_code=422)
        message = exc.detail if isinstance(exc.detail, str) else "Request refused."
        if exc.status_code == 404 and message == "Not Found":
            message = "There is no such address on this service."
        if exc.status_code == 405:
            message = "This address does not accept that method."
        return JSONResponse({"code": f"http_{exc.status_code}", "message": message, "params": {}},
                            status_code=exc.status_code, headers=exc.headers)
