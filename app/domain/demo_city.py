"""Demo data for Mezhdurechensk: duty services, the classifier, rooms and a synthetic map.

SYNTHETIC DATA. The districts, river lines, streets and house coordinates below are made
up: they are laid out around the real city's position (about 53.69 N, 88.06 E, where the
Usa flows into the Tom) and use street names of the kind the city has, but they do not
follow any survey or register. Never present them as real geodata, and never send a crew
by them. The services, incident types and their norms are a plausible starting
classifier for the demo, not an official one.

Everything here is deterministic: the same seed gives the same addresses.
"""

from __future__ import annotations

import functools
import itertools
import math
import random
from dataclasses import dataclass

from app.domain.catalog import Category, DutyService, IncidentType, Norms, Room
from app.domain.enums import Priority
from app.domain.gazetteer import Address, district_of

# --- duty services -------------------------------------------------------------------

# Only the national short numbers are real; the utilities' own lines are left blank
# rather than invented.
DUTY_SERVICES: tuple[DutyService, ...] = (
    DutyService("fire", "Пожарная охрана (01, 101)", "Fire service (01, 101)", "101",
                "Пожарные", "Fire"),
    DutyService("police", "Полиция (02, 102)", "Police (02, 102)", "102", "Полиция", "Police"),
    DutyService("ambulance", "Скорая медицинская помощь (03, 103)", "Ambulance (03, 103)",
                "103", "Скорая", "Ambulance"),
    DutyService("gas", "Аварийная газовая служба (04, 104)", "Gas emergency service (04, 104)",
                "104", "Горгаз", "Gas"),
    DutyService("water", "Водоканал, аварийно-диспетчерская служба",
                "Water utility (Vodokanal), emergency desk", "", "Водоканал", "Water"),
    DutyService("heating", "Теплосети, аварийная служба", "District heating, emergency desk",
                "", "Теплосети", "Heating"),
    DutyService("power", "Электросети, оперативно-выездная бригада",
                "Power grid, field crew desk", "", "Электросети", "Power"),
    DutyService("roads", "Дорожная служба", "Road maintenance service", "", "Дороги", "Roads"),
    DutyService("housing", "Управляющие компании (ЖКХ)", "Housing management companies", "",
                "УК", "Housing"),
    DutyService("rescue", "Поисково-спасательная служба", "Search and rescue service", "",
                "Спасатели", "Rescue"),
    DutyService("ecology", "Служба экологического контроля", "Environmental control service",
                "", "Экология", "Ecology"),
)

# --- the classifier ----------------------------------------------------------------

CATEGORIES: tuple[Category, ...] = (
    Category("fire", "Пожары и взрывы", "Fires and explosions"),
    Category("medical", "Угроза жизни и здоровью", "Life and health"),
    Category("utilities", "ЖКХ и коммунальные аварии", "Housing and utilities"),
    Category("roads", "Дороги и транспорт", "Roads and transport"),
    Category("public_order", "Общественный порядок", "Public order"),
    Category("natural", "Природные опасности и паводок", "Natural hazards and floods"),
    Category("ecology", "Экология", "Environment"),
    Category("social", "Социальные и прочие", "Social and other"),
)


def _norms(
    registration: int | None,
    handover: int | None,
    arrival: int | None = None,
    resolution: int | None = None,
    *,
    acknowledgement: int | None = 30,
) -> Norms:
    return Norms(registration, handover, acknowledgement, arrival, resolution)


_MIN = 60
_HOUR = 3600
_DAY = 86400

