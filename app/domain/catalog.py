"""Reference data shapes: duty services, the two-level classifier with its norms, rooms."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.domain.enums import Priority


@dataclass(frozen=True)
class DutyService:
    """A duty service (ДДС) an incident can be handed over to."""

    code: str  # "fire", "ambulance", "gas", ...
    name_ru: str
    name_en: str
    phone: str = ""  # the service's own duty line, as dialled from the room
    short_ru: str = ""  # for narrow places: the queue's column, the wall's bars
    short_en: str = ""


@dataclass(frozen=True)
class Norms:
    """Time norms in seconds; ``None`` where the type sets no norm for that step."""

    registration: int | None = 120  # received -> registered
    handover: int | None = 300  # registered -> first hand-over
    acknowledgement: int | None = 30  # handed over -> acknowledged by the duty service
    arrival: int | None = None  # dispatched -> first crew on scene
    resolution: int | None = None  # received -> resolved


@dataclass(frozen=True)
class Category:
    code: str
    name_ru: str
    name_en: str


@dataclass(frozen=True)
class IncidentType:
    code: str
    category: str  # Category.code
    name_ru: str
    name_en: str
    priority: Priority = Priority.NORMAL
    services: tuple[str, ...] = ()  # DutyService.code, handed over by default
    norms: Norms = field(default_factory=Norms)
    sensitive: bool = False  # masked on the wall and never published (e.g. suicide threat)
    synonyms: tuple[str, ...] = ()  # words an operator types to find it ("прорыв", "течь")


@dataclass(frozen=True)
class Room:
    """A dispatch room; routing sends incidents to a room by district and type."""

    code: str
    name_ru: str
    name_en: str
