"""Shift handovers: the outgoing supervisor of a room signs the summary of the shift, frozen
with its hash; another supervisor of the room signs the same text as the incoming one and
takes over the claims it lists that their holders still hold."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from app.domain.catalog import IncidentType, Norms
from app.domain.enums import Priority, Role, Status
from app.domain.facts import HandoverFacts, IncidentFacts
from app.domain.shift_handover import (
    UNFINISHED,
    IncidentRecord,
    address_text,
    build_summary,
    claims_to_pass,
    content_hash,
    shift_to_hand_over,
)
from app.domain.shifts import Shift, ShiftCalendar
from app.domain.timezone import to_city
from app.models import Handover, Incident, IncidentTypeRow, RoomRow, ShiftHandover
from app.schemas.shift_handover import ShiftHandoverOut, SignInIn, SignOutIn
from app.services import auth
from app.services.context import Actor, ServiceContext
from app.services.errors import Conflict, Forbidden, Invalid, NotFound
from app.services.journal import Journal
from app.services.mutations import run_mutation
from app.services.states import incident_state

CALENDAR = ShiftCalendar()
MAX_LIST = 200


# -- who ------------------------------------------------------------------------------------


def _require_signer(actor: Actor, room: str) -> None:
    """A handover is signed by the room's own supervisors: the people on shift there."""
    if actor.role is not Role.SUPERVISOR:
        raise Forbidden("Only a supervisor signs a shift handover.", role=actor.role.value)
    if actor.room != room:
        raise Forbidden("You are a supervisor of room '{own_room}'; the handover of room "
                        "'{room}' is signed by its own supervisors.", own_room=actor.room,
                        room=room)


def _require_reader(actor: Actor, room: str | None) -> None:
    if actor.role is Role.ADMIN:
        return
    if actor.role is not Role.SUPERVISOR:
        raise Forbidden("Shift handovers are read by supervisors and administrators.",
                        role=actor.role.value)
    if room is not None and actor.room != room:
        raise Forbidden("You are a supervisor of room '{own_room}'; the handovers of room "
                        "'{room}' are its own supervisors'.", own_room=actor.room, room=room)


def _room_of(actor: Actor, room: str | None) -> str:
    if room is None:
        if actor.room is None:
            raise Invalid("Name the room whose shift is handed over (room=…).")
        return actor.room
    return room


# -- reading the room's state -----------------------------------------------------------------


def _types(session: Session) -> dict[str, IncidentType]:
    return {r.code: IncidentType(
        r.code, r.category, r.name_ru, r.name_en, priority=Priority(r.priority),
        norms=Norms(registration=r.norm_registration, handover=r.norm_handover,
                    acknowledgement=r.norm_acknowledgement, arrival=r.norm_arrival,
                    resolution=r.norm_resolution))
        for r in session.scalars(select(IncidentTypeRow))}


