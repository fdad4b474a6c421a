"""Which finished incidents have left the live state, at hand-picked moments."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.domain.live_state import past_horizon

NOW = datetime(2026, 11, 27, 5, 0, tzinfo=UTC)  # eight days before: 2026-11-19 05:00


def incident(status: str, **times: object) -> dict:
    return {"status": status, "received_at": "2026-11-01T00:00:00+00:00", "closed_at": None,
            "cancelled_at": None, "emergency_report_due": None, **times}


@pytest.mark.parametrize(("row", "gone"), [
    # open ones stay, however old
    (incident("registered"), False),
    (incident("in_progress"), False),
    (incident("resolved"), False),  # resolved, not yet closed: still being worked
    # closed: counted from its closing
    (incident("closed", closed_at="2026-11-19T04:59:59+00:00"), True),
    (incident("closed", closed_at="2026-11-19T05:00:00+00:00"), False),  # the edge stays
    (incident("closed", closed_at="2026-11-26T10:00:00+00:00"), False),
    # cancelled: from its cancelling
    (incident("cancelled", cancelled_at="2026-11-10T00:00:00+00:00"), True),
    (incident("cancelled", cancelled_at="2026-11-20T00:00:00+00:00"), False),
    # merged: no time of its own, so from its arrival
    (incident("merged"), True),
    (incident("merged", received_at="2026-11-25T00:00:00+00:00"), False),
    # an emergency whose final report is still owed stays until it is sent
    (incident("closed", closed_at="2026-11-01T00:00:00+00:00",
              emergency_report_due="2026-11-01T01:00:00+00:00"), False),
])
def test_the_rule(row: dict, gone: bool) -> None:
    assert past_horizon(row, NOW) is gone


def test_the_horizon_is_the_services_to_set() -> None:
    row = incident("closed", closed_at="2026-11-25T05:00:00+00:00")  # two days ago
    assert not past_horizon(row, NOW)
    assert past_horizon(row, NOW, timedelta(days=1))