# Seconds. Acknowledgement is the decree's 30 s wherever a duty service is involved.
# Arrival: fire 10 min in a city (123-ФЗ art. 76), ambulance 20 min, gas 40 min.
INCIDENT_TYPES: tuple[IncidentType, ...] = (
    # fire
    IncidentType(
        "fire_residential",
        "fire",
        "Пожар в жилом доме",
        "Fire in a residential building",
        Priority.CRITICAL,
        ("fire", "ambulance", "police"),
        _norms(60, 60, 10 * _MIN),
        synonyms=("пожар", "горит квартира", "горит дом", "дым из окна", "огонь", "возгорание"),
    ),
    IncidentType(
        "fire_other",
        "fire",
        "Пожар в нежилом здании или постройке",
        "Fire in a non-residential building or outbuilding",
        Priority.CRITICAL,
        ("fire",),
        _norms(60, 60, 10 * _MIN),
        synonyms=("горит гараж", "горит сарай", "горит баня", "пожар", "горит склад"),
    ),
    IncidentType(
        "fire_vehicle",
        "fire",
        "Возгорание транспортного средства",
        "Vehicle fire",
        Priority.HIGH,
        ("fire", "police"),
        _norms(60, 60, 10 * _MIN),
        synonyms=("горит машина", "горит автомобиль", "горит автобус"),
    ),
    IncidentType(
        "fire_grass",
        "fire",
        "Пал травы, горение мусора",
        "Grass or rubbish fire",
        Priority.NORMAL,
        ("fire",),
        _norms(120, 120, 20 * _MIN),
        synonyms=("пал", "горит трава", "горит мусор", "горит контейнер", "дым"),
    ),
    IncidentType(
        "gas_explosion",
        "fire",
        "Взрыв газа",
        "Gas explosion",
        Priority.CRITICAL,
        ("fire", "ambulance", "gas", "police", "rescue"),
        _norms(30, 30, 10 * _MIN),
        synonyms=("взрыв", "хлопок", "взорвался газ", "обрушение"),
    ),
    # medical
    IncidentType(
        "person_unwell",
        "medical",
        "Человеку плохо, без сознания",
        "Person unwell or unconscious",
        Priority.CRITICAL,
        ("ambulance",),
        _norms(60, 60, 20 * _MIN),
        synonyms=("плохо", "без сознания", "упал", "лежит", "не дышит", "приступ"),
    ),
    IncidentType(
        "co_poisoning",
        "medical",
        "Отравление угарным газом",
        "Carbon monoxide poisoning",
        Priority.CRITICAL,
        ("ambulance", "gas", "fire"),
        _norms(60, 60, 20 * _MIN),
        synonyms=("угар", "угорели", "печь", "отравление газом", "головная боль вся семья"),
    ),
    IncidentType(
        "suicide_threat",
        "medical",
        "Угроза суицида",
        "Suicide threat",
        Priority.CRITICAL,
        ("police", "ambulance", "rescue"),
        _norms(60, 30, 15 * _MIN),
        sensitive=True,
        synonyms=("суицид", "хочет прыгнуть", "на крыше", "на мосту", "покончить с собой"),
    ),
    # utilities (the housing & utilities room)
    IncidentType(
        "water_main_break",
        "utilities",
        "Порыв водопровода",
        "Water main break",
        Priority.HIGH,
        ("water",),
        _norms(120, 300, _HOUR, _DAY),
        synonyms=("прорыв", "порыв", "течь", "затопило", "фонтан", "бьет вода", "водопровод"),
    ),
    IncidentType(
        "no_water",
        "utilities",
        "Отсутствие холодного водоснабжения",
        "No cold water",
        Priority.NORMAL,
        ("water",),
        _norms(180, 600, 2 * _HOUR, _DAY),
        synonyms=("нет воды", "отключили воду", "нет холодной воды", "слабый напор"),
    ),
    IncidentType(
        "sewage_overflow",
        "utilities",
        "Засор или излив канализации",
        "Sewage blockage or overflow",
        Priority.NORMAL,
        ("water", "housing"),
        _norms(300, 900, 2 * _HOUR, _DAY),
        synonyms=("канализация", "засор", "топит подвал", "стоки", "колодец переполнен"),
    ),
    IncidentType(
        "heating_outage",
        "utilities",
        "Отсутствие отопления",
        "No heating",
        Priority.HIGH,
        ("heating",),
        _norms(120, 300, _HOUR, 16 * _HOUR),
        synonyms=("нет отопления", "холодные батареи", "холодно в квартире", "нет тепла"),
    ),
    IncidentType(
        "heating_main_break",
        "utilities",
        "Порыв теплотрассы",
        "District heating pipe break",
        Priority.HIGH,
        ("heating", "police"),
        _norms(120, 300, _HOUR, _DAY),
        synonyms=("теплотрасса", "парит", "пар из-под земли", "кипяток", "прорыв трубы"),
    ),
    IncidentType(
        "power_outage",
        "utilities",
        "Отключение электроэнергии",
        "Power outage",
        Priority.HIGH,
        ("power",),
        _norms(120, 300, _HOUR, _DAY),
        synonyms=("нет света", "отключили свет", "обесточен", "нет электричества"),
    ),
    IncidentType(
        "power_line_down",
        "utilities",
        "Обрыв линии электропередачи",
        "Power line down",
        Priority.CRITICAL,
        ("power", "police"),
        _norms(60, 60, 40 * _MIN, 6 * _HOUR),
        synonyms=("оборван провод", "провод на земле", "искрит", "обрыв лэп", "упал столб"),
    ),
    IncidentType(
        "gas_smell",
        "utilities",
        "Запах газа",
        "Smell of gas",
        Priority.CRITICAL,
        ("gas",),
        _norms(60, 60, 40 * _MIN),
        synonyms=("пахнет газом", "запах газа", "утечка газа", "газ"),
    ),
    IncidentType(
        "elevator_stuck",
        "utilities",
        "Застревание в лифте",
        "People stuck in a lift",
        Priority.NORMAL,
        ("housing",),
        _norms(120, 120, 30 * _MIN, _HOUR),
        synonyms=("лифт", "застряли в лифте", "застрял лифт"),
    ),
    IncidentType(
        "icicles",
        "utilities",
        "Сосульки, снег и наледь на кровле",
        "Icicles or snow on a roof",
        Priority.NORMAL,
        ("housing",),
        _norms(300, 1800, None, _DAY),
        synonyms=("сосульки", "снег с крыши", "наледь", "свисает снег"),
    ),
    # roads and transport
    IncidentType(
        "road_accident",
        "roads",
        "Дорожно-транспортное происшествие",
        "Road traffic accident",
        Priority.HIGH,
        ("police", "ambulance"),
        _norms(60, 60, 20 * _MIN),
        synonyms=("дтп", "авария", "столкновение", "сбили пешехода", "перевернулась"),
    ),
    IncidentType(
        "road_accident_trapped",
        "roads",
        "ДТП с зажатыми в транспорте людьми",
        "Road accident with people trapped",
        Priority.CRITICAL,
        ("police", "ambulance", "rescue", "fire"),
        _norms(30, 30, 10 * _MIN),
        synonyms=("зажало", "заблокированы в машине", "не могут выбраться", "дтп"),
    ),
    IncidentType(
        "road_damage",
        "roads",
        "Разрушение дорожного покрытия",
        "Road surface damage",
        Priority.LOW,
        ("roads",),
        _norms(600, _HOUR, None, 5 * _DAY),
        synonyms=("яма", "выбоина", "провал асфальта", "открытый люк"),
    ),
    IncidentType(
        "traffic_light_fault",
        "roads",
        "Неисправность светофора",
        "Traffic light fault",
        Priority.NORMAL,
        ("roads", "police"),
        _norms(180, 600, _HOUR, _DAY),
        synonyms=("светофор", "не работает светофор", "мигает желтый"),
    ),
    IncidentType(
        "snow_drift",
        "roads",
        "Снежный занос, гололёд на дороге",
        "Snow drift or ice on a road",
        Priority.NORMAL,
        ("roads",),
        _norms(300, 900, 2 * _HOUR, 6 * _HOUR),
        synonyms=("занос", "не чистят", "сугробы", "гололед", "скользко", "застряли в снегу"),
    ),
    # public order
    IncidentType(
        "public_order",
        "public_order",
        "Нарушение общественного порядка",
        "Breach of public order",
        Priority.NORMAL,
        ("police",),
        _norms(120, 120, 20 * _MIN),
        synonyms=("драка", "шум", "хулиганы", "пьяные", "дебош"),
    ),
    IncidentType(
        "domestic_violence",
        "public_order",
        "Насилие в семье",
        "Domestic violence",
        Priority.CRITICAL,
        ("police", "ambulance"),
        _norms(60, 60, 20 * _MIN),
        sensitive=True,
        synonyms=("бьет жену", "избивает", "семейный конфликт", "крики о помощи"),
    ),
    IncidentType(
        "child_alone",
        "public_order",
        "Ребёнок без присмотра",
        "Child left alone",
        Priority.HIGH,
        ("police",),
        _norms(60, 120, 30 * _MIN),
        sensitive=True,
        synonyms=("ребенок один", "плачет ребенок", "ребенок без родителей", "потерялся ребенок"),
    ),
    IncidentType(
        "missing_person",
        "public_order",
        "Пропал человек",
        "Missing person",
        Priority.HIGH,
        ("police", "rescue"),
        _norms(180, 300, _HOUR),
        synonyms=("пропал", "не вернулся", "потерялся", "заблудился в лесу", "ушел и не пришел"),
    ),
    # natural hazards
    IncidentType(
        "flood",
        "natural",
        "Подъём воды, подтопление",
        "Rising water, flooding",
        Priority.HIGH,
        ("rescue", "roads", "housing"),
        _norms(120, 300, _HOUR),
        synonyms=("паводок", "половодье", "подтопило", "вода поднялась", "затопило дорогу"),
    ),
    IncidentType(
        "person_on_ice",
        "natural",
        "Человек на льду, провалился под лёд",
        "Person on thin ice or through the ice",
        Priority.CRITICAL,
        ("rescue", "ambulance"),
        _norms(60, 60, 15 * _MIN),
        synonyms=("провалился под лед", "на льдине", "тонет", "утопающий"),
    ),
    IncidentType(
        "tree_fall",
        "natural",
        "Падение дерева",
        "Fallen tree",
        Priority.NORMAL,
        ("roads", "power"),
        _norms(180, 600, 2 * _HOUR, _DAY),
        synonyms=("упало дерево", "дерево на проводах", "дерево на машине", "ветер сломал"),
    ),
    IncidentType(
        "wild_animal",
        "natural",
        "Дикое животное в черте города",
        "Wild animal in the city (e.g. a bear)",
        Priority.HIGH,
        ("police", "rescue"),
        _norms(60, 120, 30 * _MIN),
        synonyms=("медведь", "лось", "дикое животное", "зверь"),
    ),
    # ecology
    IncidentType(
        "air_pollution",
        "ecology",
        "Загрязнение воздуха, выбросы",
        "Air pollution, emissions",
        Priority.NORMAL,
        ("ecology",),
        _norms(300, 1800, 4 * _HOUR),
        synonyms=("выброс", "смог", "запах гари", "черный дым из трубы", "дышать нечем"),
    ),
    IncidentType(
        "river_pollution",
        "ecology",
        "Загрязнение реки",
        "River pollution",
        Priority.HIGH,
        ("ecology", "water", "rescue"),
        _norms(180, 600, 2 * _HOUR),
        synonyms=("пятно на воде", "мазут", "нефтепродукты", "дохлая рыба", "слив в реку"),
    ),
    # social and other
    IncidentType(
        "stray_dogs",
        "social",
        "Безнадзорные собаки",
        "Stray dogs",
        Priority.LOW,
        (),
        _norms(600, None, None, 3 * _DAY, acknowledgement=None),
        synonyms=("собаки", "стая собак", "покусала собака", "бродячие собаки"),
    ),
    IncidentType(
        "info_request",
        "social",
        "Справка, консультация",
        "Information request",
        Priority.LOW,
        (),
        _norms(300, None, None, 15 * _MIN, acknowledgement=None),
        synonyms=("справка", "консультация", "вопрос", "куда обратиться"),
    ),
    # raised by the service itself when a city sensor stops reporting (app/domain/sensors.py)
    IncidentType(
        "sensor_silent",
        "social",
        "Датчик городского мониторинга не передаёт данные",
        "A city monitoring sensor has gone silent",
        Priority.LOW,
        (),
        _norms(600, None, None, _DAY, acknowledgement=None),
        synonyms=("датчик молчит", "нет данных с датчика", "нет связи с датчиком"),
    ),
)

