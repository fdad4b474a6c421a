"""The service area: a box around the city's known houses, widened by a margin.

A point far outside it is a broken fix (a GPS at 0,0, latitude and longitude swapped, a
pin dropped in another region), not a place the city's services go to."""

from __future__ import annotations

import math

Box = tuple[float, float, float, float]  # south, west, north, east (degrees)

KM_PER_DEG_LAT = 111.32


def _km_per_deg_lon(lat: float) -> float:
    return KM_PER_DEG_LAT * max(math.cos(math.radians(lat)), 0.01)


def widen(box: Box, km: float) -> Box:
    south, west, north, east = box
    dlat = km / KM_PER_DEG_LAT
    # Widened by the narrower degree of longitude (at the edge nearer the pole), so the
    # margin is at least ``km`` everywhere along the box.
    dlon = km / _km_per_deg_lon(max(abs(south), abs(north)))
    return (max(south - dlat, -90.0), max(west - dlon, -180.0),
            min(north + dlat, 90.0), min(east + dlon, 180.0))


def km_outside(box: Box, lat: float, lon: float) -> float:
    """How far (roughly, in km) the point lies outside the box; 0 inside it."""
    south, west, north, east = box
    dy = max(south - lat, 0.0, lat - north) * KM_PER_DEG_LAT
    dx = max(west - lon, 0.0, lon - east) * _km_per_deg_lon(min(max(lat, south), north))
    return math.hypot(dx, dy)
