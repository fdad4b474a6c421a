"""City sensors: gateways, configuration, readings, breaches, recoveries and silences.

A breach opens one incident (source ``sensor``, status ``new``, routed like any other);
readings while in alarm add nothing; the recovery is a note on it. A new breach while that
incident is still open (new, registered, dispatched, in progress) is noted on it too: the
duty room is still working the same trouble, and a second incident would be a duplicate to
merge. Once it is resolved or finished, a new breach opens a new incident: reopening is a
supervisor's decision with a reason (the status table), not something a sensor may do.
Silence is handled the same way with its own incident type and link.
"""

from __future__ import annotations

import hashlib
import math
import secrets
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import demo_city
from app.domain.enums import OPEN_STATUSES, Role, Source, Status
from app.domain.sensors import (
    KINDS,
    SILENT_TYPE,
    Direction,
    Event,
    Level,
    SensorKind,
    SensorSpec,
    Threshold,
    check_value,
    is_silent,
    parse_config,
    step,
)
from app.domain.timezone import to_city
from app.models import Incident, IncidentTypeRow, Sensor, SensorGateway
from app.schemas.incident import AddressIn
from app.schemas.sensors import ReadingIn
from app.services.clock import accept_client_time
from app.services.context import SYSTEM, Actor, ServiceContext
from app.services.errors import Forbidden, Invalid, Unauthorized

# The registration steps of app/services/incidents.py, used inside this module's own
# transaction (a breach is found and its incident opened in one step).
from app.services.incidents import _next_number, _place, _route, _type, add_note
from app.services.journal import Journal
from app.services.mutations import run_system
from app.services.states import incident_state


@dataclass(frozen=True)
class Gateway:
    id: int
    name: str

    @property
    def actor(self) -> Actor:
        # Journal rows and notes name the gateway that reported; no user stands behind it.
        return Actor(id=None, name=f"sensor gateway {self.name}", role=Role.ADMIN)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_gateway(ctx: ServiceContext, name: str) -> str:
    """A new gateway and its token, shown once: only the hash is stored."""
    name = name.strip()
    if not name or len(name) > 60:
        raise Invalid("A gateway's name is 1 to 60 characters.")
    token = "sgw_" + secrets.token_urlsafe(32)
    with ctx.db.write() as s:
        if s.scalar(select(SensorGateway.id).where(SensorGateway.name == name)) is not None:
            raise Invalid("There is a sensor gateway '{name}' already.", name=name)
        s.add(SensorGateway(name=name, token_hash=_token_hash(token), created_at=ctx.clock()))
    return token


def authenticate_gateway(ctx: ServiceContext, token: str) -> Gateway:
    with ctx.db.read() as s:
        row = s.scalar(select(SensorGateway).where(SensorGateway.token_hash == _token_hash(token)))
        if row is None:
            raise Unauthorized("This is not the token of a sensor gateway: send the token "
                               "made by 'dispatch-server create-sensor-gateway' as "
                               "'Authorization: Bearer …'.")
        return Gateway(row.id, row.name)


# --- configuration -------------------------------------------------------------------------


def set_sensors(ctx: ServiceContext, data: Any) -> int:
    """Replace the sensor set with the file's (see ``parse_config``). A sensor kept keeps
    its state, last reading and incident links; one left out is removed. Raises ValueError
    naming the first mistake; nothing is stored then."""
    specs = parse_config(data)
    now = ctx.clock()
    with ctx.db.write() as s:
        gateways = {g.name: g.id for g in s.scalars(select(SensorGateway))}
        types = set(s.scalars(select(IncidentTypeRow.code)))
        for spec in specs:
            if spec.gateway not in gateways:
                raise ValueError(f"sensor {spec.code}: there is no gateway '{spec.gateway}' "
                                 "(create it with 'dispatch-server create-sensor-gateway')")
            if spec.incident_type not in types:
                raise ValueError(f"sensor {spec.code}: there is no incident type "
                                 f"'{spec.incident_type}' in the classifier")
        if SILENT_TYPE not in types and specs:
            raise ValueError(f"the classifier has no incident type '{SILENT_TYPE}', which a "
                             "silent sensor opens")
        existing = {row.code: row for row in s.scalars(select(Sensor))}
        for spec in specs:
            row = existing.pop(spec.code, None)
            if row is None:
                row = Sensor(code=spec.code, level=Level.NORMAL.value)
                s.add(row)
            moved = row.gateway_id != gateways[spec.gateway] or row.kind != spec.kind.value
            _apply(row, spec, gateways[spec.gateway])
            if moved or row.configured_at is None:
                row.configured_at = now
        for row in existing.values():
            s.delete(row)
    return len(specs)


