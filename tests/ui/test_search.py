from app.ui.search import search, street_entries, type_entries
from tests.ui.factory import CATALOG

TYPES = {t["code"]: t for t in CATALOG["incident_types"]}


def test_a_type_is_found_by_a_synonym_the_operator_types() -> None:
    found = search("теч", type_entries(TYPES, "ru"))
    assert [e.key for e in found] == ["water_main_break"]


def test_every_typed_word_must_match_and_main_names_rank_first() -> None:
    entries = type_entries(TYPES, "ru")
    assert [e.key for e in search("пож жил", entries)] == ["fire_residential"]
    assert search("пожар водопровод", entries) == []
    assert [e.key for e in search("прорыв", entries)] == ["water_main_break"]


def test_streets_match_by_any_word_and_abbreviation() -> None:
    entries = street_entries(["проспект Строителей", "улица Кузнецкая", "проспект Шахтёров"])
    assert [e.key for e in search("строит", entries)] == ["проспект Строителей"]
    assert [e.key for e in search("пр шахтер", entries)] == ["проспект Шахтёров"]
    assert [e.key for e in search("ул кузн", entries)] == ["улица Кузнецкая"]
