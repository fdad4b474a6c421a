"""Ending every session of a user at once: from the admin's console and from the command
line. A revoked token is refused at once by the service that revoked it, and by every
other service process once its token cache has lapsed."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta

from app.server.embedded import ServiceThread
from app.services.auth import TOKEN_CACHE_SECONDS
from app.services.context import system_clock
from tests.server.helpers import Client, assert_refusal, login, mid, own_service


def revoke(admin, user_id: int):  # type: ignore[no-untyped-def]
    return admin.post(f"/users/{user_id}/sessions/revoke", {"mutation_id": mid()})


def test_an_admin_ends_every_session_of_a_user_at_once(service: ServiceThread) -> None:
    desk = login(service.url, "operator")
    second_console = login(service.url, "operator")
    colleague = login(service.url, "operator2")
    admin = login(service.url, "admin")
    for client in (desk, second_console, colleague):  # each token is now in the cache
        assert client.get("/auth/me").status_code == 200

    r = revoke(admin, desk.id)
    assert r.status_code == 200, r.text
    assert r.json() == {"user_id": desk.id, "login": "operator", "sessions_ended": 2}

    # At once, in the process that revoked: no cached token outlives it.
    for client in (desk, second_console):
        assert_refusal(client.get("/auth/me"), 401, "unauthorized")
        assert_refusal(client.get("/snapshot"), 401, "unauthorized")
    # Only that user's sessions end.
    assert colleague.get("/auth/me").status_code == 200
    assert admin.get("/auth/me").status_code == 200
    # The user signs in again with the password as before.
    assert login(service.url, "operator").get("/auth/me").status_code == 200


def test_only_an_admin_may_end_sessions(service: ServiceThread) -> None:
    operator = login(service.url, "operator")
    for who in ("supervisor", "operator2", "wall", "ds-fire"):
        body = assert_refusal(revoke(login(service.url, who), operator.id), 403, "forbidden")
        assert "administrator" in body["message"]
    assert operator.get("/auth/me").status_code == 200
    admin = login(service.url, "admin")
    assert_refusal(revoke(admin, 10_000_000), 404, "not_found")


def test_a_retried_revocation_is_answered_once(service: ServiceThread) -> None:
    operator = login(service.url, "operator")
    admin = login(service.url, "admin")
    body = {"mutation_id": mid()}
    first = admin.post(f"/users/{operator.id}/sessions/revoke", body)
    assert first.json()["sessions_ended"] == 1
    fresh = login(service.url, "operator")
    # A retry of the same request (a lost answer) repeats the answer and ends nothing new.
    again = admin.post(f"/users/{operator.id}/sessions/revoke", body)
    assert again.json() == first.json()
    assert fresh.get("/auth/me").status_code == 200


def test_another_service_process_refuses_the_token_once_its_cache_lapses(db_url: str) -> None:
    shift = timedelta()
    with own_service(db_url) as first, own_service(db_url) as second:
        # The second process's clock is the test's to move.
        second.app.state.ctx.clock = lambda: system_clock() + shift
        user = login(first.url, "operator")
        on_second = Client(second.url, user.token, user.user)
        assert on_second.get("/auth/me").status_code == 200  # cached there now
        admin = login(first.url, "admin")
        assert revoke(admin, user.id).status_code == 200
        assert_refusal(user.get("/auth/me"), 401, "unauthorized")
        shift = timedelta(seconds=TOKEN_CACHE_SECONDS + 0.5)
        assert_refusal(on_second.get("/auth/me"), 401, "unauthorized")


def cli(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "app.server.cli", *args], text=True,
                          capture_output=True, env={**os.environ, "DISPATCH_DATABASE_URL": url},
                          timeout=120)


def test_revoke_sessions_from_the_command_line(db_url: str) -> None:
    with own_service(db_url) as svc:
        # Neither token has been checked yet, so the service has nothing cached to outlive
        # a revocation made by another process.
        user = login(svc.url, "zhkh")
        other = login(svc.url, "operator")
        done = cli(db_url, "revoke-sessions", "zhkh")
        assert done.returncode == 0, done.stderr
        assert "ended 1 sessions of zhkh" in done.stdout
        assert f"{TOKEN_CACHE_SECONDS:g} s" in done.stdout  # says how long others may lag
        assert_refusal(user.get("/auth/me"), 401, "unauthorized")
        assert other.get("/auth/me").status_code == 200
    unknown = cli(db_url, "revoke-sessions", "nobody-here")
    assert unknown.returncode == 2
    assert "no user with the login 'nobody-here'" in unknown.stderr
