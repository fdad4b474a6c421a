"""Service configuration: the environment (DISPATCH_*), a .env file, and the TOML file that
DISPATCH_CONFIG names (or `dispatch-server --config FILE`), in that order of precedence."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import Field
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from app.domain.claims import LEASE, RENEW_EVERY

CONFIG_ENV = "DISPATCH_CONFIG"


class ConfigFileMissing(Exception):
    pass


class ServerSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="DISPATCH_", env_file=".env", extra="ignore")

    database_url: str = "sqlite:///dispatch.db"
    # Where `dispatch-server run` listens (its --host and --port win).
    host: str = "127.0.0.1"
    port: int = Field(default=8700, ge=1, le=65535)
    token_ttl_hours: float = 13.0  # a 12-hour shift and the handover around it
    lease_seconds: float = LEASE.total_seconds()
    renew_seconds: float = RENEW_EVERY.total_seconds()
    sweep_seconds: float = 2.0
    heartbeat_seconds: float = 5.0
    presence_seconds: float = 2.0
    poll_seconds: float = 1.0  # fallback when no poke arrives (LISTEN/NOTIFY lost, SQLite)
    # PostgreSQL: LISTEN for the other service processes' pokes. Off, their changes still
    # arrive by the poll above (for a pooler such as PgBouncer in transaction mode, which
    # does not carry LISTEN).
    listen: bool = True
    subscriber_queue: int = 20_000
    demo_motion_seconds: float = 0.0  # > 0: demo crews drive about the city (embedded demo)
    # With the demo's motion on, its simulated city sensors report this often.
    demo_sensor_seconds: float = Field(default=10.0, gt=0)
    # City sensors: how often the service looks for silent ones, and how many reporting
    # intervals without a reading make a sensor silent (one late reading is not yet one).
    sensor_check_seconds: float = Field(default=30.0, gt=0)
    sensor_silence_intervals: int = Field(default=3, ge=1)
    # Callers' names and phones (152-FZ) are erased this many days after their incident was
    # finished. Three years: the general limitation period for claims (Civil Code art. 196),
    # the longest a complaint about how a call was handled may still need the caller.
    # Shorten it if the operator's own personal-data policy says less.
    personal_data_retention_days: int = Field(default=1095, ge=1)
    personal_data_erase_seconds: float = 3600.0  # how often the service looks for them
    # Larger request bodies are refused with 413 before they are read: the biggest honest
    # body (an incident with a 4000-character description) is a few kilobytes.
    max_body_bytes: int = Field(default=1024 * 1024, ge=1024)
    # Times sent by consoles (received_at, a change recorded offline) are accepted this far
    # back: a console offline for a shift sends what it recorded when it is back...
    client_time_window_hours: float = Field(default=24.0, gt=0)
    # ...and this far ahead, for a console clock that runs a little fast.
    client_clock_skew_seconds: float = Field(default=120.0, ge=0)
    # Points (incident pins, crew positions) farther than this outside the gazetteer's houses
    # are refused: the city district's villages lie tens of km from the town, a GPS fix at
    # 0,0 or with latitude and longitude swapped lies thousands of km away.
    service_area_margin_km: float = Field(default=100.0, gt=0)
    # Open311 GeoReport v2: the jurisdiction this service answers for. A client that names
    # another is refused (404, as the specification says); one that names none is served.
    open311_jurisdiction_id: str = Field(default="mezhdurechensk", min_length=1, max_length=100)
    # Hand-over webhooks (dispatch-server set-webhooks): how often the delivery worker looks
    # for due deliveries (a hand-over in this process wakes it at once), how long it waits
    # for a receiver to connect and to answer, the first retry's wait, doubling up to the
    # cap (with jitter), and after how long an undelivered one is given up on.
    webhook_poll_seconds: float = Field(default=2.0, gt=0)
    webhook_timeout_seconds: float = Field(default=5.0, gt=0)
    webhook_retry_seconds: float = Field(default=2.0, gt=0)
    webhook_retry_cap_seconds: float = Field(default=600.0, gt=0)
    webhook_give_up_hours: float = Field(default=24.0, gt=0)
    # Settled deliveries (delivered, or given up on) are deleted after this many days, once
    # an hour; the journal keeps every hand-over step regardless.
    webhook_keep_days: float = Field(default=30.0, gt=0)
    webhook_cleanup_seconds: float = Field(default=3600.0, gt=0)
    # Emergencies (ЧС): the reports to the regional crisis centre. The first is due this
    # many minutes after the declaration, then an update every so many hours while it is in
    # force, and the final report this many minutes after it is lifted. Common practice,
    # not law: set them to your region's regulation.
    emergency_first_report_minutes: float = Field(default=20.0, gt=0)
    emergency_update_hours: float = Field(default=4.0, gt=0)
    # Finished incidents older than this leave the snapshot and the consoles' replicas
    # (app.domain.live_state); under the wall's week-ago ghost its figures would thin out.
    live_horizon_days: float = Field(default=8.0, ge=8.0)
    emergency_final_report_minutes: float = Field(default=60.0, gt=0)
    # The reporting body, as the reports name it.
    emergency_edds_name: str = Field(default="ЕДДС Междуреченского городского округа",
                                     min_length=1, max_length=200)
    # TLS: with both set, `dispatch-server run` serves https:// and wss:// (see
    # docs/deployment.md). The key file must be readable by the service only.
    ssl_certfile: Path | None = None
    ssl_keyfile: Path | None = None

    @classmethod
    def settings_customise_sources(
        cls, settings_cls: type[BaseSettings], init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource, dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        sources = [init_settings, env_settings, dotenv_settings]
        config = os.environ.get(CONFIG_ENV)
        if config:
            if not Path(config).is_file():
                # Silently running on defaults (a SQLite file in the working directory)
                # would look like a working service with an empty city.
                raise ConfigFileMissing(f"the settings file {config} ({CONFIG_ENV}) cannot "
                                        "be read")
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=config))
        return (*sources, file_secret_settings)
