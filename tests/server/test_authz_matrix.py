"""Who may call what: every route of the real application × every kind of user, against a
table written out below. A route added to the service without a row here fails the test,
so nobody ships an endpoint whose access was never decided.

Columns are a user and the room of the incident they act on: an operator of room `main`
on a `main` incident, the same operator on a `zhkh` incident (a room they do not work in),
and so on. Duty services act on an incident handed over to them ("ds-own") or to another
service ("ds-other"); both columns are run for every duty-service user of the demo."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest
import requests
import websocket
from fastapi.routing import APIWebSocketRoute, iter_route_contexts
from starlette.routing import Route

from app.domain import demo_city
from app.server.app import create_app
from app.server.embedded import ServiceThread
from app.services import open311, sensors
from app.services.context import ServiceContext
from tests.conftest import fast_settings
from tests.server.helpers import API, TIMEOUT, Client, login, mid
from tests.server.shift_worlds import waiting_handover

COLUMNS = ("anonymous", "operator", "operator→zhkh", "zhkh", "zhkh→main", "supervisor",
           "supervisor→zhkh", "admin", "wall", "ds-own", "ds-other")
WS = "WS"

# One row per route: the status each column gets. 4401 is the WebSocket's close code for
# "not signed in / not allowed"; 101 means the stream said hello.
# Foreign rooms: incidents are readable city-wide, changed only in one's own room (an
# admin in any); notes and callers may be added from any room (a second call about an
# incident another room works), but callers' personal data is read in its room only.
# Releasing a claim one does not hold is a conflict (409) for everyone.
# Columns: anonymous, operator, operator→zhkh, zhkh, zhkh→main, supervisor,
# supervisor→zhkh, admin, wall, ds-own, ds-other.
EXPECTED_TABLE: dict[tuple[str, str], str] = {
    ("GET", "/openapi.json"):                       "200 200 200 200 200 200 200 200 200 200 200",
    ("GET", "/docs"):                               "200 200 200 200 200 200 200 200 200 200 200",
    ("GET", "/docs/oauth2-redirect"):               "200 200 200 200 200 200 200 200 200 200 200",
    ("GET", "/redoc"):                              "200 200 200 200 200 200 200 200 200 200 200",
    ("POST", "/auth/login"):                        "200 200 200 200 200 200 200 200 200 200 200",
    ("POST", "/auth/logout"):                       "401 204 204 204 204 204 204 204 204 204 204",
    ("GET", "/auth/me"):                            "401 200 200 200 200 200 200 200 200 200 200",
    ("POST", "/users/{user_id}/sessions/revoke"):   "401 403 403 403 403 403 403 200 403 403 403",
    ("GET", "/catalog"):                            "401 200 200 200 200 200 200 200 200 200 200",
    ("GET", "/time"):                               "200 200 200 200 200 200 200 200 200 200 200",
    ("GET", "/gazetteer/streets"):                  "401 200 200 200 200 200 200 200 200 200 200",
    ("GET", "/gazetteer/houses"):                   "401 200 200 200 200 200 200 200 200 200 200",
    ("GET", "/gazetteer/reverse"):                  "401 200 200 200 200 200 200 200 200 200 200",
    ("GET", "/gazetteer/basemap"):                  "401 200 200 200 200 200 200 200 200 200 200",
    ("GET", "/gazetteer/districts"):                "401 200 200 200 200 200 200 200 200 200 200",
    ("POST", "/incidents"):                         "401 201 201 201 201 201 201 201 403 403 403",
    ("GET", "/incidents/{incident_id}"):            "401 200 200 200 200 200 200 200 200 200 403",
    ("GET", "/incidents/{incident_id}/timeline"):   "401 200 200 200 200 200 200 200 200 200 403",
    ("PATCH", "/incidents/{incident_id}"):          "401 200 403 200 403 200 403 200 403 403 403",
    ("POST", "/incidents/{incident_id}/actions"):   "401 200 403 200 403 200 403 200 403 403 403",
    ("POST", "/incidents/{incident_id}/claim"):     "401 200 403 200 403 200 403 200 403 403 403",
    ("POST", "/incidents/{incident_id}/release"):   "401 409 409 409 409 409 409 409 409 409 409",
    ("POST", "/incidents/{incident_id}/handovers"): "401 200 403 200 403 200 403 200 403 403 403",
    ("POST", "/handovers/{handover_id}/stages"):    "401 200 403 200 403 200 403 200 403 200 403",
    ("POST", "/crews/{crew_id}/position"):          "401 403 403 403 403 200 200 200 403 200 403",
    ("POST", "/incidents/{incident_id}/notes"):     "401 201 201 201 201 201 201 201 403 403 403",
    ("POST", "/incidents/{incident_id}/callers"):   "401 201 201 201 201 201 201 201 403 403 403",
    ("GET", "/incidents/{incident_id}/callers"):    "401 200 403 200 403 200 403 200 403 403 403",
    ("GET", "/callers/incidents"):                  "401 200 200 200 200 200 200 200 403 403 403",
    ("GET", "/personal-data"):                      "401 403 403 403 403 200 200 200 403 403 403",
    ("GET", "/snapshot"):                           "401 200 200 200 200 200 200 200 200 403 403",
    ("GET", "/changes"):                            "401 200 200 200 200 200 200 200 200 403 403",
    ("GET", "/history/state"):                      "401 403 403 403 403 200 200 200 403 403 403",
    ("GET", "/reports"):                            "401 403 403 403 403 200 200 200 403 403 403",
    ("GET", "/duty/board"):                         "401 403 403 403 403 403 403 403 403 200 200",
    # Emergencies: declared and lifted by supervisors and admins of the room; reports sent
    # by the room's desk; read by any desk user (the wall reads the live state).
    ("POST", "/incidents/{incident_id}/emergency"): "401 403 403 403 403 200 403 200 403 403 403",
    ("POST", "/incidents/{incident_id}/emergency/lift"):
                                                    "401 403 403 403 403 200 403 200 403 403 403",
    ("GET", "/incidents/{incident_id}/emergency/reports"):
                                                    "401 200 200 200 200 200 200 200 403 403 403",
    ("POST", "/incidents/{incident_id}/emergency/reports"):
                                                    "401 201 403 201 403 201 403 201 403 403 403",
    # Shift handovers: signed by the room's own supervisors (another one accepts it), read
    # by them and by admins; the journal of a date range by supervisors and admins.
    ("GET", "/shift-handovers/draft"):              "401 403 403 403 403 200 403 200 403 403 403",
    ("POST", "/shift-handovers"):                   "401 403 403 403 403 201 403 403 403 403 403",
    ("POST", "/shift-handovers/{shift_handover_id}/sign"):
                                                    "401 403 403 403 403 200 403 403 403 403 403",
    ("GET", "/shift-handovers"):                    "401 403 403 403 403 200 403 200 403 403 403",
    ("GET", "/shift-handovers/{shift_handover_id}"):
                                                    "401 403 403 403 403 200 403 200 403 403 403",
    ("GET", "/journal"):                            "401 403 403 403 403 200 200 200 403 403 403",
    # A sensor gateway's own token only: no person's session is one, whatever its role
    # (the gateway itself is let in: see the last test).
    ("POST", "/sensors/readings"):                  "401 401 401 401 401 401 401 401 401 401 401",
    (WS, "/stream"):                                "4401 101 101 101 101 101 101 101 101 4401 4401",  # noqa: E501
    # Open311 GeoReport v2 (citizen apps): reads are public as the specification has them
    # and list no personal data; a report needs a client app's api_key, which no session
    # replaces (sent here without one: 403 for everybody, admin included).
    ("GET", "/open311/v2/services.json"):           "200 200 200 200 200 200 200 200 200 200 200",
    ("GET", "/open311/v2/services.xml"):            "200 200 200 200 200 200 200 200 200 200 200",
    ("GET", "/open311/v2/services/{service_code}.json"):
                                                    "200 200 200 200 200 200 200 200 200 200 200",
    ("GET", "/open311/v2/services/{service_code}.xml"):
                                                    "200 200 200 200 200 200 200 200 200 200 200",
    ("GET", "/open311/v2/requests.json"):           "200 200 200 200 200 200 200 200 200 200 200",
    ("GET", "/open311/v2/requests.xml"):            "200 200 200 200 200 200 200 200 200 200 200",
    ("POST", "/open311/v2/requests.json"):          "403 403 403 403 403 403 403 403 403 403 403",
    ("POST", "/open311/v2/requests.xml"):           "403 403 403 403 403 403 403 403 403 403 403",
    ("GET", "/open311/v2/requests/{service_request_id}.json"):
                                                    "200 200 200 200 200 200 200 200 200 200 200",
    ("GET", "/open311/v2/requests/{service_request_id}.xml"):
                                                    "200 200 200 200 200 200 200 200 200 200 200",
}
EXPECTED: dict[tuple[str, str], tuple[int, ...]] = {
    route: tuple(int(code) for code in row.split()) for route, row in EXPECTED_TABLE.items()
}

# Types the demo routes to each room (checked when the world is made).
TYPE_OF_ROOM = {"main": "gas_smell", "zhkh": "water_main_break"}
ADDRESS = {"street": "пр-т Строителей", "house": "5"}
# FastAPI's own pages, served beside the API rather than under /api/v1.
OUTSIDE_API = frozenset({"/openapi.json", "/docs", "/docs/oauth2-redirect", "/redoc"})
# Open311 is served beside the API too, and refuses in its specification's format.
OPEN311 = "/open311/v2/"
REVOKED = "operator2"  # whose sessions the revocation row ends: nobody in the table
READINGS = ("POST", "/sensors/readings")
# The sensor the matrix's gateway reports for (a river level far from its alarm).
SENSOR = {"code": "matrix-1", "gateway": "matrix", "kind": "river_level", "name": "Проверка",
          "direction": "above", "alarm": 650, "clear": 600, "interval_seconds": 86_400,
          "lat": 53.69, "lon": 88.06}


def served_routes(app) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """Every route of the application as it serves it, routers included, as (method, path
    without the /api/v1 prefix)."""
    found: set[tuple[str, str]] = set()
    for context in iter_route_contexts(app.routes):
        path = str(context.path)
        path = path.removeprefix(API) if path.startswith(API + "/") else path
        if isinstance(context.original_route, APIWebSocketRoute):
            found.add((WS, path))
            continue
        assert isinstance(context.original_route, Route), context  # a kind nobody checks
        methods = set(context.methods or ())
        if "GET" in methods:
            methods.discard("HEAD")  # Starlette adds it to every GET
        found |= {(m, path) for m in methods}
    return found


def test_every_route_of_the_application_has_a_row(tmp_path) -> None:  # type: ignore[no-untyped-def]
    app = create_app(fast_settings(f"sqlite:///{tmp_path / 'routes.db'}"))
    routes = served_routes(app)
    assert routes - EXPECTED.keys() == set(), "routes without a decided access: add a row"
    assert EXPECTED.keys() - routes == set(), "rows for routes that no longer exist"
    assert all(len(row) == len(COLUMNS) for row in EXPECTED.values())


@dataclass(frozen=True)
class Case:
    column: str
    login: str | None  # None: anonymous
    room: str          # the room of the incident acted on
    service: str       # the duty service it is handed over to


def cases() -> list[Case]:
    out = [
        Case("anonymous", None, "main", "gas"),
        Case("operator", "operator", "main", "gas"),
        Case("operator→zhkh", "operator", "zhkh", "water"),
        Case("zhkh", "zhkh", "zhkh", "water"),
        Case("zhkh→main", "zhkh", "main", "gas"),
        Case("supervisor", "supervisor", "main", "gas"),
        Case("supervisor→zhkh", "supervisor", "zhkh", "water"),
        Case("admin", "admin", "zhkh", "water"),
        Case("wall", "wall", "main", "gas"),
    ]
    codes = [s.code for s in demo_city.DUTY_SERVICES]
    for i, code in enumerate(codes):
        out.append(Case("ds-own", f"ds-{code}", "main", code))
        out.append(Case("ds-other", f"ds-{code}", "main", codes[(i + 1) % len(codes)]))
    return out


@dataclass
class World:
    """A fresh incident in one room, handed over to one service, with nobody holding it."""
    incident_id: int
    version: int
    handover_id: int
    crew_id: int


class Worlds:
    gateway_token = ""  # of the sensor gateway the fixture makes
    current: Worlds | None = None  # for bodies that prepare their world (emergencies)

    def __init__(self, url: str, ctx: ServiceContext) -> None:
        self.url = url
        self.ctx = ctx
        self._open311_request: str | None = None
        self.admin = login(url, "admin")
        Worlds.current = self
        crews = self.admin.snapshot()["crews"]
        self.crew_of = {c["service"]: c["id"] for c in sorted(crews, key=lambda c: c["id"])}
        self._made: dict[tuple[str, str], World] = {}
        self._tokens: dict[str, Client] = {}
        self._shift_handovers: dict[str, int] = {}

    def world(self, room: str, service: str) -> World:
        key = (room, service)
        if key not in self._made:
            detail = self.admin.register(type_code=TYPE_OF_ROOM[room], address=ADDRESS,
                                         caller={"phone": "+79130000001"})
            incident = detail["incident"]
            assert incident["room"] == room, incident
            r = self.admin.post(f"/incidents/{incident['id']}/handovers",
                                {"mutation_id": mid(), "base_version": incident["version"],
                                 "services": [service]})
            assert r.status_code == 200, r.text
            released = self.admin.release(incident["id"])
            assert released.status_code == 200, released.text
            self._made[key] = World(incident["id"], released.json()["version"],
                                    r.json()["handovers"][0]["id"], self.crew_of[service])
        return self._made[key]

    def open311_request(self) -> str:
        """A report filed once through Open311 by a client app, to be read back."""
        if self._open311_request is None:
            key = open311.create_key(self.ctx, "matrix")
            r = requests.post(self.url + OPEN311 + "requests.json",
                              data={"api_key": key, **OPEN311_FORM}, timeout=TIMEOUT)
            assert r.status_code == 200, r.text
            self._open311_request = r.json()[0]["service_request_id"]
        return self._open311_request

    def shift_handover(self, room: str) -> int:
        """A handover of the room signed out by another of its supervisors, made once: only
        the room's supervisor may accept it, and does so in its column."""
        if room not in self._shift_handovers:
            self._shift_handovers[room] = waiting_handover(self.ctx, room)
        return self._shift_handovers[room]

    def spoil(self, room: str, service: str) -> None:
        """The last request changed this world: the next case gets a new one."""
        self._made.pop((room, service), None)

    def client(self, login_name: str | None) -> Client:
        if login_name is None:
            return Client(self.url)
        if login_name not in self._tokens:
            self._tokens[login_name] = login(self.url, login_name)
        return self._tokens[login_name]

    def forget(self, login_name: str | None) -> None:
        if login_name is not None:
            self._tokens.pop(login_name, None)


