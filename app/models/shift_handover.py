"""Shift handovers: the summary the outgoing supervisor of a room signed, and the incoming
supervisor's signature under the same text."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class ShiftHandover(Base):
    __tablename__ = "shift_handovers"
    # One handover per room and shift: a second signature for the same shift is refused by
    # the database even when two supervisors sign at the same moment.
    __table_args__ = (UniqueConstraint("room", "shift_start"),)

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"),
                                    primary_key=True)
    room: Mapped[str] = mapped_column(ForeignKey("rooms.code"))
    shift_start: Mapped[datetime]
    shift_end: Mapped[datetime]
    # Frozen when the outgoing supervisor signed (app.domain.shift_handover); never updated.
    summary: Mapped[dict[str, Any]]
    notes: Mapped[str] = mapped_column(Text)
    # sha256 of the summary and the notes: both signatures are under this.
    content_hash: Mapped[str] = mapped_column(String(64))
    outgoing_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    outgoing_name: Mapped[str] = mapped_column(String(120))
    outgoing_signed_at: Mapped[datetime]
    incoming_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    incoming_name: Mapped[str | None] = mapped_column(String(120))
    incoming_signed_at: Mapped[datetime | None]
    version: Mapped[int] = mapped_column(Integer, default=1)
    # The change that created it (the outgoing signature).
    mutation_id: Mapped[str] = mapped_column(String(36), unique=True)
