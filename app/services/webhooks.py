"""Hand-over webhooks: the second channel to a duty service, for services with their own
systems.

An outbox. A hand-over change writes its delivery rows in its own transaction
(``queue_handover_events``), so what committed is never lost to a crash, and nothing in the
operator's request touches the network. The service's delivery worker (``deliver_due``, run
by the server's runtime) sends them later:

- per service in order: only the oldest pending delivery of a service is ever sent, so a
  receiver learns "handed over" before "recalled" even after an outage;
- one sender per delivery across service processes: a delivery is claimed in a short
  transaction (``SELECT … FOR UPDATE SKIP LOCKED`` on PostgreSQL) with a lease, and the
  network call happens after that commit, holding no lock and no connection;
- retried with exponential backoff, equal jitter and a cap; given up on (``failed``) only
  when it has waited longer than the give-up age, so one broken receiver does not hold its
  service's later deliveries forever;
- at least once: a worker that died mid-send lets its lease run out and the delivery goes
  again with the same id, which the receiver de-duplicates on.

Each request is a JSON POST signed with the service's shared secret::

    X-Dispatch-Delivery: <delivery id>       (also "delivery_id" in the body)
    X-Dispatch-Event: handover.created
    X-Dispatch-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>." + body)>

The receiver recomputes the HMAC over the raw body bytes, compares in constant time and
may refuse a ``t`` too far from its own clock (a replayed request).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import random
import time
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

import requests
from sqlalchemy import and_, delete, func, or_, select, update
from sqlalchemy.orm import Session

from app.models import DutyServiceRow, Handover, Incident, IncidentTypeRow, Webhook
from app.models import WebhookDelivery as Delivery
from app.services.context import ServiceContext
from app.services.journal import Journal

log = logging.getLogger(__name__)

PENDING, DELIVERED, FAILED = "pending", "delivered", "failed"
SIGNATURE_HEADER = "X-Dispatch-Signature"
MIN_SECRET = 16  # characters: a guessable secret would let anyone forge the service


# --- configuration ---------------------------------------------------------------------


def set_webhooks(ctx: ServiceContext, data: Mapping[str, Any]) -> int:
    """Replace every service's receiver from ``{"webhooks": [{service, url, secret}]}``.
    A service left out gets no more deliveries; what was queued for it stays for the
    record, and the worker gives it up (there is nowhere to send it)."""
    items = data.get("webhooks")
    if not isinstance(items, list):
        raise ValueError("expected a list 'webhooks' (TOML: [[webhooks]] tables)")
    rows: dict[str, tuple[str, str]] = {}
    for n, item in enumerate(items, 1):
        if not isinstance(item, Mapping):
            raise ValueError(f"webhook {n}: expected a table with service, url and secret")
        service, url, secret = (str(item.get(k) or "").strip()
                                for k in ("service", "url", "secret"))
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"webhook {n} ({service or '?'}): url must be http:// or https://")
        if len(url) > 500:
            raise ValueError(f"webhook {n} ({service}): url is longer than 500 characters")
        if not MIN_SECRET <= len(secret) <= 200:
            raise ValueError(f"webhook {n} ({service}): secret must be {MIN_SECRET} to 200 "
                             "characters")
        if service in rows:
            raise ValueError(f"webhook {n}: service {service} is given twice")
        rows[service] = (url, secret)
    now = ctx.clock()
    with ctx.db.write() as session:
        known = set(session.scalars(select(DutyServiceRow.code)))
        unknown = sorted(set(rows) - known)
        if unknown:
            raise ValueError(f"unknown duty service: {', '.join(unknown)}")
        session.execute(delete(Webhook))
        session.add_all(Webhook(service=s, url=u, secret=k, configured_at=now)
                        for s, (u, k) in rows.items())
    return len(rows)


# --- the outbox: written with the change -----------------------------------------------


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def payload(session: Session, event: str, at: datetime, handover: Handover,
            incident: Incident) -> dict[str, Any]:
    """What a duty service's system needs to act, and nothing personal: the callers' names
    and phones live in their own table and are never read here."""
    type_name = (session.scalar(select(IncidentTypeRow.name_ru)
                                .where(IncidentTypeRow.code == incident.type_code))
                 if incident.type_code else None)
    return {
        "event": event,
        "occurred_at": _iso(at),
        "service": handover.service,
        "handover": {
            "id": handover.id,
            "stage": handover.stage,
            "version": handover.version,
            **{k: _iso(getattr(handover, k)) for k in (
                "handed_over_at", "acknowledged_at", "crew_dispatched_at", "on_scene_at",
                "resolved_at", "recalled_at")},
        },
        "incident": {
            "id": incident.id,
            "number": incident.number,
            "type_code": incident.type_code,
            "type_name": type_name,
            "priority": incident.priority,
            "status": incident.status,
            "address": {k: getattr(incident, k) for k in (
                "street", "house", "entrance", "floor", "flat", "landmark", "district")},
            "lat": incident.lat,
            "lon": incident.lon,
            "description": incident.description,
            "received_at": _iso(incident.received_at),
        },
    }


def queue_handover_events(session: Session, journal: Journal) -> int:
    """Queue a delivery for each hand-over change journaled so far in this transaction whose
    service has a receiver. Call at the end of the use case's work, before the journal is
    flushed: the rows commit (or roll back) with the change itself."""
    events = [e for e in journal.entries
              if e["entity"] == "handover" and str(e["kind"]).startswith("handover.")]
    if not events:
        return 0
    hooked = set(session.scalars(select(Webhook.service)))
    queued = 0
    for entry in events:
        handover = session.get(Handover, entry["entity_id"])
        if handover is None or handover.service not in hooked:
            continue
        incident = session.get(Incident, handover.incident_id)
        assert incident is not None  # a hand-over's incident is a foreign key
        session.add(Delivery(
            service=handover.service, event=entry["kind"], handover_id=handover.id,
            incident_id=incident.id, created_at=journal.service_now,
            payload=payload(session, entry["kind"], journal.now, handover, incident),
            state=PENDING, attempts=0, next_attempt_at=journal.service_now))
        queued += 1
    if queued:
        session.flush()
    return queued


# --- signing and backoff ---------------------------------------------------------------


def sign(secret: str, timestamp: int, body: bytes) -> str:
    """The signature header's value for ``body`` sent at ``timestamp`` (unix seconds)."""
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"t={timestamp},v1={mac.hexdigest()}"


