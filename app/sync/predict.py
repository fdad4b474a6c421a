"""What the console expects each of its own changes to do, drawn at once over the replica
so the operator sees their work before the service confirms it (and while it cannot be
reached). The service stays the judge: its answer, arriving on the stream, replaces every
drawing. Each function refuses at once what the service would refuse for certain."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from app.domain.emergencies import in_force
from app.domain.enums import (
    UNATTENDED_SOURCES,
    Action,
    HandoverStage,
    Priority,
    Role,
    Status,
)
from app.domain.errors import DomainError
from app.domain.handovers import incident_status_after
from app.domain.messages_ru import ENGLISH, render
from app.domain.transitions import STATUS_STAMPS, next_status
from app.sync.store import Effect

# Fields of an incident row the console may not know before the service answers.
_INCIDENT_BLANK: dict[str, Any] = {
    "entrance": None, "floor": None, "flat": None, "landmark": None,
    "address_verified": False, "lat": None, "lon": None, "district": None, "result": None,
    "registered_at": None, "dispatched_at": None, "in_progress_at": None, "resolved_at": None,
    "closed_at": None, "cancelled_at": None, "reopened_at": None,
    "registration_seconds": None, "merged_into_id": None, "claim_holder_id": None,
    "claim_holder_name": None, "claim_expires_at": None,
    "emergency_level": None, "emergency_at": None, "emergency_lifted_at": None,
    "emergency_report_due": None,
}


class Refused(Exception):
    """The change cannot be made at all (the service would refuse it the same way).

    Like the service's refusals, a template and its fields (app/domain/errors.py), so the
    console can say it in its own language (app/domain/messages_ru.py)."""

    def __init__(self, template: str, **fields: Any) -> None:
        self.template = template
        self.fields = fields
        self.message = template.format(**fields)
        super().__init__(self.message)

    def in_language(self, language: str | None) -> str:
        return render(self.template, self.fields, language or ENGLISH)


def _iso(t: datetime) -> str:
    return t.isoformat()


def register(temp_id: int, temp_number: int, body: dict[str, Any], user: dict[str, Any],
             now: datetime, place: dict[str, Any] | None,
             type_priority: int | None = None) -> list[Effect]:
    """A new incident with a temporary number. ``place`` is the gazetteer's house for the
    typed address, when the console knows it (for the map and the district)."""
    address = body.get("address") or {}
    unattended = body.get("source") in UNATTENDED_SOURCES
    row = {
        **_INCIDENT_BLANK,
        **{k: address.get(k) for k in ("entrance", "floor", "flat", "landmark", "lat", "lon")},
        "id": temp_id, "number": f"T-{temp_number}", "temporary": True,
        "room": user.get("room") or "", "type_code": body.get("type_code"),
        "priority": body.get("priority") or type_priority or Priority.NORMAL.value,
        "status": (Status.NEW if unattended else Status.REGISTERED).value,
        "source": body.get("source"), "street": address.get("street"),
        "house": address.get("house"), "description": body.get("description") or "",
        "received_at": body.get("received_at") or _iso(now),
        "registered_at": None if unattended else _iso(now),
        "registration_seconds": body.get("registration_seconds"),
        "created_by_id": user.get("id"), "version": 1,
    }
    if place:
        row.update(lat=place.get("lat"), lon=place.get("lon"), district=place.get("district"),
                   address_verified=True)
    if not unattended:
        row.update(claim_holder_id=user.get("id"), claim_holder_name=user.get("name"))
    return [Effect("incident", temp_id, row, temp_id)]


def act(incident: dict[str, Any], action: str, user: dict[str, Any], now: datetime, *,
        reason: str | None = None, result: str | None = None) -> list[Effect]:
    closed_at = incident.get("closed_at")
    try:
        target = next_status(Status(incident["status"]), Action(action), Role(user["role"]),
                             now=now, reason=reason,
                             closed_at=datetime.fromisoformat(closed_at) if closed_at else None,
                             emergency=in_force(incident.get("emergency_level"),
                                                incident.get("emergency_lifted_at")))
    except DomainError as e:
        raise Refused(e.template, **e.fields) from e
    patch: dict[str, Any] = {"status": target.value}
    if action == Action.REOPEN:
        patch.update(reopened_at=_iso(now), resolved_at=None, closed_at=None, result=None)
    if action == Action.CLOSE:
        patch["result"] = (result or "").strip()
    if action == Action.SPLIT:
        # The status it returns to is in the service's journal; the table's stand-in shows
        # until the service's answer replaces it.
        patch["merged_into_id"] = None
    stamp = STATUS_STAMPS.get(target)
    if stamp and incident.get(stamp) is None:
        patch[stamp] = _iso(now)
    if target in (Status.CLOSED, Status.CANCELLED, Status.MERGED):
        patch.update(claim_holder_id=None, claim_holder_name=None)
    else:
        patch.update(_holder(user))
    return [Effect("incident", incident["id"], patch, incident["id"])]


def update(incident: dict[str, Any], fields: dict[str, Any],
           user: dict[str, Any]) -> list[Effect]:
    patch = {k: v for k, v in fields.items() if k != "address"}
    address = fields.get("address")
    if address:
        patch.update({k: address.get(k) for k in ("street", "house", "entrance", "floor",
                                                   "flat", "landmark") if k in address})
    return [Effect("incident", incident["id"], {**patch, **_holder(user)}, incident["id"])]


def claim(incident: dict[str, Any], user: dict[str, Any]) -> list[Effect]:
    return [Effect("incident", incident["id"], _holder(user), incident["id"])]


def release(incident: dict[str, Any]) -> list[Effect]:
    return [Effect("incident", incident["id"],
                   {"claim_holder_id": None, "claim_holder_name": None}, incident["id"])]


def note(temp_id: int, incident_id: int, text: str, user: dict[str, Any],
         now: datetime) -> list[Effect]:
    return [Effect("note", temp_id, {
        "id": temp_id, "incident_id": incident_id, "author_id": user.get("id"),
        "author_name": user.get("name", ""), "at": _iso(now), "text": text, "temporary": True,
    }, incident_id)]


def hand_over(incident: dict[str, Any], handovers: list[dict[str, Any]], services: list[str],
              temp_ids: list[int], user: dict[str, Any], now: datetime) -> list[Effect]:
    if incident["status"] not in (Status.REGISTERED, Status.DISPATCHED, Status.IN_PROGRESS):
        raise Refused("Incident {number} is {status}; only a registered incident that is "
                      "still open can be handed over.", number=incident["number"],
                      status=incident["status"])
    held = {h["service"] for h in handovers if h["stage"] != HandoverStage.RECALLED}
    effects = []
    for service, temp_id in zip(dict.fromkeys(services), temp_ids, strict=False):
        if service in held:
            continue
        effects.append(Effect("handover", temp_id, {
            "id": temp_id, "incident_id": incident["id"], "service": service,
            "stage": HandoverStage.HANDED_OVER.value, "handed_over_at": _iso(now),
            "acknowledged_at": None, "crew_dispatched_at": None, "on_scene_at": None,
            "resolved_at": None, "recalled_at": None, "crew_ids": [], "version": 1,
            "temporary": True,
        }, incident["id"]))
    patch: dict[str, Any] = {**_holder(user)}
    if incident["status"] == Status.REGISTERED:
        patch["status"] = Status.DISPATCHED.value
    if incident.get("dispatched_at") is None:
        patch["dispatched_at"] = _iso(now)
    return [*effects, Effect("incident", incident["id"], patch, incident["id"])]


def stage(incident: dict[str, Any], handovers: list[dict[str, Any]], handover_id: int,
          new_stage: str, now: datetime) -> list[Effect]:
    stamp = f"{new_stage}_at"
    effects = [Effect("handover", handover_id, {"stage": new_stage, stamp: _iso(now)},
                      incident["id"])]
    stages = [HandoverStage(new_stage if h["id"] == handover_id else h["stage"])
              for h in handovers]
    target = incident_status_after(Status(incident["status"]), stages)
    if target.value != incident["status"]:
        patch: dict[str, Any] = {"status": target.value}
        stamp = STATUS_STAMPS.get(target)
        if stamp and incident.get(stamp) is None:
            patch[stamp] = _iso(now)
        effects.append(Effect("incident", incident["id"], patch, incident["id"]))
    return effects


def _holder(user: dict[str, Any]) -> dict[str, Any]:
    # Whoever changes an incident holds it (the service gives them the lease).
    return {"claim_holder_id": user.get("id"), "claim_holder_name": user.get("name")}
