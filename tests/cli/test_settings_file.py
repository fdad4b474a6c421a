"""The service's settings from a TOML file (systemd points DISPATCH_CONFIG at one), with the
environment winning over it, and a named file that is not there refused in words."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect

from app.server.cli import main
from app.server.settings import CONFIG_ENV, ConfigFileMissing, ServerSettings


@pytest.fixture(autouse=True)
def _config_env_put_back(monkeypatch: pytest.MonkeyPatch) -> None:
    """`main(["--config", ...])` sets DISPATCH_CONFIG for the service's own children; the
    variable must not outlive the test, or every later service reads this test's file."""
    monkeypatch.setenv(CONFIG_ENV, "")  # records it as absent, so teardown deletes it
    monkeypatch.delenv(CONFIG_ENV)


def _write(path: Path, db: Path) -> Path:
    path.write_text(f'database_url = "sqlite:///{db}"\nport = 8811\nhost = "0.0.0.0"\n'
                    "token_ttl_hours = 12.5\nemergency_update_hours = 2\n", encoding="utf-8")
    return path


def test_settings_come_from_the_file_and_the_environment_wins(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("DISPATCH_DATABASE_URL", "DISPATCH_PORT", "DISPATCH_HOST"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)  # no .env of the developer's
    monkeypatch.setenv(CONFIG_ENV, str(_write(tmp_path / "dispatch.toml", tmp_path / "a.db")))
    s = ServerSettings()
    assert (s.database_url, s.port, s.host, s.token_ttl_hours, s.emergency_update_hours) == (
        f"sqlite:///{tmp_path / 'a.db'}", 8811, "0.0.0.0", 12.5, 2.0)
    monkeypatch.setenv("DISPATCH_PORT", "8900")
    assert ServerSettings().port == 8900


def test_a_named_file_that_is_missing_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(CONFIG_ENV, str(tmp_path / "nowhere.toml"))
    with pytest.raises(ConfigFileMissing, match=r"nowhere\.toml"):
        ServerSettings()
    monkeypatch.delenv(CONFIG_ENV)
    assert main(["--config", str(tmp_path / "nowhere.toml"), "migrate"]) == 2
    assert "nowhere.toml" in capsys.readouterr().err


def test_migrate_uses_the_database_the_file_names(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DISPATCH_DATABASE_URL", raising=False)
    monkeypatch.delenv(CONFIG_ENV, raising=False)
    monkeypatch.chdir(tmp_path)
    config = _write(tmp_path / "dispatch.toml", tmp_path / "city.db")
    assert main(["--config", str(config), "migrate"]) == 0
    engine = create_engine(f"sqlite:///{tmp_path / 'city.db'}")
    assert "incidents" in inspect(engine).get_table_names()
    engine.dispose()
