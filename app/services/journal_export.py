"""The change log of a date range as CSV, for an auditor or the prosecutor's inquiry.

Rows go out as the journal holds them, read in keyset pages so a month of a busy room never
sits in memory at once. The journal carries no personal data (callers appear by id only),
so neither does the file; the incident's number is added so a reader can find it.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select

from app.domain.enums import Role
from app.domain.timezone import to_city
from app.models import ChangeLog, Incident
from app.services.context import Actor, ServiceContext
from app.services.errors import Forbidden, Invalid

MAX_SPAN = timedelta(days=31)
PAGE = 2000
COLUMNS = ("seq", "at_city", "at_utc", "recorded_offline_city", "kind", "entity", "entity_id",
           "incident_id", "incident_number", "room", "actor_id", "actor_name", "mutation_id",
           "before", "after", "hash")


def check_range(actor: Actor | None, start: datetime, end: datetime) -> None:
    """Refused in words before anything is read. ``actor`` None: the service's own command."""
    if actor is not None and actor.role not in (Role.SUPERVISOR, Role.ADMIN):
        raise Forbidden("The journal is exported by supervisors and administrators.",
                        role=actor.role.value)
    for name, t in (("start", start), ("end", end)):
        if t.tzinfo is None or t.utcoffset() is None:
            raise Invalid("Give '{_name}' with its time zone offset, e.g. "
                          "2026-11-26T08:00:00+07:00.", _name=name, **{name: t.isoformat()})
    if end <= start:
        raise Invalid("The period must end after it starts.", start=start.isoformat(),
                      end=end.isoformat())
    if end - start > MAX_SPAN:
        raise Invalid("A journal export covers at most {max_days} days; export a longer "
                      "period in parts.", start=start.isoformat(), end=end.isoformat(),
                      max_days=MAX_SPAN.days)


def _city(t: datetime | None) -> str:
    return "" if t is None else f"{to_city(t):%Y-%m-%d %H:%M:%S}"


def _json(value: dict[str, Any] | None) -> str:
    return "" if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def rows(ctx: ServiceContext, start: datetime, end: datetime) -> Iterator[list[Any]]:
    """The journal's rows stamped in [start, end), in their order, as the file's cells."""
    start, end = start.astimezone(UTC), end.astimezone(UTC)
    last = 0
    while True:
        with ctx.db.read() as session:
            page = session.execute(
                select(ChangeLog, Incident.number)
                .outerjoin(Incident, Incident.id == ChangeLog.incident_id)
                .where(ChangeLog.seq > last, ChangeLog.at >= start, ChangeLog.at < end)
                .order_by(ChangeLog.seq).limit(PAGE)).all()
            for row, number in page:
                yield [row.seq, _city(row.at), row.at.isoformat(), _city(row.recorded_at),
                       row.kind, row.entity, row.entity_id, row.incident_id or "", number or "",
                       row.room or "", row.actor_id or "", row.actor_name,
                       row.mutation_id or "", _json(row.before), _json(row.after), row.hash]
        if len(page) < PAGE:
            return
        last = page[-1][0].seq


def csv_chunks(ctx: ServiceContext, start: datetime, end: datetime) -> Iterator[str]:
    """The file, a page at a time. UTF-8 with a byte-order mark for spreadsheet programs."""
    out = io.StringIO()
    writer = csv.writer(out)
    out.write("\ufeff")
    writer.writerow(COLUMNS)
    for n, cells in enumerate(rows(ctx, start, end), 1):
        writer.writerow(cells)
        if n % 500 == 0:
            yield out.getvalue()
            out.seek(0)
            out.truncate()
    yield out.getvalue()
