"""Times a client sends: accepted only inside a window around the service's clock.

The service's clock is the truth (it stamps every state change). A client's time is taken
only where the client knows better when something happened: when a call arrived, or when
an operator made a change while the console was offline and sent it later. Such a time is
believable from ``ctx.client_time_window`` in the past (a console offline that long,
recording with its corrected clock) to ``ctx.client_clock_skew`` in the future (a console
clock that runs a little fast). Outside that window it is a broken clock or a broken
client, and the write is refused rather than dated wrongly.
"""

from __future__ import annotations

from datetime import datetime

from app.domain.timezone import to_city
from app.services.context import ServiceContext
from app.services.errors import Invalid


def _show(value: datetime) -> str:
    return to_city(value).strftime("%Y-%m-%d %H:%M:%S %z")


def _span(seconds: float) -> str:
    if seconds >= 3600:
        return f"{seconds / 3600:g} h"
    return f"{seconds:g} s"


def accept_client_time(
    ctx: ServiceContext, value: datetime | None, name: str, *, now: datetime | None = None
) -> datetime | None:
    """``value`` (a timezone-aware time a client sent in field ``name``) if the service may
    believe it; ``None`` stays ``None`` so the caller falls back to its own clock.

    ``now`` is the service's time the check runs against (inside a use case, the
    transaction's time); ``ctx.clock()`` if absent. A time at most the skew ahead is taken
    as ``now``: something cannot have happened after the service heard of it, and a
    console a few seconds fast must not make a call received after it was registered.

    Raises ``Invalid`` (422, code ``invalid``) naming the field and the allowed range.
    """
    if value is None:
        return None
    if value.tzinfo is None:
        raise Invalid("The time in '{field}' must carry its zone (e.g. 2026-11-26T08:00:00+07:00).",
                      field=name)
    now = now or ctx.clock()
    earliest = now - ctx.client_time_window
    latest = now + ctx.client_clock_skew
    if earliest <= value <= latest:
        return min(value, now)
    params = dict(field=name, value=value.isoformat(), earliest=earliest.isoformat(),
                  latest=latest.isoformat())
    shown = dict(_value=_show(value), _from=_show(earliest), _to=_show(latest),
                 _back=_span(ctx.client_time_window.total_seconds()),
                 _ahead=_span(ctx.client_clock_skew.total_seconds()))
    if value > latest:
        raise Invalid("The time in '{field}' ({_value}) is in the future by {_by}; the service "
                      "accepts times from {_from} to {_to} ({_back} back, {_ahead} ahead of its "
                      "clock). Check the console's clock.",
                      _by=_span(round((value - now).total_seconds())), **shown, **params)
    raise Invalid("The time in '{field}' ({_value}) is too far in the past; the service accepts "
                  "times from {_from} to {_to} ({_back} back, {_ahead} ahead of its clock).",
                  **shown, **params)
