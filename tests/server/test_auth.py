"""Signing in and out, throttled guessing, expiring sessions, and who may do what."""

from __future__ import annotations

import re
import time

import requests

from app.server.embedded import ServiceThread
from tests.server.helpers import (
    API,
    Client,
    assert_refusal,
    login,
    login_response,
    mid,
    own_service,
)


def test_login_returns_a_token_and_the_user(service: ServiceThread, real_passwords: None
                                            ) -> None:
    """With the argon2 hashes exactly as seeded."""
    r = login_response(service.url, "operator")
    assert r.status_code == 200, r.text
    body = r.json()
    assert len(body["token"]) >= 32
    assert body["user"]["login"] == "operator"
    assert body["user"]["name"] == "Иванова Анна"
    assert body["user"]["role"] == "operator"
    assert body["user"]["room"] == "main"
    assert "password" not in r.text.lower()
    # The token is what signs the user in from now on.
    me = Client(service.url, body["token"]).get("/auth/me")
    assert me.status_code == 200, me.text
    assert me.json() == body["user"]


def test_wrong_password_and_unknown_login_look_the_same(service: ServiceThread) -> None:
    wrong_password = login_response(service.url, "operator", "not-the-password")
    unknown_login = login_response(service.url, "nobody-here", "not-the-password")
    a = assert_refusal(wrong_password, 401, "unauthorized")
    b = assert_refusal(unknown_login, 401, "unauthorized")
    # Nothing tells a guesser which logins exist.
    assert a == b
    assert "operator" not in a["message"]


def test_sixth_attempt_after_five_wrong_passwords_is_held_off(service: ServiceThread) -> None:
    for _ in range(5):
        assert_refusal(login_response(service.url, "operator", "guess"), 401, "unauthorized")
    # Even the right password waits now: the guesser cannot tell it was right.
    r = login_response(service.url, "operator")
    body = assert_refusal(r, 429, "too_many_attempts")
    retry_after = int(r.headers["Retry-After"])
    assert 1 <= retry_after <= 31
    said = re.search(r"(\d+) s", body["message"])
    assert said, body["message"]
    assert abs(int(said.group(1)) - retry_after) <= 1
    assert "token" not in body
    # The lock is on that login only: a colleague still signs in.
    assert login_response(service.url, "operator2").status_code == 200


def test_a_request_without_a_token_is_refused_in_json(service: ServiceThread) -> None:
    r = requests.get(service.url + API + "/snapshot", timeout=10)
    body = assert_refusal(r, 401, "unauthorized")
    assert "Bearer" in body["message"]
    assert r.headers.get("WWW-Authenticate") == "Bearer"


def test_an_expired_session_is_told_apart_from_an_unknown_token(db_url: str) -> None:
    # 0.0003 h is about 1.1 s.
    with own_service(db_url, token_ttl_hours=0.0003) as svc:
        user = login(svc.url, "operator")
        assert user.get("/auth/me").status_code == 200
        time.sleep(1.2)
        expired = assert_refusal(user.get("/auth/me"), 401, "session_expired")
        unknown = assert_refusal(Client(svc.url, "made-up-token").get("/auth/me"), 401,
                                 "unauthorized")
        assert expired["message"] != unknown["message"]
        assert "expired" in expired["message"]
        # Signing in again gives a working session.
        assert login(svc.url, "operator").get("/auth/me").status_code == 200


def test_logout_ends_only_that_session(service: ServiceThread) -> None:
    desk = login(service.url, "operator")
    wall_screen = login(service.url, "operator")  # the same person at a second console
    r = desk.post("/auth/logout")
    assert r.status_code == 204, r.text
    assert_refusal(desk.get("/auth/me"), 401, "unauthorized")
    assert_refusal(desk.get("/snapshot"), 401, "unauthorized")
    assert wall_screen.get("/auth/me").status_code == 200


def test_the_wall_cannot_register_incidents(service: ServiceThread) -> None:
    wall = login(service.url, "wall")
    r = wall.post("/incidents", {
        "mutation_id": mid(), "source": "phone", "type_code": "gas_smell",
        "address": {"street": "пр-т Строителей", "house": "5"},
    })
    body = assert_refusal(r, 403, "forbidden")
    assert "wall" in body["message"]
    # It still sees the whole room's picture, and nothing was registered.
    assert wall.snapshot()["incidents"] == []


def test_an_operator_of_another_room_cannot_change_the_incident(service: ServiceThread) -> None:
    main = login(service.url, "operator")
    zhkh = login(service.url, "zhkh")
    detail = main.register(type_code="gas_smell")  # gas stays in the main room
    incident = detail["incident"]
    assert incident["room"] == "main"
    main.release(incident["id"])  # no claim in the way: the room alone refuses
    patch = zhkh.patch(f"/incidents/{incident['id']}", {
        "mutation_id": mid(), "base_version": incident["version"], "description": "чужое",
    })
    body = assert_refusal(patch, 403, "forbidden")
    assert "main" in body["message"] and "zhkh" in body["message"]
    assert_refusal(zhkh.claim(incident["id"]), 403, "forbidden")
    assert main.incident(incident["id"])["incident"]["description"] == incident["description"]


def test_duty_services_do_not_see_the_rooms_state(service: ServiceThread) -> None:
    fire = login(service.url, "ds-fire")
    assert_refusal(fire.get("/snapshot"), 403, "forbidden")
    assert_refusal(fire.get("/changes", params={"after": 0}), 403, "forbidden")
    assert login(service.url, "wall").get("/snapshot").status_code == 200
