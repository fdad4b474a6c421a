"""Refusals raised by use cases; the server maps each class to its HTTP status."""

from __future__ import annotations

from typing import Any

from app.domain.errors import DomainError


class NotFound(DomainError):
    code = "not_found"


class Forbidden(DomainError):
    code = "forbidden"


class Invalid(DomainError):
    code = "invalid"


class Conflict(DomainError):
    code = "conflict"


class StaleVersion(DomainError):
    """The change was based on an older version; ``current`` is what the service has now."""

    code = "stale_version"

    def __init__(self, template: str, current: dict[str, Any], **params: Any) -> None:
        super().__init__(template, **params)
        self.current = current


class Unauthorized(DomainError):
    code = "unauthorized"


class SessionExpired(Unauthorized):
    code = "session_expired"


class TooManyAttempts(DomainError):
    code = "too_many_attempts"

    def __init__(self, template: str, retry_after: int, **params: Any) -> None:
        super().__init__(template, retry_after=retry_after, **params)
        self.retry_after = retry_after
