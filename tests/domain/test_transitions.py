"""The status table, checked move by move against the design's rules written out here."""

import re
from datetime import UTC, datetime, timedelta
from itertools import product

import pytest

from app.domain.enums import Action, Role, Status
from app.domain.errors import TransitionRefused
from app.domain.transitions import ACTION_ROLES, TRANSITIONS, allowed_actions, next_status

S, A, R = Status, Action, Role

# Written out by hand from docs (design.md "Incident status"), not copied from the module,
# so an accidental edit to the table fails here.
EXPECTED: dict[tuple[Status, Action], Status] = {
    (S.NEW, A.REGISTER): S.REGISTERED,
    (S.NEW, A.CANCEL): S.CANCELLED,
    (S.NEW, A.MERGE): S.MERGED,
    (S.REGISTERED, A.DISPATCH): S.DISPATCHED,
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
    (S.RESOLVED, A.REOPEN): S.REGISTERED,
    (S.CLOSED, A.REOPEN): S.REGISTERED,
    # A merge undone; without the earlier status known, back to registered (see below).
    (S.MERGED, A.SPLIT): S.REGISTERED,
}
DESK = {R.OPERATOR, R.SUPERVISOR, R.ADMIN}
EXPECTED_ROLES: dict[Action, set[Role]] = {
    A.REGISTER: DESK,
    A.DISPATCH: DESK,
    A.START: DESK | {R.DUTY_SERVICE},
    A.RESOLVE: DESK | {R.DUTY_SERVICE},
    A.CLOSE: DESK,
    A.REOPEN: {R.SUPERVISOR, R.ADMIN},
    A.CANCEL: DESK,
    A.MERGE: DESK,
    A.SPLIT: DESK,
}
WORDS = {
    S.NEW: "new",
    S.REGISTERED: "registered",
    S.DISPATCHED: "dispatched",
    S.IN_PROGRESS: "in progress",
    S.RESOLVED: "resolved",
    S.CLOSED: "closed",
    S.CANCELLED: "cancelled",
    S.MERGED: "merged",
}

NOW = datetime(2026, 11, 26, 3, 0, tzinfo=UTC)
# Everything a reopen needs, so that only the table and the roles decide below.
REOPEN_OK = {"now": NOW, "closed_at": NOW - timedelta(hours=1), "reason": "Вода снова течёт"}


def assert_sentence(msg: str) -> None:
    assert msg[0].isupper(), msg
    assert msg.endswith("."), msg
    # No Python spellings leaking to the operator; quoted wire codes ('duty_service') are
    # the one place an underscore may appear.
    for leak in ("Status.", "Action.", "Role.", "<", "None"):
        assert leak not in msg, msg
    assert "_" not in re.sub(r"'[^']*'", "", msg), msg


def test_table_is_the_documented_one():
    assert TRANSITIONS == EXPECTED
    assert {a: set(r) for a, r in ACTION_ROLES.items()} == EXPECTED_ROLES


@pytest.mark.parametrize(
    ("status", "action", "role"),
    list(product(Status, Action, Role)),
    ids=lambda v: v.value,
)
def test_every_status_action_role(status, action, role):
    target = EXPECTED.get((status, action))
    if target is not None and role in EXPECTED_ROLES[action]:
        assert next_status(status, action, role, **REOPEN_OK) is target
        return
    with pytest.raises(TransitionRefused) as caught:
        next_status(status, action, role, **REOPEN_OK)
    err = caught.value
    assert err.code == "transition_refused"
    assert_sentence(err.message)
    assert str(err) == err.message
    if target is None:
        # The move itself is not in the table: say which status and which action.
        assert f"is {WORDS[status]} cannot" in err.message
        assert f"'{action.value}'" in err.message
        assert err.params == {"status": status.value, "action": action.value}
    else:
        # The move exists but not for this role: say which role and what it tried.
        assert f"role '{role.value}' may not {action.value}" in err.message
        assert err.params["role"] == role.value


@pytest.mark.parametrize(("status", "role"), list(product(Status, Role)), ids=lambda v: v.value)
def test_allowed_actions_agree_with_the_table(status, role):
    expected = [a for (s, a) in EXPECTED if s == status and role in EXPECTED_ROLES[a]]
    assert allowed_actions(status, role) == expected
    for action in Action:
        if action in expected:
            next_status(status, action, role, **REOPEN_OK)
        else:
            with pytest.raises(TransitionRefused):
                next_status(status, action, role, **REOPEN_OK)


