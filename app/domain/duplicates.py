"""Is a new report the same event as one already in the queue? Pure scoring for intake.

A match needs either the same caller's phone within the time window, or a place within
the radius AND the same kind of event (same type, or at least the same category): ten
neighbours reporting one burst main are one incident, a fire next to a burst main is two.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from app.domain.enums import OPEN_STATUSES, Status

EARTH_RADIUS_M = 6_371_008.8  # mean radius (IUGG)

# Still worth offering: an incident resolved minutes ago may be the same leak coming back.
MATCHABLE = OPEN_STATUSES | {Status.RESOLVED}

# Reason codes, stable for the UI to translate.
SAME_PHONE = "same_phone"
NEARBY = "nearby"
SAME_TYPE = "same_type"
SAME_CATEGORY = "same_category"

# Judgement, not statistics: a same-type report next door now is certain, a same-category
# one counts for less, and a repeat call from one phone is strong evidence on its own,
# fading over the window.
TYPE_WEIGHT = 1.0
CATEGORY_WEIGHT = 0.7
PLACE_DISTANCE_SHARE = 0.6  # of the place score; the rest is closeness in time
PHONE_BASE, PHONE_FRESH = 0.6, 0.4


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance in metres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True)
class Candidate:
    """The report being registered; any of its details may still be missing."""

    lat: float | None
    lon: float | None
    received_at: datetime
    type_code: str | None = None
    category: str | None = None
    phone: str | None = None  # normalized (phones.normalize_phone)


@dataclass(frozen=True)
class Existing:
    id: int
    lat: float | None
    lon: float | None
    received_at: datetime
    type_code: str | None
    category: str | None
    status: Status
    phones: tuple[str, ...] = ()  # normalized


@dataclass(frozen=True)
class Match:
    incident_id: int
    score: float  # 0..1
    distance_m: float | None
    reasons: tuple[str, ...]


def _distance(c: Candidate, e: Existing) -> float | None:
    if c.lat is None or c.lon is None or e.lat is None or e.lon is None:
        return None
    return distance_m(c.lat, c.lon, e.lat, e.lon)


def _match(c: Candidate, e: Existing, radius_m: float, window: timedelta) -> Match | None:
    apart = abs(c.received_at - e.received_at)
    if e.status not in MATCHABLE or apart > window:
        return None
    fresh = 1 - apart / window
    reasons: list[str] = []

    phone = 0.0
    if c.phone and c.phone in e.phones:
        phone = PHONE_BASE + PHONE_FRESH * fresh
        reasons.append(SAME_PHONE)

    place = 0.0
    dist = _distance(c, e)
    if dist is not None and dist <= radius_m:
        if c.type_code and c.type_code == e.type_code:
            kind, why = TYPE_WEIGHT, SAME_TYPE
        elif c.category and c.category == e.category:
            kind, why = CATEGORY_WEIGHT, SAME_CATEGORY
        else:
            kind, why = 0.0, ""
        if kind:
            near = 1 - dist / radius_m if radius_m else 1.0
            share = PLACE_DISTANCE_SHARE
            place = kind * (share * near + (1 - share) * fresh)
            reasons += [NEARBY, why]

    if not reasons:
        return None
    # Either piece of evidence alone can make a match; both together make it surer.
    score = 1 - (1 - phone) * (1 - place)
    return Match(e.id, round(score, 6), dist, tuple(reasons))


def find_duplicates(
    candidate: Candidate,
    existing: Iterable[Existing],
    *,
    radius_m: float = 200,
    window: timedelta = timedelta(hours=12),
) -> list[Match]:
    """Likely duplicates of ``candidate``, best first (ties: nearer, then older id)."""
    if radius_m < 0 or window <= timedelta(0):
        raise ValueError("The radius must not be negative and the window must be positive.")
    found = [m for e in existing if (m := _match(candidate, e, radius_m, window))]
    return sorted(
        found,
        key=lambda m: (-m.score, math.inf if m.distance_m is None else m.distance_m, m.incident_id),
    )
