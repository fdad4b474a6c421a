"""Emergencies (ЧС): the level an incident is raised to, and the timed reports to the
regional crisis centre of the emergencies ministry (ЦУКС ГУ МЧС) that follow.

Levels are those of Government decree 304 of 21.05.2007 "On the classification of
emergencies" (as amended). ``suggest_level`` applies its thresholds as a hint for the
dialog; the duty officer decides. The report schedule's defaults (first report 20 minutes
after the declaration, an update every 4 hours, the final report an hour after lifting) are
settings of the service, to be set to the region's own regulation.

Reports are documents in Russian, the language the crisis centre takes them in: their
labels and values are written here, each with a stable key for any client that needs one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from app.domain.errors import TransitionRefused
from app.domain.timezone import to_city


class EmergencyLevel(StrEnum):
    """In rising order: a comparison of two levels is the order of this list."""

    LOCAL = "local"
    MUNICIPAL = "municipal"
    INTERMUNICIPAL = "intermunicipal"
    REGIONAL = "regional"
    INTERREGIONAL = "interregional"
    FEDERAL = "federal"


LEVELS: tuple[EmergencyLevel, ...] = tuple(EmergencyLevel)
RANK = {level: n for n, level in enumerate(LEVELS)}

LEVEL_RU = {
    EmergencyLevel.LOCAL: "локальный",
    EmergencyLevel.MUNICIPAL: "муниципальный",
    EmergencyLevel.INTERMUNICIPAL: "межмуниципальный",
    EmergencyLevel.REGIONAL: "региональный",
    EmergencyLevel.INTERREGIONAL: "межрегиональный",
    EmergencyLevel.FEDERAL: "федеральный",
}

# Decree 304: at most this many victims and this much damage (roubles) for the scale.
LOCAL_VICTIMS, LOCAL_DAMAGE = 10, 240_000
MUNICIPAL_VICTIMS, MUNICIPAL_DAMAGE = 50, 12_000_000
REGIONAL_VICTIMS, REGIONAL_DAMAGE = 500, 1_200_000_000


def suggest_level(victims: int, damage_roubles: float, settlements: int = 1,
                  regions: int = 1) -> EmergencyLevel:
    """The decree's level for these figures and this spread.

    The figures give the scale (≤10 victims and ≤240 thousand roubles: local; ≤50 and ≤12
    million: municipal; ≤500 and ≤1.2 billion: regional; more of either: federal), the zone
    gives the spread (two or more settlements or municipal districts: intermunicipal at
    least; two or more regions: interregional at least); the level is the higher of the
    two. Whichever figure is worse decides: 11 victims and no damage is municipal."""
    if victims < 0 or damage_roubles < 0 or settlements < 0 or regions < 0:
        raise ValueError("victims, damage, settlements and regions cannot be negative")
    if victims > REGIONAL_VICTIMS or damage_roubles > REGIONAL_DAMAGE:
        return EmergencyLevel.FEDERAL
    if regions >= 2:
        return EmergencyLevel.INTERREGIONAL
    if victims > MUNICIPAL_VICTIMS or damage_roubles > MUNICIPAL_DAMAGE:
        return EmergencyLevel.REGIONAL
    if settlements >= 2:
        return EmergencyLevel.INTERMUNICIPAL
    if victims > LOCAL_VICTIMS or damage_roubles > LOCAL_DAMAGE:
        return EmergencyLevel.MUNICIPAL
    return EmergencyLevel.LOCAL


# -- the reports' schedule ----------------------------------------------------------------


class ReportKind(StrEnum):
    FIRST = "first"
    UPDATE = "update"
    FINAL = "final"


KIND_RU = {
    ReportKind.FIRST: "первичное",
    ReportKind.UPDATE: "очередное",
    ReportKind.FINAL: "итоговое",
}


class ReportRefused(TransitionRefused):
    """A report out of order: the emergency's state allows another one now."""

    code = "report_out_of_order"


@dataclass(frozen=True)
class ReportSchedule:
    """When reports are due. Defaults are common practice, not law: set them to the
    region's regulation (``DISPATCH_EMERGENCY_*`` on the service)."""

    first_within: timedelta = timedelta(minutes=20)
    update_every: timedelta = timedelta(hours=4)
    final_within: timedelta = timedelta(hours=1)

    def __post_init__(self) -> None:
        for name in ("first_within", "update_every", "final_within"):
            if getattr(self, name) <= timedelta(0):
                raise ValueError(f"the report schedule's {name} must be positive")


