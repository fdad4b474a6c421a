"""A small room at 12:00 city time on 26 Nov 2026, written out so the figures can be
worked out by hand (see test_figures.py). Personal data is planted where a careless wall
could pick it up: in descriptions, flats, and a caller row."""

from __future__ import annotations

import copy
from datetime import timedelta
from typing import Any

from app.sync.store import ReplicaStore
from app.ui.catalog_view import CatalogView
from tests.ui.factory import CATALOG as BASE
from tests.ui.factory import NOW, incident

CALLER_NAME = "Иванов Пётр Сергеевич"
CALLER_PHONE = "+7 913 555-12-34"
SECRET_WORDS = (CALLER_NAME, CALLER_PHONE, "913 555", "кв. 17", "хочет прыгнуть")

CATALOG: dict[str, Any] = copy.deepcopy(BASE)
CATALOG["duty_services"] += [
    {"code": "police", "name_ru": "Полиция (02, 102)", "name_en": "Police (02)", "phone": "102",
     "short_ru": "Полиция", "short_en": "Police"},
]
CATALOG["categories"].append({"code": "medical", "name_ru": "Угроза жизни",
                              "name_en": "Life and health"})
CATALOG["incident_types"].append(
    {"code": "suicide_threat", "category": "medical", "name_ru": "Угроза суицида",
     "name_en": "Suicide threat", "priority": 1, "services": ["police"], "synonyms": [],
     "sensitive": True, "norms": {"registration": 60, "handover": 30, "acknowledgement": 30,
                                  "arrival": 900, "resolution": None}})


def at(seconds_before_now: float) -> str:
    return (NOW - timedelta(seconds=seconds_before_now)).isoformat()


def handover(id_: int, incident_id: int, service: str, handed: float,
             ack: float | None = None) -> dict[str, Any]:
    return {"id": id_, "incident_id": incident_id, "service": service,
            "handed_over_at": at(handed), "acknowledged_at": at(ack) if ack else None,
            "crew_dispatched_at": None, "on_scene_at": None, "resolved_at": None,
            "recalled_at": None, "version": 1}


def room_incidents() -> list[dict[str, Any]]:
    return [
        # critical fire, on time: registered in 30 s, handed over 30 s later, acknowledged
        incident(1, type_code="fire_residential", priority=1, status="dispatched",
                 received_at=at(600), registered_at=at(570), street="проспект Шахтёров",
                 house="12", flat="17", description=f"звонил {CALLER_NAME}, кв. 17"),
        # waiting 900 s for a hand-over against a norm of 300: overdue
        incident(2, priority=2, status="registered", received_at=at(1000),
                 registered_at=at(900), street="улица Кузнецкая", house="5"),
        # sensitive and critical; the police have not acknowledged in 150 s (norm 30)
        incident(3, type_code="suicide_threat", priority=1, status="dispatched",
                 received_at=at(200), registered_at=at(170), street="улица Лазо", house="3",
                 district="Западный",
                 description=f"хочет прыгнуть, {CALLER_NAME} {CALLER_PHONE}"),
        # closed: registered in 100 s, handed over after 400 s (norm 300, a breach)
        incident(4, status="closed", received_at=at(3000), registered_at=at(2900),
                 resolved_at=at(1200), closed_at=at(1100)),
        # new for 60 s (norm 120): on time
        incident(5, status="new", received_at=at(60), registered_at=None,
                 description=f"перезвонить {CALLER_PHONE}"),
        # the same hour a week ago, for the ghost
        incident(6, status="closed", received_at=at(7 * 86400 + 1800),
                 registered_at=at(7 * 86400 + 1750), closed_at=at(7 * 86400)),
    ]


def room_handovers() -> list[dict[str, Any]]:
    return [handover(11, 1, "fire", 540, ack=530), handover(13, 3, "police", 150),
            handover(14, 4, "water", 2500, ack=2490)]


PRESENCE = [
    {"id": 2, "name": "Петров Сергей", "role": "operator", "room": "main", "holds": [2]},
    {"id": 3, "name": "Смирнова Анна", "role": "supervisor", "room": None, "holds": []},
    {"id": 9, "name": "Видеостена", "role": "wall", "room": None, "holds": []},
]


def room_store() -> ReplicaStore:
    store = ReplicaStore()
    store.load_snapshot({"epoch": "e1", "seq": 100, "incidents": room_incidents(),
                         "handovers": room_handovers(), "notes": [], "crews": []})
    # A caller row, as the console holds one after reading it: the wall must not show it.
    store.data["caller"][1] = {"id": 1, "incident_id": 3, "name": CALLER_NAME,
                               "phone": CALLER_PHONE}
    return store


def catalog(language: str = "en") -> CatalogView:
    return CatalogView.from_wire(CATALOG, language)
