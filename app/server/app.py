"""The FastAPI application: routes under /api/v1, the OpenAPI contract, background work."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta

from fastapi import FastAPI

from app.domain.emergencies import ReportSchedule
from app.models.db import Database, migrate
from app.schemas.base import ErrorBody
from app.server import errors, logs
from app.server.limits import BodyLimit
from app.server.routes import (
    auth,
    duty,
    emergencies,
    history,
    incidents,
    open311,
    personal,
    reference,
    reports,
    sensors,
    shift_handovers,
    state,
    users,
)
from app.server.runtime import Runtime
from app.server.settings import ServerSettings
from app.services.context import ServiceContext

API = "/api/v1"


def make_context(settings: ServerSettings, db: Database | None = None) -> ServiceContext:
    return ServiceContext(
        db=db or Database(settings.database_url),
        lease=timedelta(seconds=settings.lease_seconds),
        token_ttl=timedelta(hours=settings.token_ttl_hours),
        client_time_window=timedelta(hours=settings.client_time_window_hours),
        client_clock_skew=timedelta(seconds=settings.client_clock_skew_seconds),
        service_area_margin_km=settings.service_area_margin_km,
        emergency_schedule=ReportSchedule(
            first_within=timedelta(minutes=settings.emergency_first_report_minutes),
            update_every=timedelta(hours=settings.emergency_update_hours),
            final_within=timedelta(minutes=settings.emergency_final_report_minutes)),
        edds_name=settings.emergency_edds_name,
        live_horizon=timedelta(days=settings.live_horizon_days),
    )


def create_app(settings: ServerSettings | None = None, *, run_migrations: bool = True) -> FastAPI:
    settings = settings or ServerSettings()
    logs.install()
    if run_migrations:
        migrate(settings.database_url)
    ctx = make_context(settings)
    runtime = Runtime(ctx, settings)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        await runtime.start()
        try:
            yield
        finally:
            await runtime.stop()
            ctx.db.dispose()

    app = FastAPI(
        title="City dispatch service",
        version="1",
        description="Central service of the city's unified duty dispatch (ЕДДС): incidents, "
        "hand-overs to duty services, claims, and the live change stream.",
        lifespan=lifespan,
    )
    app.state.ctx = ctx
    app.state.runtime = runtime
    errors.install(app)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    for router in (auth.router, users.router, reference.router, incidents.router,
                   state.router, personal.router, history.router, sensors.router,
                   reports.router, duty.router, emergencies.router,
                   shift_handovers.router):
        app.include_router(router, prefix=API, responses={422: {"model": ErrorBody}})
    # Citizen apps speak Open311 GeoReport v2, at the address and in the format its
    # specification gives, beside the service's own API.
    app.state.open311_jurisdiction = settings.open311_jurisdiction_id
    app.include_router(open311.router, prefix=open311.PREFIX)
    return app
