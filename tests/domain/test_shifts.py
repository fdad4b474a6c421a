from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from app.domain.shifts import ShiftCalendar
from app.domain.timezone import CITY_TZ

DEFAULT = ShiftCalendar()


def city(*args: int) -> datetime:
    return datetime(*args, tzinfo=CITY_TZ)


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def test_one_second_before_eight_belongs_to_the_night_shift():
    s = DEFAULT.shift_at(city(2026, 11, 26, 7, 59, 59))
    # night shift 25 Nov 20:00 → 26 Nov 08:00 city = 25 Nov 13:00 → 26 Nov 01:00 UTC
    assert (s.start, s.end) == (utc(2026, 11, 25, 13), utc(2026, 11, 26, 1))
    assert s.label == "2026-11-25 20:00–08:00"


def test_eight_sharp_opens_the_day_shift():
    s = DEFAULT.shift_at(city(2026, 11, 26, 8, 0))
    assert (s.start, s.end) == (utc(2026, 11, 26, 1), utc(2026, 11, 26, 13))
    assert s.label == "2026-11-26 08:00–20:00"
    assert DEFAULT.shift_at(city(2026, 11, 26, 19, 59, 59, 999_999)) == s
    assert DEFAULT.shift_at(city(2026, 11, 26, 20, 0)).label == "2026-11-26 20:00–08:00"


def test_midnight_stays_in_the_evening_shift():
    # city midnight of 27 Nov is 17:00 UTC on 26 Nov: both dates must come out right
    evening = DEFAULT.shift_at(city(2026, 11, 26, 20, 0))
    assert DEFAULT.shift_at(city(2026, 11, 26, 23, 59, 59)) == evening
    assert DEFAULT.shift_at(city(2026, 11, 27, 0, 0)) == evening
    assert DEFAULT.shift_at(utc(2026, 11, 26, 17, 0)) == evening
    assert (evening.start, evening.end) == (utc(2026, 11, 26, 13), utc(2026, 11, 27, 1))


def test_the_same_instant_in_any_zone_gives_the_same_shift():
    moscow = datetime(2026, 11, 26, 4, 0, tzinfo=ZoneInfo("Europe/Moscow"))  # 08:00 city
    assert DEFAULT.shift_at(moscow) == DEFAULT.shift_at(utc(2026, 11, 26, 1, 0))


def test_shift_contains_its_start_not_its_end():
    s = DEFAULT.shift_at(city(2026, 11, 26, 12, 0))
    assert s.start in s
    assert s.end - timedelta(microseconds=1) in s
    assert s.end not in s


def test_previous_and_next_chain_without_gaps():
    day = DEFAULT.shift_at(city(2026, 11, 26, 12, 0))
    assert DEFAULT.next(day).label == "2026-11-26 20:00–08:00"
    assert DEFAULT.next(DEFAULT.next(day)).label == "2026-11-27 08:00–20:00"
    assert DEFAULT.previous(day).label == "2026-11-25 20:00–08:00"
    s = day
    for _ in range(10):
        following = DEFAULT.next(s)
        assert following.start == s.end
        assert following.end - following.start == timedelta(hours=12)
        assert DEFAULT.previous(following) == s
        s = following
    assert s.start == day.start + timedelta(hours=120)  # ten 12-hour shifts later


def test_month_and_year_boundaries():
    s = DEFAULT.shift_at(city(2027, 1, 1, 3, 0))
    assert s.label == "2026-12-31 20:00–08:00"


def test_three_shift_calendar():
    cal = ShiftCalendar((time(7), time(15), time(23)))
    assert cal.shift_at(city(2026, 11, 26, 6, 59)).label == "2026-11-25 23:00–07:00"
    assert cal.shift_at(city(2026, 11, 26, 7, 0)).label == "2026-11-26 07:00–15:00"
    night = cal.shift_at(city(2026, 11, 26, 23, 30))
    # 23:00 city = 16:00 UTC; 07:00 next day city = 00:00 UTC on the 27th
    assert (night.start, night.end) == (utc(2026, 11, 26, 16), utc(2026, 11, 27, 0))
    assert cal.shift_at(city(2026, 11, 27, 0, 30)) == night


def test_uneven_shifts_cover_the_day():
    cal = ShiftCalendar((time(8), time(14), time(20)))
    s = cal.shift_at(city(2026, 11, 26, 8))
    lengths = []
    for _ in range(3):
        lengths.append(s.end - s.start)
        s = cal.next(s)
    assert lengths == [timedelta(hours=6), timedelta(hours=6), timedelta(hours=12)]
    assert s.label == "2026-11-27 08:00–14:00"


def test_single_shift_a_day_lasts_24_hours():
    cal = ShiftCalendar((time(9),))
    s = cal.shift_at(city(2026, 11, 26, 8, 0))
    assert s.label == "2026-11-25 09:00–09:00"
    assert s.end - s.start == timedelta(hours=24)


def test_another_zone():
    cal = ShiftCalendar(tz=ZoneInfo("Europe/Moscow"))
    s = cal.shift_at(utc(2026, 11, 26, 5, 0))  # 08:00 in Moscow (UTC+3)
    assert s.start == utc(2026, 11, 26, 5, 0)


@pytest.mark.parametrize(
    ("starts", "words"),
    [
        ((), "at least one"),
        ((time(20), time(8)), "08:00 follows 20:00"),
        ((time(8), time(8)), "distinct"),
        ((time(8, tzinfo=UTC),), "without a zone"),
        (("08:00",), "without a zone"),
    ],
)
def test_bad_calendars_are_refused(starts, words):
    with pytest.raises(ValueError, match=words):
        ShiftCalendar(starts)


def test_a_list_of_starts_is_accepted_and_kept_as_a_tuple():
    assert ShiftCalendar([time(8), time(20)]).starts == (time(8), time(20))


def test_naive_instant_is_refused():
    with pytest.raises(ValueError, match="timezone-aware"):
        DEFAULT.shift_at(datetime(2026, 11, 26, 8, 0))


def test_to_city_shows_the_wall_clock_and_refuses_naive_times():
    from app.domain.timezone import to_city, utcnow

    assert to_city(utc(2026, 11, 26, 17, 0)) == city(2026, 11, 27, 0, 0)
    assert to_city(utc(2026, 11, 26, 17, 0)).hour == 0  # UTC+7: past midnight in the city
    assert utcnow().utcoffset() == timedelta(0)
    with pytest.raises(ValueError, match="no time zone"):
        to_city(datetime(2026, 11, 26, 17, 0))