# --- rooms and routing ---------------------------------------------------------------

ROOMS: tuple[Room, ...] = (
    Room("main", "Главный зал ЕДДС", "Main duty room"),
    Room("zhkh", "Зал ЖКХ", "Housing and utilities room"),
)

# For RoutingRules.from_dict. Utilities go to the housing & utilities room, except the smell
# of gas: a threat to life, kept in the main room.
ROUTING: dict[str, object] = {
    "default_room": "main",
    "by_type": {"gas_smell": "main"},
    "by_category": {"utilities": "zhkh"},
    "by_district": {},
}

# --- the synthetic map ---------------------------------------------------------------

CENTER: tuple[float, float] = (53.69, 88.06)
DEMO_SEED = 2018  # the year the city's ЕДДС opened

# The layout is drawn in kilometres east (x) and north (y) of CENTER, then converted.
_KM_PER_DEG_LAT = 111.2
_KM_PER_DEG_LON = 111.32 * math.cos(math.radians(CENTER[0]))
_FRAME = (-7.0, -5.0, 7.0, 5.0)  # west, south, east, north, km


def _latlon(x: float, y: float) -> tuple[float, float]:
    return (
        round(CENTER[0] + y / _KM_PER_DEG_LAT, 6),
        round(CENTER[1] + x / _KM_PER_DEG_LON, 6),
    )


