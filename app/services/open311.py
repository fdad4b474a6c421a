"""Citizen reports through Open311 GeoReport v2: client app keys, the services offered, a
report registered as an incident, and its status told back without any personal data."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from pydantic import ValidationError
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.domain.enums import OPEN_STATUSES, Role, Source, Status
from app.domain.timezone import to_city
from app.models import (
    CategoryRow,
    ChangeLog,
    Incident,
    IncidentTypeRow,
    Open311Key,
    Open311Request,
)
from app.schemas.incident import AddressIn, CallerIn, IncidentCreate
from app.schemas.open311 import Open311Query, Open311RequestIn
from app.services import gazetteer
from app.services.context import Actor, ServiceContext
from app.services.errors import Forbidden, Invalid, NotFound
from app.services.incidents import registering
from app.services.journal import Journal
from app.services.mutations import run_system

# What a citizen app shows for each of our statuses: GeoReport v2 knows only open and
# closed, and `status_notes` carries the words the regional app shows (новое, принято в
# работу, решено, разъяснено). Resolved counts as closed for the citizen: the work is done,
# the operator's closing of the record is bookkeeping. A cancelled report (a false or
# withdrawn one) and one merged into another report of the same event were answered,
# not solved: "разъяснено".
STATUS_MAP: dict[Status, tuple[str, str]] = {
    Status.NEW: ("open", "новое"),
    Status.REGISTERED: ("open", "принято в работу"),
    Status.DISPATCHED: ("open", "принято в работу"),
    Status.IN_PROGRESS: ("open", "принято в работу"),
    Status.RESOLVED: ("closed", "решено"),
    Status.CLOSED: ("closed", "решено"),
    Status.CANCELLED: ("closed", "разъяснено"),
    Status.MERGED: ("closed", "разъяснено"),
}
# The specification's default window for GET requests, and the widest a client may ask for.
WINDOW = timedelta(days=90)
MAX_LISTED = 1000  # a page the size GeoReport servers commonly return
KEY_BYTES = 32


@dataclass(frozen=True)
class Client:
    id: int
    name: str


def _hash(key: str) -> str:
    # SHA-256, not a slow password hash: the key is 256 random bits, not a person's
    # password, so there is nothing to guess from its hash, and the lookup stays one
    # indexed equality per request.
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def create_key(ctx: ServiceContext, name: str) -> str:
    """A new key for a client app; returned once, only its hash is kept."""
    name = name.strip()
    if not name or len(name) > 120:
        raise Invalid("The client app's name must be 1 to 120 characters.")
    key = secrets.token_urlsafe(KEY_BYTES)
    with ctx.db.write() as session:
        if session.scalars(select(Open311Key).where(Open311Key.name == name)).first():
            raise Invalid("A client app named '{name}' already has a key.", name=name)
        session.add(Open311Key(name=name, key_hash=_hash(key), created_at=ctx.clock()))
    return key


def client_of(ctx: ServiceContext, api_key: str | None) -> Client:
    if not api_key:
        raise Forbidden("api_key was not provided.")
    with ctx.db.read() as session:
        row = session.scalars(select(Open311Key).where(Open311Key.key_hash == _hash(api_key),
                                                       Open311Key.revoked_at.is_(None))).first()
    if row is None:
        raise Forbidden("Invalid api_key received; the report was not accepted.")
    return Client(row.id, row.name)


# --- services -----------------------------------------------------------------------------

def _offered(session: Session) -> list[tuple[IncidentTypeRow, CategoryRow]]:
    """Types a citizen may report: every one but the sensitive (a suicide threat, domestic
    violence), which are never published and go to 112."""
    return list(session.execute(
        select(IncidentTypeRow, CategoryRow)
        .join(CategoryRow, CategoryRow.code == IncidentTypeRow.category)
        .where(IncidentTypeRow.sensitive.is_(False))
        .order_by(CategoryRow.code, IncidentTypeRow.code)).all())


def _service(t: IncidentTypeRow, c: CategoryRow) -> dict[str, Any]:
    return {
        "service_code": t.code,
        "service_name": t.name_ru,
        "description": f"{t.name_ru} ({t.name_en})",
        "metadata": False,  # no extra attributes: the definition lists none
        "type": "realtime",  # the request id is given in the answer to the POST
        "keywords": ", ".join(t.synonyms),
        "group": c.name_ru,
    }


def services(ctx: ServiceContext) -> list[dict[str, Any]]:
    with ctx.db.read() as session:
        return [_service(t, c) for t, c in _offered(session)]


def _offered_type(session: Session, code: str,
                  refuse: type[NotFound | Invalid] = NotFound) -> IncidentTypeRow:
    row = session.get(IncidentTypeRow, code)
    if row is None or row.sensitive:
        # The same words for a sensitive type as for none: the API does not reveal it.
        raise refuse("Service code {service_code} is not offered here. In an emergency call 112.",
                       service_code=code)
    return row


def definition(ctx: ServiceContext, code: str) -> dict[str, Any]:
    with ctx.db.read() as session:
        row = _offered_type(session, code)
        return {"service_code": row.code, "attributes": []}


# --- a report -----------------------------------------------------------------------------

def _address(session: Session, body: Open311RequestIn) -> AddressIn:
    """The point if sent; a free-text address is matched against the gazetteer as "street,
    house" where it can be, and kept as a landmark where it cannot."""
    text = body.address_string
    if text and "," in text:
        street, _, house = text.rpartition(",")
        known = gazetteer.geocode(session, street.strip(), house.strip()) if street else None
        if known is not None:
            return AddressIn(street=known.street, house=known.house, lat=body.lat, lon=body.long)
    return AddressIn(landmark=text, lat=body.lat, lon=body.long)


