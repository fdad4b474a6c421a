"""Input at the edges is refused with a readable 4xx, never a server error."""

from __future__ import annotations

from app.server.embedded import ServiceThread
from tests.server.helpers import assert_refusal, login, mid

HUGE = 99999999999999999999


def test_ids_beyond_what_the_database_holds_are_refused_not_crashed(
        service: ServiceThread) -> None:
    op = login(service.url, "operator")
    inc = op.register()["incident"]
    for path in (f"/incidents/{HUGE}", "/incidents/-1", f"/changes?after={HUGE}"):
        r = op.get(path)
        assert r.status_code == 422, (path, r.status_code, r.text)
        assert_refusal(r, 422)
    r = op.post(f"/incidents/{inc['id']}/actions", {"mutation_id": mid(), "base_version": 1,
                                                     "action": "merge", "merge_into": HUGE})
    assert_refusal(r, 422)
    assert "merge_into" in r.json()["message"]


def test_text_with_control_characters_is_refused(service: ServiceThread) -> None:
    op = login(service.url, "operator")
    inc = op.register()["incident"]
    r = op.post(f"/incidents/{inc['id']}/notes", {"mutation_id": mid(), "text": "a\x00b"})
    assert_refusal(r, 422)
    assert "control characters" in r.json()["message"]
    r = op.post("/incidents", {"mutation_id": mid(), "source": "phone",
                               "address": {"street": "улица\x00Лазо", "house": "1"}})
    assert_refusal(r, 422)


def test_a_caller_with_neither_name_nor_phone_is_refused(service: ServiceThread) -> None:
    op = login(service.url, "operator")
    inc = op.register()["incident"]
    r = op.post(f"/incidents/{inc['id']}/callers", {"mutation_id": mid(), "caller": {}})
    assert_refusal(r, 422)
    assert "name or a phone" in r.json()["message"]


def test_classifying_an_untyped_report_gives_it_the_types_priority(
        service: ServiceThread) -> None:
    op = login(service.url, "operator")
    inc = op.register(type_code=None)["incident"]
    assert inc["priority"] == 3
    r = op.patch(f"/incidents/{inc['id']}", {"mutation_id": mid(), "base_version": 1,
                                             "type_code": "fire_residential"})
    assert r.status_code == 200, r.text
    assert r.json()["incident"]["priority"] == 1
    r = op.patch(f"/incidents/{inc['id']}", {"mutation_id": mid(), "base_version": 2,
                                             "type_code": "gas_smell", "priority": 2})
    assert r.json()["incident"]["priority"] == 2  # the operator's own choice wins
