"""The one-folder builds (`make dist`): the built console starts offscreen and shows the
sign-in window in Russian with everything it carries in place; in embedded mode it builds
the demo city from the migrations it carries and opens the main window; the built service
migrates and serves on both databases; and no library in the builds lacks a Qt library
the build should have brought. CI builds them first (.ci/run); elsewhere these tests skip
until `make dist` has run."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest
import requests

from app.server.embedded import ServiceThread

ROOT = Path(__file__).parents[2]
DIST = ROOT / "build" / "dist"
CONSOLE = DIST / "dispatch" / "dispatch"
SERVICE = DIST / "dispatch-server" / "dispatch-server"

pytestmark = pytest.mark.skipif(
    not (CONSOLE.exists() and SERVICE.exists()),
    reason="no build in build/dist: run `make dist` (CI does)")


def _env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISPATCH_", "PYTHON"))}
    # A workstation's own home: its settings (language), its data, its replicas.
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"),
               XDG_DATA_HOME=str(home / ".local" / "share"), QT_QPA_PLATFORM="offscreen",
               QTWEBENGINE_CHROMIUM_FLAGS="--no-sandbox", **extra)
    return env


def _smoke(args: list[str], env: dict[str, str], timeout: float) -> dict:
    done = subprocess.run([str(CONSOLE), *args, "--smoke-test"], env=env, timeout=timeout,
                          capture_output=True, text=True)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert done.returncode == 0 and lines, (done.returncode, done.stdout, done.stderr[-3000:])
    return json.loads(lines[-1])


def test_the_built_console_shows_the_sign_in_window_in_russian(
        service: ServiceThread, tmp_path: Path) -> None:
    report = _smoke(["--server", service.url], _env(tmp_path), timeout=90)
    assert report["windows"] == [{"class": "LoginDialog", "title": "Вход — ЕДДС города"}]
    # What the build must carry: the translation (the title above is proof too), Leaflet
    # and the map's script, QtWebEngine, the sounds, the migrations for embedded mode.
    assert {k: report[k] for k in ("translation_ru", "map_assets", "webengine", "sounds",
                                   "migrations")} == dict.fromkeys(
        ("translation_ru", "map_assets", "webengine", "sounds", "migrations"), True)


def test_the_built_console_runs_the_embedded_demo(tmp_path: Path) -> None:
    report = _smoke([], _env(tmp_path), timeout=110)
    assert [w["class"] for w in report["windows"]] == ["MainWindow"]
    # The embedded service migrated and seeded its database inside the workstation's data.
    assert list((tmp_path / ".local" / "share").rglob("*.db"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_the_built_service_migrates_and_serves(db_url: str, tmp_path: Path) -> None:
    env = _env(tmp_path, DISPATCH_DATABASE_URL=db_url)
    migrate = subprocess.run([str(SERVICE), "migrate"], env=env, capture_output=True,
                             text=True, timeout=60)
    assert migrate.returncode == 0, migrate.stderr
    assert "newest schema" in migrate.stdout + migrate.stderr
    port = _free_port()
    proc = subprocess.Popen([str(SERVICE), "run", "--port", str(port)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                r = requests.post(f"http://127.0.0.1:{port}/api/v1/auth/login",
                                  json={"login": "operator", "password": "demo-2018"},
                                  timeout=2)
                break
            except requests.ConnectionError:
                assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
                assert time.monotonic() < deadline, "the built service never answered"
                time.sleep(0.3)
        assert r.status_code == 200, r.text
        assert r.json()["user"]["role"] == "operator"
    finally:
        proc.terminate()
        proc.wait(15)


def test_no_library_in_the_builds_lacks_one_the_build_should_carry() -> None:
    """Missing system libraries (X11, GTK, PulseAudio) are the workstation's to install
    (docs/deployment.md); a missing Qt, ICU, FFmpeg or Python library is the build's fault."""
    ours = ("libQt6", "libpyside6", "libshiboken6", "libpython", "libicu", "libav",
            "libsw", "libssl", "libcrypto")
    missing: dict[str, set[str]] = {}
    for folder in (CONSOLE.parent, SERVICE.parent):
        for lib in folder.rglob("*.so*"):
            if not lib.is_file():
                continue
            out = subprocess.run(["ldd", str(lib)], capture_output=True, text=True).stdout
            for line in out.splitlines():
                if "not found" in line:
                    name = line.split("=>")[0].strip()
                    if name.startswith(ours):
                        missing.setdefault(name, set()).add(lib.name)
    assert missing == {}


@pytest.mark.skipif(shutil.which("systemd-analyze") is None,
                    reason="systemd-analyze is not installed")
def test_the_systemd_unit_verifies_against_the_built_service(tmp_path: Path) -> None:
    unit = (ROOT / "build" / "systemd" / "dispatch-server.service").read_text()
    installed = "/opt/city-dispatch/dispatch-server/dispatch-server"
    assert unit.count(installed) == 2  # migrate first, then run
    local = tmp_path / "dispatch-server.service"
    local.write_text(unit.replace(installed, str(SERVICE)))
    done = subprocess.run(["systemd-analyze", "verify", str(local)], capture_output=True,
                          text=True)
    # systemd only warns about a key it does not know: a misspelt hardening line would
    # otherwise be ignored in silence.
    assert done.returncode == 0 and done.stderr.strip() == "", done.stderr
