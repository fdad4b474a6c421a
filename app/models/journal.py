"""The change log, its head, and the record of applied mutations."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.domain.chain import GENESIS
from app.models.base import Base


class LogHead(Base):
    """One row. Taking sequence numbers by ``UPDATE ... RETURNING`` on it serializes writers,
    so a change with a higher number always commits after every lower one: a reader that
    has seen N never later finds an N-1 it skipped."""

    __tablename__ = "log_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, default=0)
    # Changes when the history is reset or restored; clients then reload a snapshot.
    epoch: Mapped[str] = mapped_column(String(36))
    # The hash of the newest row: the next row links to it.
    last_hash: Mapped[str] = mapped_column(String(64), default=GENESIS, server_default=GENESIS)


class ChangeLog(Base):
    """Append-only: the live feed, the audit journal and the replay. Personal data never
    enters it; callers appear by id only."""

    __tablename__ = "change_log"

    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    at: Mapped[datetime]
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    actor_name: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(20))
    entity_id: Mapped[int] = mapped_column(BigInteger)
    incident_id: Mapped[int | None] = mapped_column(BigInteger, index=True)
    room: Mapped[str | None] = mapped_column(String(20))
    before: Mapped[dict[str, Any] | None]
    after: Mapped[dict[str, Any]]
    mutation_id: Mapped[str | None] = mapped_column(String(36))
    # Set only for a change a console made while the service was unreachable: when the
    # operator did it, by the console's clock corrected with its last known offset. ``at``
    # stays the service's clock when the change arrived, so the log's order is the truth.
    recorded_at: Mapped[datetime | None]
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class Mutation(Base):
    """A client-generated id per write; a replay returns the stored first answer."""

    __tablename__ = "mutations"

    mutation_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime]
    status_code: Mapped[int] = mapped_column(Integer)
    response: Mapped[dict[str, Any]]
    # What kind of change the id was used for: the same id on another kind is a client's
    # bug, refused rather than answered with the first change's answer.
    operation: Mapped[str | None] = mapped_column(String(40))


Index("ix_change_log_entity", ChangeLog.entity, ChangeLog.entity_id)
