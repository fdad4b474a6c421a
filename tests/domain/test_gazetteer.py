from pathlib import Path

import pytest

from app.domain.gazetteer import (
    Address,
    district_of,
    nearest,
    normalize_house,
    normalize_street,
    parse_address_csv,
    point_in_polygon,
    split_street,
)

FIXTURE = Path(__file__).parent.parent / "fixtures" / "address_register_sample.csv"


@pytest.mark.parametrize(
    ("variants", "key"),
    [
        (
            [
                "пр-т Строителей",
                "Строителей пр.",
                "просп. Строителей",
                "пр.Строителей",
                "пр-кт Строителей",
                "Проспект  СТРОИТЕЛЕЙ",
                "проспект Строителей",
            ],
            "проспект строителей",
        ),
        (
            ["ул. Кузнецкая", "Кузнецкая ул", "улица Кузнецкая", "Кузнецкая улица"],
            "улица кузнецкая",
        ),
        (["пр-т Шахтёров", "Шахтеров проспект"], "проспект шахтеров"),
        (["пер. Таёжный", "Таежный переулок"], "переулок таежный"),
        (["б-р Медиков", "бул. Медиков", "Медиков бульвар"], "бульвар медиков"),
        (["Ольжерасское ш.", "шоссе Ольжерасское"], "шоссе ольжерасское"),
        (["пл. Весенняя", "площадь Весенняя"], "площадь весенняя"),
        (["наб. Томи", "набережная Томи"], "набережная томи"),
        (["мкр. Западный", "микрорайон Западный", "Западный мкрн"], "микрорайон западный"),
        # a street named like a kind: the same key whichever end the kind is written at
        (["улица Набережная", "Набережная ул.", "Набережная улица"], "улица набережная"),
        (["пр-т 50 лет Комсомола", "50 лет Комсомола пр."], "проспект 50 лет комсомола"),
    ],
)
def test_street_spellings_share_one_key(variants, key):
    assert {normalize_street(v) for v in variants} == {key}


def test_street_without_a_kind_keeps_only_its_name():
    assert normalize_street("  Строителей ") == "строителей"
    assert split_street("Строителей пр.") == ("проспект", "строителей")
    assert split_street("Кузнецкая") == (None, "кузнецкая")


@pytest.mark.parametrize(
    ("variants", "key"),
    [
        (["12А", "12 а", "12a", "12 A", "д. 12а", "дом 12 А"], "12а"),
        (["12/1", "12 к1", "12 корп. 1", "12к.1", "12 корпус 1"], "12к1"),
        (["12 стр. 2", "12 строение 2", "12с2"], "12с2"),
        ([" 7 ", "7", "д.7"], "7"),
    ],
)
def test_house_spellings_share_one_key(variants, key):
    assert {normalize_house(v) for v in variants} == {key}


def test_address_key_ignores_spelling():
    a = Address("пр-т Строителей", "12А", 53.69, 88.05)
    b = Address("проспект Строителей", "12 а", 53.69, 88.05)
    assert a.key == b.key == ("проспект строителей", "12а")


# --- the register import --------------------------------------------------------------


def test_sample_register_semicolons_decimal_comma_and_two_bad_rows():
    result = parse_address_csv(FIXTURE.read_text(encoding="utf-8"))

    assert [(r.street, r.house) for r in result.rows] == [
        ("пр-т Строителей", "1"),
        ("пр-т Строителей", "3"),
        ("ул. Кузнецкая", "12А"),
        ("ул. Кузнецкая", "14"),
        ("Юности ул.", "7/1"),
        ("пер. Школьный", "3"),
        ("проспект Шахтёров", "21"),
    ]
    first = result.rows[0]
    assert (first.lat, first.lon) == (53.690210, 88.046520)
    assert first.district is None
    assert result.errors == [
        "line 7: latitude '91,2' is outside -90..90",
        "line 9: house is empty; longitude 'восемьдесят восемь' is not a number",
    ]


def test_comma_delimited_english_header_from_lines():
    lines = [
        "street,house,lat,lon\n",
        "ул. Лазо,5,53.6871,88.0401\n",
        '"Кузнецкая ул",7,"53,6790","88,0588"\n',
    ]
    result = parse_address_csv(lines)
    assert result.errors == []
    assert [(r.street, r.house, r.lat, r.lon) for r in result.rows] == [
        ("ул. Лазо", "5", 53.6871, 88.0401),
        ("Кузнецкая ул", "7", 53.679, 88.0588),
    ]