def _t(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _records(session: Session, room: str, shift: Shift,
             types: dict[str, IncidentType]) -> list[IncidentRecord]:
    """Every unfinished incident of the city (the room's, and any emergency), and the room's
    incidents received or closed in the shift."""
    wanted = or_(
        Incident.status.in_([s.value for s in UNFINISHED]),
        and_(Incident.room == room, or_(
            and_(Incident.received_at >= shift.start, Incident.received_at < shift.end),
            and_(Incident.closed_at >= shift.start, Incident.closed_at < shift.end))),
    )
    incidents = list(session.scalars(select(Incident).where(wanted).order_by(Incident.id)))
    handovers: dict[int, list[HandoverFacts]] = {}
    for h in session.scalars(select(Handover).join(Incident, Incident.id == Handover.incident_id)
                             .where(wanted).order_by(Handover.id)):
        handovers.setdefault(h.incident_id, []).append(HandoverFacts(
            service=h.service, handed_over_at=h.handed_over_at, acknowledged_at=h.acknowledged_at,
            crew_dispatched_at=h.crew_dispatched_at, on_scene_at=h.on_scene_at,
            resolved_at=h.resolved_at, recalled_at=h.recalled_at))
    out = []
    for i in incidents:
        # The emergency is read from the incident's state, as every console reads it.
        state = incident_state(i)
        kind = types.get(i.type_code or "")
        out.append(IncidentRecord(
            IncidentFacts(
                id=i.id, type_code=i.type_code or "", category=kind.category if kind else "",
                priority=Priority(i.priority), status=Status(i.status), room=i.room,
                received_at=i.received_at, registered_at=i.registered_at,
                resolved_at=i.resolved_at, closed_at=i.closed_at,
                handovers=tuple(handovers.get(i.id, ()))),
            number=i.number, address=address_text(i.street, i.house, i.landmark),
            claim_holder_id=i.claim_holder_id, claim_holder_name=i.claim_holder_name,
            claim_expires_at=i.claim_expires_at,
            emergency_level=state.get("emergency_level"),
            emergency_at=_t(state.get("emergency_at")),
            emergency_lifted_at=_t(state.get("emergency_lifted_at")),
            emergency_report_due=_t(state.get("emergency_report_due"))))
    return out


def _due_shift(session: Session, room: str, now: datetime) -> Shift:
    recent = set(session.scalars(select(ShiftHandover.shift_start).where(
        ShiftHandover.room == room, ShiftHandover.shift_start >= now - timedelta(days=2))))
    return shift_to_hand_over(CALENDAR, now, recent)


def _summary(session: Session, room: str, now: datetime) -> tuple[Shift, dict[str, Any]]:
    shift = _due_shift(session, room, now)
    types = _types(session)
    return shift, build_summary(room, shift, now, _records(session, room, shift, types), types)


def _existing(session: Session, room: str, shift: Shift) -> ShiftHandover | None:
    return session.scalars(select(ShiftHandover).where(
        ShiftHandover.room == room, ShiftHandover.shift_start == shift.start)).one_or_none()


def _check_room(session: Session, room: str) -> None:
    if session.get(RoomRow, room) is None:
        raise NotFound("There is no room '{room}'.", room=room)


def handover_out(row: ShiftHandover) -> dict[str, Any]:
    out = ShiftHandoverOut.model_validate(row).model_dump(mode="json")
    out["summary"] = row.summary  # as stored and hashed, not re-spelled
    return out


def _journal_state(row: ShiftHandover) -> dict[str, Any]:
    """What the change log keeps: everything but the summary, which the hash stands for
    (the chain then vouches for the stored text; every console is spared its bulk)."""
    out = handover_out(row)
    del out["summary"]
    return out


def _when(t: datetime) -> str:
    return f"{to_city(t):%d.%m.%Y %H:%M}"


# -- use cases ---------------------------------------------------------------------------------


def draft(ctx: ServiceContext, actor: Actor, room: str | None) -> dict[str, Any]:
    """The summary of the shift due for handover, as things stand now; and the handover
    already signed for it, if any."""
    room = _room_of(actor, room)
    _require_reader(actor, room)
    with ctx.db.read(consistent=True) as session:
        _check_room(session, room)
        shift, summary = _summary(session, room, ctx.clock())
        signed = _existing(session, room, shift)
        return {"summary": summary, "handover": handover_out(signed) if signed else None}


def sign_out(ctx: ServiceContext, actor: Actor, body: SignOutIn) -> tuple[int, dict[str, Any]]:
    """The outgoing supervisor signs: the summary is frozen as it stands now."""
    _require_signer(actor, body.room)
    auth.confirm_password(ctx, actor, body.password)

    def work(session: Session, journal: Journal) -> tuple[int, dict[str, Any]]:
        now = journal.now
        shift, summary = _summary(session, body.room, now)
        signed = _existing(session, body.room, shift)
        if signed is not None:
            raise Conflict(
                "The shift {shift} of room '{room}' was already handed over by "
                "{by} at {_at}; a shift is handed over once.", handover_id=signed.id,
                shift=shift.label, room=body.room, by=signed.outgoing_name,
                _at=_when(signed.outgoing_signed_at))
        notes = body.notes.strip()
        row = ShiftHandover(
            room=body.room, shift_start=shift.start, shift_end=shift.end, summary=summary,
            notes=notes, content_hash=content_hash(summary, notes), outgoing_id=actor.id,
            outgoing_name=actor.name, outgoing_signed_at=now, version=1,
            mutation_id=str(body.mutation_id))
        session.add(row)
        session.flush()
        journal.record("shift_handover.signed_out", "shift_handover", row.id,
                       _journal_state(row), room=row.room)
        return 201, handover_out(row)

    return run_mutation(ctx, actor, body, work)


def _holder(incident: Incident) -> dict[str, Any]:
    return {k: v for k, v in incident_state(incident).items() if k.startswith("claim_")}


def _pass_claims(ctx: ServiceContext, session: Session, journal: Journal, row: ShiftHandover,
                 actor: Actor) -> list[dict[str, Any]]:
    """Each claim the summary lists passes to the incoming supervisor if the same operator
    still holds it now; one taken or released since is theirs to keep or nobody's."""
    now = journal.service_now
    assert now is not None
    passed = []
    # Locked in id order, as every writer that locks several incidents does.
    for incident_id, holder_id in sorted(claims_to_pass(row.summary)):
        incident = session.scalars(select(Incident).where(Incident.id == incident_id)
                                   .with_for_update()).one_or_none()
        if (incident is None or incident.room != row.room
                or incident.claim_holder_id != holder_id or incident.claim_expires_at is None
                or incident.claim_expires_at <= now
                or Status(incident.status) not in UNFINISHED):
            continue
        before = _holder(incident)
        incident.claim_holder_id, incident.claim_holder_name = actor.id, actor.name
        incident.claim_expires_at = now + ctx.lease
        journal.record("claim.transferred", "incident", incident.id, _holder(incident),
                       before=before, incident_id=incident.id, room=incident.room)
        passed.append({"incident_id": incident.id, "number": incident.number,
                       "from_id": holder_id, "from_name": before["claim_holder_name"]})
    return passed


def sign_in(ctx: ServiceContext, actor: Actor, handover_id: int,
            body: SignInIn) -> tuple[int, dict[str, Any]]:
    """The incoming supervisor signs the same text and takes over the claims it lists."""
    if actor.role is not Role.SUPERVISOR:
        raise Forbidden("Only a supervisor signs a shift handover.", role=actor.role.value)
    auth.confirm_password(ctx, actor, body.password)

    def work(session: Session, journal: Journal) -> tuple[int, dict[str, Any]]:
        row = session.scalars(select(ShiftHandover).where(ShiftHandover.id == handover_id)
                              .with_for_update()).one_or_none()
        if row is None:
            raise NotFound("There is no shift handover with id {handover_id}.",
                           handover_id=handover_id)
        _require_signer(actor, row.room)
        if row.outgoing_id == actor.id:
            raise Forbidden("You signed this handover as the outgoing supervisor; the incoming "
                            "supervisor must accept it.", handover_id=row.id)
        if row.incoming_id is not None:
            raise Conflict("This handover was already accepted by {by} at {_at}.",
                           handover_id=row.id, by=row.incoming_name,
                           _at=_when(row.incoming_signed_at or journal.now))
        before = _journal_state(row)
        row.incoming_id, row.incoming_name = actor.id, actor.name
        row.incoming_signed_at = journal.now
        row.version += 1
        journal.changed("shift_handover.signed_in", "shift_handover", row.id, before,
                        _journal_state(row), room=row.room)
        passed = _pass_claims(ctx, session, journal, row, actor)
        return 200, {**handover_out(row), "claims_passed": passed}

    return run_mutation(ctx, actor, body, work)


def listing(ctx: ServiceContext, actor: Actor, room: str | None, limit: int
            ) -> list[dict[str, Any]]:
    """The newest first: a supervisor's own room's; an administrator's of one room or all."""
    if room is None and actor.role is not Role.ADMIN:
        room = actor.room
    _require_reader(actor, room)
    with ctx.db.read() as session:
        q = select(ShiftHandover).order_by(ShiftHandover.shift_start.desc(),
                                           ShiftHandover.id.desc()).limit(min(limit, MAX_LIST))
        if room is not None:
            q = q.where(ShiftHandover.room == room)
        return [handover_out(r) for r in session.scalars(q)]


def get(ctx: ServiceContext, actor: Actor, handover_id: int) -> dict[str, Any]:
    _require_reader(actor, None)
    with ctx.db.read() as session:
        row = session.get(ShiftHandover, handover_id)
        if row is None:
            raise NotFound("There is no shift handover with id {handover_id}.",
                           handover_id=handover_id)
        _require_reader(actor, row.room)
        return handover_out(row)
