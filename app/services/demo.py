"""The Mezhdurechensk demo: reference data, users, crews, the gazetteer, and a history of
incidents made by running the real use cases on a clock that walks through the past days,
so every demo incident has a genuine journal. The data is synthetic."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select

from app.domain import demo_city
from app.domain.enums import Action, CrewStatus, HandoverStage, Role, Source, Status
from app.domain.sensors import SENSOR_ONLY_TYPES, Direction
from app.models import AddressRow, Crew, Incident, User
from app.schemas.auth import UserCreate
from app.schemas.incident import (
    AddressIn,
    CallerIn,
    HandoverCreate,
    HandoverStageIn,
    IncidentAction,
    IncidentCreate,
    NoteIn,
)
from app.schemas.sensors import ReadingIn
from app.services import auth, claims, handovers, incidents, notes, sensors
from app.services.auth import actor_of
from app.services.catalog import store_reference
from app.services.context import SYSTEM, Actor, ServiceContext
from app.services.gazetteer import BASEMAP_KEY, DISTRICTS_KEY, load_addresses
from app.services.mutations import run_system
from app.services.routing import ROUTING_KEY
from app.services.states import crew_state

DEMO_PASSWORD = "demo-2018"

# login, name, role, room, duty service
DEMO_USERS: tuple[tuple[str, str, Role, str | None, str | None], ...] = (
    ("operator", "Иванова Анна", Role.OPERATOR, "main", None),
    ("operator2", "Петров Сергей", Role.OPERATOR, "main", None),
    ("zhkh", "Смирнова Ольга", Role.OPERATOR, "zhkh", None),
    ("supervisor", "Кузнецов Дмитрий", Role.SUPERVISOR, "main", None),
    ("admin", "Администратор", Role.ADMIN, None, None),
    ("wall", "Видеостена", Role.WALL, None, None),
    *((f"ds-{s.code}", s.name_ru, Role.DUTY_SERVICE, None, s.code)
      for s in demo_city.DUTY_SERVICES),
    # The other shift's senior duty officer: a shift is handed over between two of them.
    # Last, so the ids of the users above stay as they were.
    ("supervisor2", "Орлова Марина", Role.SUPERVISOR, "main", None),
)

_OUTCOMES = (  # the final status of a history incident, with its weight
    (Status.NEW, 3), (Status.REGISTERED, 6), (Status.DISPATCHED, 6), (Status.IN_PROGRESS, 10),
    (Status.RESOLVED, 8), (Status.CLOSED, 55), (Status.CANCELLED, 8), (Status.MERGED, 4),
)
_RECENT = {
    Status.NEW: timedelta(minutes=20),
    Status.REGISTERED: timedelta(minutes=50),
    Status.DISPATCHED: timedelta(hours=2),
    Status.IN_PROGRESS: timedelta(hours=8),
    Status.RESOLVED: timedelta(hours=12),
}
_FIRST_NAMES = ("Алексей", "Мария", "Николай", "Елена", "Игорь", "Татьяна", "Олег", "Светлана")
_LAST_NAMES = ("Соколов", "Морозова", "Волков", "Лебедева", "Новиков", "Козлова", "Попов")


@dataclass
class SeedReport:
    users: int
    addresses: int
    crews: int
    incidents: int

    def __str__(self) -> str:
        return (f"demo loaded: {self.users} users (password '{DEMO_PASSWORD}'), "
                f"{self.addresses} addresses, {self.crews} crews, {self.incidents} incidents")


class WalkingClock:
    """The service's clock for seeding: set to each moment of the invented history."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def seed_reference(ctx: ServiceContext) -> SeedReport:
    """Rooms, duty services, the classifier, routing, districts, gazetteer, users and crews.
    Safe to run again: what exists is kept."""
    with ctx.db.write() as s:
        store_reference(
            s, list(demo_city.ROOMS), list(demo_city.DUTY_SERVICES), list(demo_city.CATEGORIES),
            list(demo_city.INCIDENT_TYPES),
            {ROUTING_KEY: dict(demo_city.ROUTING),
             DISTRICTS_KEY: {k: [list(p) for p in v] for k, v in demo_city.DISTRICTS.items()},
             BASEMAP_KEY: {
                 "rivers": {k: [list(p) for p in v] for k, v in demo_city.RIVERS.items()},
                 "streets": [{"name": s.name, "points": [list(p) for p in s.points]}
                             for s in demo_city.STREETS],
             }},
        )
        if not s.scalar(select(func.count()).select_from(AddressRow)):
            load_addresses(s, demo_city.demo_addresses())
        addresses = s.scalar(select(func.count()).select_from(AddressRow)) or 0
        known = set(s.scalars(select(User.login)))
    for login, name, role, room, service in DEMO_USERS:
        if login not in known:
            auth.create_user(ctx, UserCreate(login=login, name=name, role=role, room=room,
                                             duty_service=service, password=DEMO_PASSWORD))
    crews = _seed_crews(ctx)
    return SeedReport(users=len(DEMO_USERS), addresses=addresses, crews=crews, incidents=0)