def test_line_numbers_count_blank_lines_and_a_leading_blank():
    text = "\nулица;дом;широта;долгота\nул. Лазо;5;53,68;88,04\n\nул. Лазо;7;53,68;200\n"
    result = parse_address_csv(text)
    assert len(result.rows) == 1
    assert result.errors == ["line 5: longitude '200' is outside -180..180"]


def test_short_rows_and_non_finite_numbers_are_reported():
    text = "street;house;lat;lon\nул. Лазо;5\nул. Лазо;7;nan;88\nул. Лазо;9;53,68;88,04\n"
    result = parse_address_csv(text)
    assert [r.house for r in result.rows] == ["9"]
    assert result.errors == [
        "line 2: latitude is empty; longitude is empty",
        "line 3: latitude 'nan' is not a number",
    ]


def test_second_row_for_the_same_house_is_reported_and_skipped():
    text = (
        "улица;дом;широта;долгота\n"
        "пр-т Строителей;12А;53,690;88,050\n"
        "проспект Строителей;12 а;53,691;88,051\n"
    )
    result = parse_address_csv(text)
    assert len(result.rows) == 1
    assert result.errors == ["line 3: проспект Строителей, 12 а is already on line 2; skipped"]


def test_street_kind_column_is_prepended():
    text = "тип;улица;дом;широта;долгота\nпр-кт;Строителей;1;53,69;88,05\n"
    (row,) = parse_address_csv(text).rows
    assert row.street == "пр-кт Строителей"
    assert row.key == ("проспект строителей", "1")


def test_missing_required_column_is_named():
    with pytest.raises(ValueError, match="missing required column 'lon'"):
        parse_address_csv("улица;дом;широта\nул. Лазо;5;53,68\n")


def test_empty_file_is_refused():
    with pytest.raises(ValueError, match="header row is required"):
        parse_address_csv("\n  \n")


# --- geometry -------------------------------------------------------------------------

SQUARE = [(0.0, 0.0), (0.0, 1.0), (1.0, 1.0), (1.0, 0.0)]
# An L shape: the square without its north-east quarter (a concave polygon).
ELL = [(0.0, 0.0), (0.0, 1.0), (0.5, 1.0), (0.5, 0.5), (1.0, 0.5), (1.0, 0.0)]


@pytest.mark.parametrize(
    ("lat", "lon", "ring", "inside"),
    [
        (0.5, 0.5, SQUARE, True),
        (0.01, 0.99, SQUARE, True),
        (1.5, 0.5, SQUARE, False),
        (-0.1, 0.5, SQUARE, False),
        (0.25, 0.25, ELL, True),
        (0.75, 0.25, ELL, True),
        (0.25, 0.75, ELL, True),
        (0.75, 0.75, ELL, False),  # in the notch
        (0.25, 1.25, ELL, False),
    ],
)
def test_point_in_polygon(lat, lon, ring, inside):
    assert point_in_polygon(lat, lon, ring) is inside


def test_closed_ring_gives_the_same_answer():
    closed = [*SQUARE, SQUARE[0]]
    assert point_in_polygon(0.5, 0.5, closed)
    assert not point_in_polygon(1.5, 0.5, closed)


def test_district_of():
    districts = {
        "west": [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0)],
        "east": [(0.0, 1.0), (1.0, 1.0), (1.0, 2.0), (0.0, 2.0)],
    }
    assert district_of(0.5, 0.5, districts) == "west"
    assert district_of(0.5, 1.5, districts) == "east"
    assert district_of(2.0, 0.5, districts) is None


def test_nearest_and_its_distance_limit():
    here = Address("улица Лазо", "5", 53.6900, 88.0600)
    there = Address("улица Лазо", "7", 53.6950, 88.0600)
    # 0.001 degree of latitude is about 111 m
    assert nearest([there, here], 53.6910, 88.0600) == here
    assert nearest([there, here], 53.6910, 88.0600, max_m=120) == here
    assert nearest([there, here], 53.6910, 88.0600, max_m=100) is None
    assert nearest([], 53.69, 88.06) is None
