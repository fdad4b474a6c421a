"""Service configuration, from the environment (DISPATCH_*) or a .env file."""

from __future__ import annotations

from pydantic_settings import BaseSettings, SettingsConfigDict

from app.domain.claims import LEASE, RENEW_EVERY


class ServerSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="DISPATCH_", env_file=".env", extra="ignore")

    database_url: str = "sqlite:///dispatch.db"
    token_ttl_hours: float = 13.0  # a 12-hour shift and the handover around it
    lease_seconds: float = LEASE.total_seconds()
    renew_seconds: float = RENEW_EVERY.total_seconds()
    sweep_seconds: float = 2.0
    heartbeat_seconds: float = 5.0
    presence_seconds: float = 2.0
    poll_seconds: float = 1.0  # fallback when no poke arrives (LISTEN/NOTIFY lost, SQLite)
    subscriber_queue: int = 20_000
    demo_motion_seconds: float = 0.0  # > 0: demo crews drive about the city (embedded demo)