def _seed_crews(ctx: ServiceContext) -> int:
    rng = random.Random(demo_city.DEMO_SEED)
    lat0, lon0 = demo_city.CENTER
    with ctx.db.write() as s:
        if s.scalar(select(func.count()).select_from(Crew)):
            return s.scalar(select(func.count()).select_from(Crew)) or 0
        n = 0
        for service in demo_city.DUTY_SERVICES:
            for k in range(1, 4):
                n += 1
                s.add(Crew(service=service.code, callsign=f"{service.code[:3].upper()}-{k:02d}",
                           status=CrewStatus.AVAILABLE.value,
                           lat=lat0 + rng.uniform(-0.02, 0.02),
                           lon=lon0 + rng.uniform(-0.04, 0.04),
                           position_at=ctx.clock(), version=1))
        return n


def seed_demo(ctx: ServiceContext, *, incidents: int = 300, days: int = 4,
              seed: int = demo_city.DEMO_SEED) -> SeedReport:
    report = seed_reference(ctx)
    # Only the demo has sensors: databases made from the reference data alone start without
    # any, so nothing falls silent behind a test's back.
    sensors.seed_demo_sensors(ctx)
    with ctx.db.read() as s:
        existing = s.scalar(select(func.count()).select_from(Incident)) or 0
    if existing:
        report.incidents = existing  # the history exists already
        return report
    report.incidents = _history(ctx, incidents, days, random.Random(seed))
    return report


@dataclass
class _Plan:
    at: datetime
    order: int
    step: str
    case: _Case


@dataclass
class _Case:
    outcome: Status
    source: Source
    type_code: str
    street: str
    house: str
    services: tuple[str, ...]
    incident_id: int | None = None
    version: int = 1
    handover_ids: tuple[int, ...] = ()


def _history(ctx: ServiceContext, count: int, days: int, rng: random.Random) -> int:
    real_clock = ctx.clock
    end = real_clock()
    clock = WalkingClock(end)
    ctx.clock = clock
    try:
        with ctx.db.read() as s:
            users = {u.login: actor_of(u) for u in s.scalars(select(User))}
            addresses = [(a.street, a.house) for a in s.scalars(select(AddressRow))]
        # Types only the service raises (a silent sensor) are no part of an invented call;
        # left out before any draw, so the same seed gives the same history as before.
        types = [t for t in demo_city.INCIDENT_TYPES if t.code not in SENSOR_ONLY_TYPES
                 and (t.services or rng.random() < 0.3)]
        plans: list[_Plan] = []
        for i in range(count):
            t = rng.choice(types)
            outcome = rng.choices([o for o, _ in _OUTCOMES], [w for _, w in _OUTCOMES])[0]
            # Open incidents are recent; finished ones spread over the whole period.
            span = _RECENT.get(outcome, timedelta(days=days))
            received = end - timedelta(seconds=rng.uniform(120, span.total_seconds()))
            source = rng.choice([Source.PHONE] * 6 + [Source.MOBILE_APP, Source.CALL_112,
                                                      Source.SENSOR, Source.WALK_IN])
            street, house = rng.choice(addresses)
            case = _Case(outcome, source, t.code, street, house, t.services or ("housing",))
            plans += _steps(case, received, end, i, rng)
        plans.sort(key=lambda p: (p.at, p.order))
        for plan in plans:
            clock.now = plan.at
            _run(ctx, plan, users, rng)
        _let_go(ctx, users)
        return count
    finally:
        ctx.clock = real_clock


