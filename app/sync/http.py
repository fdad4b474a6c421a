"""HTTP to the service. Every write carries a mutation id, so the transport may retry any
request after a dropped connection or response without doing the change twice."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from app.sync.errors import ApiError, Offline, SessionExpired, Unauthorized, Untrusted

API = "/api/v1"


def _retry() -> Retry:
    return Retry(
        total=4, connect=4, read=3, status=3, backoff_factor=0.2,
        status_forcelist=(502, 503, 504),
        allowed_methods=None,  # all of them: writes are idempotent by their mutation id
        raise_on_status=False, respect_retry_after_header=False,
    )


# A service with a certificate of the city's own CA: the console trusts that CA's file.
CA_FILE_ENV = "DISPATCH_CA_FILE"


def raise_refusal(r: requests.Response) -> None:
    """The service's 4xx or 5xx as the error the console shows: its own words when it gave
    them, the session's end as its own kind."""
    try:
        body = r.json()
    except ValueError:
        body = {"message": r.text[:300] or r.reason}
    if not isinstance(body, dict):
        body = {"message": str(body)}
    if r.status_code == 401:
        cls = SessionExpired if body.get("code") == "session_expired" else Unauthorized
        raise cls(r.status_code, body)
    raise ApiError(r.status_code, body)


def set_language(language: str | None) -> None:
    """The language the service is to word its refusals in, for every ``Http`` that has none
    of its own: the console's UI language ("ru", "en"), set by the UI when it installs its
    translator. ``None`` sends no ``Accept-Language``: the service then answers in English."""
    Http.default_language = language or None


class Http:
    # Sent as Accept-Language unless this client's own ``language`` is set (set_language).
    default_language: str | None = None

    def __init__(self, base_url: str, *, timeout: float = 10.0,
                 ca_file: str | Path | None = None, language: str | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.token: str | None = None
        self.language = language
        ca = ca_file or os.environ.get(CA_FILE_ENV) or None
        self.ca_file = str(ca) if ca else None
        # Passed with every request: requests lets REQUESTS_CA_BUNDLE override a session's.
        self.verify: str | bool = self.ca_file or True
        self.session = requests.Session()
        adapter = HTTPAdapter(max_retries=_retry(), pool_maxsize=4)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)

    def headers(self) -> dict[str, str]:
        """What every request carries: the session token and the language wanted."""
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        language = self.language or Http.default_language
        if language:
            headers["Accept-Language"] = language
        return headers

    def request(self, method: str, path: str, *, json: Any = None,
                params: dict[str, Any] | None = None, timeout: float | None = None) -> Any:
        headers = self.headers()
        try:
            r = self.session.request(method, f"{self.base_url}{API}{path}", json=json,
                                     params=params, headers=headers,
                                     timeout=timeout or self.timeout,
                                     verify=self.verify)
        except requests.exceptions.SSLError as e:
            raise Untrusted(self.base_url, e) from e
        except requests.RequestException as e:
            raise Offline(self.base_url, e) from e
        if r.status_code >= 400:
            raise_refusal(r)
        if r.status_code == 204 or not r.content:
            return None
        return r.json()

    @property
    def sslopt(self) -> dict[str, Any] | None:
        """TLS options for the WebSocket to the same service."""
        return {"ca_certs": self.ca_file} if self.ca_file else None

    def close(self) -> None:
        self.session.close()
