"""Every refusal is a JSON body with a code and a sentence a person can act on."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.domain.errors import ClaimRefused, DomainError, NotAllowed, TransitionRefused
from app.domain.messages_ru import ENGLISH, language_of, message_of, render
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

# The service's own sentences (not a refusal of a use case); each has a Russian one in
# app/domain/messages_ru.py, checked by tests/server/test_refusal_language.py.
DATABASE_AWAY = ("The service lost its connection to the database for a moment. "
                 "Sending the same request again is safe.")
NOT_ACCEPTED = "The request was not accepted: {fields}."
NO_ADDRESS = "There is no such address on this service."
NO_METHOD = "This address does not accept that method."
REFUSED = "Request refused."
SENTENCES = (DATABASE_AWAY, NOT_ACCEPTED, NO_ADDRESS, NO_METHOD, REFUSED)


def language(request: Request) -> str:
    """The language the client asked for ("ru" or "en"), by its ``Accept-Language``."""
    return language_of(request.headers.get("accept-language"))


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


def body_of(exc: DomainError, lang: str = ENGLISH) -> dict[str, object]:
    body: dict[str, object] = {"code": exc.code, "message": message_of(exc, lang),
                               "params": exc.params}
    if isinstance(exc, StaleVersion):
        body["current"] = exc.current
    return body


def _where(loc: tuple) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path")]
    return ".".join(parts) or "request"


def _validation_message(exc: RequestValidationError, lang: str = ENGLISH
                        ) -> tuple[str, list[dict[str, str]]]:
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
        # A validator that turned a refusal into pydantic's ValueError (a phone number):
        # the refusal itself can be said in the client's language. Pydantic's own words
        # ("Field required") stay as pydantic says them.
        cause = getattr((err.get("ctx") or {}).get("error"), "__context__", None)
        if isinstance(cause, DomainError):
            msg = message_of(cause, lang)
        msg = msg.removeprefix("Value error, ").rstrip(".")
        fields.append({"field": _where(tuple(err.get("loc", ()))), "message": msg})
    text = "; ".join(f"{f['field']}: {f['message']}" for f in fields)
    return render(NOT_ACCEPTED, {"fields": text}, lang), fields


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
    async def _domain(request: Request, exc: DomainError) -> JSONResponse:
        headers = {}
        if isinstance(exc, TooManyAttempts):
            headers["Retry-After"] = str(exc.retry_after)
        if isinstance(exc, Unauthorized):
            headers["WWW-Authenticate"] = "Bearer"
        return JSONResponse(body_of(exc, language(request)), status_code=status_of(exc),
                            headers=headers)

    @app.exception_handler(OperationalError)
    async def _database_away(request: Request, exc: OperationalError) -> JSONResponse:
        # A cut database connection (a restart, a failover, a killed backend), a deadlock or
        # a serialization failure: the transaction was rolled back or, cut during its commit,
        # is found again by its mutation id (and a repeated sign-in is harmless). So the same
        # request may be sent again, and 503 is what the console's transport retries on its
        # own, where a 500 would have shown the operator an error for nothing.
        log.warning("database unavailable, asked the client to retry: %s", exc.orig or exc)
        return JSONResponse(
            {"code": "database_unavailable",
             "message": render(DATABASE_AWAY, {}, language(request)),
             "params": {}},
            status_code=503, headers={"Retry-After": "1"})

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        message, fields = _validation_message(exc, language(request))
        return JSONResponse(
            {"code": "invalid_request", "message": message, "params": {"fields": fields}},
            status_code=422,
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        lang = language(request)
        unreadable = _unreadable_body(exc)
        if unreadable is not None:
            return JSONResponse(
                {"code": "invalid_request",
                 "message": render(NOT_ACCEPTED, {"fields": f"body: {unreadable}"}, lang),
                 "params": {"fields": [{"field": "body", "message": unreadable}]}},
                status_code=422)
        message = exc.detail if isinstance(exc.detail, str) else render(REFUSED, {}, lang)
        if exc.status_code == 404 and message == "Not Found":
            message = render(NO_ADDRESS, {}, lang)
        if exc.status_code == 405:
            message = render(NO_METHOD, {}, lang)
        return JSONResponse({"code": f"http_{exc.status_code}", "message": message, "params": {}},
                            status_code=exc.status_code, headers=exc.headers)
