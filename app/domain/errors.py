"""Refusals of the domain: each carries a stable code and a sentence a person can read."""

from __future__ import annotations


class DomainError(Exception):
    """A rule refused an operation. ``code`` is stable for clients; ``message`` is for people."""

    code = "refused"

    def __init__(self, message: str, **params: object) -> None:
        super().__init__(message)
        self.message = message
        self.params = params


class TransitionRefused(DomainError):
    code = "transition_refused"


class ClaimRefused(DomainError):
    code = "claim_refused"


class NotAllowed(DomainError):
    code = "not_allowed"