Body = Callable[[World, Case], dict[str, Any]]


def versioned(**extra: Any) -> Body:
    return lambda w, _c: {"mutation_id": mid(), "base_version": w.version, **extra}


def mutation(**extra: Any) -> Body:
    return lambda _w, _c: {"mutation_id": mid(), **extra}


def in_emergency(*, versioned: bool = True, **extra: Any) -> Body:
    """For a route that acts on an emergency: the admin declares one on the world's
    incident first, and the world is not handed to any later case (its incident may not
    be cancelled until the emergency is lifted)."""

    def body(w: World, c: Case) -> dict[str, Any]:
        worlds = Worlds.current
        assert worlds is not None
        r = worlds.admin.post(f"/incidents/{w.incident_id}/emergency",
                              {"mutation_id": mid(), "base_version": w.version,
                               "level": "local"})
        assert r.status_code == 200, r.text
        worlds.spoil(c.room, c.service)
        version = {"base_version": r.json()["incident"]["version"]} if versioned else {}
        return {"mutation_id": mid(), **version, **extra}

    return body


# What each route is sent: a request valid in every respect but who sends it, so that only
# access decides the answer.
BODIES: dict[tuple[str, str], Body] = {
    ("POST", "/auth/login"):
        lambda _w, c: {"login": c.login or "operator", "password": "demo-2018"},
    ("POST", "/users/{user_id}/sessions/revoke"): mutation(),
    ("POST", "/incidents"): lambda _w, c: {
        "mutation_id": mid(), "source": "phone", "type_code": TYPE_OF_ROOM[c.room],
        "address": ADDRESS, "description": "Проверка прав"},
    ("PATCH", "/incidents/{incident_id}"): versioned(description="Уточнено"),
    ("POST", "/incidents/{incident_id}/actions"):
        versioned(action="cancel", reason="Ложный вызов"),
    ("POST", "/incidents/{incident_id}/claim"): mutation(),
    ("POST", "/incidents/{incident_id}/release"): mutation(),
    ("POST", "/incidents/{incident_id}/handovers"): versioned(services=["rescue"]),
    ("POST", "/handovers/{handover_id}/stages"): mutation(stage="acknowledged"),
    ("POST", "/crews/{crew_id}/position"): mutation(lat=53.69, lon=88.06),
    ("POST", "/incidents/{incident_id}/notes"): mutation(text="Перезвонили заявителю"),
    ("POST", "/incidents/{incident_id}/callers"):
        mutation(caller={"name": "Волков Олег", "phone": "+79130000002"}),
    ("POST", "/incidents/{incident_id}/emergency"): versioned(level="municipal"),
    ("POST", "/incidents/{incident_id}/emergency/lift"): in_emergency(reason="Угроза снята"),
    ("POST", "/incidents/{incident_id}/emergency/reports"):
        in_emergency(versioned=False, kind="first", channel="телефон",
                     accepted_by="Дежурный ЦУКС"),
    ("POST", "/shift-handovers"): lambda _w, c: {
        "mutation_id": mid(), "room": c.room, "notes": "Проверка прав", "password": "demo-2018"},
    ("POST", "/shift-handovers/{shift_handover_id}/sign"): mutation(password="demo-2018"),
    READINGS: lambda _w, _c: {"readings": [
        {"sensor": SENSOR["code"], "at": datetime.now(UTC).isoformat(), "value": 420.0}]},
}
# A report valid in every respect but the api_key, which no column has.
OPEN311_FORM = {"service_code": "water_main_break", "lat": "53.69", "long": "88.06",
                "description": "Проверка прав"}
