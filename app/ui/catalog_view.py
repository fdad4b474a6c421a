"""The classifier and duty services as the console shows them, in the UI's language."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from app.domain.catalog import Norms
from app.domain.norms import Overdue, running_overdue
from app.sync.facts import incident_facts


@dataclass
class CatalogView:
    types: dict[str, dict[str, Any]] = field(default_factory=dict)
    services: dict[str, dict[str, Any]] = field(default_factory=dict)
    categories: dict[str, dict[str, Any]] = field(default_factory=dict)
    rooms: dict[str, dict[str, Any]] = field(default_factory=dict)
    language: str = "ru"

    @classmethod
    def from_wire(cls, data: dict[str, Any], language: str = "ru") -> CatalogView:
        return cls(
            types={t["code"]: t for t in data.get("incident_types", [])},
            services={s["code"]: s for s in data.get("duty_services", [])},
            categories={c["code"]: c for c in data.get("categories", [])},
            rooms={r["code"]: r for r in data.get("rooms", [])},
            language=language,
        )

    def _name(self, row: dict[str, Any] | None, fallback: str) -> str:
        if row is None:
            return fallback
        return row.get(f"name_{self.language}") or row.get("name_ru") or fallback

    def type_name(self, code: str | None) -> str:
        return self._name(self.types.get(code or ""), code or "")

    def service_name(self, code: str) -> str:
        return self._name(self.services.get(code), code)

    def service_short(self, code: str) -> str:
        row = self.services.get(code)
        short = row.get(f"short_{self.language}") if row else None
        return short or self.service_name(code)

    def room_name(self, code: str) -> str:
        return self._name(self.rooms.get(code), code)

    def category_of(self, code: str | None) -> str | None:
        row = self.types.get(code or "")
        return row["category"] if row else None

    def norms(self, code: str | None) -> Norms:
        row = self.types.get(code or "")
        if row is None:
            return Norms()
        return Norms(**row["norms"])

    def overdue(self, inc: dict[str, Any], handovers: list[dict[str, Any]],
                now: datetime) -> list[Overdue]:
        """What of this incident is late now, by its type's norms (the domain's rule)."""
        code = inc.get("type_code")
        facts = incident_facts(inc, handovers, category=self.category_of(code))
        return running_overdue(facts, self.norms(code), now)

    def sensitive(self, code: str | None) -> bool:
        row = self.types.get(code or "")
        return bool(row and row.get("sensitive"))
