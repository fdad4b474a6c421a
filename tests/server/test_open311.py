"""Open311 GeoReport v2, spoken to by a third-party client library (georeport, from PyPI)
over real HTTP on loopback. That library reads services and requests in JSON and XML but
does not post; a report is posted as the specification describes it, a form-encoded POST,
with `requests`."""

from __future__ import annotations

from typing import Any

import pytest
import requests
import xmltodict
from georeport import GeoReport

from app.domain import demo_city
from app.server import cli
from app.server.embedded import ServiceThread
from app.services import open311
from tests.server.helpers import KNOWN_HOUSE, KNOWN_STREET, TIMEOUT, login

JURISDICTION = "mezhdurechensk"  # the setting's default
SENSITIVE = {t.code for t in demo_city.INCIDENT_TYPES if t.sensitive}
# What the citizen app sends about the citizen: personal data, never listed back.
REPORTER = {"first_name": "Пётр", "last_name": "Кузнецов", "phone": "+7 913 555-12-34",
            "email": "kuznetsov.p@example.org"}
PERSONAL = ("Пётр", "Кузнецов", "555-12-34", "79135551234", "kuznetsov")


def root(service: ServiceThread) -> str:
    return service.url + "/open311/v2"


def client(service: ServiceThread, fmt: str = "json") -> GeoReport:
    return GeoReport(root(service), jurisdiction=JURISDICTION, output_format=fmt)


@pytest.fixture
def api_key(service: ServiceThread) -> str:
    return open311.create_key(service.app.state.ctx, "Городское приложение")


def post(service: ServiceThread, api_key: str | None, fmt: str = "json",
         **fields: Any) -> requests.Response:
    form = {"jurisdiction_id": JURISDICTION, "service_code": "water_main_break",
            "address_string": f"{KNOWN_STREET}, {KNOWN_HOUSE}",
            "description": "Из люка во дворе бьёт вода", **REPORTER, **fields}
    if api_key is not None:
        form["api_key"] = api_key
    form = {k: v for k, v in form.items() if v is not None}
    # requests sends a dict as application/x-www-form-urlencoded, as GeoReport v2 posts.
    return requests.post(f"{root(service)}/requests.{fmt}", data=form, timeout=TIMEOUT)


def filed(service: ServiceThread, api_key: str, **fields: Any) -> str:
    r = post(service, api_key, **fields)
    assert r.status_code == 200, r.text
    body = r.json()
    assert isinstance(body, list) and len(body) == 1, body
    assert body[0]["service_request_id"], body
    return str(body[0]["service_request_id"])


def incident_of(service: ServiceThread, number: str) -> dict[str, Any]:
    snap = login(service.url, "admin").snapshot()
    found = [i for i in snap["incidents"] if i["number"] == number]
    assert len(found) == 1, number
    return found[0]


def assert_errors_json(r: requests.Response, status: int) -> str:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert isinstance(body, list) and len(body) == 1, body
    assert set(body[0]) == {"code", "description"} and body[0]["code"] == status, body
    assert body[0]["description"]
    return str(body[0]["description"])


def assert_errors_xml(r: requests.Response, status: int) -> None:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("text/xml")
    assert r.content.startswith(b"<?xml version='1.0' encoding='utf-8'?>")
    error = xmltodict.parse(r.content)["errors"]["error"]
    assert error["code"] == str(status) and error["description"], error


def test_services_list_every_type_a_citizen_may_report_and_no_sensitive_one(
        service: ServiceThread) -> None:
    as_json = client(service).get_service_list()
    as_xml = client(service, "xml").get_service_list()
    codes = [s["service_code"] for s in as_json]
    expected = {t.code for t in demo_city.INCIDENT_TYPES} - SENSITIVE
    assert SENSITIVE and set(codes) == expected
    assert [s["service_code"] for s in as_xml] == codes
    water = next(s for s in as_json if s["service_code"] == "water_main_break")
    categories = {c.code: c.name_ru for c in demo_city.CATEGORIES}
    assert water["group"] == categories["utilities"]
    assert water["metadata"] is False and water["type"] == "realtime"
    assert set(water) == {"service_code", "service_name", "description", "metadata", "type",
                          "keywords", "group"}
    water_xml = next(s for s in as_xml if s["service_code"] == "water_main_break")
    assert water_xml["metadata"] == "false" and water_xml["group"] == water["group"]
    definition = client(service).get_service_definition("water_main_break")
    assert definition == {"service_code": "water_main_break", "attributes": []}
    assert client(service, "xml").get_service_definition("water_main_break")[
        "service_code"] == "water_main_break"
    # A sensitive type has no definition either, and says no more than an unknown one.
    sensitive = next(iter(SENSITIVE))
    r = requests.get(f"{root(service)}/services/{sensitive}.json", timeout=TIMEOUT)
    unknown = requests.get(f"{root(service)}/services/no_such.json", timeout=TIMEOUT)
    assert (assert_errors_json(r, 404).replace(sensitive, "X")
            == assert_errors_json(unknown, 404).replace("no_such", "X"))