def _steps(case: _Case, t: datetime, end: datetime, order: int,
           rng: random.Random) -> list[_Plan]:
    """The moments at which this incident's story happens, cut off at its outcome."""
    def later(at: datetime, lo: float, hi: float) -> datetime:
        return min(at + timedelta(seconds=rng.uniform(lo, hi)), end - timedelta(seconds=1))

    seq = [("create", t)]
    out = case.outcome
    if out is Status.NEW:
        return [_Plan(at, order, step, case) for step, at in seq]
    at = t
    if case.source not in (Source.PHONE, Source.WALK_IN):
        at = later(at, 20, 300)
        seq.append(("register", at))
    if out in (Status.CANCELLED, Status.MERGED):
        seq.append((out.value, later(at, 30, 900)))
    elif out is not Status.REGISTERED:
        at = later(at, 30, 400)
        seq.append(("handover", at))
        if out is not Status.DISPATCHED:
            at = later(at, 5, 90)
            seq.append(("ack", at))
            at = later(at, 60, 900)
            seq.append(("crew", at))
            at = later(at, 300, 1800)
            seq.append(("scene", at))
            if rng.random() < 0.5:
                seq.append(("note", later(at, 10, 300)))
            if out in (Status.RESOLVED, Status.CLOSED):
                at = later(at, 600, 7200)
                seq.append(("resolved", at))
            if out is Status.CLOSED:
                seq.append(("close", later(at, 60, 1800)))
    return [_Plan(at, order, step, case) for step, at in seq]


def _desk(users: dict[str, Actor], room: str) -> Actor:
    return users["zhkh"] if room == "zhkh" else users["operator"]


def _run(ctx: ServiceContext, plan: _Plan, users: dict[str, Actor], rng: random.Random) -> None:
    case = plan.case
    mid = uuid.uuid4()
    if plan.step == "create":
        actor = users["operator"]
        _, body = incidents.register(ctx, actor, IncidentCreate(
            mutation_id=mid, source=case.source, type_code=case.type_code,
            address=AddressIn(street=case.street, house=case.house,
                              flat=str(rng.randint(1, 120)) if rng.random() < 0.4 else None),
            description=rng.choice(("Со слов заявителя", "Повторный звонок", "Сообщение жителя",
                                    "Срочно", "")),
            caller=CallerIn(name=f"{rng.choice(_FIRST_NAMES)} {rng.choice(_LAST_NAMES)}",
                            phone=f"+79{rng.randint(10**8, 10**9 - 1)}")
            if case.source in (Source.PHONE, Source.CALL_112) else None,
            received_at=ctx.clock(), registration_seconds=round(rng.uniform(25, 140), 1),
        ))
        _follow(case, body)
        return
    if case.incident_id is None:
        return
    detail = incidents.get_detail(ctx, users["admin"], case.incident_id)
    room = detail["incident"]["room"]
    desk = _desk(users, room)
    if plan.step in ("register", "cancelled", "merged", "close"):
        action = {"register": Action.REGISTER, "cancelled": Action.CANCEL,
                  "merged": Action.MERGE, "close": Action.CLOSE}[plan.step]
        target = None
        if action is Action.MERGE:
            target = _merge_target(ctx, case.incident_id)
            if target is None:
                action = Action.CANCEL
        _, body = incidents.act(ctx, desk, case.incident_id, IncidentAction(
            mutation_id=mid, base_version=case.version, action=action, merge_into=target,
            reason="Ложный вызов" if action is Action.CANCEL else None,
            result="Устранено, заявитель уведомлён" if action is Action.CLOSE else None))
    elif plan.step == "handover":
        _, body = handovers.hand_over(ctx, desk, case.incident_id, HandoverCreate(
            mutation_id=mid, base_version=case.version, services=list(case.services)))
        case.handover_ids = tuple(h["id"] for h in body["handovers"])
    elif plan.step == "note":
        notes.note(ctx, desk, case.incident_id, NoteIn(
            mutation_id=mid, text=rng.choice(("Бригада на месте, ведутся работы",
                                              "Заявитель перезвонил, ситуация без изменений",
                                              "Ориентировочное время устранения — 2 часа"))))
        return
    else:
        stage = {"ack": HandoverStage.ACKNOWLEDGED, "crew": HandoverStage.CREW_DISPATCHED,
                 "scene": HandoverStage.ON_SCENE, "resolved": HandoverStage.RESOLVED}[plan.step]
        body = detail
        for handover in detail["handovers"]:
            service_user = users[f"ds-{handover['service']}"]
            _, body = handovers.report_stage(ctx, service_user, handover["id"], HandoverStageIn(
                mutation_id=uuid.uuid4(), stage=stage))
    _follow(case, body)


def _follow(case: _Case, body: dict) -> None:
    case.incident_id = body["incident"]["id"]
    case.version = body["incident"]["version"]


def _let_go(ctx: ServiceContext, users: dict[str, Actor]) -> None:
    """Demo operators release what they worked on, so the console starts with a free queue."""
    by_id = {u.id: u for u in users.values()}
    with ctx.db.read() as s:
        held = s.execute(select(Incident.id, Incident.claim_holder_id)
                         .where(Incident.claim_holder_id.is_not(None))).all()
    for incident_id, holder in held:
        claims.release(ctx, by_id[holder], incident_id, uuid.uuid4())