def verify(secret: str, header: str, body: bytes) -> bool:
    """What a receiver does (here for tests and as a reference for receivers)."""
    try:
        fields = dict(part.split("=", 1) for part in header.split(","))
        timestamp = int(fields["t"])
    except (ValueError, KeyError):
        return False
    expected = sign(secret, timestamp, body)
    return hmac.compare_digest(expected, f"t={timestamp},v1={fields.get('v1', '')}")


def backoff(attempts: int, first: float, cap: float,
            rand: Callable[[float, float], float] = random.uniform) -> timedelta:
    """The wait after the ``attempts``-th failed attempt: doubling from ``first`` up to
    ``cap``, of which a random half ("equal jitter"), so that after an outage the services'
    retries spread out instead of arriving together, yet each still waits at least half."""
    ceiling = min(cap, first * 2 ** max(attempts - 1, 0))
    return timedelta(seconds=ceiling / 2 + rand(0.0, ceiling / 2))


# --- the worker ------------------------------------------------------------------------


@dataclass(frozen=True)
class Options:
    timeout: float = 5.0  # seconds to connect and, again, to wait for the answer
    first_retry: float = 2.0
    max_retry: float = 600.0
    give_up_after: timedelta = timedelta(hours=24)
    batch: int = 50  # deliveries sent per call at most (the worker calls again soon)


@dataclass(frozen=True)
class _Claim:
    id: int
    service: str
    event: str
    attempts: int
    url: str | None
    secret: str | None
    payload: dict[str, Any]


def _claim(ctx: ServiceContext, options: Options) -> list[_Claim]:
    """Take the oldest pending delivery of each service, if it is due and nobody holds it."""
    now = ctx.clock()
    heads = (select(func.min(Delivery.id)).where(Delivery.state == PENDING)
             .group_by(Delivery.service))
    with ctx.db.write() as session:
        rows = list(session.scalars(
            select(Delivery)
            .where(Delivery.id.in_(heads), Delivery.next_attempt_at <= now,
                   or_(Delivery.claimed_until.is_(None), Delivery.claimed_until < now))
            .order_by(Delivery.id)
            # Another process claiming at this moment skips these rows instead of waiting;
            # the lease below keeps them its own after the commit. (No-op on SQLite, where
            # one process and the database's write lock do the same.)
            .with_for_update(skip_locked=True)
        ))
        hooks = {w.service: w for w in session.scalars(
            select(Webhook).where(Webhook.service.in_({r.service for r in rows})))}
        claims = []
        for row in rows:
            row.attempts += 1
            row.last_attempt_at = now
            # Longer than a send can take (connect + read timeouts), so the lease never runs
            # out under a live worker.
            row.claimed_until = now + timedelta(seconds=3 * options.timeout + 5)
            hook = hooks.get(row.service)
            claims.append(_Claim(row.id, row.service, row.event, row.attempts,
                                 hook.url if hook else None, hook.secret if hook else None,
                                 row.payload))
    return claims


