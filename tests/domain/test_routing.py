import pytest

from app.domain.routing import RoutingRules

CONFIG = {
    "default_room": "main",
    "by_type": {"gas_leak": "gas_desk"},
    "by_category": {"utilities": "utilities_room", "gas": "utilities_room"},
    "by_district": {"Притомский": "north_room"},
}
RULES = RoutingRules.from_dict(CONFIG)


@pytest.mark.parametrize(
    ("type_code", "category", "district", "room"),
    [
        # the type wins over its category ("gas" → utilities_room) and over the district
        ("gas_leak", "gas", "Притомский", "gas_desk"),
        ("water_main", "utilities", "Притомский", "utilities_room"),  # category over district
        ("noise", "public_order", "Притомский", "north_room"),  # district over default
        ("noise", "public_order", "Центральный", "main"),
        (None, None, None, "main"),  # nothing classified yet
        (None, None, "Притомский", "north_room"),
    ],
)
def test_precedence_type_category_district_default(type_code, category, district, room):
    assert RULES.route(type_code, category, district) == room


def test_round_trip_and_rooms():
    assert RoutingRules.from_dict(RULES.to_dict()) == RULES
    assert RULES.to_dict() == CONFIG
    assert RULES.rooms() == {"main", "gas_desk", "utilities_room", "north_room"}


def test_only_a_default_room_is_enough():
    rules = RoutingRules.from_dict({"default_room": "main"})
    assert rules.route("gas_leak", "gas", "Притомский") == "main"


@pytest.mark.parametrize(
    ("config", "words"),
    [
        (["main"], "must be a mapping, not list"),
        ({}, "need 'default_room'"),
        ({"default_room": "  "}, "need 'default_room'"),
        ({"default_room": 5}, "need 'default_room'"),
        ({"default_room": "main", "by_street": {}}, "Unknown key 'by_street'"),
        ({"default_room": "main", "by_type": ["gas_leak"]}, "'by_type' must map codes"),
        ({"default_room": "main", "by_category": {"gas": ""}}, "'by_category' sends 'gas' to ''"),
        ({"default_room": "main", "by_district": {"": "north"}}, "'by_district' has a key ''"),
        ({"default_room": "main", "by_type": {"fire": None}}, "sends 'fire' to None"),
    ],
)
def test_malformed_rules_are_refused_in_words(config, words):
    with pytest.raises(ValueError) as caught:
        RoutingRules.from_dict(config)
    assert words in str(caught.value)
    assert str(caught.value).endswith(".")


def test_rules_naming_an_unknown_room_are_refused_when_rooms_are_given():
    with pytest.raises(ValueError, match="unknown room\\(s\\): gas_desk, north_room"):
        RoutingRules.from_dict(CONFIG, known_rooms=["main", "utilities_room"])
    rooms = ["main", "utilities_room", "gas_desk", "north_room"]
    assert RoutingRules.from_dict(CONFIG, known_rooms=rooms) == RULES