def test_a_report_becomes_a_new_unclaimed_mobile_app_incident_in_its_room(
        service: ServiceThread, api_key: str) -> None:
    number = filed(service, api_key, media_url="https://photos.example.org/1.jpg")
    incident = incident_of(service, number)
    assert incident["source"] == "mobile_app"
    assert incident["status"] == "new"
    assert incident["claim_holder_id"] is None
    assert incident["room"] == "zhkh"  # utilities go to the housing & utilities room
    assert incident["type_code"] == "water_main_break"
    # The free-text address matched the gazetteer's house, and took its spelling.
    assert incident["street"] == "проспект Строителей" and incident["house"] == KNOWN_HOUSE
    assert incident["address_verified"] is True
    # Journaled like any incident, in the name of the client app.
    admin = login(service.url, "admin")
    created = [c for c in admin.changes() if c["kind"] == "incident.created"
               and c["entity_id"] == incident["id"]]
    assert len(created) == 1 and created[0]["actor_name"] == "Open311: Городское приложение"
    # The reporter is the incident's caller: personal data, read in its room.
    r = login(service.url, "zhkh").get(f"/incidents/{incident['id']}/callers")
    assert r.status_code == 200, r.text
    callers = r.json()
    assert [(c["name"], c["phone"]) for c in callers] == [("Пётр Кузнецов", "+79135551234")]


def test_a_report_is_read_back_with_its_status_and_no_personal_data(
        service: ServiceThread, api_key: str) -> None:
    number = filed(service, api_key, media_url="https://photos.example.org/1.jpg")
    for fmt in ("json", "xml"):
        got = client(service, fmt).get_service_request(number)
        assert got["service_request_id"] == number
        assert got["status"] == "open" and got["status_notes"] == "новое"
        assert got["service_code"] == "water_main_break"
        assert got["description"] == "Из люка во дворе бьёт вода"
        assert got["address"] == f"проспект Строителей, {KNOWN_HOUSE}"
        assert got["media_url"] == "https://photos.example.org/1.jpg"
        assert got["requested_datetime"].endswith("+07:00")
        assert got["updated_datetime"] and float(got["lat"]) and float(got["long"])
        listed = client(service, fmt).get_service_requests()
        listed = [listed] if isinstance(listed, dict) else listed  # one XML item: no list
        assert [x["service_request_id"] for x in listed] == [number]
    for fmt in ("json", "xml"):
        for path in (f"requests/{number}.{fmt}", f"requests.{fmt}"):
            text = requests.get(f"{root(service)}/{path}", timeout=TIMEOUT).text
            assert not [p for p in PERSONAL if p in text], (path, text)


def test_only_reports_filed_through_open311_are_listed(
        service: ServiceThread, api_key: str) -> None:
    phoned = login(service.url, "zhkh").register(type_code="water_main_break")["incident"]
    number = filed(service, api_key)
    listed = client(service).get_service_requests()
    assert [x["service_request_id"] for x in listed] == [number]
    r = requests.get(f"{root(service)}/requests/{phoned['number']}.json", timeout=TIMEOUT)
    assert_errors_json(r, 404)


def test_a_sensitive_type_is_refused_and_never_listed(
        service: ServiceThread, api_key: str) -> None:
    sensitive = next(iter(SENSITIVE))
    for fmt in ("json", "xml"):
        r = post(service, api_key, fmt, service_code=sensitive)
        if fmt == "json":
            assert "112" in assert_errors_json(r, 400)
        else:
            assert_errors_xml(r, 400)
    assert client(service).get_service_requests() == []
    # A report an operator reclassifies as sensitive disappears from the lists too.
    number = filed(service, api_key)
    incident = incident_of(service, number)
    r = login(service.url, "zhkh").patch(
        f"/incidents/{incident['id']}",
        {"mutation_id": "0" * 8 + "-0000-4000-8000-" + "0" * 12,
         "base_version": incident["version"], "type_code": "child_alone"})
    assert r.status_code == 200, r.text
    assert "child_alone" in SENSITIVE
    assert client(service).get_service_requests() == []
    gone = requests.get(f"{root(service)}/requests/{number}.json", timeout=TIMEOUT)
    assert_errors_json(gone, 404)