def submit(ctx: ServiceContext, client: Client, body: Open311RequestIn) -> dict[str, Any]:
    """Register the report as an incident from the mobile app (new, unclaimed, routed to its
    room) and link it to the client app, in one transaction."""
    actor = Actor(id=None, name=f"Open311: {client.name}", role=Role.OPERATOR)
    try:
        caller = CallerIn(name=body.reporter_name, phone=body.phone)
    except ValidationError as e:
        raise Invalid("phone: {_why}", _why=e.errors()[0]['msg'].removeprefix('Value error, '),
                      field="phone") from None

    def work(session: Session, journal: Journal) -> dict[str, Any]:
        type_row = _offered_type(session, body.service_code, Invalid)
        create = IncidentCreate(
            mutation_id=secrets.token_hex(16), source=Source.MOBILE_APP, type_code=type_row.code,
            address=_address(session, body), description=body.description,
            caller=caller if (caller.name or caller.phone) else None)
        # The email is not kept: the callers' table holds a name and a phone, and the
        # citizen app follows its report by the request id it gets back.
        _, detail = registering(ctx, actor, create)(session, journal)
        incident = detail["incident"]
        session.add(Open311Request(
            incident_id=incident["id"], key_id=client.id, service_request_id=incident["number"],
            service_code=type_row.code, description=body.description,
            media_url=body.media_url, requested_at=journal.now))
        session.flush()
        return {"service_request_id": incident["number"],
                "service_notice": "Заявка принята, номер " + incident["number"]
                + ". При угрозе жизни звоните 112.",
                "account_id": body.account_id}

    return run_system(ctx, actor, work)


# --- listing back -------------------------------------------------------------------------

def _when(dt: datetime | None) -> str | None:
    # W3C date-time with the city's offset, as the specification asks.
    return to_city(dt).isoformat(timespec="seconds") if dt else None


def _listed(session: Session, link: Open311Request, incident: Incident,
            type_row: IncidentTypeRow | None, updated: datetime | None) -> dict[str, Any]:
    status = Status(incident.status)
    open_closed, notes = STATUS_MAP[status]
    norm = type_row.norm_resolution if type_row else None
    expected = (incident.received_at + timedelta(seconds=norm)
                if norm and status in OPEN_STATUSES else None)
    # The place as the service knows it, without entrance, floor or flat.
    address = (", ".join(p for p in (incident.street, incident.house) if p)
               or incident.landmark)
    return {
        "service_request_id": link.service_request_id,
        "status": open_closed,
        "status_notes": notes,
        "service_name": type_row.name_ru if type_row else None,
        "service_code": incident.type_code,
        "description": link.description,
        "agency_responsible": None,
        "service_notice": None,
        "requested_datetime": _when(incident.received_at),
        "updated_datetime": _when(updated or incident.received_at),
        "expected_datetime": _when(expected),
        "address": address,
        "address_id": None,
        "zipcode": None,
        "lat": incident.lat,
        "long": incident.lon,
        "media_url": link.media_url,
    }


def _select():  # type: ignore[no-untyped-def]
    # Only reports filed through Open311, and never one whose type is (or was reclassified
    # to) a sensitive one.
    return (select(Open311Request, Incident, IncidentTypeRow)
            .join(Incident, Incident.id == Open311Request.incident_id)
            .outerjoin(IncidentTypeRow, IncidentTypeRow.code == Incident.type_code)
            .where(or_(IncidentTypeRow.code.is_(None), IncidentTypeRow.sensitive.is_(False))))


def _out(session: Session, rows: list[Any]) -> list[dict[str, Any]]:
    ids = [incident.id for _, incident, _ in rows]
    updated = dict(session.execute(
        select(ChangeLog.incident_id, func.max(ChangeLog.at))
        .where(ChangeLog.incident_id.in_(ids)).group_by(ChangeLog.incident_id)).all()
    ) if ids else {}
    return [_listed(session, link, incident, t, updated.get(incident.id))
            for link, incident, t in rows]


def request(ctx: ServiceContext, service_request_id: str) -> dict[str, Any]:
    with ctx.db.read() as session:
        rows = list(session.execute(
            _select().where(Open311Request.service_request_id == service_request_id)).all())
        if not rows:
            raise NotFound("There is no service request {service_request_id}.",
                           service_request_id=service_request_id)
        return _out(session, rows)[0]


def requests(ctx: ServiceContext, query: Open311Query) -> list[dict[str, Any]]:
    stmt = _select()
    ids = Open311Query.split(query.service_request_id)
    if ids:  # the specification: a list of ids overrides every other parameter
        stmt = stmt.where(Open311Request.service_request_id.in_(ids))
    else:
        end = query.end_date or ctx.clock()
        start = query.start_date or end - WINDOW
        if start > end:
            raise Invalid("start_date is after end_date.")
        if end - start > WINDOW:
            raise Invalid("start_date and end_date may not span more than 90 days.")
        stmt = stmt.where(Open311Request.requested_at >= start,
                          Open311Request.requested_at <= end)
        codes = Open311Query.split(query.service_code)
        if codes:
            stmt = stmt.where(Incident.type_code.in_(codes))
        wanted = set(Open311Query.split(query.status))
        if wanted and wanted != {"open", "closed"}:
            statuses = [s.value for s, (oc, _) in STATUS_MAP.items() if oc in wanted]
            stmt = stmt.where(Incident.status.in_(statuses))
    stmt = stmt.order_by(Open311Request.requested_at.desc(), Open311Request.id.desc())
    with ctx.db.read() as session:
        return _out(session, list(session.execute(stmt.limit(MAX_LISTED)).all()))