def _km(lat: float, lon: float) -> tuple[float, float]:
    return ((lon - CENTER[1]) * _KM_PER_DEG_LON, (lat - CENTER[0]) * _KM_PER_DEG_LAT)


BBOX: tuple[float, float, float, float] = (  # south, west, north, east (degrees)
    *_latlon(_FRAME[0], _FRAME[1]),
    *_latlon(_FRAME[2], _FRAME[3]),
)

# Rivers in km, downstream. The Tom comes from the south-east and leaves to the north-west;
# the Usa comes from the east-north-east and joins it 2 km west-south-west of the centre,
# so the centre lies in the wedge between the two ("Междуреченск": between the rivers).
_CONFLUENCE = (-2.0, -1.0)
_TOM_KM = (
    (7.0, -4.6),
    (5.5, -4.0),
    (4.0, -3.6),
    (2.8, -3.2),
    (1.5, -2.6),
    (0.5, -2.3),
    (-0.5, -1.8),
    (-1.3, -1.45),
    _CONFLUENCE,
    (-3.0, -0.55),
    (-4.0, -0.3),
    (-5.5, 0.35),
    (-7.0, 0.8),
)
_USA_KM = (
    (7.0, 3.8),
    (6.0, 3.55),
    (5.0, 3.2),
    (3.7, 2.75),
    (2.5, 2.4),
    (1.5, 1.95),
    (0.5, 1.5),
    (-0.2, 0.9),
    (-1.0, 0.2),
    (-1.5, -0.35),
    _CONFLUENCE,
)