def test_a_missing_or_wrong_api_key_is_refused_in_the_specifications_format(
        service: ServiceThread, api_key: str) -> None:
    assert_errors_json(post(service, None), 403)
    assert_errors_json(post(service, api_key + "x"), 403)
    assert_errors_xml(post(service, "not-a-key", "xml"), 403)
    # A console's session is not a client app's key.
    token = login(service.url, "admin").token
    r = requests.post(f"{root(service)}/requests.json", timeout=TIMEOUT,
                      headers={"Authorization": f"Bearer {token}"},
                      data={"service_code": "water_main_break", "lat": "53.69",
                            "long": "88.06"})
    assert_errors_json(r, 403)
    assert client(service).get_service_requests() == []


def test_bad_reports_and_another_jurisdiction_are_refused(
        service: ServiceThread, api_key: str) -> None:
    # No location at all.
    assert "location" in assert_errors_json(post(service, api_key, address_string=None), 400)
    # Half a point.
    assert_errors_json(post(service, api_key, address_string=None, lat="53.69"), 400)
    # A point far outside the city.
    assert_errors_json(post(service, api_key, address_string=None, lat="0", long="0"), 400)
    # JSON is not what the specification posts.
    r = requests.post(f"{root(service)}/requests.json", json={"api_key": api_key},
                      timeout=TIMEOUT)
    assert "form-encoded" in assert_errors_json(r, 400)
    r = requests.get(f"{root(service)}/services.json", params={"jurisdiction_id": "elsewhere"},
                     timeout=TIMEOUT)
    assert_errors_json(r, 404)
    assert_errors_json(post(service, api_key, jurisdiction_id="elsewhere"), 404)
    assert client(service).get_service_requests() == []


def test_a_point_without_an_address_is_accepted(service: ServiceThread, api_key: str) -> None:
    number = filed(service, api_key, address_string=None, lat="53.69", long="88.06")
    got = client(service).get_service_request(number)
    assert (got["lat"], got["long"]) == (53.69, 88.06)


def status_of(service: ServiceThread, number: str) -> tuple[str, str]:
    got = client(service).get_service_request(number)
    as_xml = client(service, "xml").get_service_request(number)
    assert (as_xml["status"], as_xml["status_notes"]) == (got["status"], got["status_notes"])
    return got["status"], got["status_notes"]


def test_the_status_follows_the_operators_work(service: ServiceThread, api_key: str) -> None:
    zhkh = login(service.url, "zhkh")
    number = filed(service, api_key)
    incident = incident_of(service, number)
    assert status_of(service, number) == ("open", "новое")
    steps = [("register", {}, ("open", "принято в работу")),
             ("resolve", {}, ("closed", "решено")),
             ("close", {"result": "Задвижка перекрыта, течь устранена"}, ("closed", "решено"))]
    version = incident["version"]
    for action, extra, expected in steps:
        r = zhkh.act(incident["id"], action, version, **extra)
        assert r.status_code == 200, r.text
        version = r.json()["incident"]["version"]
        assert status_of(service, number) == expected, action
    # The operator's result is not published: only the words of the status.
    assert "Задвижка" not in requests.get(f"{root(service)}/requests/{number}.json",
                                          timeout=TIMEOUT).text
    cancelled = filed(service, api_key, description="Уже починили")
    other = incident_of(service, cancelled)
    r = zhkh.act(other["id"], "cancel", other["version"], reason="Заявитель отозвал")
    assert r.status_code == 200, r.text
    assert status_of(service, cancelled) == ("closed", "разъяснено")
    # Filters by status, as the specification has them.
    assert [x["service_request_id"] for x in client(service).get_service_requests(
        status="closed")] == [cancelled, number]
    assert client(service).get_service_requests(status="open") == []
    assert len(client(service).get_service_requests(service_request_id=f"{number},{cancelled}",
                                                    status="open")) == 2


def test_the_command_prints_a_key_once_and_keeps_only_its_hash(
        service: ServiceThread, db_url: str, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from sqlalchemy import select

    from app.models import Open311Key

    monkeypatch.setenv("DISPATCH_DATABASE_URL", db_url)
    assert cli.main(["create-open311-key", "Портал города"]) == 0
    key = capsys.readouterr().out.strip().splitlines()[-1]
    assert len(key) >= 40
    with service.app.state.ctx.db.read() as session:
        stored = session.scalars(select(Open311Key)).one()
    assert stored.name == "Портал города" and key not in stored.key_hash
    assert filed(service, key)
    # A second key under the same name is refused rather than replacing the first.
    assert cli.main(["create-open311-key", "Портал города"]) == 2
