"""Reports on an emergency (ЧС) to the regional crisis centre, as they were sent.

The emergency itself lives on the incident (``Incident.emergency_*``) so that it travels in
the incident's state to every console, the wall and the map; only the reports, which are
many per incident and frozen once sent, have a table of their own.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class EmergencyReport(Base):
    __tablename__ = "emergency_reports"
    __table_args__ = (
        # Two officers sending "report 2" at the same moment: one of them is refused.
        UniqueConstraint("incident_id", "declared_at", "number"),
    )

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"),
                                    primary_key=True)
    incident_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("incidents.id"), index=True)
    # Which emergency of the incident (one may be declared again after it was lifted and
    # its final report sent); numbering starts again with each.
    declared_at: Mapped[datetime]
    kind: Mapped[str] = mapped_column(String(10))  # first | update | final
    number: Mapped[int] = mapped_column(Integer)
    # The deadline this report answered.
    due_at: Mapped[datetime]
    sent_at: Mapped[datetime]
    sent_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    sent_by_name: Mapped[str] = mapped_column(String(120))
    channel: Mapped[str] = mapped_column(String(60))
    # The crisis-centre officer who took the report.
    accepted_by: Mapped[str] = mapped_column(String(120))
    # The sections exactly as sent, with the officer's figures and additions: later edits
    # of the incident never change what the crisis centre was told.
    body: Mapped[dict[str, Any]]
    mutation_id: Mapped[str] = mapped_column(String(36), unique=True)