def _apply(row: Sensor, spec: SensorSpec, gateway_id: int) -> None:
    row.gateway_id = gateway_id
    row.kind = spec.kind.value
    row.name = spec.name
    row.direction = spec.threshold.direction.value
    row.alarm, row.clear = spec.threshold.alarm, spec.threshold.clear
    row.interval_seconds = spec.interval_seconds
    row.lat, row.lon, row.street, row.house = spec.lat, spec.lon, spec.street, spec.house
    row.type_code = spec.incident_type


# --- readings ------------------------------------------------------------------------------


@dataclass
class Outcome:
    accepted: int = 0
    ignored: int = 0
    events: list[dict[str, Any]] = field(default_factory=list)

    def body(self) -> dict[str, Any]:
        return {"accepted": self.accepted, "ignored": self.ignored, "events": self.events}


def _unit(row: Sensor) -> str:
    return KINDS[SensorKind(row.kind)].unit


def _threshold(row: Sensor) -> Threshold:
    return Threshold(Direction(row.direction), row.alarm, row.clear)


def _clock_text(at: datetime) -> str:
    return to_city(at).strftime("%d.%m.%Y %H:%M:%S")


def _open_or_note(session: Session, journal: Journal, row: Sensor, linked: int | None,
                  type_code: str, description: str, note: str, at: datetime
                  ) -> tuple[Incident, bool]:
    """The linked incident if it is still open (noted), else a new one (opened)."""
    if linked is not None:
        incident = session.get(Incident, linked)
        if incident is not None and Status(incident.status) in OPEN_STATUSES:
            add_note(session, journal, incident, note)
            return incident, False
    type_row = _type(session, type_code)
    assert type_row is not None
    incident = Incident(
        number="~" + uuid.uuid4().hex[:12],
        type_code=type_row.code,
        priority=type_row.priority,
        status=Status.NEW.value,  # nobody has looked at it yet
        source=Source.SENSOR.value,
        description=description,
        received_at=at,
        registered_at=None,
        created_by_id=None,
        version=1,
    )
    _place(session, incident, AddressIn(street=row.street, house=row.house,
                                        landmark=f"Датчик {row.code}: {row.name}"[:300],
                                        lat=row.lat, lon=row.lon))
    incident.room = _route(session, type_row, incident.district)
    session.add(incident)
    session.flush()
    incident.number = _next_number(session, journal.service_now or journal.now)
    session.flush()
    journal.record("incident.created", "incident", incident.id, incident_state(incident),
                   incident_id=incident.id, room=incident.room)
    return incident, True


def _event(out: Outcome, row: Sensor, event: str, incident: Incident, opened: bool) -> None:
    out.events.append({"sensor": row.code, "event": event, "incident_id": incident.id,
                       "number": incident.number, "opened": opened})


def _speaks_again(session: Session, journal: Journal, out: Outcome, row: Sensor,
                  at: datetime) -> None:
    since = row.silent_since
    row.silent_since = None
    if row.silence_incident_id is None or since is None:
        return
    incident = session.get(Incident, row.silence_incident_id)
    if incident is None:
        return
    add_note(session, journal, incident,
             f"Датчик {row.code} «{row.name}» снова передаёт данные: показание от "
             f"{_clock_text(at)} (молчал с {_clock_text(since)}).")
    _event(out, row, "silence_ended", incident, False)