def _tom(from_pt: tuple[float, float], to_pt: tuple[float, float]) -> list[tuple[float, float]]:
    """The Tom between two of its vertices, in either direction, both ends included."""
    i, j = _TOM_KM.index(from_pt), _TOM_KM.index(to_pt)
    return list(_TOM_KM[i : j + 1]) if i <= j else list(_TOM_KM[j : i + 1])[::-1]


def _usa(from_pt: tuple[float, float], to_pt: tuple[float, float]) -> list[tuple[float, float]]:
    i, j = _USA_KM.index(from_pt), _USA_KM.index(to_pt)
    return list(_USA_KM[i : j + 1]) if i <= j else list(_USA_KM[j : i + 1])[::-1]


# Districts share their edges exactly: the rivers, the line x = 1.5 km across the wedge,
# the line from (1.5, -0.3) to the east edge, and x = 0.5 km north of the Usa.
_W, _S, _E, _N = _FRAME
_DISTRICTS_KM: dict[str, list[tuple[float, float]]] = {
    "Центральный": [
        *_usa(_CONFLUENCE, (1.5, 1.95)),
        (1.5, -0.3),
        *_tom((1.5, -2.6), (-1.3, -1.45)),
    ],
    "Западный": [
        *_tom((_W, 0.8), _CONFLUENCE),
        *_usa((-1.5, -0.35), (0.5, 1.5)),
        (0.5, _N),
        (_W, _N),
    ],
    "Восточный": [*_usa((1.5, 1.95), (_E, 3.8)), (_E, -1.6), (1.5, -0.3)],
    "Притомский": [(1.5, -0.3), (_E, -1.6), *_tom((_E, -4.6), (1.5, -2.6))],
    "Чебал-Су": [*_usa((0.5, 1.5), (_E, 3.8)), (_E, _N), (0.5, _N)],
    "Карай": [(_W, _S), (_E, _S), *_tom((_E, -4.6), (_W, 0.8))],
}

