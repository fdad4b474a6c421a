"""What the service's logs may carry: addresses and parameter names, never their values.

uvicorn logs every request and WebSocket handshake with its query string, and query values
here are personal data (``/callers/incidents?phone=…``) or, for a WebSocket, possibly a
session token (``/stream?token=…``). The filter keeps the parameter names so a log still
shows what was asked, and drops the values."""

from __future__ import annotations

import logging
import re
from urllib.parse import parse_qsl

# The loggers uvicorn writes request lines to: the access log, and the error log, which
# also carries the WebSocket handshakes.
REQUEST_LOGGERS = ("uvicorn.access", "uvicorn.error")
HIDDEN = "***"
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]{0,39}")
SECRET_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie", "set-cookie"})


def without_query_values(target: str) -> str:
    path, sep, query = target.partition("?")
    if not sep:
        return target
    # A name is shown only when it looks like one: a bare value ("?+7913…") is a value.
    names = [name if _NAME.fullmatch(name) else HIDDEN
             for name, _ in parse_qsl(query, keep_blank_values=True)]
    return path + "?" + "&".join(f"{name}={HIDDEN}" for name in names) if names else path


class QueryValuesHidden(logging.Filter):
    """Also hides credentials in the request headers the WebSocket library prints at DEBUG
    (``< Authorization: Bearer …``)."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and args:
            record.args = _cleaned(args)
        return True


def _cleaned(args: tuple[object, ...]) -> tuple[object, ...]:
    out = list(args)
    for i, value in enumerate(out):
        if not isinstance(value, str):
            continue
        if value.startswith("/") and "?" in value:
            out[i] = without_query_values(value)
        elif value.lower() in SECRET_HEADERS and i + 1 < len(out):
            out[i + 1] = HIDDEN
    return tuple(out)


_FILTER = QueryValuesHidden()


def install() -> None:
    """Idempotent; uvicorn's own logging set-up keeps filters already on its loggers."""
    for name in REQUEST_LOGGERS:
        logger = logging.getLogger(name)
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)