def test_what_people_see_in_the_menus():
    assert allowed_actions(S.NEW, R.OPERATOR) == [A.REGISTER, A.CANCEL, A.MERGE]
    assert allowed_actions(S.DISPATCHED, R.DUTY_SERVICE) == [A.START, A.RESOLVE]
    assert allowed_actions(S.CLOSED, R.OPERATOR) == []
    assert allowed_actions(S.CLOSED, R.SUPERVISOR) == [A.REOPEN]
    for status in Status:
        assert allowed_actions(status, R.WALL) == []
    for role in Role:
        assert allowed_actions(S.CANCELLED, role) == []
    # A merged incident is final but for undoing the merge, which is the desk's to do.
    for role in DESK:
        assert allowed_actions(S.MERGED, role) == [A.SPLIT]
    assert allowed_actions(S.MERGED, R.DUTY_SERVICE) == []


@pytest.mark.parametrize("before", [S.NEW, S.REGISTERED, S.DISPATCHED, S.IN_PROGRESS])
def test_split_returns_to_the_status_before_the_merge(before):
    assert next_status(S.MERGED, A.SPLIT, R.OPERATOR, restore=before) is before


@pytest.mark.parametrize("before", [S.RESOLVED, S.CLOSED, S.CANCELLED, S.MERGED])
def test_split_cannot_restore_a_status_nothing_is_merged_from(before):
    # Only open incidents are merged, so the journal cannot hold any other earlier status:
    # one here is a programming error, not an operator's mistake.
    with pytest.raises(ValueError, match="cannot restore"):
        next_status(S.MERGED, A.SPLIT, R.OPERATOR, restore=before)


def test_split_of_an_incident_that_is_not_merged_is_refused_in_words():
    with pytest.raises(TransitionRefused) as caught:
        next_status(S.REGISTERED, A.SPLIT, R.OPERATOR, restore=S.NEW)
    assert caught.value.message == (
        "An incident that is registered cannot be given the action 'split'."
    )


def test_unknown_move_message_reads_as_a_sentence():
    with pytest.raises(TransitionRefused) as caught:
        next_status(S.IN_PROGRESS, A.REGISTER, R.OPERATOR)
    assert caught.value.message == (
        "An incident that is in progress cannot be given the action 'register'."
    )


@pytest.mark.parametrize("reason", [None, "", "   \t"])
def test_reopen_needs_a_reason(reason):
    for status in (S.RESOLVED, S.CLOSED):
        with pytest.raises(TransitionRefused) as caught:
            next_status(status, A.REOPEN, R.SUPERVISOR, now=NOW, closed_at=NOW, reason=reason)
        assert caught.value.message == "Reopening an incident needs a reason."


@pytest.mark.parametrize(
    ("ago", "allowed"),
    [
        (timedelta(hours=23, minutes=59), True),
        (timedelta(hours=24), True),  # "within 24 h" includes the 24th hour's last instant
        (timedelta(hours=24, minutes=1), False),
        (timedelta(days=30), False),
    ],
)
def test_reopen_of_a_closed_incident_within_24_hours(ago, allowed):
    call = lambda: next_status(  # noqa: E731
        S.CLOSED, A.REOPEN, R.SUPERVISOR, now=NOW, closed_at=NOW - ago, reason="Снова течёт"
    )
    if allowed:
        assert call() is S.REGISTERED
    else:
        with pytest.raises(TransitionRefused) as caught:
            call()
        assert "within 24 hours" in caught.value.message
        assert_sentence(caught.value.message)


def test_reopen_of_a_resolved_incident_has_no_window():
    # Resolved is not closed yet: no closing time to measure from.
    assert next_status(S.RESOLVED, A.REOPEN, R.ADMIN, reason="Не устранено") is S.REGISTERED


def test_reopen_of_a_closed_incident_without_times_is_a_programming_error():
    with pytest.raises(ValueError, match="closed_at"):
        next_status(S.CLOSED, A.REOPEN, R.SUPERVISOR, reason="Снова течёт")


def test_operator_cannot_reopen_even_with_a_good_reason():
    with pytest.raises(TransitionRefused) as caught:
        next_status(S.CLOSED, A.REOPEN, R.OPERATOR, **REOPEN_OK)
    assert caught.value.message == "The role 'operator' may not reopen an incident."