PARAMS: dict[tuple[str, str], dict[str, Any]] = {
    ("GET", "/gazetteer/streets"): {"q": "Строителей"},
    ("GET", "/gazetteer/houses"): {"street": ADDRESS["street"]},
    ("GET", "/gazetteer/reverse"): {"lat": 53.69, "lon": 88.06},
    ("GET", "/callers/incidents"): {"phone": "+79130000001"},
    ("GET", "/changes"): {"after": 0},
    ("GET", "/personal-data"): {"phone": "+79130000001"},
    ("GET", "/reports"): {"from": "2026-11-26T08:00:00+07:00", "to": "2026-11-27T08:00:00+07:00"},
    ("GET", "/journal"): {"start": "2026-11-26T08:00:00+07:00", "end": "2026-11-27T08:00:00+07:00"},
}
# Routes asked about the room of the case's incident.
ROOM_PARAMS = {("GET", "/shift-handovers/draft"), ("GET", "/shift-handovers")}


def stream_status(url: str, token: str | None) -> int:
    """101 if the stream says hello, else the code it closes with."""
    ws = websocket.create_connection(
        url.replace("http", "ws", 1) + API + "/stream", timeout=TIMEOUT,
        header=[f"Authorization: Bearer {token}"] if token else [])
    try:
        opcode, data = ws.recv_data()
        if opcode == websocket.ABNF.OPCODE_TEXT and json.loads(data).get("type") == "hello":
            return 101
        return int.from_bytes(data[:2], "big") if opcode == websocket.ABNF.OPCODE_CLOSE else -1
    finally:
        ws.close()


