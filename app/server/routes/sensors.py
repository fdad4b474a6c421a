"""City sensors: the gateways' ingest endpoint, authenticated by a gateway's own token."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from app.schemas.base import ErrorBody
from app.schemas.sensors import ReadingsIn, ReadingsOut
from app.server.deps import Ctx
from app.services import sensors
from app.services.errors import Unauthorized

router = APIRouter(tags=["sensors"])

REFUSALS: dict[int | str, dict[str, Any]] = {
    s: {"model": ErrorBody} for s in (401, 403, 413, 422)
}

# Its own scheme: a gateway's token is no session, and a session's token is no gateway's.
gateway_bearer = HTTPBearer(auto_error=False, scheme_name="SensorGateway",
                            description="The token from 'dispatch-server create-sensor-gateway'")


def get_gateway(
    ctx: Ctx,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(gateway_bearer)],
) -> sensors.Gateway:
    if credentials is None:
        raise Unauthorized("A sensor gateway sends its token as 'Authorization: Bearer …'.")
    return sensors.authenticate_gateway(ctx, credentials.credentials)


@router.post("/sensors/readings", response_model=ReadingsOut, responses=REFUSALS,
             summary="A sensor gateway reports readings of its own sensors; a breach opens "
                     "one incident, a recovery is noted on it")
def post_readings(ctx: Ctx, gateway: Annotated[sensors.Gateway, Depends(get_gateway)],
                  body: ReadingsIn) -> dict[str, Any]:
    return sensors.ingest(ctx, gateway, body.readings)