def _breach(session: Session, journal: Journal, out: Outcome, row: Sensor, value: float,
            at: datetime) -> None:
    unit, sign = _unit(row), "≥" if row.direction == Direction.ABOVE else "≤"
    text = (f"Датчик {row.code} «{row.name}»: {value:g} {unit} {sign} порога тревоги "
            f"{row.alarm:g} {unit} в {_clock_text(at)}. Возврат к норме — при "
            f"{row.clear:g} {unit}.")
    incident, opened = _open_or_note(session, journal, row, row.incident_id, row.type_code,
                                     text, "Повторное превышение. " + text, at)
    row.incident_id = incident.id
    _event(out, row, "breach", incident, opened)


def _recovery(session: Session, journal: Journal, out: Outcome, row: Sensor, value: float,
              at: datetime) -> None:
    if row.incident_id is None:
        return
    incident = session.get(Incident, row.incident_id)
    if incident is None:
        return
    unit = _unit(row)
    add_note(session, journal, incident,
             f"Датчик {row.code} «{row.name}» вернулся к норме: {value:g} {unit} в "
             f"{_clock_text(at)} (порог возврата {row.clear:g} {unit}).")
    _event(out, row, "recovery", incident, False)


def ingest(ctx: ServiceContext, gateway: Gateway, readings: list[ReadingIn]) -> dict[str, Any]:
    """Apply a gateway's batch: all of it, or (on any bad reading) none of it."""
    now = ctx.clock()
    codes = sorted({r.sensor for r in readings})
    # Checked before anything is written, so a refusal names the first bad reading.
    with ctx.db.read() as s:
        known = {row.code: (row.gateway_id, SensorKind(row.kind))
                 for row in s.scalars(select(Sensor).where(Sensor.code.in_(codes)))}
    for i, r in enumerate(readings):
        where = f"readings[{i}]"
        if r.sensor not in known:
            raise Invalid("{_where}: there is no sensor '{sensor}' on the service.",
                          _where=where, field=f"{where}.sensor", sensor=r.sensor)
        gateway_id, kind = known[r.sensor]
        if gateway_id != gateway.id:
            raise Forbidden("{_where}: sensor '{sensor}' does not report through gateway "
                            "'{gateway}'.", _where=where, gateway=gateway.name,
                            field=f"{where}.sensor", sensor=r.sensor)
        accept_client_time(ctx, r.at, f"{where}.at", now=now)
        if check_value(kind, r.value) is not None:
            # The domain's reason, as a template the service can also say in Russian.
            fields = dict(_where=where, field=f"{where}.value", sensor=r.sensor, value=r.value)
            if not math.isfinite(r.value):
                raise Invalid("{_where}: the value is not a finite number.", **fields)
            info = KINDS[kind]
            raise Invalid("{_where}: {value:g} {_unit} is outside what a {_kind} sensor can read "
                          "({_lowest:g}…{_highest:g} {_unit}).", _unit=info.unit,
                          _kind=kind.value, _lowest=info.lowest, _highest=info.highest,
                          **fields)
    by_sensor: dict[str, list[ReadingIn]] = defaultdict(list)
    for r in readings:
        by_sensor[r.sensor].append(r)

    def work(session: Session, journal: Journal) -> dict[str, Any]:
        out = Outcome()
        # Locked in one order, so two batches for the same sensors never deadlock, and a
        # second service process sees the first one's state, not a stale copy.
        rows = session.scalars(select(Sensor).where(Sensor.code.in_(codes))
                               .order_by(Sensor.code).with_for_update()).all()
        for row in rows:
            threshold = _threshold(row)
            for r in sorted(by_sensor[row.code], key=lambda r: r.at):
                at = min(r.at, now)  # a clock a little fast: not after the service heard it
                if row.last_at is not None and at <= row.last_at:
                    out.ignored += 1  # resent or overtaken: the state already has it
                    continue
                out.accepted += 1
                if row.silent_since is not None:
                    _speaks_again(session, journal, out, row, at)
                level, event = step(Level(row.level), r.value, threshold)
                row.level = level.value
                row.last_value, row.last_at = r.value, at
                if event is Event.BREACH:
                    _breach(session, journal, out, row, r.value, at)
                elif event is Event.RECOVERY:
                    _recovery(session, journal, out, row, r.value, at)
        return out.body()

    return run_system(ctx, gateway.actor, work)


