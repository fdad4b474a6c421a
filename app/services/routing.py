"""Room routing rules, kept with the data so every service process routes alike."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from app.domain.routing import RoutingRules
from app.models import RoomRow, SettingRow
from app.models.db import Database

ROUTING_KEY = "routing"


def set_routing(db: Database, rules: dict[str, Any]) -> RoutingRules:
    """Validate against the rooms that exist, then store. ``ValueError`` says what is wrong."""
    with db.write() as session:
        rooms = set(session.scalars(select(RoomRow.code)))
        parsed = RoutingRules.from_dict(rules, known_rooms=rooms)
        session.merge(SettingRow(key=ROUTING_KEY, value=parsed.to_dict()))
    return parsed