def _merge_target(ctx: ServiceContext, incident_id: int) -> int | None:
    open_ = [Status.REGISTERED.value, Status.DISPATCHED.value, Status.IN_PROGRESS.value]
    with ctx.db.read() as s:
        return s.scalar(select(Incident.id).where(Incident.status.in_(open_),
                                                  Incident.id != incident_id)
                        .order_by(Incident.id.desc()).limit(1))


class CrewMotion:
    """Demo crews drive about the city: a few of them move a step toward their own
    destination each time ``step`` runs. Journaled like a device's position report."""

    def __init__(self, seed: int = demo_city.DEMO_SEED) -> None:
        self.rng = random.Random(seed)
        self.targets: dict[int, tuple[float, float]] = {}

    def _target(self) -> tuple[float, float]:
        south, west, north, east = demo_city.BBOX
        return (self.rng.uniform(south, north), self.rng.uniform(west, east))

    def step(self, ctx: ServiceContext, crews: int = 4, metres: float = 120.0) -> int:
        def work(session, journal) -> int:  # type: ignore[no-untyped-def]
            rows = list(session.scalars(select(Crew).order_by(Crew.id)))
            moved = 0
            for crew in self.rng.sample(rows, min(crews, len(rows))):
                if crew.lat is None or crew.lon is None:
                    continue
                lat, lon = self.targets.setdefault(crew.id, self._target())
                dlat, dlon = lat - crew.lat, lon - crew.lon
                dist = max((dlat * 111_000) ** 2 + (dlon * 66_000) ** 2, 1e-9) ** 0.5
                if dist < metres:
                    self.targets[crew.id] = self._target()
                    continue
                f = metres / dist
                old = crew_state(crew)
                crew.lat, crew.lon = crew.lat + dlat * f, crew.lon + dlon * f
                crew.position_at = journal.now
                crew.version += 1
                journal.changed("crew.moved", "crew", crew.id, old, crew_state(crew))
                moved += 1
            return moved

        return run_system(ctx, SYSTEM, work)


class SensorSimulator:
    """The demo's sensors report through their gateways each time ``step`` runs: quiet
    values with noise inside the hysteresis band, now and then an episode on one sensor
    that crosses its alarm level and comes back (one incident, then its recovery note),
    and one station that loses its uplink for a while (one silence incident, then a note).
    """

    EPISODE_CHANCE = 0.005  # per step when none runs: about one every half hour at 10 s
    SILENT_EVERY = 200     # steps between the silent station's outages...
    SILENT_FOR = 40        # ...and how many steps each lasts

    def __init__(self, seed: int = demo_city.DEMO_SEED) -> None:
        self.rng = random.Random(seed)
        self.ticks = 0
        self.episode: tuple[str, int] | None = None  # sensor code, steps left

    def _value(self, spec: dict, in_episode: bool) -> float:
        mean, spread = demo_city.DEMO_SENSOR_NORMALS[str(spec["code"])]
        if in_episode:
            alarm, clear = float(spec["alarm"]), float(spec["clear"])  # type: ignore[arg-type]
            past = abs(alarm - clear) * self.rng.uniform(0.2, 0.8)
            return round(alarm + past if spec["direction"] == Direction.ABOVE else
                         max(alarm - past, 0.0), 2)
        return round(max(self.rng.gauss(mean, spread / 2), 0.0), 2)

    def step(self, ctx: ServiceContext) -> int:
        self.ticks += 1
        if self.episode is None and self.rng.random() < self.EPISODE_CHANCE:
            spec = self.rng.choice(demo_city.DEMO_SENSORS["sensors"])
            self.episode = (str(spec["code"]), self.rng.randint(8, 20))
        silent = self.ticks % self.SILENT_EVERY >= self.SILENT_EVERY - self.SILENT_FOR
        now = ctx.clock()
        batches: dict[str, list[ReadingIn]] = {}
        for spec in demo_city.DEMO_SENSORS["sensors"]:
            if silent and spec["code"] == demo_city.DEMO_SILENT_SENSOR:
                continue
            hot = self.episode is not None and self.episode[0] == spec["code"]
            batches.setdefault(str(spec["gateway"]), []).append(
                ReadingIn(sensor=str(spec["code"]), at=now, value=self._value(spec, hot)))
        if self.episode is not None:
            code, left = self.episode
            self.episode = (code, left - 1) if left > 1 else None
        sent = 0
        for gateway, readings in batches.items():
            sensors.ingest_as(ctx, gateway, readings)
            sent += len(readings)
        return sent