DISTRICTS: dict[str, list[tuple[float, float]]] = {
    name: [_latlon(x, y) for x, y in ring] for name, ring in _DISTRICTS_KM.items()
}
RIVERS: dict[str, list[tuple[float, float]]] = {
    "Томь": [_latlon(x, y) for x, y in _TOM_KM],
    "Уса": [_latlon(x, y) for x, y in _USA_KM],
}


@dataclass(frozen=True)
class Street:
    name: str  # as written on the map and in addresses: "проспект Строителей"
    kind: str  # "проспект", "улица", "переулок", "бульвар", "шоссе"
    points: tuple[tuple[float, float], ...]  # (lat, lon), from house 1 onwards


_BLOCKS = "blocks"  # apartment blocks: far apart, set back from the road
_PRIVATE = "private"  # private houses: close together, near the road

# (name, kind, style, polyline in km)
_STREETS_KM: tuple[tuple[str, str, str, tuple[tuple[float, float], ...]], ...] = (
    # Центральный
    ("проспект Строителей", "проспект", _BLOCKS, ((-0.9, 0.0), (0.4, 0.05), (1.3, 0.1))),
    ("проспект Коммунистический", "проспект", _BLOCKS, ((-1.0, -0.6), (1.3, -0.55))),
    ("улица Кузнецкая", "улица", _BLOCKS, ((-0.2, -1.25), (1.3, -1.3))),
    ("проспект 50 лет Комсомола", "проспект", _BLOCKS, ((0.3, -1.7), (0.3, 0.85))),
    ("улица Юности", "улица", _BLOCKS, ((1.05, -2.0), (1.05, 1.3))),
    ("улица Октябрьская", "улица", _BLOCKS, ((-0.45, -1.35), (-0.45, 0.3))),
    ("улица Пушкина", "улица", _BLOCKS, ((0.0, 0.55), (1.3, 0.7))),
    ("улица Лазо", "улица", _BLOCKS, ((-1.1, -0.3), (0.9, -0.3))),
    ("бульвар Медиков", "бульвар", _BLOCKS, ((-0.2, -0.95), (0.9, -0.95))),
    # Восточный
    ("проспект Шахтёров", "проспект", _BLOCKS, ((1.8, 0.8), (4.0, 0.9), (6.2, 0.7))),
    ("улица Весенняя", "улица", _BLOCKS, ((2.2, 1.55), (5.5, 2.1))),
    ("улица Космонавтов", "улица", _BLOCKS, ((1.9, 0.05), (5.2, -0.4))),
    ("улица Дзержинского", "улица", _BLOCKS, ((3.0, -0.45), (3.0, 2.25))),
    ("улица Кирова", "улица", _BLOCKS, ((4.5, -0.75), (4.5, 2.6))),
    ("улица Комарова", "улица", _BLOCKS, ((6.0, -0.9), (6.0, 3.0))),
    ("улица Интернациональная", "улица", _BLOCKS, ((3.4, 2.35), (6.5, 3.05))),
    # Притомский
    ("улица Набережная", "улица", _BLOCKS, ((2.0, -2.45), (4.0, -3.15), (6.5, -3.95))),
    ("улица Горького", "улица", _BLOCKS, ((2.0, -1.25), (6.5, -2.45))),
    ("улица Чехова", "улица", _BLOCKS, ((3.5, -3.0), (3.5, -1.05))),
    ("улица Матросова", "улица", _BLOCKS, ((5.5, -3.6), (5.5, -1.55))),
    ("переулок Школьный", "переулок", _PRIVATE, ((2.4, -1.85), (3.2, -1.85))),
    # Западный
    ("улица Западная", "улица", _BLOCKS, ((-5.0, 2.0), (-1.5, 2.0))),
    ("улица Гагарина", "улица", _BLOCKS, ((-4.5, 3.0), (-0.5, 3.0))),
    ("улица Садовая", "улица", _PRIVATE, ((-3.5, 0.9), (-1.3, 1.0))),
    ("улица Вокзальная", "улица", _BLOCKS, ((-2.5, 0.45), (-2.5, 3.8))),
    ("улица Тореза", "улица", _BLOCKS, ((-1.0, 1.1), (-1.0, 4.0))),
    ("улица Брянская", "улица", _PRIVATE, ((-4.0, 0.55), (-4.0, 3.5))),
    # Чебал-Су
    ("улица Луговая", "улица", _PRIVATE, ((1.0, 3.5), (4.5, 4.0))),
    ("улица Усинская", "улица", _PRIVATE, ((1.2, 2.45), (2.5, 2.95), (4.0, 3.3))),
    ("переулок Таёжный", "переулок", _PRIVATE, ((2.2, 3.1), (2.2, 4.6))),
    ("улица Горная", "улица", _PRIVATE, ((0.9, 4.5), (3.5, 4.6))),
    ("Ольжерасское шоссе", "шоссе", _BLOCKS, ((4.6, 3.75), (6.8, 4.4))),
    # Карай
    ("улица Томская", "улица", _PRIVATE, ((-4.0, -1.5), (-1.5, -2.5), (0.5, -3.2))),
    ("улица Лесная", "улица", _PRIVATE, ((-2.5, -2.9), (1.0, -3.85))),
    ("улица Кедровая", "улица", _PRIVATE, ((-1.5, -4.3), (-1.5, -2.0))),
    ("улица Пихтовая", "улица", _PRIVATE, ((-5.5, -0.6), (-3.5, -1.3))),
)

