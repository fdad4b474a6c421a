"""Wire-shaped incidents and changes, as the service sends them, for UI tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from app.sync.store import ReplicaStore

NOW = datetime(2026, 11, 26, 5, 0, tzinfo=UTC)  # 12:00 in the city

CATALOG = {
    "rooms": [{"code": "main", "name_ru": "Главный зал", "name_en": "Main room"}],
    "duty_services": [
        {"code": "fire", "name_ru": "Пожарная охрана (01, 101)", "name_en": "Fire (01)",
         "phone": "101", "short_ru": "Пожарные", "short_en": "Fire"},
        {"code": "water", "name_ru": "Водоканал, аварийная служба", "name_en": "Water",
         "phone": "", "short_ru": "Водоканал", "short_en": "Water"},
    ],
    "categories": [{"code": "fire", "name_ru": "Пожары", "name_en": "Fires"},
                   {"code": "utilities", "name_ru": "ЖКХ", "name_en": "Utilities"}],
    "incident_types": [
        {"code": "fire_residential", "category": "fire", "name_ru": "Пожар в жилом доме",
         "name_en": "Residential fire", "priority": 1, "services": ["fire"],
         "synonyms": ["горит", "дым"], "sensitive": False,
         "norms": {"registration": 60, "handover": 60, "acknowledgement": 30, "arrival": 600,
                   "resolution": None}},
        {"code": "water_main_break", "category": "utilities", "name_ru": "Прорыв водопровода",
         "name_en": "Water main break", "priority": 2, "services": ["water"],
         "synonyms": ["прорыв", "течь"], "sensitive": False,
         "norms": {"registration": 120, "handover": 300, "acknowledgement": 30,
                   "arrival": 3600, "resolution": None}},
    ],
}


def incident(i: int, **over: Any) -> dict[str, Any]:
    base = {
        "id": i, "number": f"2026-{i:06d}", "room": "main", "type_code": "water_main_break",
        "priority": 3, "status": "registered", "source": "phone",
        "street": "проспект Строителей", "house": str(i % 90 + 1), "entrance": None,
        "floor": None, "flat": None, "landmark": None, "address_verified": True,
        "lat": 53.69, "lon": 88.06, "district": "Центральный", "description": f"вызов {i}",
        "result": None, "received_at": (NOW - timedelta(minutes=i)).isoformat(),
        "registered_at": (NOW - timedelta(minutes=i)).isoformat(), "dispatched_at": None,
        "in_progress_at": None, "resolved_at": None, "closed_at": None, "cancelled_at": None,
        "reopened_at": None, "registration_seconds": 40.0, "merged_into_id": None,
        "claim_holder_id": None, "claim_holder_name": None, "claim_expires_at": None,
        "created_by_id": 1, "version": 1,
    }
    base.update(over)
    return base


def store_with(incidents: list[dict[str, Any]], seq: int = 100) -> ReplicaStore:
    store = ReplicaStore()
    store.load_snapshot({"epoch": "e1", "seq": seq, "incidents": incidents, "handovers": [],
                         "notes": [], "crews": []})
    return store


def change(store: ReplicaStore, entity: str, entity_id: int, after: dict[str, Any],
           incident_id: int | None = None) -> dict[str, Any]:
    return {"type": "change", "seq": store.seq + 1, "at": NOW.isoformat(), "actor_id": 2,
            "actor_name": "Петров Сергей", "kind": f"{entity}.updated", "entity": entity,
            "entity_id": entity_id, "incident_id": incident_id or entity_id, "room": "main",
            "before": None, "after": after, "mutation_id": None}
