"""The served OpenAPI document against the service that serves it: requests generated
from the document (valid ones and broken ones), sent over loopback with a real session,
must never get a server error nor an answer the document does not describe.

Bounded on purpose: a few examples per operation and per user. The WebSocket stream is not
in the document and is covered elsewhere."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from app.server.embedded import ServiceThread
from tests.server.helpers import Client, login, mid

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance]
EXAMPLES = 12
# Run after the rest: they end sessions, the signed-in user's own included.
LAST = ("POST /api/v1/users/{user_id}/sessions/revoke", "POST /api/v1/auth/logout")


@pytest.fixture
def seeded(service: ServiceThread) -> Iterator[ServiceThread]:
    """A few incidents with hand-overs, notes and callers, so that small ids lead somewhere."""
    desk = login(service.url, "operator")
    for type_code in ("gas_smell", "water_main_break", "gas_smell"):
        incident = desk.register(type_code=type_code, caller={"phone": "+79131234567"})
        iid = incident["incident"]["id"]
        r = desk.post(f"/incidents/{iid}/handovers", {
            "mutation_id": mid(), "base_version": incident["incident"]["version"],
            "services": ["gas", "fire"]})
        assert r.status_code in (200, 403), r.text  # a zhkh incident is not this desk's
        assert desk.post(f"/incidents/{iid}/notes",
                         {"mutation_id": mid(), "text": "note"}).status_code == 201
    yield service


def fresh_mutation_id(body: object) -> None:
    """Generated ids repeat, and a reused id replays the first answer of its kind of change
    (or is refused on another kind: test_a_mutation_id_reused_on_another_operation_is_
    refused): a well-formed id is made unique here so the run checks the rest. Malformed
    ones stay."""
    if isinstance(body, dict) and isinstance(body.get("mutation_id"), str):
        try:
            uuid.UUID(body["mutation_id"])
        except ValueError:
            return
        body["mutation_id"] = str(uuid.uuid4())


def run_operation(base: str, operation, token: str) -> None:  # type: ignore[no-untyped-def]
    session = requests.Session()

    @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(case=operation.as_strategy())
    def check(case) -> None:  # type: ignore[no-untyped-def]
        fresh_mutation_id(case.body)
        case.call_and_validate(base_url=base, session=session, checks=CHECKS,
                               headers={"Authorization": f"Bearer {token}"}, timeout=15)

    try:
        check()
    finally:
        session.close()


@pytest.mark.parametrize("who", ["operator", "admin"])
def test_no_server_error_and_no_answer_outside_the_document(seeded: ServiceThread,
                                                            who: str) -> None:
    schema = schemathesis.openapi.from_url(seeded.url + "/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 25
    operations.sort(key=lambda op: op.label in LAST)
    user: Client = login(seeded.url, who)
    failures = []
    for operation in operations:
        try:
            run_operation(seeded.url, operation, user.token or "")
        # Every failing operation is reported, not just the first.
        except (Exception, BaseExceptionGroup) as e:
            failures.append(f"{operation.label}: {e}")
    assert failures == [], "\n\n".join(failures)


def test_a_mutation_id_reused_on_another_operation_is_refused(seeded: ServiceThread) -> None:
    desk = login(seeded.url, "supervisor")
    same = mid()
    note = desk.post("/incidents/1/notes", {"mutation_id": same, "text": "Перезвонить"})
    assert note.status_code == 201, note.text
    # The same id on a crew's position: a console bug, which must not be answered with the
    # note as if it were the crew.
    moved = desk.post("/crews/1/position", {"mutation_id": same, "lat": 53.7, "lon": 88.0})
    assert moved.status_code == 409, (moved.status_code, moved.text)
