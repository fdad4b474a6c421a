"""Outgoing hand-over webhooks: where each duty service's own system listens, and the
outbox of deliveries to it.

A delivery row is written in the same transaction as the hand-over change it reports, so a
change that committed is never lost to a crash before it was sent; the service's delivery
worker sends it later, outside any operator's request.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class Webhook(Base):
    """One duty service's receiver. The secret is kept as given: the service needs it to
    sign every delivery (HMAC), so it cannot be hashed like a token."""

    __tablename__ = "webhooks"

    service: Mapped[str] = mapped_column(ForeignKey("duty_services.code"), primary_key=True)
    url: Mapped[str] = mapped_column(String(500))
    secret: Mapped[str] = mapped_column(String(200))
    configured_at: Mapped[datetime]


class WebhookDelivery(Base):
    """One hand-over event for one service's receiver. No foreign key to ``webhooks``: a
    receiver reconfigured or removed keeps its history, and the worker's row locks on the
    outbox never meet the operator's insert of a new delivery."""

    __tablename__ = "webhook_deliveries"
    __table_args__ = (
        # The worker's question, every round: the oldest pending delivery of each service.
        Index("ix_webhook_deliveries_state_service_id", "state", "service", "id"),
    )

    # The id is the idempotency key the receiver de-duplicates on.
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"),
                                    primary_key=True)
    service: Mapped[str] = mapped_column(ForeignKey("duty_services.code"))
    event: Mapped[str] = mapped_column(String(40))
    handover_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("handovers.id"))
    incident_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("incidents.id"))
    # The body as of the change (not re-read at sending time): the receiver learns each
    # step, in order, even when several are sent after an outage.
    payload: Mapped[dict[str, Any]]
    created_at: Mapped[datetime]
    # pending | delivered | failed (given up on: app.services.webhooks)
    state: Mapped[str] = mapped_column(String(10), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime]
    # A worker that took the delivery holds it until then; one that died mid-send lets it
    # go when this passes, and another process sends it again (same idempotency key).
    claimed_until: Mapped[datetime | None]
    last_attempt_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    delivered_at: Mapped[datetime | None]
