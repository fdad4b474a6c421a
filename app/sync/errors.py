"""What a command can fail with, in a form the console can show as it is."""

from __future__ import annotations

from typing import Any


class SyncError(Exception):
    pass


class Offline(SyncError):
    """The service could not be reached (after the transport's retries)."""

    def __init__(self, url: str, cause: BaseException | None = None) -> None:
        super().__init__(f"The dispatch service at {url} cannot be reached.")
        self.url = url
        self.cause = cause


class Untrusted(Offline):
    """The service answered with a certificate this console does not trust."""

    def __init__(self, url: str, cause: BaseException | None = None) -> None:
        super().__init__(url, cause)
        self.args = (f"The dispatch service at {url} presented a certificate this console does "
                     "not trust. Give the console the file of the CA that signed it "
                     "(DISPATCH_CA_FILE).",)


class ApiError(SyncError):
    """The service refused: ``code`` is stable, ``message`` is for the operator."""

    def __init__(self, status: int, body: dict[str, Any]) -> None:
        self.status = status
        self.code = str(body.get("code", f"http_{status}"))
        self.message = str(body.get("message", "The service refused the request."))
        self.params: dict[str, Any] = body.get("params") or {}
        self.current: dict[str, Any] | None = body.get("current")
        super().__init__(self.message)


class SessionExpired(ApiError):
    pass


class Unauthorized(ApiError):
    pass
