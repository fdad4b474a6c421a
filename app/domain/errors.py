"""Refusals of the domain: each carries a stable code and a sentence a person can read.

A refusal is raised with an English *template* and named fields::

    raise Forbidden("You work in room '{own_room}'.", own_room=actor.room)

``message`` is the template filled in (the English sentence); ``template`` stays, so the
service can say the same in the client's language (the Russian catalogue is
``app/domain/messages_ru.py``). ``params`` are sent to clients with the refusal: keep them
JSON-friendly. A field whose name starts with ``_`` fills the sentence only and is not sent
(a value already shown in English words, or a formatted time).
"""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """A rule refused an operation. ``code`` is stable for clients; ``message`` is for people."""

    code = "refused"

    def __init__(self, template: str, **params: Any) -> None:
        message = template.format(**params)
        super().__init__(message)
        self.template = template
        self.message = message
        # Everything the template is filled with; ``params`` is the part clients get.
        self.fields: dict[str, Any] = params
        self.params = {k: v for k, v in params.items() if not k.startswith("_")}


class TransitionRefused(DomainError):
    code = "transition_refused"


class ClaimRefused(DomainError):
    code = "claim_refused"


class NotAllowed(DomainError):
    code = "not_allowed"
