"""A shift handover as people read it: titled lines, sections as tables, the notes and both
signatures, in the console's language. The window, the CSV and the PDF are all made from
this one shape, so the paper says exactly what the screen said."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject

from app.domain.norms import NormKind
from app.domain.timezone import to_city
from app.ui import timefmt
from app.ui.catalog_view import CatalogView
from app.ui.emergency_words import level_word
from app.ui.escalation import norm_name
from app.ui.words import STAGE, STATUS, word


@dataclass
class Section:
    key: str  # stable, for tests and file names: incidents, emergencies, compliance, claims
    title: str
    header: list[str]
    rows: list[list[str]]
    empty: str = ""  # what to say when there are no rows


@dataclass
class Document:
    title: str
    lines: list[tuple[str, str]]
    sections: list[Section]
    notes: str
    signatures: list[tuple[str, str]] = field(default_factory=list)
    content_hash: str = ""

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)


def _when(value: str | None) -> str:
    return timefmt.city_time(value) if value else "—"


def _stamp(value: str | None) -> str:
    """A full date and time in the city, for signatures: papers are kept for years."""
    t = timefmt.parse(value)
    return "—" if t is None else f"{to_city(t):%d.%m.%Y %H:%M:%S}"


def _seconds(value: float | None) -> str:
    return "—" if value is None else timefmt.age(value)


class DocumentMaker(QObject):
    """Builds ``Document``s; a QObject for its translated words."""

    def __init__(self, catalog: CatalogView) -> None:
        super().__init__()
        self.catalog = catalog

    def make(self, summary: dict[str, Any], *, notes: str = "",
             handover: dict[str, Any] | None = None) -> Document:
        """The summary (a draft, or ``handover``'s frozen one) as the room reads it."""
        counts = summary["counts"]
        lines = [
            (self.tr("Room"), self.catalog.room_name(summary["room"])),
            (self.tr("Shift"), summary["shift"]["label"]),
            (self.tr("Summary as of"), _stamp(summary["as_of"])),
            (self.tr("Received in the shift"), str(counts["received"])),
            (self.tr("Closed in the shift"), str(counts["closed"])),
            (self.tr("Open now"), str(counts["open"])),
            (self.tr("Resolved, waiting to be closed"), str(counts["resolved"])),
        ]
        doc = Document(self.tr("Shift handover"), lines,
                       [self._incidents(summary), self._emergencies(summary),
                        self._compliance(summary), self._claims(summary)], notes)
        if handover is not None:
            doc.notes = handover["notes"]
            incoming = (f"{handover['incoming_name']}, {_stamp(handover['incoming_signed_at'])}"
                        if handover["incoming_id"] is not None
                        else self.tr("not yet accepted"))
            doc.signatures = [
                (self.tr("Handed over by"),
                 f"{handover['outgoing_name']}, {_stamp(handover['outgoing_signed_at'])}"),
                (self.tr("Accepted by"), incoming),
            ]
            doc.content_hash = handover["content_hash"]
        return doc

    def _incidents(self, summary: dict[str, Any]) -> Section:
        catalog = self.catalog
        rows = []
        for i in summary["incidents"]:
            services = "; ".join(
                f"{catalog.service_short(h['service'])}: {word(STAGE, h['stage'])}"
                for h in i["handovers"])
            rows.append([i["number"], catalog.type_name(i["type_code"]), i["address"],
                         word(STATUS, i["status"]), timefmt.age(i["age_seconds"]),
                         services or "—", i["claim_holder_name"] or "—",
                         level_word(i["emergency_level"]) if i["emergency_level"] else ""])
        return Section("incidents", self.tr("Incidents passing to the next shift"),
                       [self.tr("Number"), self.tr("Type"), self.tr("Address"),
                        self.tr("Status"), self.tr("Age"), self.tr("Duty services"),
                        self.tr("Worked by"), self.tr("Emergency")], rows,
                       self.tr("No unfinished incidents."))

    def _emergencies(self, summary: dict[str, Any]) -> Section:
        catalog = self.catalog
        rows = [[e["number"], catalog.room_name(e["room"]), catalog.type_name(e["type_code"]),
                 level_word(e["level"]), e["address"], _when(e["declared_at"]),
                 _when(e["report_due"])] for e in summary["emergencies"]]
        return Section("emergencies", self.tr("Emergencies in effect"),
                       [self.tr("Number"), self.tr("Room"), self.tr("Type"), self.tr("Level"),
                        self.tr("Address"), self.tr("Declared"), self.tr("Next report due")],
                       rows, self.tr("No emergency in effect."))

    def _compliance(self, summary: dict[str, Any]) -> Section:
        rows = []
        for c in summary["compliance"]:
            share = "—" if c["share_pct"] is None else f"{c['share_pct']:.1f}% ({c['within']})"
            rows.append([norm_name(NormKind(c["norm"])), str(c["count"]), share,
                         _seconds(c["p90"]), _seconds(c["p95"]), _seconds(c["p98"])])
        return Section("compliance", self.tr("Compliance with the norms"),
                       [self.tr("Step"), self.tr("Done"), self.tr("Within norm"), "90%", "95%",
                        "98%"], rows)

    def _claims(self, summary: dict[str, Any]) -> Section:
        rows = [[c["holder_name"], ", ".join(i["number"] for i in c["incidents"])]
                for c in summary["claims"]]
        return Section("claims", self.tr("Claims passing to the incoming supervisor"),
                       [self.tr("Held by"), self.tr("Incidents")], rows,
                       self.tr("Nobody holds an incident."))
