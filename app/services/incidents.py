"""Registering an incident, editing it, and moving it through its statuses."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from app.domain.emergencies import in_force
from app.domain.enums import UNATTENDED_SOURCES, Action, Priority, Status
from app.domain.routing import RoutingRules
from app.domain.timezone import to_city
from app.domain.transitions import STATUS_STAMPS, next_status
from app.models import (
    Caller,
    ChangeLog,
    Incident,
    IncidentCounter,
    IncidentTypeRow,
    Note,
    SettingRow,
)
from app.schemas.incident import AddressIn, CallerIn, IncidentAction, IncidentCreate, IncidentPatch
from app.services import gazetteer
from app.services.access import (
    load_incident,
    require_desk,
    require_editable,
    require_readable,
)
from app.services.area import require_in_area
from app.services.clock import accept_client_time
from app.services.context import Actor, ServiceContext
from app.services.errors import Invalid, StaleVersion
from app.services.journal import Journal
from app.services.mutations import Work, run_mutation
from app.services.routing import ROUTING_KEY
from app.services.states import incident_detail, incident_state, note_state


def _type(session: Session, code: str | None) -> IncidentTypeRow | None:
    if code is None:
        return None
    row = session.get(IncidentTypeRow, code)
    if row is None:
        raise Invalid("There is no incident type '{type_code}' in the classifier.", type_code=code)
    return row


def _next_number(session: Session, now: datetime) -> str:
    """The next human number of the city year, without gaps. One upsert: the year's first
    number taken by two writers at once cannot collide. The counter row stays locked to
    the commit, so it is taken as late as possible (see ``register``)."""
    year = to_city(now).year
    table = IncidentCounter.__table__
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    taken = session.execute(
        insert(table).values(year=year, last=1)
        .on_conflict_do_update(index_elements=[table.c.year], set_={"last": table.c.last + 1})
        .returning(table.c.last)
    ).scalar_one()
    return f"{year}-{taken:06d}"


def _place(session: Session, incident: Incident, address: AddressIn) -> None:
    """Fill the address, verified against the gazetteer where it knows the house."""
    for field in ("street", "house", "entrance", "floor", "flat", "landmark"):
        value = getattr(address, field)
        setattr(incident, field, value.strip() if isinstance(value, str) and value.strip()
                else None)
    known = (
        gazetteer.geocode(session, address.street, address.house)
        if address.street and address.house else None
    )
    if known is not None:
        incident.street, incident.house = known.street, known.house
        incident.lat, incident.lon, incident.district = known.lat, known.lon, known.district
        incident.address_verified = True
        return
    incident.address_verified = False
    incident.lat, incident.lon = address.lat, address.lon
    incident.district = None
    if address.lat is not None and address.lon is not None:
        near = gazetteer.reverse(session, address.lat, address.lon)
        incident.district = near.district if near else None


def _route(session: Session, type_row: IncidentTypeRow | None, district: str | None) -> str:
    row = session.get(SettingRow, ROUTING_KEY)
    if row is None:
        raise Invalid("Room routing is not configured on the service.")
    rules = RoutingRules.from_dict(row.value)
    return rules.route(
        type_row.code if type_row else None, type_row.category if type_row else None, district
    )


def add_caller(
    session: Session, journal: Journal, incident: Incident, caller: CallerIn
) -> Caller | None:
    if not (caller.name or caller.phone):
        return None
    row = Caller(incident_id=incident.id, name=caller.name, phone=caller.phone,
                 created_at=journal.now)
    session.add(row)
    session.flush()
    # The journal names the caller by id only, so erasing the person keeps the chain.
    journal.record("caller.added", "caller", row.id, {"id": row.id, "incident_id": incident.id},
                   incident_id=incident.id, room=incident.room)
    return row


def _placeholder() -> str:
    return "~" + uuid.uuid4().hex[:12]


def add_note(session: Session, journal: Journal, incident: Incident, text: str) -> Note:
    note = Note(incident_id=incident.id, author_id=journal.actor.id,
                author_name=journal.actor.name, at=journal.now, text=text)
    session.add(note)
    session.flush()
    journal.record("note.added", "note", note.id, note_state(note),
                   incident_id=incident.id, room=incident.room)
    return note


def register(ctx: ServiceContext, actor: Actor, body: IncidentCreate) -> tuple[int, dict]:
    return run_mutation(ctx, actor, body, registering(ctx, actor, body))


def registering(ctx: ServiceContext, actor: Actor, body: IncidentCreate) -> Work:
    """The work of registering, for a use case that registers as part of its own
    transaction (an Open311 report is registered and linked to its client app at once)."""

    def work(session: Session, journal: Journal) -> tuple[int, dict[str, Any]]:
        require_desk(actor)
        now = journal.now
        type_row = _type(session, body.type_code)
        received = accept_client_time(ctx, body.received_at, "received_at",
                                      now=journal.service_now) or now
        if received > now:  # a change recorded offline: the call came before it
            raise Invalid("The time the call was received cannot be after it was registered.")
        require_in_area(ctx, session, body.address.lat, body.address.lon, "address")
        unattended = body.source in UNATTENDED_SOURCES
        incident = Incident(
            number=_placeholder(),
            type_code=type_row.code if type_row else None,
            priority=int(body.priority or (type_row.priority if type_row else Priority.NORMAL)),
            status=(Status.NEW if unattended else Status.REGISTERED).value,
            source=body.source.value,
            description=body.description.strip(),
            received_at=received,
            registered_at=None if unattended else now,
            registration_seconds=body.registration_seconds,
            created_by_id=actor.id,
            version=1,
        )
        _place(session, incident, body.address)
        incident.room = _route(session, type_row, incident.district)
        if not unattended and incident.room == (actor.room or incident.room):
            # The operator who took the call is the one working it.
            incident.claim_holder_id, incident.claim_holder_name = actor.id, actor.name
            incident.claim_expires_at = journal.service_now + ctx.lease
        session.add(incident)
        session.flush()
        # Numbered when it reaches the service (a console offline shows a temporary one);
        # last, as the counter stays locked to the commit.
        incident.number = _next_number(session, journal.service_now)
        session.flush()
        journal.record("incident.created", "incident", incident.id, incident_state(incident),
                       incident_id=incident.id, room=incident.room)
        if body.caller:
            add_caller(session, journal, incident, body.caller)
        # A new incident has no hand-overs or notes yet: no need to ask the database.
        return 201, {"incident": incident_state(incident), "handovers": [], "notes": []}

    return work


def check_version(incident: Incident, base_version: int) -> None:
    if incident.version != base_version:
        raise StaleVersion(
            "Incident {number} was changed by someone else meanwhile (your copy is "
            "version {base_version}, the service has {version}). Review the current "
            "state and apply your change again.",
            current=incident_state(incident),
            number=incident.number,
            base_version=base_version,
            version=incident.version,
        )


def begin_edit(
    ctx: ServiceContext, session: Session, journal: Journal, actor: Actor, incident_id: int,
    base_version: int,
) -> tuple[Incident, dict[str, Any]]:
    """Load, check, and take the lease: the operator who edits is the one working it."""
    incident = load_incident(session, incident_id)
    require_editable(actor, incident, journal.service_now)
    check_version(incident, base_version)
    old = incident_state(incident)
    incident.claim_holder_id, incident.claim_holder_name = actor.id, actor.name
    incident.claim_expires_at = journal.service_now + ctx.lease
    incident.version += 1
    return incident, old


def patch(ctx: ServiceContext, actor: Actor, incident_id: int, body: IncidentPatch):
    def work(session: Session, journal: Journal) -> tuple[int, dict[str, Any]]:
        incident, old = begin_edit(ctx, session, journal, actor, incident_id, body.base_version)
        if Status(incident.status) not in (Status.NEW, Status.REGISTERED, Status.DISPATCHED,
                                           Status.IN_PROGRESS, Status.RESOLVED):
            raise Invalid("Incident {number} is {status}; it cannot be edited.",
                          number=incident.number, status=incident.status)
        if "type_code" in body.model_fields_set and body.type_code != incident.type_code:
            type_row = _type(session, body.type_code)
            incident.type_code = type_row.code if type_row else None
            if type_row is not None and body.priority is None:
                # Classifying an untyped report gives it its type's priority, unless the
                # operator set one in the same change.
                incident.priority = type_row.priority
        if body.priority is not None:
            incident.priority = int(body.priority)
        if body.description is not None:
            incident.description = body.description.strip()
        if body.address is not None:
            require_in_area(ctx, session, body.address.lat, body.address.lon, "address")
            _place(session, incident, body.address)
        journal.changed("incident.updated", "incident", incident.id, old,
                        incident_state(incident), incident_id=incident.id, room=incident.room)
        return 200, incident_detail(session, incident)

    return run_mutation(ctx, actor, body, work)


def act(ctx: ServiceContext, actor: Actor, incident_id: int, body: IncidentAction):
    def work(session: Session, journal: Journal) -> tuple[int, dict[str, Any]]:
        if body.action is Action.DISPATCH:
            raise Invalid("An incident is dispatched by handing it over to a duty service.")
        incident, old = begin_edit(ctx, session, journal, actor, incident_id, body.base_version)
        now = journal.now
        status = Status(incident.status)
        restore = (_status_before_merge(session, incident.id)
                   if body.action is Action.SPLIT and status is Status.MERGED else None)
        target = next_status(status, body.action, actor.role, now=now,
                             closed_at=incident.closed_at, reason=body.reason, restore=restore,
                             emergency=in_force(incident.emergency_level,
                                                incident.emergency_lifted_at))
        # The incident the other one is (or was) merged into: it is told in its own notes,
        # so its card and timeline show the duplicate without opening it.
        host: Incident | None = None
        if body.action is Action.REOPEN:
            incident.reopened_at = now
            incident.resolved_at = incident.closed_at = None
            incident.result = None
        elif body.action is Action.MERGE:
            into = load_incident(session, body.merge_into or 0, lock=False)
            if into.id == incident.id or Status(into.status) not in (
                Status.NEW, Status.REGISTERED, Status.DISPATCHED, Status.IN_PROGRESS
            ):
                raise Invalid("Incident {number} can be merged only into another "
                              "open incident.", number=incident.number)
            incident.merged_into_id = into.id
            host = into
        elif body.action is Action.SPLIT:
            host = (session.get(Incident, incident.merged_into_id)
                    if incident.merged_into_id is not None else None)
            incident.merged_into_id = None
        if body.action is Action.CLOSE:
            incident.result = (body.result or "").strip()
        stamp = STATUS_STAMPS.get(target)
        if stamp and getattr(incident, stamp) is None:
            setattr(incident, stamp, now)
        incident.status = target.value
        if target in (Status.CLOSED, Status.CANCELLED, Status.MERGED):
            incident.claim_holder_id = incident.claim_holder_name = None
            incident.claim_expires_at = None
        journal.changed(f"incident.{body.action.value}", "incident", incident.id, old,
                        incident_state(incident), incident_id=incident.id, room=incident.room)
        if body.reason and body.reason.strip():
            add_note(session, journal, incident, f"{body.action.value}: {body.reason.strip()}")
        if host is not None:
            # Written in the room's language, like the service's other notes.
            add_note(session, journal, host,
                     f"Присоединено происшествие {incident.number} (дубликат)."
                     if body.action is Action.MERGE else
                     f"Происшествие {incident.number} отделено: объединение отменено, "
                     f"оно снова ведётся отдельно.")
        return 200, incident_detail(session, incident)

    return run_mutation(ctx, actor, body, work)


def _status_before_merge(session: Session, incident_id: int) -> Status | None:
    """The status the incident had when it was last merged, from the merge's journal row:
    the journal keeps it, so the incident needs no column of its own for it."""
    before = session.scalars(
        select(ChangeLog.before)
        .where(ChangeLog.incident_id == incident_id, ChangeLog.kind == "incident.merge")
        .order_by(ChangeLog.seq.desc()).limit(1)
    ).first()
    status = (before or {}).get("status")
    return Status(status) if status else None


def get_detail(ctx: ServiceContext, actor: Actor, incident_id: int) -> dict[str, Any]:
    with ctx.db.read() as session:
        incident = load_incident(session, incident_id, lock=False)
        require_readable(session, actor, incident)
        return incident_detail(session, incident)
