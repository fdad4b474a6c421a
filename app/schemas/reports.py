"""The report's wire shape, and its files: CSV and XLSX written from that shape, so the
console's export and the service's command write the same columns from the same figures."""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from pydantic import ConfigDict, Field

from app.domain.reports import Grouping, Report, ReportRow, Timing
from app.schemas.base import Out


class TimingOut(Out):
    count: int = Field(description="Steps measured: done within the incidents counted.")
    mean: float | None = Field(description="Seconds, arithmetic mean.")
    p90: float | None = Field(description="Seconds, nearest-rank 90th percentile.")
    within_norm: float | None = Field(
        description="Share (0..1) of measured steps that kept to their type's norm, among "
        "types that set one; null when none does.")


class ReportRowOut(Out):
    group: str = Field(description="Type, duty service or district code, or source; empty "
                       "for incidents without one (no type yet, no district, handed to nobody).")
    count: int
    registration: TimingOut = Field(description="Received → registered.")
    handover: TimingOut = Field(description="Registered → first hand-over.")
    resolution: TimingOut = Field(description="Received → resolved.")


class ReportOut(Out):
    start: datetime = Field(alias="from", description="Incidents received at or after this.")
    end: datetime = Field(alias="to", description="…and before this.")
    by: Grouping
    rows: list[ReportRowOut] = Field(description="Most incidents first; the group without a "
                                     "value last. By duty service an incident counts under "
                                     "every service it was handed over to.")
    total: ReportRowOut = Field(description="Every incident once, whatever the grouping.")

    model_config = ConfigDict(from_attributes=True, populate_by_name=True,
                              serialize_by_alias=True)


def _timing(t: Timing) -> TimingOut:
    return TimingOut(count=t.count, mean=t.mean, p90=t.p90, within_norm=t.within_norm)


def _row(r: ReportRow) -> ReportRowOut:
    return ReportRowOut(group=r.group, count=r.count, registration=_timing(r.registration),
                        handover=_timing(r.handover), resolution=_timing(r.resolution))


def report_out(report: Report, start: datetime, end: datetime) -> ReportOut:
    return ReportOut(start=start, end=end, by=report.by, rows=[_row(r) for r in report.rows],
                     total=_row(report.total))


# -- files ---------------------------------------------------------------------------------

# The columns of the table and its files, after the group's name. Seconds and percent are
# rounded for reading; a file is a report, not the data to recompute it from.
STEPS = ("registration", "handover", "resolution")
COLUMNS = ("count", *(f"{step}_{figure}" for step in STEPS
                      for figure in ("mean_s", "p90_s", "within_norm_pct")))
Cell = str | int | float | None


def _seconds(v: float | None) -> float | None:
    return None if v is None else round(v, 1)


def _pct(v: float | None) -> float | None:
    return None if v is None else round(100 * v, 1)


def cells(row: dict) -> list[Cell]:
    """A row of the wire (``ReportRowOut`` as JSON) as the file's cells, in ``COLUMNS``."""
    out: list[Cell] = [row["count"]]
    for step in STEPS:
        t = row[step]
        out += [_seconds(t["mean"]), _seconds(t["p90"]), _pct(t["within_norm"])]
    return out


def table(report: dict, label: Callable[[str], str], total_label: str) -> list[list[Cell]]:
    """The report (as JSON) as rows of cells: the group's name, then ``COLUMNS``; the total
    last."""
    out = [[label(r["group"]), *cells(r)] for r in report["rows"]]
    out.append([total_label, *cells(report["total"])])
    return out


def write_csv(path: Path, header: Sequence[str], rows: Sequence[Sequence[Cell]]) -> None:
    # UTF-8 with a byte-order mark: spreadsheet programs on Windows read Cyrillic names right
    # only with it. Empty cells for "no value", never "None".
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(["" if c is None else c for c in row] for row in rows)


def write_xlsx(path: Path, header: Sequence[str], rows: Sequence[Sequence[Cell]],
               title: str) -> None:
    from openpyxl import Workbook  # only the export needs it
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title[:31]  # Excel's limit on a sheet's name
    sheet.append(list(header))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(list(row))
    sheet.freeze_panes = "B2"
    sheet.column_dimensions["A"].width = max(
        [12, *(len(str(r[0])) + 2 for r in rows)])
    book.save(path)
