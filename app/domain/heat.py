"""Density on a grid: how many incidents fell in each cell, for the map's heat layer."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

Cell = tuple[float, float, float, float, int]  # south, west, north, east, count

M_PER_DEG_LAT = 111_320.0


def grid(points: Iterable[tuple[float, float]], cell_m: float = 250.0,
         origin: tuple[float, float] = (0.0, 0.0)) -> list[Cell]:
    """Count points per square cell of about ``cell_m`` metres. Cells are aligned to
    ``origin`` so the same point always falls in the same cell; empty cells are left out.
    The east-west size in degrees is taken at the origin's latitude (fine for a city)."""
    dlat = cell_m / M_PER_DEG_LAT
    dlon = cell_m / (M_PER_DEG_LAT * max(math.cos(math.radians(origin[0])), 0.01))
    counts = Counter(
        (math.floor((lat - origin[0]) / dlat), math.floor((lon - origin[1]) / dlon))
        for lat, lon in points
    )
    return sorted(
        (origin[0] + i * dlat, origin[1] + j * dlon,
         origin[0] + (i + 1) * dlat, origin[1] + (j + 1) * dlon, n)
        for (i, j), n in counts.items()
    )
