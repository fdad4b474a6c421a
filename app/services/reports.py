"""Reports for supervisors: the incidents received in a period, counted and timed per type,
duty service, district or source (the figures come from ``app.domain.reports``)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select

from app.domain.catalog import IncidentType, Norms
from app.domain.enums import Priority, Status
from app.domain.facts import HandoverFacts, IncidentFacts
from app.domain.reports import Grouping, ReportIncident, report
from app.models import DutyServiceRow, Handover, Incident, IncidentTypeRow
from app.schemas.reports import ReportOut, report_out
from app.services.context import ServiceContext
from app.services.errors import Invalid

# A year and a day, so "the whole of last year" fits in a leap year too. One request reads
# every incident of its period into memory; the bound keeps that to a city's year.
MAX_SPAN = timedelta(days=367)


def check_period(start: datetime, end: datetime) -> None:
    """Refused in words unless [start, end) is a period one can report on."""
    for name, t in (("from", start), ("to", end)):
        if t.tzinfo is None or t.utcoffset() is None:
            raise Invalid("Give '{_name}' with its time zone offset, e.g. "
                          "2026-11-26T08:00:00+07:00.", _name=name, **{name: t.isoformat()})
    if end <= start:
        raise Invalid("The period must end after it starts.",
                      **{"from": start.isoformat(), "to": end.isoformat()})
    if end - start > MAX_SPAN:
        raise Invalid("A report covers at most {max_days} days; split a longer period.",
                      **{"from": start.isoformat(), "to": end.isoformat(),
                         "max_days": MAX_SPAN.days})


def _types(rows: list[IncidentTypeRow]) -> dict[str, IncidentType]:
    return {r.code: IncidentType(
        r.code, r.category, r.name_ru, r.name_en, priority=Priority(r.priority),
        norms=Norms(registration=r.norm_registration, handover=r.norm_handover,
                    acknowledgement=r.norm_acknowledgement, arrival=r.norm_arrival,
                    resolution=r.norm_resolution)) for r in rows}


def build(ctx: ServiceContext, start: datetime, end: datetime, by: Grouping) -> ReportOut:
    check_period(start, end)
    with ctx.db.read(consistent=True) as s:
        types = _types(list(s.scalars(select(IncidentTypeRow))))
        incidents = list(s.scalars(
            select(Incident).where(Incident.received_at >= start, Incident.received_at < end)
            .order_by(Incident.id)))
        handovers: dict[int, list[HandoverFacts]] = {}
        if incidents:
            # The hand-overs of the same period's incidents, by a join rather than a list of
            # ids (a year's ids would not fit in one statement's parameters).
            q = (select(Handover).join(Incident, Incident.id == Handover.incident_id)
                 .where(Incident.received_at >= start, Incident.received_at < end)
                 .order_by(Handover.id))
            for h in s.scalars(q):
                handovers.setdefault(h.incident_id, []).append(HandoverFacts(
                    service=h.service, handed_over_at=h.handed_over_at,
                    acknowledged_at=h.acknowledged_at, crew_dispatched_at=h.crew_dispatched_at,
                    on_scene_at=h.on_scene_at, resolved_at=h.resolved_at,
                    recalled_at=h.recalled_at))
    items = [ReportIncident(
        IncidentFacts(
            id=i.id, type_code=i.type_code or "",
            category=types[i.type_code].category if i.type_code in types else "",
            priority=Priority(i.priority), status=Status(i.status), room=i.room,
            received_at=i.received_at, registered_at=i.registered_at,
            resolved_at=i.resolved_at, closed_at=i.closed_at,
            handovers=tuple(handovers.get(i.id, ()))),
        source=i.source, district=i.district) for i in incidents]
    return report_out(report(items, types, by), start, end)


def labels(ctx: ServiceContext, by: Grouping) -> dict[str, str]:
    """Russian names of the groups, for files written by the service's own command (the
    console names them in its user's language)."""
    with ctx.db.read() as s:
        if by is Grouping.TYPE:
            return {r.code: r.name_ru for r in s.scalars(select(IncidentTypeRow))}
        if by is Grouping.SERVICE:
            return {r.code: r.name_ru for r in s.scalars(select(DutyServiceRow))}
    return {}
