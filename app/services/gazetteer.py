"""The gazetteer: look-ups for intake, reverse geocoding, and the register import."""

from __future__ import annotations

from dataclasses import dataclass
from math import cos, radians

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.domain.gazetteer import (
    Address,
    district_of,
    nearest,
    normalize_house,
    normalize_street,
    parse_address_csv,
)
from app.models import AddressRow, SettingRow
from app.schemas.catalog import AddressOut

DISTRICTS_KEY = "districts"
BASEMAP_KEY = "basemap"  # lines of the offline basemap: rivers and streets


def _address(row: AddressRow) -> Address:
    return Address(row.street, row.house, row.lat, row.lon, row.district)


def geocode(session: Session, street: str, house: str) -> AddressRow | None:
    return session.scalars(
        select(AddressRow).where(
            AddressRow.street_key == normalize_street(street),
            AddressRow.house_key == normalize_house(house),
        )
    ).one_or_none()


def reverse(session: Session, lat: float, lon: float, max_m: float = 500) -> Address | None:
    """The nearest known house within ``max_m``, found offline from the gazetteer."""
    dlat = max_m / 111_000
    dlon = max_m / (111_000 * max(cos(radians(lat)), 0.01))
    rows = session.scalars(
        select(AddressRow).where(
            AddressRow.lat.between(lat - dlat, lat + dlat),
            AddressRow.lon.between(lon - dlon, lon + dlon),
        )
    )
    return nearest([_address(r) for r in rows], lat, lon, max_m=max_m)


def streets(session: Session, prefix: str, limit: int = 20) -> list[str]:
    key = normalize_street(prefix) if prefix.strip() else ""
    stmt = (
        select(AddressRow.street)
        .where(AddressRow.street_key.contains(key, autoescape=True))
        .group_by(AddressRow.street)
        .order_by(func.count().desc(), AddressRow.street)
        .limit(limit)
    )
    return list(session.scalars(stmt))


def houses(session: Session, street: str) -> list[AddressOut]:
    rows = session.scalars(
        select(AddressRow)
        .where(AddressRow.street_key == normalize_street(street))
        .order_by(AddressRow.id)
    )
    return [AddressOut.model_validate(r) for r in rows]


def basemap(session: Session) -> dict[str, object]:
    """What the offline basemap draws: districts, rivers and streets as [lat, lon] lines."""
    lines = session.get(SettingRow, BASEMAP_KEY)
    return {"districts": districts(session), **(lines.value if lines else
                                                 {"rivers": {}, "streets": []})}


def districts(session: Session) -> dict[str, list[tuple[float, float]]]:
    row = session.get(SettingRow, DISTRICTS_KEY)
    return {k: [tuple(p) for p in v] for k, v in (row.value if row else {}).items()}


@dataclass
class ImportReport:
    imported: int
    errors: list[str]


def import_addresses(session: Session, text: str, *, replace: bool = False) -> ImportReport:
    """Load a CSV extract of the state address register. Bad rows are reported by line and
    skipped; the good ones go in. A house already known is updated in place."""
    parsed = parse_address_csv(text)
    polygons = districts(session)
    if replace:
        session.execute(delete(AddressRow))
    existing = {
        (r.street_key, r.house_key): r for r in session.scalars(select(AddressRow))
    }
    for row in parsed.rows:
        key = (normalize_street(row.street), normalize_house(row.house))
        district = district_of(row.lat, row.lon, polygons) if polygons else None
        known = existing.get(key)
        if known is None:
            known = AddressRow(street=row.street.strip(), street_key=key[0],
                               house=row.house.strip(), house_key=key[1],
                               lat=row.lat, lon=row.lon, district=district)
            session.add(known)
            existing[key] = known
        else:
            known.lat, known.lon, known.district = row.lat, row.lon, district
    return ImportReport(imported=len(parsed.rows), errors=list(parsed.errors))


def load_addresses(session: Session, addresses: list[Address]) -> None:
    session.execute(
        AddressRow.__table__.insert(),
        [
            dict(street=a.street, street_key=normalize_street(a.street), house=a.house,
                 house_key=normalize_house(a.house), lat=a.lat, lon=a.lon, district=a.district)
            for a in addresses
        ],
    )
