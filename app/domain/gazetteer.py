"""Addresses: one spelling for lookup, the register import, and where a point lies.

Operators type the same street many ways ("пр-т Строителей", "Строителей пр.",
"просп. Строителей") and the same house several ways ("12А", "12 а", "12a"; "12/1",
"12 к1"). :func:`normalize_street` and :func:`normalize_house` give each one key, so a
lookup does not depend on spelling. :func:`parse_address_csv` reads an extract of the state
address register (ФИАС/ГАР) and keeps going past bad rows, saying what is wrong with each.
Coordinates are WGS 84 degrees; polygons ("rings") are sequences of ``(lat, lon)``.
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

Point = tuple[float, float]  # (lat, lon)
Ring = Sequence[Point]


@dataclass(frozen=True)
class Address:
    """A house with its position. ``district`` is None until it is computed."""

    street: str
    house: str
    lat: float
    lon: float
    district: str | None = None

    @property
    def key(self) -> tuple[str, str]:
        """The lookup key: normalized street and house."""
        return address_key(self.street, self.house)


# --- normalization ------------------------------------------------------------------

# Street kinds in their full form, each with the spellings seen in registers and typed by
# operators (after lower-casing, ё→е and dots removed). The order is the priority when a
# name has a kind word at both ends: "Набережная улица" is a street named Набережная.
_KIND_SPELLINGS: dict[str, tuple[str, ...]] = {
    "улица": ("улица", "ул"),
    "проспект": ("проспект", "пр-т", "пр-кт", "просп", "пр", "пркт"),
    "переулок": ("переулок", "пер"),
    "бульвар": ("бульвар", "б-р", "бул", "бульв"),
    "шоссе": ("шоссе", "ш"),
    "проезд": ("проезд", "пр-д", "пр-зд"),
    "площадь": ("площадь", "пл"),
    "набережная": ("набережная", "наб"),
    "микрорайон": ("микрорайон", "мкр", "мкрн", "мкр-н", "м-н"),
    "квартал": ("квартал", "кв-л"),
    "тупик": ("тупик", "туп"),
    "аллея": ("аллея",),
}
_KIND_OF: dict[str, str] = {
    spelling: kind for kind, spellings in _KIND_SPELLINGS.items() for spelling in spellings
}
_KIND_RANK: dict[str, int] = {kind: rank for rank, kind in enumerate(_KIND_SPELLINGS)}

_QUOTES = str.maketrans({q: " " for q in "\"'«»„“”`"})


def _fold(text: str) -> str:
    return text.lower().replace("ё", "е")


def split_street(name: str) -> tuple[str | None, str]:
    """``(kind, proper name)`` in normalized form: "Строителей пр." → ("проспект", "строителей").

    The kind is looked for at either end of the name; None when there is none.
    """
    text = _fold(name).translate(_QUOTES)
    text = re.sub(r"[.,]", " ", text)
    text = re.sub(r"\s*-\s*", "-", text)  # "Чебал - Су" → "чебал-су"
    tokens = text.split()
    if len(tokens) < 2:
        return None, " ".join(tokens)
    first, last = _KIND_OF.get(tokens[0]), _KIND_OF.get(tokens[-1])
    if first is not None and (last is None or _KIND_RANK[first] <= _KIND_RANK[last]):
        return first, " ".join(tokens[1:])
    if last is not None:
        return last, " ".join(tokens[:-1])
    return None, " ".join(tokens)


def normalize_street(name: str) -> str:
    """One canonical spelling for lookup: lower case, ё→е, the kind written out in full first.

    "пр-т Строителей", "Строителей пр.", "просп. Строителей" → "проспект строителей";
    "ул. Кузнецкая", "Кузнецкая ул" → "улица кузнецкая". A name without a kind stays
    without one ("Строителей" → "строителей").
    """
    kind, proper = split_street(name)
    return f"{kind} {proper}" if kind and proper else proper


# Latin letters typed on the wrong keyboard layout or transliterated, as Cyrillic.
_LATIN_HOUSE = str.maketrans("abvgdeokcp", "абвгдеокср")


def normalize_house(house: str) -> str:
    """One spelling of a house number: "12А", "12 а", "12a" → "12а"; "12/1", "12 к1",
    "12 корп. 1" → "12к1"; "12 стр. 2" → "12с2". A leading "д."/"дом" is dropped."""
    text = _fold(house).strip().translate(_LATIN_HOUSE)
    text = re.sub(r"^(?:дом|д)\.?\s*(?=\d)", "", text)
    text = re.sub(r"\b(?:корпус|корп|кор)\b\.?", "к", text)
    text = re.sub(r"\b(?:строение|стр)\b\.?", "с", text)
    text = text.replace("/", "к")
    return re.sub(r"[\s.,]+", "", text)


def address_key(street: str, house: str) -> tuple[str, str]:
    return normalize_street(street), normalize_house(house)


# --- the register import ------------------------------------------------------------

_COLUMNS: dict[str, tuple[str, ...]] = {
    "street": ("street", "street_name", "улица", "наименование улицы"),
    "house": ("house", "house_number", "housenum", "дом", "номер дома"),
    "lat": ("lat", "latitude", "широта"),
    "lon": ("lon", "lng", "long", "longitude", "долгота"),
}
# Optional: the street kind in its own column, as ГАР extracts often have it ("ул", "пр-кт").
_KIND_COLUMN = ("street_type", "shortname", "тип", "тип улицы")
_LIMITS = {"lat": ("latitude", 90.0), "lon": ("longitude", 180.0)}


@dataclass(frozen=True)
class ParseResult:
    """Rows that were read (``district`` None) and one message per row that was not."""

    rows: list[Address] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _header_key(cell: str) -> str:
    return " ".join(_fold(cell).replace("\ufeff", "").strip().split())


def _detect_delimiter(header_line: str) -> str:
    counts = {d: header_line.count(d) for d in ";,\t|"}
    best = max(counts, key=lambda d: counts[d])
    if counts[best]:
        return best
    try:
        return csv.Sniffer().sniff(header_line, delimiters=";,\t|").delimiter
    except csv.Error:
        return ","


def _number(raw: str) -> float | None:
    text = raw.strip().replace(" ", "").replace("\u00a0", "")
    if text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")  # decimal comma
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def parse_address_csv(source: str | Iterable[str]) -> ParseResult:
    """Read a CSV extract of the address register.

    ``source`` is the whole text or its lines. The first non-blank line is the header,
    with the columns street, house, lat, lon (or улица, дом, широта, долгота; a column
    street_type/тип is prepended to the street when present). The delimiter (";" or ","
    or tab) is taken from the header; a decimal comma is accepted. A bad row does not stop
    the import: it gives a message such as "line 7: latitude '91.2' is outside -90..90",
    where lines count from 1 with the header. A second row for the same normalized street
    and house is reported and skipped. A missing required column raises ``ValueError``.
    """
    lines = source.splitlines(keepends=True) if isinstance(source, str) else list(source)
    start = next((i for i, line in enumerate(lines) if line.strip()), None)
    if start is None:
        raise ValueError("the address file is empty: a header row is required")
    reader = csv.reader(lines[start:], delimiter=_detect_delimiter(lines[start]))
    header = [_header_key(cell) for cell in next(reader)]

    index: dict[str, int] = {}
    for column, names in _COLUMNS.items():
        found = next((i for i, h in enumerate(header) if h in names), None)
        if found is None:
            raise ValueError(
                f"missing required column {column!r} (also accepted: {', '.join(names[1:])});"
                f" the header has: {', '.join(header)}"
            )
        index[column] = found
    kind_at = next((i for i, h in enumerate(header) if h in _KIND_COLUMN), None)

    rows: list[Address] = []
    errors: list[str] = []
    first_line: dict[tuple[str, str], int] = {}
    for record in reader:
        line = start + reader.line_num
        if not any(cell.strip() for cell in record):
            continue
        problems: list[str] = []

        def cell(column: str, record: list[str] = record) -> str:
            at = index[column]
            return record[at].strip() if at < len(record) else ""

        street, house = cell("street"), cell("house")
        if kind_at is not None and kind_at < len(record) and record[kind_at].strip():
            street = f"{record[kind_at].strip()} {street}" if street else ""
        if not street:
            problems.append("street is empty")
        if not house:
            problems.append("house is empty")
        coords: dict[str, float] = {}
        for column, (word, limit) in _LIMITS.items():
            raw = cell(column)
            value = _number(raw) if raw else None
            if not raw:
                problems.append(f"{word} is empty")
            elif value is None:
                problems.append(f"{word} {raw!r} is not a number")
            elif not -limit <= value <= limit:
                problems.append(f"{word} {raw!r} is outside {-limit:g}..{limit:g}")
            else:
                coords[column] = value
        if problems:
            errors.append(f"line {line}: {'; '.join(problems)}")
            continue
        key = address_key(street, house)
        if key in first_line:
            errors.append(
                f"line {line}: {street}, {house} is already on line {first_line[key]}; skipped"
            )
            continue
        first_line[key] = line
        rows.append(Address(street, house, coords["lat"], coords["lon"]))
    return ParseResult(rows, errors)


# --- geometry -----------------------------------------------------------------------


def point_in_polygon(lat: float, lon: float, ring: Ring) -> bool:
    """Whether the point is inside the polygon (even-odd rule; closed or open ring).

    A point exactly on an edge may fall either way; adjacent polygons that share edges
    never both contain the same point.
    """
    inside = False
    n = len(ring)
    for i in range(n):
        lat1, lon1 = ring[i]
        lat2, lon2 = ring[i - 1]
        if (lat1 > lat) != (lat2 > lat):
            cross_lon = lon1 + (lat - lat1) * (lon2 - lon1) / (lat2 - lat1)
            if lon < cross_lon:
                inside = not inside
    return inside


def district_of(lat: float, lon: float, districts: Mapping[str, Ring]) -> str | None:
    """The name of the first district whose polygon holds the point, or None."""
    for name, ring in districts.items():
        if point_in_polygon(lat, lon, ring):
            return name
    return None


def with_districts(addresses: Iterable[Address], districts: Mapping[str, Ring]) -> list[Address]:
    """The addresses with ``district`` computed from their coordinates."""
    return [
        Address(a.street, a.house, a.lat, a.lon, district_of(a.lat, a.lon, districts))
        for a in addresses
    ]


_EARTH_RADIUS_M = 6_371_008.8


def _haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


def nearest(
    addresses: Iterable[Address], lat: float, lon: float, max_m: float | None = None
) -> Address | None:
    """The address closest to the point (great-circle distance), or None when there is
    none or the closest is farther than ``max_m`` metres."""
    best: Address | None = None
    best_m = math.inf
    for address in addresses:
        d = _haversine_m(lat, lon, address.lat, address.lon)
        if d < best_m:
            best, best_m = address, d
    if best is None or (max_m is not None and best_m > max_m):
        return None
    return best