STREETS: list[Street] = [
    Street(name, kind, tuple(_latlon(x, y) for x, y in points))
    for name, kind, _style, points in _STREETS_KM
]

# Per style: gap between neighbouring houses on one side, setback of a house from the
# street's axis, setback of a lettered house (behind the main one), chance of a letter.
_STYLE = {
    _BLOCKS: {
        "gap": (0.08, 0.13),
        "setback": (0.025, 0.04),
        "behind": (0.06, 0.085),
        "letter": 0.14,
        "korpus": 0.05,
    },
    _PRIVATE: {
        "gap": (0.05, 0.08),
        "setback": (0.012, 0.02),
        "behind": (0.035, 0.045),
        "letter": 0.06,
        "korpus": 0.0,
    },
}
_CLEAR_OF_OTHER_STREETS = 0.02  # km: no house on another street's roadway


def _segment_distance(
    p: tuple[float, float], a: tuple[float, float], b: tuple[float, float]
) -> float:
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def _along(
    points: tuple[tuple[float, float], ...], s: float, side: int, offset: float
) -> tuple[float, float]:
    """The point ``s`` km along the polyline, ``offset`` km to its left (side=1) or right."""
    for a, b in itertools.pairwise(points):
        seg = math.dist(a, b)
        if s <= seg or b == points[-1]:
            ux, uy = (b[0] - a[0]) / seg, (b[1] - a[1]) / seg
            return (a[0] + ux * s - side * uy * offset, a[1] + uy * s + side * ux * offset)
        s -= seg
    raise AssertionError("unreachable")


@functools.lru_cache(maxsize=4)
def _generate(seed: int) -> tuple[Address, ...]:
    rng = random.Random(seed)
    out: list[Address] = []
    for name, _kind, style, points in _STREETS_KM:
        params = _STYLE[style]
        others = [
            (a, b)
            for other, _k, _s, pts in _STREETS_KM
            if other != name
            for a, b in itertools.pairwise(pts)
        ]
        length = sum(math.dist(a, b) for a, b in itertools.pairwise(points))
        for side, first in ((1, 1), (-1, 2)):  # odd numbers on the left, even on the right
            number = first
            s = rng.uniform(0.02, 0.05)
            while s < length - 0.02:
                houses = [(str(number), s, rng.uniform(*params["setback"]))]
                if rng.random() < params["letter"]:
                    for letter in "абв"[: rng.choice((1, 1, 1, 2, 3))]:
                        houses.append(
                            (
                                f"{number}{letter}",
                                s + rng.uniform(-0.015, 0.015),
                                rng.uniform(*params["behind"]),
                            )
                        )
                elif rng.random() < params["korpus"]:
                    houses.append((f"{number}к1", s + 0.02, rng.uniform(*params["behind"])))
                for i, (house, at, offset) in enumerate(houses):
                    x, y = _along(points, min(max(at, 0.0), length), side, offset)
                    if any(
                        _segment_distance((x, y), a, b) < _CLEAR_OF_OTHER_STREETS for a, b in others
                    ):
                        if i == 0:
                            break  # the main house would stand on a crossing street
                        continue
                    lat, lon = _latlon(x, y)
                    out.append(Address(name, house, lat, lon, district_of(lat, lon, DISTRICTS)))
                number += 2
                s += rng.uniform(*params["gap"])
    return tuple(out)


