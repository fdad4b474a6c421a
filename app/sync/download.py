"""A file the service streams (the journal as CSV), written to disk as it arrives: a month
of a busy room never sits in the console's memory at once. Refusals are the same
``ApiError``s as every other request's."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import requests

from app.sync.errors import Offline, Untrusted
from app.sync.http import API, Http, raise_refusal

CHUNK = 64 * 1024


def download(http: Http, path: str, params: dict[str, Any], dest: Path,
             timeout: float = 120.0) -> int:
    """GET ``path`` into ``dest`` (via a temporary file beside it, so a broken transfer never
    leaves half a file under the chosen name); the number of bytes written."""
    headers = http.headers()
    partial = dest.with_name(dest.name + ".part")
    try:
        written = _fetch(http, path, params, headers, partial, timeout)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    os.replace(partial, dest)
    return written


def _fetch(http: Http, path: str, params: dict[str, Any], headers: dict[str, str],
           into: Path, timeout: float) -> int:
    try:
        with http.session.get(f"{http.base_url}{API}{path}", params=params, headers=headers,
                              stream=True, timeout=(http.timeout, timeout),
                              verify=http.verify) as r:
            if r.status_code >= 400:
                raise_refusal(r)
            written = 0
            with into.open("wb") as f:
                for chunk in r.iter_content(CHUNK):
                    f.write(chunk)
                    written += len(chunk)
            return written
    except requests.exceptions.SSLError as e:
        raise Untrusted(http.base_url, e) from e
    except requests.RequestException as e:
        raise Offline(http.base_url, e) from e
