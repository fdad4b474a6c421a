"""PostgreSQL backup and restore as docs/deployment.md describes them, with the real
pg_dump and pg_restore: a console that saw changes made after the backup reloads once the
restored service has its new epoch, and shows exactly what the backup holds."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import make_url

from app.server.app import create_app
from app.server.cli import main as server_cli
from app.server.embedded import ServiceThread, free_port
from app.services.demo import DEMO_PASSWORD
from app.sync import SyncClient
from tests.conftest import fast_settings
from tests.ui.test_card import GAS

pytestmark = pytest.mark.skipif(shutil.which("pg_dump") is None or
                                shutil.which("pg_restore") is None,
                                reason="PostgreSQL's pg_dump and pg_restore are not installed")


def _libpq(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def test_a_console_reloads_after_a_restore_and_shows_what_the_backup_holds(
        pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    port = free_port()
    svc = ServiceThread(create_app(fast_settings(pg_url)), port=port).start()
    client = SyncClient(svc.url, replica=tmp_path / "replica.db", retry_seconds=0.2,
                        timeout=3)
    try:
        client.login("operator", DEMO_PASSWORD)
        client.start()
        assert client.wait_live(10)
        kept = client.register(source="phone", type_code="gas_smell", address=GAS,
                               description="до резервной копии")["incident"]
        dump = tmp_path / "dispatch.dump"
        subprocess.run(["pg_dump", "--format=custom", f"--file={dump}", _libpq(pg_url)],
                       check=True, capture_output=True)
        lost = client.register(source="phone", type_code="gas_smell", address=GAS,
                               description="после резервной копии")["incident"]
        assert client.store.wait_for(lambda s: s.get("incident", lost["id"]) is not None, 10)
        old_epoch = client.store.epoch

        # The restore, as an administrator does it: the service stopped, the database
        # restored over itself, a new epoch, the service started again on the same address.
        svc.stop()
        subprocess.run(["pg_restore", "--clean", "--if-exists", "--single-transaction",
                        f"--dbname={_libpq(pg_url)}", str(dump)], check=True,
                       capture_output=True)
        monkeypatch.setenv("DISPATCH_DATABASE_URL", pg_url)
        assert server_cli(["mark-restored"]) == 0
        svc = ServiceThread(create_app(fast_settings(pg_url)), port=port).start()

        assert client.store.wait_for(lambda s: s.epoch not in (None, old_epoch), 20)
        assert client.store.wait_for(lambda s: s.get("incident", lost["id"]) is None, 10)
        assert client.store.get("incident", kept["id"])["description"] == "до резервной копии"
        assert client.wait_live(10)
    finally:
        client.close()
        svc.stop()
