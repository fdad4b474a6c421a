"""`dispatch-server export-journal` as an administrator runs it, in a subprocess."""

from __future__ import annotations

import csv
import io
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.schemas.incident import AddressIn, CallerIn, IncidentCreate, NoteIn
from app.server.app import make_context
from app.server.settings import ServerSettings
from app.services import incidents, notes
from app.services.journal_export import COLUMNS
from app.services.personal_data import actor_by_login
from tests.cli.test_server_commands import run

T0 = datetime(2026, 11, 26, 5, 0, tzinfo=UTC)  # 12:00 in the city


def _day(db_url: str) -> str:
    """A call with its caller at 12:00 and a note at 12:30; the call's number."""
    ctx = make_context(ServerSettings(database_url=db_url))
    now = [T0]
    ctx.clock = lambda: now[0]
    try:
        anna = actor_by_login(ctx, "operator")
        _, detail = incidents.register(ctx, anna, IncidentCreate(
            mutation_id=uuid.uuid4(), source="phone", type_code="gas_smell",
            address=AddressIn(street="пр-т Строителей", house="5"),
            caller=CallerIn(name="Орлова Мария", phone="8 913 555 12 34")))
        now[0] = T0 + timedelta(minutes=30)
        notes.note(ctx, anna, detail["incident"]["id"],
                   NoteIn(mutation_id=uuid.uuid4(), text="Перезвонили заявителю"))
    finally:
        ctx.db.dispose()
    return str(detail["incident"]["number"])


def _rows(text: str) -> list[dict[str, str]]:
    assert "Орлова" not in text and "9135551234" not in text
    reader = csv.DictReader(io.StringIO(text.removeprefix("\ufeff")))
    assert tuple(reader.fieldnames or ()) == COLUMNS
    return list(reader)


def test_the_journal_of_a_range_to_a_file_or_to_stdout(db_url: str, tmp_path: Path) -> None:
    number = _day(db_url)
    out = tmp_path / "journal.csv"
    done = run(db_url, "export-journal", "--from", "2026-11-26T12:00:00+07:00",
               "--to", "2026-11-26T12:30:00+07:00", "--output", str(out))
    assert done.returncode == 0, done.stderr
    rows = _rows(out.read_text(encoding="utf-8"))
    assert [(r["kind"], r["incident_number"], r["at_city"]) for r in rows] == [
        ("incident.created", number, "2026-11-26 12:00:00"),
        ("caller.added", number, "2026-11-26 12:00:00")]

    printed = run(db_url, "export-journal", "--from", "2026-11-26T12:00:00+07:00",
                  "--to", "2026-11-26T13:00:00+07:00")
    assert printed.returncode == 0, printed.stderr
    assert [r["kind"] for r in _rows(printed.stdout)] == [
        "incident.created", "caller.added", "note.added"]


def test_a_range_over_a_month_is_refused_in_words(db_url: str) -> None:
    done = run(db_url, "export-journal", "--from", "2026-11-01T00:00:00+07:00",
               "--to", "2026-12-02T00:00:01+07:00")
    assert done.returncode == 2 and "at most 31 days" in done.stderr
    assert done.stdout == ""
