"""Callers' personal data (152-FZ): erased when its retention period ends, and exported on
request for one phone number.

Names and phones live in ``callers`` only; the journal names callers by id, so erasing
them leaves the hash chain whole. An erased row keeps its incident link and the time it
was erased; the erasure itself is journaled (``caller.erased``, ids only)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, exists, func, or_, select, update
from sqlalchemy.orm import Session, aliased

from app.domain.enums import Role, Status
from app.models import Caller, ChangeLog, Incident, PersonalDataRead, User
from app.schemas.personal import CallerIncident, CallerRecord, PersonalDataExport, ReadRecord
from app.services.auth import actor_of
from app.services.context import SYSTEM, Actor, ServiceContext
from app.services.errors import Forbidden, NotFound
from app.services.journal import Journal
from app.services.mutations import run_system

# Everything about one person at once: the roles that answer a data subject's request.
EXPORTERS = frozenset({Role.ADMIN, Role.SUPERVISOR})
# Callers erased per transaction: the journal's head stays locked for one batch at a time.
BATCH = 500


@dataclass(frozen=True)
class ErasureReport:
    cutoff: datetime  # incidents finished before this lost their callers' data
    callers: int
    incidents: int
    reads: int  # read-log entries whose looked-up phone was cleared
    dry_run: bool

    def __str__(self) -> str:
        verb = "would erase" if self.dry_run else "erased"
        return (f"{verb} the names and phones of {self.callers} callers of {self.incidents} "
                f"incidents finished before {self.cutoff.isoformat()}, and the phones in "
                f"{self.reads} read-log entries older than that")


def _finished_before(cutoff: datetime):  # type: ignore[no-untyped-def]
    """Incidents finished before ``cutoff``. A merge leaves no stamp on the incident, so its
    time comes from the journal, which is the record of when it happened."""
    merged = exists().where(ChangeLog.incident_id == Incident.id,
                            ChangeLog.kind == "incident.merge", ChangeLog.at < cutoff)
    return or_(
        and_(Incident.status == Status.CLOSED.value, Incident.closed_at < cutoff),
        and_(Incident.status == Status.CANCELLED.value, Incident.cancelled_at < cutoff),
        and_(Incident.status == Status.MERGED.value, merged),
    )


def _due(cutoff: datetime):  # type: ignore[no-untyped-def]
    return (select(Caller.id, Caller.incident_id, Incident.room)
            .join(Incident, Incident.id == Caller.incident_id)
            .where(Caller.erased_at.is_(None), _finished_before(cutoff)))


def _old_reads(cutoff: datetime):  # type: ignore[no-untyped-def]
    return and_(PersonalDataRead.phone.is_not(None), PersonalDataRead.at < cutoff)


def erase_expired(ctx: ServiceContext, retention: timedelta, *, dry_run: bool = False
                  ) -> ErasureReport:
    """Erase the names and phones of callers whose incident was closed, cancelled or merged
    more than ``retention`` ago (by the service's clock), and the looked-up phones in read-log
    entries as old; who read, when and why stays. Safe to run from several service processes
    at once: a caller is erased, and journaled, by exactly one of them."""
    cutoff = ctx.clock() - retention
    if dry_run:
        with ctx.db.read() as session:
            due = session.execute(_due(cutoff)).all()
            reads = session.scalar(select(func.count()).where(_old_reads(cutoff))) or 0
        return ErasureReport(cutoff, len(due), len({r.incident_id for r in due}), reads, True)

    def batch(session: Session, journal: Journal) -> tuple[bool, list[int]]:
        """(whether any were due, the incidents of those this run erased)"""
        due = session.execute(_due(cutoff).order_by(Caller.id).limit(BATCH)).all()
        if not due:
            return False, []
        room = {r.id: r.room for r in due}
        # Only rows still unerased are taken: a concurrent run that got there first (its
        # rows locked, then committed) leaves nothing here to journal twice.
        erased = session.execute(
            update(Caller).where(Caller.id.in_(list(room)), Caller.erased_at.is_(None))
            .values(name=None, phone=None, erased_at=journal.now)
            .returning(Caller.id, Caller.incident_id)
            .execution_options(synchronize_session=False)
        ).all()
        for caller_id, incident_id in sorted(erased):
            journal.record("caller.erased", "caller", caller_id,
                           {"id": caller_id, "incident_id": incident_id,
                            "erased_at": journal.now.isoformat()},
                           incident_id=incident_id, room=room[caller_id])
        return True, [incident_id for _, incident_id in erased]

    with ctx.db.write() as session:
        reads = session.execute(
            update(PersonalDataRead).where(_old_reads(cutoff)).values(phone=None)
            .execution_options(synchronize_session=False)
        ).rowcount or 0
    callers = 0
    incidents: set[int] = set()
    while True:
        any_due, done = run_system(ctx, SYSTEM, batch)
        if not any_due:
            break
        callers += len(done)
        incidents.update(done)
    return ErasureReport(cutoff, callers, len(incidents), reads, False)


def require_exporter(actor: Actor) -> None:
    if actor.role not in EXPORTERS:
        raise Forbidden("The role '{role}' may not export personal data; "
                        "a supervisor or an administrator answers such requests.",
                        role=actor.role.value)


def export(ctx: ServiceContext, actor: Actor, phone: str) -> PersonalDataExport:
    """Everything held about one (normalized) phone number: its callers with their incidents,
    and the recorded reads concerning them. The export is itself recorded as a read."""
    require_exporter(actor)
    with ctx.db.write() as session:
        now = ctx.clock()
        callers = []
        for caller, incident in session.execute(
            select(Caller, Incident).join(Incident, Incident.id == Caller.incident_id)
            .where(Caller.phone == phone).order_by(Caller.id)
        ).all():
            callers.append(CallerRecord(
                id=caller.id, name=caller.name, phone=caller.phone,
                created_at=caller.created_at, erased_at=caller.erased_at,
                incident=CallerIncident.model_validate(incident)))
        incident_ids = sorted({c.incident.id for c in callers})
        read_incident = aliased(Incident)
        concerning = PersonalDataRead.phone == phone
        if incident_ids:
            concerning = or_(concerning, PersonalDataRead.incident_id.in_(incident_ids))
        reads = [
            ReadRecord(at=r.at, user_id=r.user_id, user_login=login, user_name=name,
                       purpose=r.purpose, incident_id=r.incident_id, incident_number=number,
                       phone=r.phone)
            for r, login, name, number in session.execute(
                select(PersonalDataRead, User.login, User.name, read_incident.number)
                .outerjoin(User, User.id == PersonalDataRead.user_id)
                .outerjoin(read_incident, read_incident.id == PersonalDataRead.incident_id)
                .where(concerning).order_by(PersonalDataRead.at, PersonalDataRead.id)
            ).all()
        ]
        session.add(PersonalDataRead(user_id=actor.id, at=now, phone=phone,
                                     purpose="personal_data_export"))
        return PersonalDataExport(phone=phone, exported_at=now, callers=callers, reads=reads)


def actor_by_login(ctx: ServiceContext, login: str) -> Actor:
    """The user a command-line export is recorded under."""
    with ctx.db.read() as session:
        user = session.scalars(select(User).where(User.login == login)).one_or_none()
        if user is None or not user.active:
            raise NotFound("There is no active user '{login}'.", login=login)
        return actor_of(user)