def call(worlds: Worlds, route: tuple[str, str], case: Case, as_client: Client | None = None
         ) -> int:
    method, template = route
    user = as_client or worlds.client(case.login)
    if method == WS:
        return stream_status(worlds.url, user.token)
    w = worlds.world(case.room, case.service)
    path = template.format(
        incident_id=w.incident_id, handover_id=w.handover_id, crew_id=w.crew_id,
        user_id=worlds.client(REVOKED).id, service_code="water_main_break",
        service_request_id=(worlds.open311_request() if "{service_request_id}" in template
                            else ""),
        shift_handover_id=(worlds.shift_handover(case.room) if "{shift_handover_id}" in template
                           else 0))
    body = BODIES.get(route)
    is_open311 = path.startswith(OPEN311)
    url = (worlds.url if path in OUTSIDE_API or is_open311 else user.base) + path
    r = user.session.request(method, url, json=body(w, case) if body else None,
                             data=OPEN311_FORM if is_open311 and method == "POST" else None,
                             params={"room": case.room} if route in ROOM_PARAMS
                             else PARAMS.get(route), timeout=TIMEOUT)
    if method != "GET" and r.status_code < 300:
        worlds.spoil(case.room, case.service)
    if route == ("POST", "/auth/logout") and r.status_code < 300:
        worlds.forget(case.login)
    if route == ("POST", "/users/{user_id}/sessions/revoke") and r.status_code < 300:
        worlds.forget(REVOKED)
    if r.status_code >= 400 and is_open311:
        # GeoReport v2's own error format, in the format asked for.
        if path.endswith(".json"):
            assert [set(e) for e in r.json()] == [{"code", "description"}], r.text
        else:
            assert r.text.startswith("<?xml") and "<errors><error><code>" in r.text, r.text
    elif r.status_code >= 400:
        # Every refusal is one a console can show, whoever is refused.
        assert set(r.json()) >= {"code", "message", "params"}, r.text
    return r.status_code


