import io
import random
from collections import Counter

import pytest

from app.domain import demo_city
from app.domain.demo_city import (
    BBOX,
    CATEGORIES,
    CENTER,
    DEMO_SEED,
    DISTRICTS,
    DUTY_SERVICES,
    INCIDENT_TYPES,
    RIVERS,
    ROOMS,
    ROUTING,
    STREETS,
    demo_addresses,
)
from app.domain.enums import Priority
from app.domain.gazetteer import (
    Address,
    address_key,
    district_of,
    nearest,
    normalize_house,
    normalize_street,
    parse_address_csv,
    point_in_polygon,
)


@pytest.fixture(scope="module")
def addresses():
    return demo_addresses()


def test_says_it_is_synthetic():
    assert "SYNTHETIC" in demo_city.__doc__
    assert "never present" in demo_city.__doc__.lower()


# --- the classifier -------------------------------------------------------------------


def test_codes_are_unique():
    for items in (DUTY_SERVICES, CATEGORIES, INCIDENT_TYPES, ROOMS):
        codes = [item.code for item in items]
        assert len(codes) == len(set(codes))


def test_emergency_numbers():
    phones = {s.code: s.phone for s in DUTY_SERVICES}
    assert (phones["fire"], phones["police"], phones["ambulance"], phones["gas"]) == (
        "101",
        "102",
        "103",
        "104",
    )


def test_every_type_names_existing_services_and_category():
    services = {s.code for s in DUTY_SERVICES}
    categories = {c.code for c in CATEGORIES}
    for t in INCIDENT_TYPES:
        assert set(t.services) <= services, t.code
        assert len(t.services) == len(set(t.services)), t.code
        assert t.category in categories, t.code
        assert t.name_ru and t.name_en, t.code
        assert isinstance(t.priority, Priority)


def test_every_category_and_service_is_used():
    assert {t.category for t in INCIDENT_TYPES} == {c.code for c in CATEGORIES}
    assert {s for t in INCIDENT_TYPES for s in t.services} == {s.code for s in DUTY_SERVICES}


def test_classifier_size_and_sensitive_types():
    assert 25 <= len(INCIDENT_TYPES) <= 40
    assert {t.code for t in INCIDENT_TYPES if t.sensitive} == {
        "suicide_threat",
        "domestic_violence",
        "child_alone",
    }


def test_norms_follow_the_decree_and_make_sense():
    for t in INCIDENT_TYPES:
        n = t.norms
        if t.services:
            assert n.acknowledgement == 30, t.code
            assert n.handover is not None, t.code
        else:  # nothing to hand over, nothing to acknowledge
            assert n.handover is None and n.acknowledgement is None, t.code
        assert n.registration is not None and n.registration > 0, t.code
        if t.priority == Priority.CRITICAL:
            assert n.registration <= 60 and n.handover is not None and n.handover <= 60, t.code
        if n.resolution is not None and n.arrival is not None:
            assert n.resolution > n.arrival, t.code


def test_synonyms_are_lower_case_and_distinct():
    for t in INCIDENT_TYPES:
        assert t.synonyms, t.code
        assert all(s == s.strip().lower() and s for s in t.synonyms), t.code
        assert len(t.synonyms) == len(set(t.synonyms)), t.code
    water = next(t for t in INCIDENT_TYPES if t.code == "water_main_break")
    assert {"прорыв", "порыв", "течь", "затопило"} <= set(water.synonyms)


# --- rooms and routing ----------------------------------------------------------------


def test_routing_names_existing_rooms_types_categories_and_districts():
    rooms = {r.code for r in ROOMS}
    assert rooms == {"main", "zhkh"}
    assert set(ROUTING) == {"default_room", "by_type", "by_category", "by_district"}
    assert ROUTING["default_room"] in rooms
    for table in ("by_type", "by_category", "by_district"):
        assert set(ROUTING[table].values()) <= rooms, table
    assert set(ROUTING["by_type"]) <= {t.code for t in INCIDENT_TYPES}
    assert set(ROUTING["by_category"]) <= {c.code for c in CATEGORIES}
    assert set(ROUTING["by_district"]) <= set(DISTRICTS)


