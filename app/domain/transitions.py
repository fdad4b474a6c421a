"""The one table of allowed status moves, and the role allowed to make each."""

from __future__ import annotations

from datetime import datetime, timedelta

from app.domain.enums import Action, Role, Status
from app.domain.errors import TransitionRefused

S, A = Status, Action

TRANSITIONS: dict[tuple[Status, Action], Status] = {
    (S.NEW, A.REGISTER): S.REGISTERED,
    (S.NEW, A.CANCEL): S.CANCELLED,
    (S.NEW, A.MERGE): S.MERGED,
    (S.REGISTERED, A.DISPATCH): S.DISPATCHED,
    # No duty service needed (a consultation, a reference call): resolved straight away.
    (S.REGISTERED, A.RESOLVE): S.RESOLVED,
    (S.REGISTERED, A.CANCEL): S.CANCELLED,
    (S.REGISTERED, A.MERGE): S.MERGED,
    (S.DISPATCHED, A.START): S.IN_PROGRESS,
    (S.DISPATCHED, A.RESOLVE): S.RESOLVED,
    (S.DISPATCHED, A.CANCEL): S.CANCELLED,
    (S.DISPATCHED, A.MERGE): S.MERGED,
    (S.IN_PROGRESS, A.RESOLVE): S.RESOLVED,
    (S.IN_PROGRESS, A.CANCEL): S.CANCELLED,
    (S.IN_PROGRESS, A.MERGE): S.MERGED,
    (S.RESOLVED, A.CLOSE): S.CLOSED,
    # A resolution that turns out false ("the water is still running") goes back to work.
    (S.RESOLVED, A.REOPEN): S.REGISTERED,
    (S.CLOSED, A.REOPEN): S.REGISTERED,
    # A split returns the incident to the status it had before the merge (``restore`` in
    # ``next_status``, which the service reads from the merge's journal row). Registered
    # stands here for a merge whose earlier status is not known: open, verified, on the desk.
    (S.MERGED, A.SPLIT): S.REGISTERED,
}

_DESK = frozenset({Role.OPERATOR, Role.SUPERVISOR, Role.ADMIN})

ACTION_ROLES: dict[Action, frozenset[Role]] = {
    A.REGISTER: _DESK,
    A.DISPATCH: _DESK,
    # A duty service's acknowledgement starts the work; the desk may record it from a phone call.
    A.START: _DESK | {Role.DUTY_SERVICE},
    A.RESOLVE: _DESK | {Role.DUTY_SERVICE},
    A.CLOSE: _DESK,
    A.REOPEN: frozenset({Role.SUPERVISOR, Role.ADMIN}),
    A.CANCEL: _DESK,
    A.MERGE: _DESK,
    # Whoever may merge may undo a mistaken merge: the journal keeps both.
    A.SPLIT: _DESK,
}

REOPEN_WINDOW = timedelta(hours=24)

# Actions that would end an incident on which an emergency is in force: refused until the
# emergency is lifted.
BLOCKED_BY_EMERGENCY = frozenset({A.CLOSE, A.CANCEL, A.MERGE})

STATUS_WORDS = {
    S.NEW: "new",
    S.REGISTERED: "registered",
    S.DISPATCHED: "dispatched",
    S.IN_PROGRESS: "in progress",
    S.RESOLVED: "resolved",
    S.CLOSED: "closed",
    S.CANCELLED: "cancelled",
    S.MERGED: "merged",
}


# The field an incident's status stamps with the moment it first reaches that status.
STATUS_STAMPS = {
    S.REGISTERED: "registered_at",
    S.IN_PROGRESS: "in_progress_at",
    S.RESOLVED: "resolved_at",
    S.CLOSED: "closed_at",
    S.CANCELLED: "cancelled_at",
}


def allowed_actions(status: Status, role: Role) -> list[Action]:
    """Actions this role may take on an incident in this status, in table order."""
    return [a for (s, a) in TRANSITIONS if s == status and role in ACTION_ROLES[a]]


def next_status(
    status: Status,
    action: Action,
    role: Role,
    *,
    now: datetime | None = None,
    closed_at: datetime | None = None,
    reason: str | None = None,
    restore: Status | None = None,
    emergency: bool = False,
) -> Status:
    """The status after ``action``, or ``TransitionRefused`` saying why in words.
    ``restore``: for a split, the status the incident had before it was merged.
    ``emergency``: an emergency is in force on the incident (declared, not lifted)."""
    target = TRANSITIONS.get((status, action))
    if target is None:
        raise TransitionRefused(
            "An incident that is {_state} cannot be given the action '{action}'.",
            _state=STATUS_WORDS[status],
            status=status.value,
            action=action.value,
        )
    if role not in ACTION_ROLES[action]:
        raise TransitionRefused(
            "The role '{role}' may not {action} an incident.",
            status=status.value,
            action=action.value,
            role=role.value,
        )
    if emergency and action in BLOCKED_BY_EMERGENCY:
        # The emergency's reports are tracked on the incident; it stays open until the
        # emergency is formally ended.
        raise TransitionRefused(
            "An emergency is in force on this incident; lift the emergency first.",
            status=status.value, action=action.value, emergency=True,
        )
    if action is A.REOPEN:
        if not (reason and reason.strip()):
            raise TransitionRefused(
                "Reopening an incident needs a reason.", status=status.value, action=action.value
            )
        if status is S.CLOSED:
            if now is None or closed_at is None:
                raise ValueError("reopening a closed incident needs now and closed_at")
            if now - closed_at > REOPEN_WINDOW:
                raise TransitionRefused(
                    "A closed incident may be reopened only within 24 hours of closing; "
                    "register a new one instead.",
                    status=status.value,
                    action=action.value,
                )
    if action is A.SPLIT and restore is not None:
        # Only a status an incident can be merged from is one a split can return it to.
        if (restore, A.MERGE) not in TRANSITIONS:
            raise ValueError(f"a split cannot restore the status {restore.value!r}")
        return restore
    return target
