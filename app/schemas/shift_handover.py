"""Shift handovers on the wire. The summary's times are ISO 8601 UTC text, exactly as they
were hashed (``app.domain.shift_handover``): a client recomputes the content hash from the
JSON it received, so nothing here re-spells them."""

from __future__ import annotations

from datetime import datetime

from pydantic import Field, model_validator

from app.schemas.base import MutationIn, Out


class _Signature(MutationIn):
    password: str = Field(min_length=1, max_length=200,
                          description="The signer's password, asked again for the signature.")

    @model_validator(mode="after")
    def _signed_now(self) -> _Signature:
        if self.recorded_at is not None:
            raise ValueError("a signature is dated by the service when it is made; it cannot "
                             "be recorded offline")
        return self


class SignOutIn(_Signature):
    room: str = Field(min_length=1, max_length=20)
    notes: str = Field(default="", max_length=8000,
                       description="The outgoing officer's notes for the next shift.")


class SignInIn(_Signature):
    pass


class ShiftOut(Out):
    start: str
    end: str
    label: str = Field(description="City time, dated by its start: 2026-11-26 08:00–20:00.")


class Counts(Out):
    received: int = Field(description="Incidents of the room received in the shift.")
    closed: int = Field(description="Closed in the shift, whenever received.")
    open: int = Field(description="Open when the summary was made, whenever received.")
    resolved: int = Field(description="Resolved and not yet closed when it was made.")


class ServiceStage(Out):
    service: str
    stage: str


class SummaryIncident(Out):
    id: int
    number: str
    type_code: str | None
    priority: int
    status: str
    address: str
    received_at: str
    age_seconds: int
    handovers: list[ServiceStage]
    claim_holder_id: int | None
    claim_holder_name: str | None
    emergency_level: str | None


class SummaryEmergency(Out):
    id: int
    number: str
    room: str
    type_code: str | None
    level: str | None
    address: str
    declared_at: str | None
    report_due: str | None


class NormFigures(Out):
    norm: str
    count: int = Field(description="Steps done by the incidents received in the shift.")
    within: int | None
    share_pct: float | None = Field(description="Percent within the norm, to 0.1.")
    p90: float | None = Field(description="Seconds, nearest rank, to 0.1.")
    p95: float | None
    p98: float | None


class IncidentRef(Out):
    id: int
    number: str


class HeldClaim(Out):
    holder_id: int
    holder_name: str
    incidents: list[IncidentRef]


class SummaryOut(Out):
    format: int
    room: str
    shift: ShiftOut
    as_of: str = Field(description="When the summary was made (frozen: when it was signed).")
    counts: Counts
    incidents: list[SummaryIncident] = Field(description="Unfinished: critical first, then "
                                             "the oldest.")
    emergencies: list[SummaryEmergency] = Field(description="Not lifted, city-wide.")
    compliance: list[NormFigures]
    claims: list[HeldClaim]


class ShiftHandoverOut(Out):
    id: int
    room: str
    shift_start: datetime
    shift_end: datetime
    summary: SummaryOut
    notes: str
    content_hash: str = Field(description="sha256 of the canonical JSON of {notes, summary}: "
                              "what both supervisors signed.")
    outgoing_id: int
    outgoing_name: str
    outgoing_signed_at: datetime
    incoming_id: int | None
    incoming_name: str | None
    incoming_signed_at: datetime | None
    version: int


class PassedClaim(Out):
    incident_id: int
    number: str
    from_id: int
    from_name: str


class SignedIn(ShiftHandoverOut):
    claims_passed: list[PassedClaim] = Field(
        description="The claims of the summary still held by the same operator, now the "
        "incoming supervisor's.")


class DraftOut(Out):
    summary: SummaryOut
    handover: ShiftHandoverOut | None = Field(
        description="The handover already signed for this shift, if any.")
