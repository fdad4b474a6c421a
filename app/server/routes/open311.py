"""Open311 GeoReport v2 under /open311/v2: what citizen apps call, in JSON and in XML.

Its contract is the published specification, not this service's OpenAPI document: form
bodies without mutation ids, errors as ``[{"code", "description"}]`` and a ``.xml`` form of
every resource. So these routes stay out of the document. Reads are public, as the
specification has them (they list no personal data); a report needs the client app's
``api_key``, made by ``dispatch-server create-open311-key``."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl
from xml.etree import ElementTree as ET

from fastapi import APIRouter, Request
from fastapi.responses import Response
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from app.domain.errors import DomainError
from app.schemas.open311 import Open311Query, Open311RequestIn
from app.services import open311
from app.services.context import ServiceContext
from app.services.errors import Forbidden, NotFound

PREFIX = "/open311/v2"
FORMATS = ("json", "xml")
MEDIA = {"json": "application/json; charset=utf-8", "xml": "text/xml; charset=utf-8"}
# Element names of a list's items in the XML form.
ITEM = {"services": "service", "service_requests": "request", "attributes": "attribute",
        "values": "value", "errors": "error"}

router = APIRouter()


class Refusal(Exception):
    def __init__(self, status: int, description: str) -> None:
        super().__init__(description)
        self.status, self.description = status, description


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _element(parent: ET.Element, name: str, value: Any) -> None:
    node = ET.SubElement(parent, name)
    _fill(node, name, value)


def _fill(node: ET.Element, name: str, value: Any) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            _element(node, key, item)
    elif isinstance(value, list):
        for item in value:
            _element(node, ITEM[name], item)
    else:
        node.text = _text(value)


def _xml(root: str, value: Any) -> bytes:
    node = ET.Element(root)
    _fill(node, root, value)
    # The specification asks for the declaration with the encoding before the root.
    return ET.tostring(node, encoding="utf-8", xml_declaration=True)


def _answer(fmt: str, root: str, value: Any, status: int = 200) -> Response:
    if fmt == "json":
        body = json.dumps(value, ensure_ascii=False).encode("utf-8")
    else:
        body = _xml(root, value)
    return Response(body, status_code=status, media_type=MEDIA[fmt])


def _refused(fmt: str, status: int, description: str) -> Response:
    return _answer(fmt, "errors", [{"code": status, "description": description}], status)


def _status_of(exc: DomainError) -> int:
    if isinstance(exc, Forbidden):
        return 403
    if isinstance(exc, NotFound):
        return 404
    return 400


def _invalid(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err.get("loc", ())) or "request"
        parts.append(f"{where}: {err.get('msg', 'invalid').removeprefix('Value error, ')}")
    return "; ".join(parts)


def _check_jurisdiction(request: Request, params: dict[str, str]) -> None:
    # The specification: needed only where one endpoint serves several jurisdictions. This
    # one serves one; a client that names another is told so rather than given this one's.
    given = params.get("jurisdiction_id")
    ours = request.app.state.open311_jurisdiction
    if given and given != ours:
        raise Refusal(404, f"jurisdiction_id provided was not found: {given} (this service "
                      f"is {ours}).")


async def _run(fmt: str, root: str, work: Callable[[], Any]) -> Response:
    try:
        value = await run_in_threadpool(work)
    except Refusal as r:
        return _refused(fmt, r.status, r.description)
    except ValidationError as e:
        return _refused(fmt, 400, _invalid(e))
    except DomainError as e:
        return _refused(fmt, _status_of(e), e.message)
    return _answer(fmt, root, value)


def _ctx(request: Request) -> ServiceContext:
    return request.app.state.ctx


def _routes(fmt: str) -> None:
    async def services(request: Request) -> Response:
        def work() -> Any:
            _check_jurisdiction(request, dict(request.query_params))
            return open311.services(_ctx(request))
        return await _run(fmt, "services", work)

    async def definition(request: Request, service_code: str) -> Response:
        def work() -> Any:
            _check_jurisdiction(request, dict(request.query_params))
            return open311.definition(_ctx(request), service_code)
        return await _run(fmt, "service_definition", work)

    async def list_requests(request: Request) -> Response:
        def work() -> Any:
            params = dict(request.query_params)
            _check_jurisdiction(request, params)
            return open311.requests(_ctx(request), Open311Query.model_validate(params))
        return await _run(fmt, "service_requests", work)

    async def one_request(request: Request, service_request_id: str) -> Response:
        def work() -> Any:
            _check_jurisdiction(request, dict(request.query_params))
            return [open311.request(_ctx(request), service_request_id)]
        return await _run(fmt, "service_requests", work)

    async def post_request(request: Request) -> Response:
        kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if kind != "application/x-www-form-urlencoded":
            return _refused(fmt, 400, "Send the request form-encoded "
                            "(application/x-www-form-urlencoded), as GeoReport v2 says; a "
                            "photo goes as media_url.")
        try:
            form = dict(parse_qsl((await request.body()).decode("utf-8"),
                                  keep_blank_values=True, max_num_fields=200))
        except (UnicodeDecodeError, ValueError):
            return _refused(fmt, 400, "The form could not be read: it must be UTF-8 and at "
                            "most 200 fields.")
        # The key is a form field; some clients send it in the query string instead.
        key = form.get("api_key") or request.query_params.get("api_key")

        def work() -> Any:
            _check_jurisdiction(request, {**dict(request.query_params), **form})
            client = open311.client_of(_ctx(request), key)
            return [open311.submit(_ctx(request), client, Open311RequestIn.model_validate(form))]
        return await _run(fmt, "service_requests", work)

    for path, endpoint, method in (
        (f"/services.{fmt}", services, "GET"),
        (f"/services/{{service_code}}.{fmt}", definition, "GET"),
        (f"/requests.{fmt}", list_requests, "GET"),
        (f"/requests.{fmt}", post_request, "POST"),
        (f"/requests/{{service_request_id}}.{fmt}", one_request, "GET"),
    ):
        router.add_api_route(path, endpoint, methods=[method], include_in_schema=False,
                             name=f"open311_{endpoint.__name__}_{fmt}")


for _fmt in FORMATS:
    _routes(_fmt)
