"""SQLAlchemy 2 models of the central service. Importing this module registers every table."""

from app.models.base import Base
from app.models.emergency import EmergencyReport
from app.models.gazetteer import AddressRow
from app.models.incident import Crew, Handover, HandoverCrew, Incident, IncidentCounter, Note
from app.models.journal import ChangeLog, LogHead, Mutation
from app.models.open311 import Open311Key, Open311Request
from app.models.people import AuthToken, Presence, User
from app.models.personal import Caller, PersonalDataRead
from app.models.reference import (
    CategoryRow,
    DutyServiceRow,
    IncidentTypeRow,
    RoomRow,
    SettingRow,
)
from app.models.sensors import Sensor, SensorGateway
from app.models.shift_handover import ShiftHandover
from app.models.webhooks import Webhook, WebhookDelivery

__all__ = [
    "AddressRow",
    "AuthToken",
    "Base",
    "Caller",
    "CategoryRow",
    "ChangeLog",
    "Crew",
    "DutyServiceRow",
    "EmergencyReport",
    "Handover",
    "HandoverCrew",
    "Incident",
    "IncidentCounter",
    "IncidentTypeRow",
    "LogHead",
    "Mutation",
    "Note",
    "Open311Key",
    "Open311Request",
    "PersonalDataRead",
    "Presence",
    "RoomRow",
    "Sensor",
    "SensorGateway",
    "SettingRow",
    "ShiftHandover",
    "User",
    "Webhook",
    "WebhookDelivery",
]