def demo_addresses(seed: int = DEMO_SEED) -> list[Address]:
    """Synthetic houses along :data:`STREETS`, with districts: the same seed, the same list.

    Odd numbers on one side, even on the other; some houses have lettered neighbours
    behind them ("12а", "12б") or a second block ("12к1").
    """
    return list(_generate(seed))


# --- city sensors ("Smart City" monitoring) ------------------------------------------

# The demo's sensors in the format of `dispatch-server set-sensors` (app/domain/sensors.py),
# one gateway per operator of the network. Positions, levels and thresholds are invented but
# plausible: river levels in cm above the gauge's zero, heat-network supply pressure in bar
# and temperature in °C, PM2.5 in µg/m³, feeder voltage in kV. The short interval suits the
# simulator of the embedded demo, which reports every few seconds.
DEMO_SENSOR_INTERVAL = 60  # seconds


def _sensor(code: str, gateway: str, kind: str, name: str, direction: str, alarm: float,
            clear: float, at_km: tuple[float, float]) -> dict[str, object]:
    lat, lon = _latlon(*at_km)
    return {"code": code, "gateway": gateway, "kind": kind, "name": name,
            "direction": direction, "alarm": alarm, "clear": clear,
            "interval_seconds": DEMO_SENSOR_INTERVAL, "lat": round(lat, 6), "lon": round(lon, 6)}


DEMO_SENSORS: dict[str, list[dict[str, object]]] = {"sensors": [
    _sensor("tom-1", "hydro", "river_level", "Томь, гидропост у автомобильного моста",
            "above", 650, 600, (-0.5, -1.8)),
    _sensor("usa-1", "hydro", "river_level", "Уса, гидропост Чебал-Су",
            "above", 550, 500, (2.5, 2.4)),
    _sensor("heat-p-1", "teplo", "heat_pressure", "Тепломагистраль ТМ-1, подача: давление",
            "below", 4.0, 5.0, (0.8, 0.4)),
    _sensor("heat-t-1", "teplo", "heat_temperature",
            "Тепломагистраль ТМ-1, подача: температура", "below", 55, 62, (0.8, 0.4)),
    _sensor("heat-p-2", "teplo", "heat_pressure", "Котельная «Западная», выход: давление",
            "below", 4.0, 5.0, (-3.5, 2.0)),
    _sensor("air-1", "eco", "air_quality", "Пост контроля воздуха, пр-т Строителей",
            "above", 160, 100, (0.3, 0.2)),
    _sensor("air-2", "eco", "air_quality", "Пост контроля воздуха, Притомский",
            "above", 160, 100, (3.5, -2.0)),
    _sensor("feeder-12", "energo", "power_feeder", "Фидер 10 кВ № 12, ПС «Западная»",
            "below", 8.0, 9.5, (-3.0, 1.2)),
    _sensor("feeder-5", "energo", "power_feeder", "Фидер 6 кВ № 5, ПС «Восточная»",
            "below", 4.8, 5.7, (4.0, 0.5)),
]}
# What each demo sensor reads on a quiet day: (typical value, spread of its noise). The
# noise stays inside the hysteresis band, so only the simulator's episodes raise alarms.
DEMO_SENSOR_NORMALS: dict[str, tuple[float, float]] = {
    "tom-1": (420.0, 15.0), "usa-1": (300.0, 12.0),
    "heat-p-1": (6.4, 0.2), "heat-t-1": (78.0, 2.0), "heat-p-2": (6.8, 0.2),
    "air-1": (28.0, 8.0), "air-2": (35.0, 10.0),
    "feeder-12": (10.4, 0.1), "feeder-5": (6.2, 0.05),
}
# The sensor the simulator lets fall silent now and then (a station losing its uplink).
DEMO_SILENT_SENSOR = "air-2"