@dataclass(frozen=True)
class SentReport:
    kind: ReportKind
    due_at: datetime  # the deadline it answered
    sent_at: datetime


@dataclass(frozen=True)
class DueReport:
    kind: ReportKind
    number: int
    due_at: datetime


def next_due(schedule: ReportSchedule, *, declared_at: datetime, lifted_at: datetime | None,
             sent: Sequence[SentReport]) -> DueReport | None:
    """The report due next, or None once the final one is sent.

    The first report is due ``first_within`` after the declaration (lifted or not: the
    crisis centre hears of every emergency). Updates keep the declaration's rhythm, at the
    points declaration + k × ``update_every``, rather than drifting with each report: the
    next is due at the first point more than half an interval after the last report was
    sent. A report sent in the half interval before a point stands for it (sent at 15:50
    for 16:00, the next is due at 20:00); one sent earlier is an extra and the point stays
    due (sent at 13:00, 16:00 is still due); one sent late leaves the next where the
    schedule puts it (sent at 16:30, due 20:00), and one sent after several missed points is
    not followed at once by another already late. Once the emergency is lifted the final
    report is due ``final_within`` after the lifting."""
    number = len(sent) + 1
    if not sent:
        return DueReport(ReportKind.FIRST, number, declared_at + schedule.first_within)
    last = sent[-1]
    if last.kind is ReportKind.FINAL:
        return None
    if lifted_at is not None:
        return DueReport(ReportKind.FINAL, number, lifted_at + schedule.final_within)
    threshold = last.sent_at + schedule.update_every / 2
    slots = max(0, (threshold - declared_at) // schedule.update_every) + 1
    return DueReport(ReportKind.UPDATE, number, declared_at + slots * schedule.update_every)


def overdue(due_at: datetime | None, now: datetime) -> bool:
    """Past its deadline; a report due at 14:20 is on time at 14:20:00."""
    return due_at is not None and now > due_at


def check_kind(due: DueReport | None, kind: ReportKind) -> None:
    """Refuse a report out of order, saying which one is expected."""
    if due is None:
        raise ReportRefused("The final report on this emergency was already sent; no more "
                            "reports are due.", kind=kind.value)
    if kind is due.kind:
        return
    if due.kind is ReportKind.FIRST:
        raise ReportRefused("The first report has not been sent yet; send it before any "
                            "other.", kind=kind.value, expected=due.kind.value)
    if kind is ReportKind.FIRST:
        raise ReportRefused("The first report on this emergency was already sent.",
                            kind=kind.value, expected=due.kind.value)
    if kind is ReportKind.FINAL:
        raise ReportRefused("The emergency has not been lifted; the final report comes "
                            "after it is lifted.", kind=kind.value, expected=due.kind.value)
    raise ReportRefused("The emergency has been lifted: send the final report.",
                        kind=kind.value, expected=due.kind.value)


def in_force(level: str | None, lifted_at: object | None) -> bool:
    """Declared and not lifted."""
    return level is not None and lifted_at is None


def pinned(level: str | None, lifted_at: object | None, report_due: object | None) -> bool:
    """What the room keeps in view: an emergency in force, or one lifted whose final report
    has not been sent yet."""
    return level is not None and (lifted_at is None or report_due is not None)


# -- the report itself --------------------------------------------------------------------

# Hand-over stages (app.domain.enums.HandoverStage) as the report names them.
STAGE_RU = {
    "handed_over": "сообщение передано",
    "acknowledged": "сообщение принято",
    "crew_dispatched": "силы высланы",
    "on_scene": "силы на месте",
    "resolved": "работы завершены",
    "recalled": "отозвано",
}

UNKNOWN = "уточняется"  # a figure not yet established: the report says so, not "0"
NONE = "нет"
ADDITIONS = ("additions", "Дополнительно", "text", "Сведения")  # section key, title; field


@dataclass(frozen=True)
class Consequences:
    """Entered by the officer on each report; None: not yet established."""

    dead: int | None = None
    injured: int | None = None
    evacuated: int | None = None
    affected: int | None = None


@dataclass(frozen=True)
class Force:
    """One duty service the incident was handed to."""

    service: str
    stage: str  # in words, e.g. "на месте"
    crews: tuple[str, ...] = ()


@dataclass(frozen=True)
class Measure:
    at: datetime
    author: str
    text: str


@dataclass(frozen=True)
class ReportFacts:
    number: int
    as_of: datetime  # the moment the report describes
    edds: str  # the reporting body, e.g. "ЕДДС Междуреченского городского округа"
    incident_number: str
    type_name: str
    description: str
    address: str
    district: str | None
    lat: float | None
    lon: float | None
    received_at: datetime
    level: EmergencyLevel
    declared_at: datetime
    lifted_at: datetime | None
    reporter: str
    consequences: Consequences = field(default_factory=Consequences)
    forces: tuple[Force, ...] = ()
    measures: tuple[Measure, ...] = ()
    additions: str = ""


@dataclass(frozen=True)
class ReportField:
    key: str
    label: str
    value: str


@dataclass(frozen=True)
class ReportSection:
    key: str
    title: str
    fields: tuple[ReportField, ...]


def city_stamp(t: datetime) -> str:
    """"26.11.2026 12:00 (UTC+7)": the city's clock, with its zone spelled out for a
    reader in another one."""
    local = to_city(t)
    offset = local.utcoffset() or timedelta(0)
    hours, rest = divmod(int(offset.total_seconds()), 3600)
    zone = f"UTC{hours:+d}" + (f":{rest // 60:02d}" if rest else "")
    return f"{local:%d.%m.%Y %H:%M} ({zone})"


def _figure(value: int | None) -> str:
    return UNKNOWN if value is None else str(value)


def draft_report(kind: ReportKind, facts: ReportFacts) -> list[ReportSection]:
    """The report's sections in the order the crisis centre reads them."""

    def section(key: str, title: str, *rows: tuple[str, str, str]) -> ReportSection:
        return ReportSection(key, title, tuple(ReportField(*r) for r in rows))

    place = [("address", "Адрес", facts.address or NONE),
             ("district", "Район", facts.district or UNKNOWN)]
    if facts.lat is not None and facts.lon is not None:
        place.append(("coordinates", "Координаты", f"{facts.lat:.5f} с. ш., "
                                                    f"{facts.lon:.5f} в. д."))
    level = [("level", "Уровень ЧС", LEVEL_RU[facts.level]),
             ("declared_at", "Режим ЧС введён", city_stamp(facts.declared_at))]
    if facts.lifted_at is not None:
        level.append(("lifted_at", "Режим ЧС снят", city_stamp(facts.lifted_at)))
    c = facts.consequences
    forces = tuple(
        (f"force{n}", f.service,
         f.stage + (f"; экипажи: {', '.join(f.crews)}" if f.crews else ""))
        for n, f in enumerate(facts.forces, 1)) or (("force0", "Привлечено", NONE),)
    measures = tuple(
        (f"measure{n}", f"{to_city(m.at):%d.%m %H:%M}", f"{m.text} ({m.author})")
        for n, m in enumerate(facts.measures, 1)) or (("measure0", "Принято", NONE),)
    sections = [
        section("report", "Донесение",
                ("kind", "Вид донесения", KIND_RU[kind]),
                ("number", "Номер", str(facts.number)),
                ("as_of", "По состоянию на", city_stamp(facts.as_of)),
                ("edds", "Орган", facts.edds)),
        section("what", "Что произошло",
                ("type", "Вид происшествия", facts.type_name or UNKNOWN),
                ("description", "Описание", facts.description or NONE),
                ("incident", "Номер происшествия", facts.incident_number)),
        section("where", "Где", *place),
        section("when", "Когда", ("received_at", "Поступило сообщение",
                                  city_stamp(facts.received_at))),
        section("level", "Уровень ЧС", *level),
        section("consequences", "Последствия",
                ("dead", "Погибло, чел.", _figure(c.dead)),
                ("injured", "Пострадало, чел.", _figure(c.injured)),
                ("evacuated", "Эвакуировано, чел.", _figure(c.evacuated)),
                ("affected", "Нарушены условия жизнедеятельности, чел.",
                 _figure(c.affected))),
        section("forces", "Силы и средства", *forces),
        section("measures", "Принятые меры", *measures),
    ]
    if facts.additions.strip():
        key, title, field_key, label = ADDITIONS
        sections.append(section(key, title, (field_key, label, facts.additions.strip())))
    sections.append(section("reporter", "Доложил",
                            ("name", "Оперативный дежурный", facts.reporter),
                            ("edds", "Орган", facts.edds)))
    return sections
