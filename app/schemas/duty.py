"""A duty service's board as the wire carries it."""

from __future__ import annotations

from datetime import datetime

from app.schemas.base import Out
from app.schemas.incident import CrewOut, HandoverOut, IncidentOut


class DutyHandoverOut(HandoverOut):
    # When the acknowledgement is due by the incident type's norm; None if it sets none.
    ack_due_at: datetime | None
    incident: IncidentOut


class DutyBoardOut(Out):
    service: str
    server_time: datetime
    # Changes whenever anything on the board does; a board asked for with the tag it
    # already has is held back until it changes (or the wait runs out).
    etag: str
    handovers: list[DutyHandoverOut]
    crews: list[CrewOut]