def _send(claim: _Claim, options: Options) -> str | None:
    """POST one delivery; None when the receiver took it (2xx), else why not."""
    if claim.url is None or claim.secret is None:
        return "the service has no webhook configured any more"
    body = json.dumps({"delivery_id": claim.id, **claim.payload},
                      ensure_ascii=False, separators=(",", ":")).encode()
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        "X-Dispatch-Delivery": str(claim.id),
        "X-Dispatch-Event": claim.event,
        SIGNATURE_HEADER: sign(claim.secret, int(time.time()), body),
    }
    try:
        r = requests.post(claim.url, data=body, headers=headers,
                          timeout=(options.timeout, options.timeout), allow_redirects=False)
    except requests.RequestException as e:
        return f"{type(e).__name__}: {e}"[:1000]
    if 200 <= r.status_code < 300:
        return None
    return f"HTTP {r.status_code}: {r.text[:200]}"


def _settle(ctx: ServiceContext, claim: _Claim, error: str | None, options: Options) -> None:
    now = ctx.clock()
    # Only while the claim is still ours: a lease that ran out (a stalled worker) may have
    # let another process take the delivery, and its outcome is the one that counts.
    ours = (Delivery.id == claim.id, Delivery.state == PENDING,
            Delivery.attempts == claim.attempts)
    with ctx.db.write() as session:
        if error is None:
            session.execute(update(Delivery).where(*ours).values(
                state=DELIVERED, delivered_at=now, claimed_until=None, last_error=None))
            return
        created = session.scalar(select(Delivery.created_at).where(Delivery.id == claim.id))
        gone = claim.url is None or (created is not None
                                     and now - created > options.give_up_after)
        session.execute(update(Delivery).where(*ours).values(
            state=FAILED if gone else PENDING, claimed_until=None, last_error=error,
            next_attempt_at=now + backoff(claim.attempts, options.first_retry,
                                          options.max_retry)))
    log.warning("webhook delivery %s to %s failed (attempt %s)%s: %s", claim.id,
                claim.service, claim.attempts, ", given up" if gone else "", error)


def deliver_due(ctx: ServiceContext, options: Options = Options()) -> int:
    """Send what is due, each service's queue in order and the services side by side (one
    slow receiver does not hold the others' sends back); returns how many arrived."""
    delivered = sent = 0
    with ThreadPoolExecutor(max_workers=8, thread_name_prefix="webhook") as pool:
        while sent < options.batch:
            claims = _claim(ctx, options)
            if not claims:
                break
            errors = list(pool.map(lambda c: _send(c, options), claims))
            for claim, error in zip(claims, errors, strict=True):
                _settle(ctx, claim, error, options)
            sent += len(claims)
            ok = sum(e is None for e in errors)
            delivered += ok
            if not ok:  # everything due failed: the next try waits for its backoff
                break
    return delivered


def forget_settled(ctx: ServiceContext, keep: timedelta) -> int:
    """Delete the deliveries settled longer than ``keep`` ago: delivered ones by their
    delivery, given-up ones by their last attempt. Waiting ones are never touched. The
    journal keeps every hand-over step; this table is only the outbox and its recent
    history (``dispatch-server webhooks``), and it would otherwise grow with every one."""
    cutoff = ctx.clock() - keep
    with ctx.db.write() as session:
        gone = session.execute(delete(Delivery).where(or_(
            and_(Delivery.state == DELIVERED, Delivery.delivered_at < cutoff),
            and_(Delivery.state == FAILED, Delivery.last_attempt_at < cutoff))))
        return gone.rowcount or 0


# --- operations ------------------------------------------------------------------------


@dataclass(frozen=True)
class ServiceStatus:
    service: str
    url: str | None
    pending: int
    delivered: int
    failed: int
    oldest_pending: datetime | None
    last_error: str | None


def status(ctx: ServiceContext) -> list[ServiceStatus]:
    """Per service with a receiver or deliveries: counts, the oldest waiting, last error."""
    with ctx.db.read() as session:
        urls = dict(session.execute(select(Webhook.service, Webhook.url)).all())
        counts: dict[str, dict[str, int]] = {}
        for service, state, n in session.execute(
                select(Delivery.service, Delivery.state, func.count())
                .group_by(Delivery.service, Delivery.state)):
            counts.setdefault(service, {})[state] = n
        oldest = dict(session.execute(
            select(Delivery.service, func.min(Delivery.created_at))
            .where(Delivery.state == PENDING).group_by(Delivery.service)).all())
        errors: dict[str, str] = {}
        for service, error in session.execute(
                select(Delivery.service, Delivery.last_error)
                .where(Delivery.last_error.is_not(None))
                .order_by(Delivery.last_attempt_at.desc(), Delivery.id.desc())):
            errors.setdefault(service, error)
    return [ServiceStatus(s, urls.get(s), counts.get(s, {}).get(PENDING, 0),
                          counts.get(s, {}).get(DELIVERED, 0), counts.get(s, {}).get(FAILED, 0),
                          oldest.get(s), errors.get(s))
            for s in sorted(set(urls) | set(counts))]