def ingest_as(ctx: ServiceContext, gateway_name: str, readings: list[ReadingIn]
              ) -> dict[str, Any]:
    """For the demo's simulator, which runs inside the service and holds no token."""
    with ctx.db.read() as s:
        row = s.scalar(select(SensorGateway).where(SensorGateway.name == gateway_name))
        if row is None:
            raise Invalid("There is no sensor gateway '{gateway}'.", gateway=gateway_name)
        gateway = Gateway(row.id, row.name)
    return ingest(ctx, gateway, readings)


# --- silence -------------------------------------------------------------------------------


def check_silence(ctx: ServiceContext, factor: int, listening_since: datetime | None = None
                  ) -> list[dict[str, Any]]:
    """Report each sensor not heard for ``factor`` of its intervals, once per silence.

    ``listening_since``: when this service process started. A service that was down cannot
    tell a sensor's silence from its own absence (the gateways were refused meanwhile), so
    the time counts from then at the earliest: a restart after a night off does not report
    every sensor at once before their gateways have had a chance to send."""
    def work(session: Session, journal: Journal) -> list[dict[str, Any]]:
        out = Outcome()
        now = journal.now
        rows = session.scalars(select(Sensor).where(Sensor.silent_since.is_(None))
                               .order_by(Sensor.code).with_for_update()).all()
        for row in rows:
            heard = row.last_at or row.configured_at
            if listening_since is not None:
                heard = max(heard, listening_since)
            interval = timedelta(seconds=row.interval_seconds)
            if not is_silent(heard, now, interval, factor):
                continue
            row.silent_since = now
            last = (f"последнее показание {row.last_value:g} {_unit(row)} от "
                    f"{_clock_text(row.last_at)}" if row.last_at is not None
                    else "показаний не было ни разу")
            text = (f"Датчик {row.code} «{row.name}» не передаёт данные: {last}; ожидается "
                    f"каждые {row.interval_seconds} с.")
            incident, opened = _open_or_note(session, journal, row, row.silence_incident_id,
                                             SILENT_TYPE, text, "Снова нет данных. " + text,
                                             now)
            row.silence_incident_id = incident.id
            _event(out, row, "silence", incident, opened)
        return out.events

    return run_system(ctx, SYSTEM, work)


def sensor_states(ctx: ServiceContext) -> list[dict[str, Any]]:
    """Each sensor's state as an administrator reads it (the CLI, the tests)."""
    with ctx.db.read() as s:
        return [{"code": r.code, "kind": r.kind, "state": "silent" if r.silent_since
                 else r.level, "level": r.level, "last_value": r.last_value,
                 "last_at": r.last_at, "incident_id": r.incident_id,
                 "silence_incident_id": r.silence_incident_id}
                for r in s.scalars(select(Sensor).order_by(Sensor.code))]


# --- the demo ------------------------------------------------------------------------------


DEMO_GATEWAYS = ("hydro", "teplo", "eco", "energo")


def seed_demo_sensors(ctx: ServiceContext) -> int:
    """The demo's gateways (tokens nobody is shown: the simulator reports from inside) and
    sensors. Safe to run again."""
    with ctx.db.write() as s:
        have = set(s.scalars(select(SensorGateway.name)))
        for name in DEMO_GATEWAYS:
            if name not in have:
                s.add(SensorGateway(name=name, token_hash=_token_hash(secrets.token_urlsafe(32)),
                                    created_at=ctx.clock()))
        if s.scalar(select(Sensor.code).limit(1)) is not None:
            return 0
    return set_sensors(ctx, demo_city.DEMO_SENSORS)
