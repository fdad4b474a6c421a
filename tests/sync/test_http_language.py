"""The console asks the service for refusals in its own language (Accept-Language)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from app.server.embedded import ServiceThread
from app.services.demo import DEMO_PASSWORD
from app.sync import http as http_module
from app.sync import predict
from app.sync.errors import ApiError
from app.sync.http import Http, set_language


@pytest.fixture
def no_language() -> Iterator[None]:
    yield
    set_language(None)


def _refusal(client: Http) -> ApiError:
    with pytest.raises(ApiError) as caught:
        client.request("GET", "/incidents/999999999")
    return caught.value


def test_the_header_follows_the_ui_language(no_language: None) -> None:
    client = Http("http://127.0.0.1:1")
    assert "Accept-Language" not in client.headers()
    set_language("ru")
    assert client.headers()["Accept-Language"] == "ru"
    assert Http("http://127.0.0.1:1", language="en").headers()["Accept-Language"] == "en"
    set_language(None)
    assert "Accept-Language" not in client.headers()
    assert http_module.Http.default_language is None


def test_refusals_come_in_the_console_language(service: ServiceThread,
                                               no_language: None) -> None:
    client = Http(service.url)
    client.token = client.request("POST", "/auth/login",
                                  json={"login": "operator", "password": DEMO_PASSWORD})["token"]
    assert _refusal(client).message == "There is no incident with id 999999999."
    set_language("ru")
    refusal = _refusal(client)
    assert refusal.message == "Происшествие с номером записи 999999999 не найдено."
    assert refusal.code == "not_found" and refusal.params == {"incident_id": 999999999}
    client.close()


def test_the_console_own_refusals_in_its_language() -> None:
    incident = {"id": 1, "number": "2026-000001", "status": "closed", "closed_at": None,
                "emergency_level": None, "emergency_lifted_at": None}
    with pytest.raises(predict.Refused) as caught:
        predict.act(incident, "close", {"id": 1, "role": "operator"}, datetime.now(UTC))
    refused = caught.value
    assert refused.message == "An incident that is closed cannot be given the action 'close'."
    assert refused.in_language(None) == refused.message
    assert refused.in_language("ru") == ("К происшествию в статусе «закрыто» нельзя применить "
                                         "действие «закрыть».")
