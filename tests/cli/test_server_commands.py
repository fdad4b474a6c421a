"""`dispatch-server` commands as an administrator runs them, in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from sqlalchemy import func, select

from app.models import AddressRow, Incident, User
from app.models.db import Database
from app.server.embedded import free_port

FIXTURES = Path(__file__).parents[1] / "fixtures"


def run(url: str, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app.server.cli", *args], input=stdin, text=True,
        capture_output=True, env={**os.environ, "DISPATCH_DATABASE_URL": url}, timeout=120,
    )


def count(url: str, model: type) -> int:
    db = Database(url)
    try:
        with db.read() as s:
            return s.scalar(select(func.count()).select_from(model)) or 0
    finally:
        db.dispose()


def test_migrate_then_create_user_with_the_password_from_stdin(db_url: str) -> None:
    assert run(db_url, "migrate").returncode == 0
    done = run(db_url, "create-user", "petrova", "--role", "operator", "--room", "main",
               "--name", "Петрова Е.", stdin="s3cret-pass\n")
    assert done.returncode == 0, done.stderr
    assert "created user petrova" in done.stdout
    db = Database(db_url)
    with db.read() as s:
        user = s.scalars(select(User).where(User.login == "petrova")).one()
        assert user.password_hash.startswith("$argon2")  # never the password itself
        assert "s3cret-pass" not in user.password_hash
    db.dispose()


def test_create_user_refusals_are_clear_and_write_nothing(db_url: str) -> None:
    before = count(db_url, User)
    short = run(db_url, "create-user", "petrova", "--role", "operator", "--room", "main",
                stdin="short\n")
    assert short.returncode == 2 and "password" in short.stderr
    no_room = run(db_url, "create-user", "petrova", "--role", "operator", "--room", "nowhere",
                  stdin="long-enough-pass\n")
    assert no_room.returncode == 2 and "no room 'nowhere'" in no_room.stderr
    taken = run(db_url, "create-user", "operator", "--role", "operator", "--room", "main",
                stdin="long-enough-pass\n")
    assert taken.returncode == 2 and "already exists" in taken.stderr
    assert count(db_url, User) == before


def test_import_gazetteer_reports_bad_rows_by_line_and_keeps_the_good(db_url: str) -> None:
    before = count(db_url, AddressRow)
    done = run(db_url, "import-gazetteer", str(FIXTURES / "address_register_sample.csv"))
    assert done.returncode == 0, done.stderr
    assert "skipped: line" in done.stderr
    imported = int(done.stdout.split()[1])
    assert imported > 0
    assert count(db_url, AddressRow) >= before  # new houses added, known ones updated


def test_import_gazetteer_without_a_required_column_names_it(db_url: str,
                                                             tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("street;house;lat\nулица Ленина;1;53.69\n", encoding="utf-8")
    done = run(db_url, "import-gazetteer", str(bad))
    assert done.returncode == 2
    assert "lon" in done.stderr


def test_set_routing_refuses_an_unknown_room_and_accepts_good_rules(db_url: str,
                                                                    tmp_path: Path) -> None:
    rules = tmp_path / "routing.json"
    rules.write_text(json.dumps({"default_room": "main", "by_category": {"fire": "attic"}}))
    refused = run(db_url, "set-routing", str(rules))
    assert refused.returncode == 2 and "attic" in refused.stderr
    rules.write_text(json.dumps({"default_room": "zhkh", "by_category": {"fire": "main"}}))
    assert run(db_url, "set-routing", str(rules)).returncode == 0


@pytest.mark.timeout(300)
def test_seed_demo_then_run_serves_the_demo(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    seeded = run(url, "seed-demo", "--incidents", "30")
    assert seeded.returncode == 0, seeded.stderr
    assert count(url, Incident) == 30
    again = run(url, "seed-demo", "--incidents", "30")  # a second run adds nothing
    assert again.returncode == 0 and count(url, Incident) == 30
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "app.server.cli", "run", "--port", str(port)],
                            env={**os.environ, "DISPATCH_DATABASE_URL": url},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}/api/v1"
        for _ in range(200):
            try:
                requests.get(f"{base}/time", timeout=1)
                break
            except requests.ConnectionError:
                time.sleep(0.1)
        token = requests.post(f"{base}/auth/login",
                              json={"login": "operator", "password": "demo-2018"}).json()["token"]
        snap = requests.get(f"{base}/snapshot", headers={"Authorization": f"Bearer {token}"})
        statuses = {i["status"] for i in snap.json()["incidents"]}
        assert len(snap.json()["incidents"]) == 30
        assert {"closed", "in_progress"} <= statuses
    finally:
        proc.terminate()
        proc.wait(10)
