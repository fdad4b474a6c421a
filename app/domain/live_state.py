"""Which incidents belong to the live state the consoles and the wall hold.

A city registers incidents every day, for years; a console that kept every one it had ever
seen, and a snapshot that carried them all, would grow without end. The live state is
every incident still being worked, plus the finished ones of the last ``LIVE_HORIZON``:
long enough for the wall's figures (the shift, the last 24 hours and the same hours a
week before). Older ones stay in the central database and its journal, for reports,
history and the incident's own page; they leave the snapshot and the consoles' replicas.
The service selects with the same rule in SQL (``app.services.feed``)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from app.domain.enums import FINAL_STATUSES

# The wall's ghost line is the same hours seven days before, over a 24-hour trend: eight
# days of finished incidents are what any figure can still count.
LIVE_HORIZON = timedelta(days=8)


def finished_at(incident: Mapping[str, Any]) -> datetime:
    """When a finished incident (a wire row) was finished: closed or cancelled; a merged one
    (no time of its own on the row) counts from its arrival."""
    return datetime.fromisoformat(
        incident.get("closed_at") or incident.get("cancelled_at") or incident["received_at"])


def past_horizon(incident: Mapping[str, Any], now: datetime,
                 horizon: timedelta = LIVE_HORIZON) -> bool:
    """Finished before ``now - horizon``, with no emergency report still owed on it."""
    if incident["status"] not in FINAL_STATUSES:
        return False
    if incident.get("emergency_report_due") is not None:
        return False  # the crisis centre still waits for its final report
    return finished_at(incident) < now - horizon
