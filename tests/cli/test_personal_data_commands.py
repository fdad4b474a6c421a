"""`dispatch-server export-personal-data` as an administrator runs it, in a subprocess."""

from __future__ import annotations

import json
import uuid

from sqlalchemy import select

from app.models import PersonalDataRead, User
from app.models.db import Database
from app.schemas.incident import AddressIn, CallerIn, IncidentCreate
from app.server.app import make_context
from app.server.settings import ServerSettings
from app.services import incidents
from app.services.personal_data import actor_by_login
from tests.cli.test_server_commands import run


def _exports(url: str) -> list[tuple[str, str | None]]:
    db = Database(url)
    try:
        with db.read() as s:
            return [(login, phone) for login, phone in s.execute(
                select(User.login, PersonalDataRead.phone)
                .join(User, User.id == PersonalDataRead.user_id)
                .where(PersonalDataRead.purpose == "personal_data_export"))]
    finally:
        db.dispose()


def test_export_prints_what_is_held_and_records_who_asked(db_url: str) -> None:
    ctx = make_context(ServerSettings(database_url=db_url))
    try:
        _, detail = incidents.register(ctx, actor_by_login(ctx, "operator"), IncidentCreate(
            mutation_id=uuid.uuid4(), source="phone", description="Пахнет газом",
            address=AddressIn(street="пр-т Строителей", house="5", flat="12"),
            caller=CallerIn(name="Орлова Мария", phone="8 913 555 12 34")))
    finally:
        ctx.db.dispose()

    done = run(db_url, "export-personal-data", "8 (913) 555-12-34", "--by", "supervisor")
    assert done.returncode == 0, done.stderr
    got = json.loads(done.stdout)
    assert got["phone"] == "+79135551234"
    [caller] = got["callers"]
    assert (caller["name"], caller["phone"]) == ("Орлова Мария", "+79135551234")
    assert caller["incident"]["number"] == detail["incident"]["number"]
    assert caller["incident"]["flat"] == "12"
    assert _exports(db_url) == [("supervisor", "+79135551234")]

    operator = run(db_url, "export-personal-data", "+79135551234", "--by", "operator")
    assert operator.returncode == 2 and "may not export personal data" in operator.stderr
    bad = run(db_url, "export-personal-data", "12-ab", "--by", "supervisor")
    assert bad.returncode == 2 and "'12-ab'" in bad.stderr
    nobody = run(db_url, "export-personal-data", "+79135551234", "--by", "ghost")
    assert nobody.returncode == 2 and "no active user 'ghost'" in nobody.stderr
    assert operator.stdout == bad.stdout == nobody.stdout == ""
    assert _exports(db_url) == [("supervisor", "+79135551234")]  # refusals read nothing
