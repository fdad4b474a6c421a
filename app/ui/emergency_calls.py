"""The emergency commands, sent straight to the service (run them off the GUI thread).

Declaring, lifting and reporting are decisions with obligations outside the room: they are
made online, not drawn in advance from the outbox. Each dialog keeps one mutation id for
its change, so sending again after a lost answer records it once."""

from __future__ import annotations

from typing import Any

from app.sync import SyncClient


def declare(client: SyncClient, incident_id: int, base_version: int, level: str,
            reason: str, mutation_id: str) -> dict[str, Any]:
    return client.http.request("POST", f"/incidents/{incident_id}/emergency", json={
        "mutation_id": mutation_id, "base_version": base_version, "level": level,
        "reason": reason or None})


def lift(client: SyncClient, incident_id: int, base_version: int, reason: str,
         mutation_id: str) -> dict[str, Any]:
    return client.http.request("POST", f"/incidents/{incident_id}/emergency/lift", json={
        "mutation_id": mutation_id, "base_version": base_version, "reason": reason})


def reports(client: SyncClient, incident_id: int) -> dict[str, Any]:
    return client.http.request("GET", f"/incidents/{incident_id}/emergency/reports")


def send_report(client: SyncClient, incident_id: int, *, kind: str,
                consequences: dict[str, int | None], additions: str, channel: str,
                accepted_by: str, mutation_id: str) -> dict[str, Any]:
    return client.http.request("POST", f"/incidents/{incident_id}/emergency/reports", json={
        "mutation_id": mutation_id, "kind": kind, "consequences": consequences,
        "additions": additions, "channel": channel, "accepted_by": accepted_by})
