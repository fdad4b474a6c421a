"""Emergencies on the wire: declaring, lifting, and the reports to the crisis centre."""

from __future__ import annotations

from datetime import datetime

from pydantic import Field, field_validator

from app.domain.emergencies import EmergencyLevel, ReportKind
from app.schemas.base import MutationIn, Out, VersionedIn, Wire

PEOPLE = 10_000_000  # more than anyone could count in one emergency; bounds the input


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("cannot be blank")
    return value.strip()


class EmergencyDeclare(VersionedIn):
    level: EmergencyLevel
    reason: str | None = Field(default=None, max_length=1000)


class EmergencyLift(VersionedIn):
    reason: str = Field(min_length=1, max_length=1000)

    _reason = field_validator("reason")(_not_blank)


class ConsequencesIn(Wire):
    """People, as the officer knows them when reporting; absent: not yet established."""

    dead: int | None = Field(default=None, ge=0, le=PEOPLE)
    injured: int | None = Field(default=None, ge=0, le=PEOPLE)
    evacuated: int | None = Field(default=None, ge=0, le=PEOPLE)
    affected: int | None = Field(default=None, ge=0, le=PEOPLE)


class EmergencyReportIn(MutationIn):
    kind: ReportKind = Field(description="The report being sent: first, update or final; "
                             "one out of order is refused.")
    consequences: ConsequencesIn = Field(default_factory=ConsequencesIn)
    additions: str = Field(default="", max_length=4000,
                           description="The officer's own words, added to the report.")
    channel: str = Field(min_length=1, max_length=60,
                         description="How it was sent: phone, fax, the ministry's system…")
    accepted_by: str = Field(min_length=1, max_length=120,
                             description="The crisis-centre officer who took the report.")

    _texts = field_validator("channel", "accepted_by")(_not_blank)


class ReportFieldOut(Out):
    key: str
    label: str
    value: str


class ReportSectionOut(Out):
    key: str
    title: str
    fields: list[ReportFieldOut]


class EmergencyReportOut(Out):
    id: int
    incident_id: int
    declared_at: datetime
    kind: ReportKind
    number: int
    due_at: datetime
    sent_at: datetime
    sent_by_id: int | None
    sent_by_name: str
    channel: str
    accepted_by: str
    sections: list[ReportSectionOut]
    consequences: ConsequencesIn


class DueReportOut(Out):
    kind: ReportKind
    number: int
    due_at: datetime
    overdue: bool


class EmergencyReports(Out):
    """The reports sent on an incident's emergencies, and the one due now with its draft
    made from the incident as it is."""

    incident_id: int
    level: EmergencyLevel | None
    declared_at: datetime | None
    lifted_at: datetime | None
    due: DueReportOut | None
    draft: list[ReportSectionOut] | None
    reports: list[EmergencyReportOut]
