"""The replica's wire dicts as the domain's facts, for norms and metrics on the client."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from app.domain.enums import Priority, Status
from app.domain.facts import HandoverFacts, IncidentFacts


def _t(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def handover_facts(h: dict[str, Any]) -> HandoverFacts:
    return HandoverFacts(
        service=h["service"], handed_over_at=_t(h["handed_over_at"]),  # type: ignore[arg-type]
        acknowledged_at=_t(h.get("acknowledged_at")),
        crew_dispatched_at=_t(h.get("crew_dispatched_at")),
        on_scene_at=_t(h.get("on_scene_at")), resolved_at=_t(h.get("resolved_at")),
        recalled_at=_t(h.get("recalled_at")),
    )


def incident_facts(incident: dict[str, Any], handovers: Iterable[dict[str, Any]], *,
                   category: str | None, sensitive: bool = False) -> IncidentFacts:
    return IncidentFacts(
        id=incident["id"], type_code=incident.get("type_code") or "",
        category=category or "", priority=Priority(incident["priority"]),
        status=Status(incident["status"]), room=incident["room"],
        received_at=_t(incident["received_at"]),  # type: ignore[arg-type]
        registered_at=_t(incident.get("registered_at")),
        resolved_at=_t(incident.get("resolved_at")), closed_at=_t(incident.get("closed_at")),
        handovers=tuple(handover_facts(h) for h in handovers), sensitive=sensitive,
    )
