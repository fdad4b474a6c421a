"""Emergencies: the decree's levels at their boundaries, the reports' schedule worked out by
hand from declared, sent and lifted times, and a report drafted from a fixture incident."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.domain.emergencies import (
    Consequences,
    DueReport,
    EmergencyLevel,
    Force,
    Measure,
    ReportFacts,
    ReportKind,
    ReportRefused,
    ReportSchedule,
    SentReport,
    check_kind,
    city_stamp,
    draft_report,
    in_force,
    next_due,
    overdue,
    pinned,
    suggest_level,
)
from app.domain.enums import Action, Role, Status
from app.domain.errors import TransitionRefused
from app.domain.transitions import next_status

L = EmergencyLevel
K = ReportKind
# 12:00 in the city (UTC+7) on 26 November 2026.
DECLARED = datetime(2026, 11, 26, 5, 0, tzinfo=UTC)
H, M = timedelta(hours=1), timedelta(minutes=1)
SCHEDULE = ReportSchedule()  # 20 min, every 4 h, final 1 h after lifting


# -- levels -------------------------------------------------------------------------------


@pytest.mark.parametrize(("victims", "damage", "level"), [
    (0, 0, L.LOCAL),
    (10, 240_000, L.LOCAL),  # both at the local limits
    (11, 0, L.MUNICIPAL),  # one victim more
    (0, 240_001, L.MUNICIPAL),  # one rouble more
    (50, 12_000_000, L.MUNICIPAL),
    (51, 0, L.REGIONAL),
    (3, 12_000_001, L.REGIONAL),
    (500, 1_200_000_000, L.REGIONAL),
    (501, 0, L.FEDERAL),
    (0, 1_200_000_001, L.FEDERAL),
])
def test_the_worse_figure_decides_the_scale(victims: int, damage: int,
                                            level: EmergencyLevel) -> None:
    assert suggest_level(victims, damage) is level


@pytest.mark.parametrize(("victims", "damage", "settlements", "regions", "level"), [
    (2, 0, 2, 1, L.INTERMUNICIPAL),  # small, but over two settlements
    (50, 12_000_000, 3, 1, L.INTERMUNICIPAL),  # municipal figures over three
    (51, 0, 2, 1, L.REGIONAL),  # regional figures: the spread within a region adds nothing
    (51, 0, 1, 2, L.INTERREGIONAL),
    (0, 0, 2, 2, L.INTERREGIONAL),  # two regions whatever the figures
    (501, 0, 5, 3, L.FEDERAL),
    (0, 0, 0, 0, L.LOCAL),  # nothing entered yet: the smallest
])
def test_the_spread_raises_the_level_to_its_own(victims: int, damage: int, settlements: int,
                                                 regions: int, level: EmergencyLevel) -> None:
    assert suggest_level(victims, damage, settlements, regions) is level


def test_negative_figures_are_a_mistake() -> None:
    with pytest.raises(ValueError):
        suggest_level(-1, 0)


def test_levels_rise_in_the_decrees_order() -> None:
    assert [lv.value for lv in L] == ["local", "municipal", "intermunicipal", "regional",
                                      "interregional", "federal"]


# -- the schedule -------------------------------------------------------------------------


def sent(kind: ReportKind, due: datetime, at: datetime) -> SentReport:
    return SentReport(kind, due, at)


def test_the_first_report_is_due_twenty_minutes_after_the_declaration() -> None:
    due = next_due(SCHEDULE, declared_at=DECLARED, lifted_at=None, sent=[])
    assert due == DueReport(K.FIRST, 1, DECLARED + 20 * M)  # 12:20


def test_updates_keep_the_declarations_rhythm_not_the_reports() -> None:
    first = sent(K.FIRST, DECLARED + 20 * M, DECLARED + 15 * M)  # 12:15, on time
    # Next: the first point of 12:00 + k·4h more than 2 h after 12:15 → 16:00.
    assert next_due(SCHEDULE, declared_at=DECLARED, lifted_at=None, sent=[first]) == \
        DueReport(K.UPDATE, 2, DECLARED + 4 * H)
    # The update sent late at 16:30: the next is 20:00, not 20:30.
    late = sent(K.UPDATE, DECLARED + 4 * H, DECLARED + 4 * H + 30 * M)
    assert next_due(SCHEDULE, declared_at=DECLARED, lifted_at=None, sent=[first, late]) == \
        DueReport(K.UPDATE, 3, DECLARED + 8 * H)
    # Sent early for its point, at 15:50: it stands for 16:00; the next is 20:00.
    early = sent(K.UPDATE, DECLARED + 4 * H, DECLARED + 3 * H + 50 * M)
    assert next_due(SCHEDULE, declared_at=DECLARED, lifted_at=None,
                    sent=[first, early]).due_at == DECLARED + 8 * H


def test_an_extra_report_leaves_the_schedules_point_due() -> None:
    first = sent(K.FIRST, DECLARED + 20 * M, DECLARED + 15 * M)
    # Something changed at 13:00 and the officer reported at once: 16:00 is still due.
    extra = sent(K.UPDATE, DECLARED + 4 * H, DECLARED + 1 * H)
    assert next_due(SCHEDULE, declared_at=DECLARED, lifted_at=None,
                    sent=[first, extra]) == DueReport(K.UPDATE, 3, DECLARED + 4 * H)
    # At 14:00 exactly (half an interval before 16:00) it stands for 16:00.
    at_half = sent(K.UPDATE, DECLARED + 4 * H, DECLARED + 2 * H)
    assert next_due(SCHEDULE, declared_at=DECLARED, lifted_at=None,
                    sent=[first, at_half]).due_at == DECLARED + 8 * H


def test_after_missed_points_the_next_is_not_already_late() -> None:
    first = sent(K.FIRST, DECLARED + 20 * M, DECLARED + 15 * M)
    # 16:00 and 20:00 missed; an update sent at 21:10 → next due 00:00 (+12 h).
    catch_up = sent(K.UPDATE, DECLARED + 4 * H, DECLARED + 9 * H + 10 * M)
    assert next_due(SCHEDULE, declared_at=DECLARED, lifted_at=None,
                    sent=[first, catch_up]).due_at == DECLARED + 12 * H


def test_lifting_makes_the_final_report_due_an_hour_later_and_it_ends_the_schedule() -> None:
    first = sent(K.FIRST, DECLARED + 20 * M, DECLARED + 15 * M)
    lifted = DECLARED + 6 * H + 5 * M  # 18:05
    assert next_due(SCHEDULE, declared_at=DECLARED, lifted_at=lifted, sent=[first]) == \
        DueReport(K.FINAL, 2, lifted + H)  # 19:05
    final = sent(K.FINAL, lifted + H, lifted + 40 * M)
    assert next_due(SCHEDULE, declared_at=DECLARED, lifted_at=lifted,
                    sent=[first, final]) is None


def test_lifted_before_the_first_report_the_first_is_still_due_then_the_final() -> None:
    lifted = DECLARED + 10 * M
    assert next_due(SCHEDULE, declared_at=DECLARED, lifted_at=lifted, sent=[]) == \
        DueReport(K.FIRST, 1, DECLARED + 20 * M)
    first = sent(K.FIRST, DECLARED + 20 * M, DECLARED + 18 * M)
    assert next_due(SCHEDULE, declared_at=DECLARED, lifted_at=lifted, sent=[first]) == \
        DueReport(K.FINAL, 2, lifted + H)


def test_a_regions_own_schedule() -> None:
    schedule = ReportSchedule(first_within=15 * M, update_every=2 * H, final_within=30 * M)
    assert next_due(schedule, declared_at=DECLARED, lifted_at=None, sent=[]).due_at == \
        DECLARED + 15 * M
    first = sent(K.FIRST, DECLARED + 15 * M, DECLARED + 14 * M)
    assert next_due(schedule, declared_at=DECLARED, lifted_at=None, sent=[first]).due_at == \
        DECLARED + 2 * H
    with pytest.raises(ValueError):
        ReportSchedule(update_every=timedelta(0))


def test_overdue_only_after_the_deadline() -> None:
    due = DECLARED + 20 * M
    assert not overdue(due, due)
    assert overdue(due, due + timedelta(seconds=1))
    assert not overdue(None, due)


@pytest.mark.parametrize(("due", "kind", "words"), [
    (None, K.UPDATE, "final report on this emergency was already sent"),
    (DueReport(K.FIRST, 1, DECLARED), K.UPDATE, "first report has not been sent yet"),
    (DueReport(K.FIRST, 1, DECLARED), K.FINAL, "first report has not been sent yet"),
    (DueReport(K.UPDATE, 2, DECLARED), K.FIRST, "first report on this emergency was already"),
    (DueReport(K.UPDATE, 2, DECLARED), K.FINAL, "has not been lifted"),
    (DueReport(K.FINAL, 3, DECLARED), K.UPDATE, "lifted: send the final report"),
])
def test_a_report_out_of_order_is_refused_in_words(due: DueReport | None, kind: ReportKind,
                                                    words: str) -> None:
    with pytest.raises(ReportRefused, match=words) as refused:
        check_kind(due, kind)
    assert refused.value.code == "report_out_of_order"


def test_the_expected_report_passes() -> None:
    check_kind(DueReport(K.UPDATE, 2, DECLARED), K.UPDATE)


def test_in_force_and_pinned() -> None:
    assert not in_force(None, None) and not pinned(None, None, None)
    assert in_force("local", None) and pinned("local", None, "t")
    # Lifted, final report still due: out of force, still in view.
    assert not in_force("local", "t") and pinned("local", "t", "t")
    assert not pinned("local", "t", None)


def test_an_emergency_in_force_keeps_its_incident_open() -> None:
    for action in (Action.CLOSE, Action.CANCEL, Action.MERGE):
        status = Status.RESOLVED if action is Action.CLOSE else Status.DISPATCHED
        with pytest.raises(TransitionRefused, match="lift the emergency first"):
            next_status(status, action, Role.SUPERVISOR, emergency=True)
        assert next_status(status, action, Role.SUPERVISOR) is not None
    # Resolving is not ending: the services may finish while reports go on.
    assert next_status(Status.DISPATCHED, Action.RESOLVE, Role.OPERATOR,
                       emergency=True) is Status.RESOLVED


# -- the report ---------------------------------------------------------------------------

FACTS = ReportFacts(
    number=2, as_of=DECLARED + 4 * H, edds="ЕДДС Междуреченского городского округа",
    incident_number="2026-000042", type_name="Прорыв водопровода",
    description="Прорыв магистрали, подтоплен подвал", address="проспект Строителей, 12",
    district="Центральный", lat=53.6901, lon=88.0612,
    received_at=DECLARED - 30 * M, level=L.MUNICIPAL, declared_at=DECLARED, lifted_at=None,
    reporter="Петров Сергей",
    consequences=Consequences(dead=0, injured=2, evacuated=35),
    forces=(Force("Водоканал, аварийная служба", "силы на месте", ("ВК-3", "ВК-7")),
            Force("МЧС", "сообщение принято")),
    measures=(Measure(DECLARED + 5 * M, "Петров Сергей", "Отключена подача воды"),),
    additions="Организован пункт временного размещения в школе № 5",
)


def table(sections) -> list[tuple[str, list[tuple[str, str]]]]:
    return [(s.title, [(f.label, f.value) for f in s.fields]) for s in sections]


def test_a_report_drafted_from_a_fixture_incident_reads_section_by_section() -> None:
    assert table(draft_report(K.UPDATE, FACTS)) == [
        ("Донесение", [("Вид донесения", "очередное"), ("Номер", "2"),
                       ("По состоянию на", "26.11.2026 16:00 (UTC+7)"),
                       ("Орган", "ЕДДС Междуреченского городского округа")]),
        ("Что произошло", [("Вид происшествия", "Прорыв водопровода"),
                           ("Описание", "Прорыв магистрали, подтоплен подвал"),
                           ("Номер происшествия", "2026-000042")]),
        ("Где", [("Адрес", "проспект Строителей, 12"), ("Район", "Центральный"),
                 ("Координаты", "53.69010 с. ш., 88.06120 в. д.")]),
        ("Когда", [("Поступило сообщение", "26.11.2026 11:30 (UTC+7)")]),
        ("Уровень ЧС", [("Уровень ЧС", "муниципальный"),
                        ("Режим ЧС введён", "26.11.2026 12:00 (UTC+7)")]),
        ("Последствия", [("Погибло, чел.", "0"), ("Пострадало, чел.", "2"),
                         ("Эвакуировано, чел.", "35"),
                         ("Нарушены условия жизнедеятельности, чел.", "уточняется")]),
        ("Силы и средства", [("Водоканал, аварийная служба", "силы на месте; экипажи: "
                              "ВК-3, ВК-7"), ("МЧС", "сообщение принято")]),
        ("Принятые меры", [("26.11 12:05", "Отключена подача воды (Петров Сергей)")]),
        ("Дополнительно", [("Сведения",
                            "Организован пункт временного размещения в школе № 5")]),
        ("Доложил", [("Оперативный дежурный", "Петров Сергей"),
                     ("Орган", "ЕДДС Междуреченского городского округа")]),
    ]


def test_a_final_report_of_a_bare_incident_says_what_is_not_there() -> None:
    bare = ReportFacts(
        number=3, as_of=DECLARED + 7 * H, edds="ЕДДС", incident_number="2026-000001",
        type_name="", description="", address="", district=None, lat=None, lon=None,
        received_at=DECLARED, level=L.LOCAL, declared_at=DECLARED,
        lifted_at=DECLARED + 6 * H, reporter="Иванова Анна")
    rows = dict(table(draft_report(K.FINAL, bare)))
    assert rows["Донесение"][0] == ("Вид донесения", "итоговое")
    assert rows["Где"] == [("Адрес", "нет"), ("Район", "уточняется")]
    assert rows["Уровень ЧС"][-1] == ("Режим ЧС снят", "26.11.2026 18:00 (UTC+7)")
    assert rows["Силы и средства"] == [("Привлечено", "нет")]
    assert rows["Принятые меры"] == [("Принято", "нет")]
    assert "Дополнительно" not in rows  # no additions: no empty section
    assert rows["Последствия"][0] == ("Погибло, чел.", "уточняется")


def test_the_city_stamp_names_its_zone() -> None:
    assert city_stamp(datetime(2026, 1, 1, 0, 0, tzinfo=UTC)) == "01.01.2026 07:00 (UTC+7)"
