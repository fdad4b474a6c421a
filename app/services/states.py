"""Rows in their wire form: what the journal records and the stream carries."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Crew, Handover, HandoverCrew, Incident, Note
from app.schemas.incident import CrewOut, HandoverOut, IncidentOut, NoteOut
from app.services.journal import state


def incident_state(row: Incident) -> dict[str, Any]:
    return state(IncidentOut, row)


def handover_state(session: Session, row: Handover) -> dict[str, Any]:
    data = state(HandoverOut, row)
    data["crew_ids"] = list(
        session.scalars(
            select(HandoverCrew.crew_id)
            .where(HandoverCrew.handover_id == row.id)
            .order_by(HandoverCrew.id)
        )
    )
    return data


def note_state(row: Note) -> dict[str, Any]:
    return state(NoteOut, row)


def crew_state(row: Crew) -> dict[str, Any]:
    return state(CrewOut, row)


def incident_detail(session: Session, incident: Incident) -> dict[str, Any]:
    handovers = list(session.scalars(
        select(Handover).where(Handover.incident_id == incident.id).order_by(Handover.id)
    ))
    crews: dict[int, list[int]] = {h.id: [] for h in handovers}
    if handovers:  # every hand-over's crews in one query, not one query each
        for handover_id, crew_id in session.execute(
            select(HandoverCrew.handover_id, HandoverCrew.crew_id)
            .where(HandoverCrew.handover_id.in_(crews)).order_by(HandoverCrew.id)
        ):
            crews[handover_id].append(crew_id)
    notes = session.scalars(
        select(Note).where(Note.incident_id == incident.id).order_by(Note.id)
    )
    return {
        "incident": incident_state(incident),
        "handovers": [{**state(HandoverOut, h), "crew_ids": crews[h.id]} for h in handovers],
        "notes": [note_state(n) for n in notes],
    }