def test_utilities_go_to_the_housing_room_and_the_rest_to_main():
    assert ROUTING["by_category"] == {"utilities": "zhkh"}
    assert ROUTING["default_room"] == "main"
    # the smell of gas threatens life: it stays in the main room
    assert ROUTING["by_type"]["gas_smell"] == "main"


# --- the map --------------------------------------------------------------------------


def _in_bbox(lat, lon):
    south, west, north, east = BBOX
    return south <= lat <= north and west <= lon <= east


def test_bbox_is_around_the_city():
    south, west, north, east = BBOX
    assert south < CENTER[0] < north and west < CENTER[1] < east
    assert 53.5 < south < north < 53.9 and 87.8 < west < east < 88.3


def test_center_is_in_the_central_district():
    assert district_of(*CENTER, DISTRICTS) == "Центральный"


def test_districts_do_not_overlap_and_cover_the_bbox():
    assert len(DISTRICTS) == 6
    rng = random.Random(7)
    south, west, north, east = BBOX
    seen = Counter()
    for _ in range(5000):
        lat, lon = rng.uniform(south, north), rng.uniform(west, east)
        holders = [name for name, ring in DISTRICTS.items() if point_in_polygon(lat, lon, ring)]
        assert len(holders) == 1, (lat, lon, holders)
        seen[holders[0]] += 1
    assert set(seen) == set(DISTRICTS)


def test_rivers_meet_near_the_centre():
    tom, usa = RIVERS["Томь"], RIVERS["Уса"]
    confluence = usa[-1]  # downstream end of the Usa
    assert confluence in tom
    assert nearest([Address("", "", *confluence)], *CENTER, max_m=3000) is not None
    assert all(_in_bbox(*p) for p in tom + usa)


def test_streets_lie_each_within_one_district():
    assert 25 <= len(STREETS) <= 40
    assert len({s.name for s in STREETS}) == len(STREETS)
    for street in STREETS:
        assert normalize_street(street.name).startswith(street.kind)
        districts = {district_of(lat, lon, DISTRICTS) for lat, lon in street.points}
        assert len(districts) == 1 and None not in districts, street.name


def test_every_address_is_inside_a_district_and_the_bbox(addresses):
    assert 1500 <= len(addresses) <= 3000
    for a in addresses:
        assert _in_bbox(a.lat, a.lon), a
        assert a.district is not None, a
        assert a.district == district_of(a.lat, a.lon, DISTRICTS), a


def test_every_district_has_houses(addresses):
    per_district = Counter(a.district for a in addresses)
    assert set(per_district) == set(DISTRICTS)
    assert min(per_district.values()) >= 100


def test_no_duplicate_houses(addresses):
    keys = [(a.street, a.house) for a in addresses]
    assert len(keys) == len(set(keys))
    assert len({address_key(a.street, a.house) for a in addresses}) == len(addresses)


def test_houses_are_on_known_streets_in_canonical_spelling(addresses):
    names = {s.name for s in STREETS}
    assert {a.street for a in addresses} == names
    assert all(normalize_house(a.house) == a.house for a in addresses)
    assert any(a.house.endswith("а") for a in addresses)  # some lettered houses


def test_numbers_start_at_one_and_two_on_the_main_avenue(addresses):
    houses = {a.house for a in addresses if a.street == "проспект Строителей"}
    assert {"1", "2"} <= houses


def test_generator_is_deterministic(addresses):
    # bypass the cache: generate again from scratch
    again = list(demo_city._generate.__wrapped__(DEMO_SEED))
    assert again == addresses
    assert demo_addresses() == addresses
    assert demo_addresses(DEMO_SEED + 1) != addresses


def test_demo_addresses_round_trip_through_the_register_format(addresses):
    out = io.StringIO()
    out.write("улица;дом;широта;долгота\n")
    for a in addresses:
        out.write(f"{a.street};{a.house};{a.lat:.6f};{a.lon:.6f}\n".replace(".", ","))
    result = parse_address_csv(out.getvalue())
    assert result.errors == []
    assert [(r.street, r.house, r.lat, r.lon) for r in result.rows] == [
        (a.street, a.house, a.lat, a.lon) for a in addresses
    ]


def test_nearest_finds_a_house_from_its_own_coordinates(addresses):
    a = addresses[len(addresses) // 2]
    assert nearest(addresses, a.lat, a.lon, max_m=1) == a
