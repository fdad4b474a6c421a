from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field, field_validator, model_validator

from app.domain.emergencies import EmergencyLevel
from app.domain.enums import Action, CrewStatus, HandoverStage, Priority, Source, Status
from app.domain.phones import InvalidPhone, normalize_phone
from app.schemas.base import Id, MutationIn, Out, VersionedIn, Wire, aware_utc


class AddressIn(Wire):
    street: str | None = Field(default=None, max_length=200)
    house: str | None = Field(default=None, max_length=20)
    entrance: str | None = Field(default=None, max_length=10)
    floor: str | None = Field(default=None, max_length=10)
    flat: str | None = Field(default=None, max_length=10)
    landmark: str | None = Field(default=None, max_length=300)
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)

    @model_validator(mode="after")
    def _somewhere(self) -> AddressIn:
        if (self.lat is None) != (self.lon is None):
            raise ValueError("give both latitude and longitude, or neither")
        if not (self.street or self.landmark or self.lat is not None):
            raise ValueError("the address needs a street, a landmark or a point on the map")
        return self


class CallerIn(Wire):
    name: str | None = Field(default=None, max_length=200)
    phone: str | None = Field(default=None, max_length=40)

    @field_validator("phone")
    @classmethod
    def _phone(cls, v: str | None) -> str | None:
        if v is None or not v.strip():
            return None
        try:
            return normalize_phone(v)
        except InvalidPhone as e:
            raise ValueError(e.message) from None


class IncidentCreate(MutationIn):
    source: Source
    type_code: str | None = Field(default=None, max_length=40)
    priority: Priority | None = None
    address: AddressIn
    description: str = Field(default="", max_length=4000)
    caller: CallerIn | None = None
    received_at: datetime | None = Field(
        default=None, description="When the call or report arrived; the service's clock if absent."
    )
    registration_seconds: float | None = Field(default=None, ge=0, le=86400)

    @field_validator("received_at")
    @classmethod
    def _aware(cls, v: datetime | None) -> datetime | None:
        return aware_utc(v)


class IncidentPatch(VersionedIn):
    type_code: str | None = Field(default=None, max_length=40)
    priority: Priority | None = None
    address: AddressIn | None = None
    description: str | None = Field(default=None, max_length=4000)


class IncidentAction(VersionedIn):
    action: Action
    reason: str | None = Field(default=None, max_length=1000)
    result: str | None = Field(default=None, max_length=2000)
    merge_into: Id | None = None

    @model_validator(mode="after")
    def _needs(self) -> IncidentAction:
        if self.action is Action.CLOSE and not (self.result and self.result.strip()):
            raise ValueError("closing an incident needs its result")
        if self.action is Action.MERGE and self.merge_into is None:
            raise ValueError("merging needs the number of the incident to merge into")
        return self


class ClaimIn(MutationIn):
    takeover: bool = False


class HandoverCreate(VersionedIn):
    services: list[str] = Field(min_length=1, max_length=12)


class HandoverStageIn(MutationIn):
    stage: Literal[
        HandoverStage.ACKNOWLEDGED,
        HandoverStage.CREW_DISPATCHED,
        HandoverStage.ON_SCENE,
        HandoverStage.RESOLVED,
        HandoverStage.RECALLED,
    ]
    crew_id: Id | None = None


class NoteIn(MutationIn):
    text: str = Field(min_length=1, max_length=4000)

    @field_validator("text")
    @classmethod
    def _not_blank(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("a note cannot be blank")
        return v


class CallerAdd(MutationIn):
    caller: CallerIn

    @model_validator(mode="after")
    def _someone(self) -> CallerAdd:
        if not (self.caller.name or self.caller.phone):
            raise ValueError("a caller needs a name or a phone number")
        return self


class CrewPosition(MutationIn):
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    at: datetime | None = Field(default=None, description="When the device took the fix.")
    status: CrewStatus | None = None

    @field_validator("at")
    @classmethod
    def _aware(cls, v: datetime | None) -> datetime | None:
        return aware_utc(v)


class IncidentOut(Out):
    id: int
    number: str
    room: str
    type_code: str | None
    priority: int
    status: Status
    source: Source
    street: str | None
    house: str | None
    entrance: str | None
    floor: str | None
    flat: str | None
    landmark: str | None
    address_verified: bool
    lat: float | None
    lon: float | None
    district: str | None
    description: str
    result: str | None
    received_at: datetime
    registered_at: datetime | None
    dispatched_at: datetime | None
    in_progress_at: datetime | None
    resolved_at: datetime | None
    closed_at: datetime | None
    cancelled_at: datetime | None
    reopened_at: datetime | None
    registration_seconds: float | None
    merged_into_id: int | None
    claim_holder_id: int | None
    claim_holder_name: str | None
    claim_expires_at: datetime | None
    created_by_id: int | None
    # An emergency declared on the incident (app.domain.emergencies): carried in the state
    # so every console, the wall and the map count down to the next report from the
    # replica. Defaults: states journaled before emergencies existed lack them.
    emergency_level: EmergencyLevel | None = None
    emergency_at: datetime | None = None
    emergency_lifted_at: datetime | None = None
    emergency_report_due: datetime | None = None
    version: int


class HandoverOut(Out):
    id: int
    incident_id: int
    service: str
    stage: HandoverStage
    handed_over_at: datetime
    acknowledged_at: datetime | None
    crew_dispatched_at: datetime | None
    on_scene_at: datetime | None
    resolved_at: datetime | None
    recalled_at: datetime | None
    crew_ids: list[int] = Field(default_factory=list)
    version: int


class NoteOut(Out):
    id: int
    incident_id: int
    author_id: int | None
    author_name: str
    at: datetime
    text: str


class CrewOut(Out):
    id: int
    service: str
    callsign: str
    status: str
    lat: float | None
    lon: float | None
    position_at: datetime | None
    version: int


class CallerOut(Out):
    id: int
    incident_id: int
    name: str | None
    phone: str | None
    created_at: datetime
    # Set for a caller of a duplicate merged into the incident read: that duplicate's number.
    merged_from: str | None = None


class IncidentDetail(Out):
    incident: IncidentOut
    handovers: list[HandoverOut]
    notes: list[NoteOut]
