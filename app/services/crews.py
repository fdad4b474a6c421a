"""Crews: positions reported by crew devices (or their duty service), on the map live."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from app.domain.enums import Role
from app.models import Crew
from app.schemas.incident import CrewPosition
from app.services.area import require_in_area
from app.services.clock import accept_client_time
from app.services.context import Actor, ServiceContext
from app.services.errors import Forbidden, NotFound
from app.services.journal import Journal
from app.services.mutations import run_mutation
from app.services.states import crew_state

REPORTERS = frozenset({Role.DUTY_SERVICE, Role.ADMIN, Role.SUPERVISOR})


def report_position(ctx: ServiceContext, actor: Actor, crew_id: int, body: CrewPosition):
    def work(session: Session, journal: Journal) -> tuple[int, dict[str, Any]]:
        crew = session.get(Crew, crew_id)
        if crew is None:
            raise NotFound("There is no crew with id {crew_id}.", crew_id=crew_id)
        if actor.role not in REPORTERS or (
                actor.role is Role.DUTY_SERVICE and actor.duty_service != crew.service):
            raise Forbidden("Only the crew's own duty service may report its position.")
        at = accept_client_time(ctx, body.at, "at", now=journal.service_now) or journal.now
        require_in_area(ctx, session, body.lat, body.lon, "lat/lon")
        if crew.position_at is not None and at <= crew.position_at:
            # Reports can arrive late and out of order over mobile networks; keep the newest.
            return 200, crew_state(crew)
        old = crew_state(crew)
        crew.lat, crew.lon, crew.position_at = body.lat, body.lon, at
        if body.status is not None:
            crew.status = body.status.value
        crew.version += 1
        journal.changed("crew.moved", "crew", crew.id, old, crew_state(crew))
        return 200, crew_state(crew)

    return run_mutation(ctx, actor, body, work)
