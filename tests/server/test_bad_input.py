"""Bad input is refused with a clear 4xx in the project's error format, and leaves nothing
behind: no incident, no journal row, no used-up mutation id. The service answers on."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

import pytest
from sqlalchemy import func, select

from app.models import Caller, ChangeLog, Crew, Incident, Mutation
from app.server.embedded import ServiceThread
from tests.server.helpers import (
    KNOWN_HOUSE,
    KNOWN_STREET,
    Client,
    assert_refusal,
    engine_for,
    login,
    mid,
    own_service,
)

LIMIT = 4096  # a small body limit for the size tests; the default is 1 MiB


def good_incident(**changes: Any) -> dict[str, Any]:
    body = {"mutation_id": mid(), "source": "phone", "type_code": "gas_smell",
            "address": {"street": KNOWN_STREET, "house": KNOWN_HOUSE},
            "description": "Пахнет газом в подъезде"}
    body.update(changes)
    return body


def counts(db_url: str) -> dict[str, int]:
    with engine_for(db_url) as engine, engine.connect() as conn:
        return {m.__name__: conn.scalar(select(func.count()).select_from(m)) or 0
                for m in (Incident, ChangeLog, Mutation, Caller)}


@contextmanager
def writes_nothing(db_url: str, client: Client) -> Iterator[None]:
    """The block's requests were refused: nothing was stored, and the service answers."""
    before = counts(db_url)
    yield
    assert counts(db_url) == before
    assert client.get("/catalog").status_code == 200


def post_raw(client: Client, path: str, data: bytes) -> Any:
    return client.session.post(client.base + path, data=data, timeout=15,
                               headers={"Content-Type": "application/json"})


def refused(r: Any, status: int, code: str, *words: str) -> dict[str, Any]:
    body = assert_refusal(r, status, code)
    for word in words:
        assert word in body["message"], (word, body)
    return body


def test_malformed_json_broken_utf8_and_deep_nesting(service: ServiceThread, db_url: str) -> None:
    op = login(service.url, "operator")
    text = json.dumps(good_incident(), ensure_ascii=False)
    with writes_nothing(db_url, op):
        cut = refused(post_raw(op, "/incidents", text[:-10].encode()), 422, "invalid_request",
                      "body", "not valid JSON")
        assert cut["params"]["fields"][0]["field"] == "body"
        refused(post_raw(op, "/incidents", b"{'source': 'phone'}"), 422, "invalid_request",
                "not valid JSON", "double quotes")
        # "Rauch überall" from a client that sends Latin-1 instead of UTF-8.
        latin1 = json.dumps(good_incident(description="Rauch @berall")).encode().replace(
            b"@", "\u00fc".encode("latin-1"))
        refused(post_raw(op, "/incidents", latin1), 422, "invalid_request",
                "not valid UTF-8", "0xfc")
        refused(post_raw(op, "/incidents", b"[" * 100_000 + b"]" * 100_000), 422,
                "invalid_request", "nested too deeply")
        # Escapes that decode to something no database can store or JSON can carry.
        half = text.replace("Пахнет газом", "\\ud83d").encode()
        refused(post_raw(op, "/incidents", half), 422, "invalid_request", "surrogate")
        nan = json.dumps(good_incident(address={"street": KNOWN_STREET, "lat": float("nan"),
                                                "lon": 88.06}))
        refused(post_raw(op, "/incidents", nan.encode()), 422, "invalid_request",
                "address.lat", "finite")


@pytest.mark.parametrize("change, words", [
    ({"address": "пр-т Строителей, 5"}, ["address"]),
    ({"description": 12}, ["description", "string"]),
    ({"mutation_id": 42}, ["mutation_id"]),
    ({"priority": "urgent"}, ["priority"]),
    ({"source": ["phone"]}, ["source"]),
    ({"registration_seconds": "quickly"}, ["registration_seconds", "number"]),
    ({"colour": "red"}, ["colour", "Extra inputs are not permitted"]),
    ({"address": {"street": KNOWN_STREET, "house": KNOWN_HOUSE, "postcode": "652870"}},
     ["address.postcode", "Extra inputs are not permitted"]),
    ({"caller": {"name": "Орлова", "phone": "+79131234567", "email": "o@example.org"}},
     ["caller.email", "Extra inputs are not permitted"]),
    ({"address": {"street": KNOWN_STREET, "lat": 123.0, "lon": 88.06}}, ["address.lat", "90"]),
    ({"address": {"street": KNOWN_STREET, "lat": 53.69, "lon": -200.0}},
     ["address.lon", "-180"]),
])
def test_wrong_types_unknown_fields_and_impossible_coordinates_name_the_field(
    service: ServiceThread, db_url: str, change: dict[str, Any], words: list[str],
) -> None:
    op = login(service.url, "operator")
    with writes_nothing(db_url, op):
        refused(op.post("/incidents", good_incident(**change)), 422, "invalid_request", *words)


@pytest.mark.parametrize("point", [
    (53.69, 37.62),  # a pin in another region (Moscow's longitude)
    (88.06, 53.69),  # latitude and longitude swapped
    (0.0, 0.0),  # a GPS without a fix
])
def test_points_far_outside_the_city_are_refused(
    service: ServiceThread, db_url: str, point: tuple[float, float],
) -> None:
    op = login(service.url, "operator")
    lat, lon = point
    with writes_nothing(db_url, op):
        body = refused(op.post("/incidents", good_incident(
            address={"street": "улица Несуществующая", "lat": lat, "lon": lon})),
            422, "invalid", "address", "km from the city's known addresses")
        assert body["params"]["margin_km"] == 100
    # A pin in the city far from any known house (a dacha plot on the edge) is fine.
    inc = op.register(address={"landmark": "садовое общество", "lat": 53.62, "lon": 88.2})
    assert (inc["incident"]["lat"], inc["incident"]["lon"]) == (53.62, 88.2)