@pytest.fixture
def worlds(service: ServiceThread) -> Iterator[Worlds]:
    made = Worlds(service.url, service.app.state.ctx)
    made.gateway_token = sensors.create_gateway(made.ctx, str(SENSOR["gateway"]))
    sensors.set_sensors(made.ctx, {"sensors": [SENSOR]})
    yield made


def test_every_route_answers_every_user_as_the_table_says(worlds: Worlds) -> None:
    wrong: list[str] = []
    ran = 0
    for route, row in EXPECTED.items():
        expected = dict(zip(COLUMNS, row, strict=True))
        for case in cases():
            got = call(worlds, route, case)
            ran += 1
            if got != expected[case.column]:
                wrong.append(f"{route[0]} {route[1]} as {case.column} ({case.login}, "
                             f"{case.room}/{case.service}): {got}, expected "
                             f"{expected[case.column]}")
    assert ran == len(EXPECTED) * len(cases())
    assert wrong == [], "\n".join(wrong)


def test_a_token_of_another_process_or_none_at_all_opens_nothing(service: ServiceThread) -> None:
    """The header forms a client could get wrong are all refused, never half-accepted."""
    url = service.url + API + "/auth/me"
    real = login(service.url, "admin").token
    for header in ("", "Bearer", "Bearer ", f"Basic {real}", f"bearer{real}", f"Token {real}",
                   f"Bearer {real}x", f"Bearer {real[:-1]}"):
        r = requests.get(url, headers={"Authorization": header} if header else {},
                         timeout=TIMEOUT)
        assert r.status_code == 401, (header[:12], r.status_code, r.text)
    assert requests.get(url, headers={"Authorization": f"Bearer {real}"},
                        timeout=TIMEOUT).status_code == 200


def test_a_sensor_gateways_token_opens_its_own_route_and_nothing_else(worlds: Worlds) -> None:
    """The other side of the gateway route's row: with the very body every session was
    refused, the gateway is let in; everywhere else its token is worth no more than none."""
    gateway = Client(worlds.url, worlds.gateway_token)
    anonymous = cases()[0]
    # Signing out answers any bearer string and ends the session it names, if any: none
    # here. The gateway's later report (its row comes after) shows its token still works.
    own = {READINGS: 200, ("POST", "/auth/logout"): 204}
    wrong = []
    for route, row in EXPECTED.items():
        expected = own.get(route, row[COLUMNS.index("anonymous")])
        got = call(worlds, route, anonymous, as_client=gateway)
        if got != expected:
            wrong.append(f"{route[0]} {route[1]} as the gateway: {got}, expected {expected}")
    assert wrong == [], "\n".join(wrong)
