"""HTTP to the service. Every write carries a mutation id, so the transport may retry any
request after a dropped connection or response without doing the change twice."""

from __future__ import annotations

from typing import Any

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from app.sync.errors import ApiError, Offline, SessionExpired, Unauthorized

API = "/api/v1"


def _retry() -> Retry:
    return Retry(
        total=4, connect=4, read=3, status=3, backoff_factor=0.2,
        status_forcelist=(502, 503, 504),
        allowed_methods=None,  # all of them: writes are idempotent by their mutation id
        raise_on_status=False, respect_retry_after_header=False,
    )


class Http:
    def __init__(self, base_url: str, *, timeout: float = 10.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.token: str | None = None
        self.session = requests.Session()
        adapter = HTTPAdapter(max_retries=_retry(), pool_maxsize=4)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)

    def request(self, method: str, path: str, *, json: Any = None,
                params: dict[str, Any] | None = None) -> Any:
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        try:
            r = self.session.request(method, f"{self.base_url}{API}{path}", json=json,
                                     params=params, headers=headers, timeout=self.timeout)
        except requests.RequestException as e:
            raise Offline(self.base_url, e) from e
        if r.status_code >= 400:
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
        if r.status_code == 204 or not r.content:
            return None
        return r.json()

    def close(self) -> None:
        self.session.close()