def test_moving_an_incident_pin_far_away_is_refused(service: ServiceThread, db_url: str
                                                    ) -> None:
    op = login(service.url, "operator")
    inc = op.register()["incident"]
    with writes_nothing(db_url, op):
        refused(op.patch(f"/incidents/{inc['id']}", {
            "mutation_id": mid(), "base_version": inc["version"],
            "address": {"landmark": "у моста", "lat": 0.0, "lon": 0.0}}),
            422, "invalid", "'address'", "km")
    assert op.incident(inc["id"])["incident"] == inc  # not moved, no new version


def test_a_crew_position_far_away_or_in_the_future_is_refused(
    service: ServiceThread, db_url: str,
) -> None:
    fire = login(service.url, "ds-fire")
    crew = next(c for c in login(service.url, "operator").snapshot()["crews"]
                if c["service"] == "fire")
    path = f"/crews/{crew['id']}/position"
    future = (datetime.now(UTC) + timedelta(hours=2)).isoformat()
    with writes_nothing(db_url, fire):
        refused(fire.post(path, {"mutation_id": mid(), "lat": 0.0, "lon": 0.0}), 422, "invalid",
                "lat/lon", "km")
        refused(fire.post(path, {"mutation_id": mid(), "lat": 53.7, "lon": 88.05,
                                 "at": future}), 422, "invalid", "'at'", "future")
    with engine_for(db_url) as engine, engine.connect() as conn:
        row = conn.execute(select(Crew.lat, Crew.lon, Crew.version)
                           .where(Crew.id == crew["id"])).one()
    assert tuple(row) == (crew["lat"], crew["lon"], crew["version"])


def test_received_at_must_lie_in_the_window_around_the_service_clock(
    service: ServiceThread, db_url: str,
) -> None:
    op = login(service.url, "operator")
    now = datetime.now(UTC)
    with writes_nothing(db_url, op):
        ahead = refused(op.post("/incidents", good_incident(
            received_at=(now + timedelta(hours=1)).isoformat())), 422, "invalid",
            "'received_at'", "in the future", "120 s ahead")
        assert ahead["params"]["field"] == "received_at"
        refused(op.post("/incidents", good_incident(
            received_at=(now - timedelta(days=3)).isoformat())), 422, "invalid",
            "'received_at'", "too far in the past", "24 h back")
        refused(op.post("/incidents", good_incident(received_at="2126-01-01T08:00:00+07:00")),
                422, "invalid", "'received_at'", "2126-01-01")
    # A console offline for hours sends what it recorded then; it keeps its time.
    earlier = (now - timedelta(hours=5)).replace(microsecond=0)
    inc = op.register(received_at=earlier.isoformat())["incident"]
    assert datetime.fromisoformat(inc["received_at"]) == earlier
    # A console clock a minute fast cannot make a call received after it was registered.
    inc = op.register(received_at=(now + timedelta(seconds=60)).isoformat())["incident"]
    assert inc["received_at"] == inc["registered_at"]


def _raw_response(sock: socket.socket) -> tuple[int, dict[str, str], dict[str, Any]]:
    data = b""
    while chunk := sock.recv(65536):
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines[1:])
    return int(lines[0].split()[1]), {k.lower(): v for k, v in headers.items()}, json.loads(body)


def _request_head(client: Client, url: str, extra: str) -> bytes:
    host = urlsplit(url).netloc
    return (f"POST /api/v1/incidents HTTP/1.1\r\nHost: {host}\r\n"
            f"Authorization: Bearer {client.token}\r\nContent-Type: application/json\r\n"
            f"{extra}\r\n").encode()


def test_a_body_over_the_limit_is_refused_by_its_length_or_as_it_streams(db_url: str) -> None:
    with own_service(db_url, max_body_bytes=LIMIT) as svc:
        op = login(svc.url, "operator")
        address = (svc.host, svc.port)
        with writes_nothing(db_url, op):
            # Declared too long: refused on the headers, before a byte of the body is sent.
            with socket.create_connection(address, timeout=15) as sock:
                sock.sendall(_request_head(op, svc.url, "Content-Length: 50000000\r\n"))
                status, headers, body = _raw_response(sock)
            assert status == 413 and headers["content-type"] == "application/json"
            assert body["code"] == "body_too_large"
            assert f"{LIMIT} bytes" in body["message"] and body["params"]["limit_bytes"] == LIMIT

            # No length, sent in chunks: refused once the chunks pass the limit.
            with socket.create_connection(address, timeout=15) as sock:
                sock.sendall(_request_head(op, svc.url, "Transfer-Encoding: chunked\r\n"))
                piece = b'{"description": "' + b"x" * 1000
                for _ in range(5):
                    sock.sendall(b"%x\r\n%s\r\n" % (len(piece), piece))
                status, _, body = _raw_response(sock)
            assert status == 413 and body["code"] == "body_too_large"

            # requests' own length header, one byte over.
            big = json.dumps(good_incident(description="x" * LIMIT)).encode()
            r = post_raw(op, "/incidents", big)
            refused(r, 413, "body_too_large", str(LIMIT))
        # Within the limit, chunked or not, an incident registers as usual.
        chunks = iter([json.dumps(good_incident()).encode()])
        r = op.session.post(op.base + "/incidents", data=chunks, timeout=15,
                            headers={"Content-Type": "application/json"})
        assert r.status_code == 201, r.text
