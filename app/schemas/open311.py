"""Open311 GeoReport v2: what a citizen app sends and what the service lists back.

The field names are the specification's, so that existing Open311 clients work unchanged.
Fields the specification allows and the service does not use (``device_id``,
``attribute[...]``) are ignored rather than refused, as a GeoReport server does."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from app.schemas.base import _no_control_characters, aware_utc


class Open311RequestIn(BaseModel):
    """The form parameters of POST requests.[format], already decoded from the form."""

    model_config = ConfigDict(extra="ignore", allow_inf_nan=False, str_strip_whitespace=True)

    service_code: str = Field(min_length=1, max_length=40)
    lat: float | None = Field(default=None, ge=-90, le=90)
    long: float | None = Field(default=None, ge=-180, le=180)
    address_string: str | None = Field(default=None, max_length=300)
    address_id: str | None = Field(default=None, max_length=100)
    email: str | None = Field(default=None, max_length=200)
    device_id: str | None = Field(default=None, max_length=200)
    account_id: str | None = Field(default=None, max_length=200)
    first_name: str | None = Field(default=None, max_length=100)
    last_name: str | None = Field(default=None, max_length=100)
    phone: str | None = Field(default=None, max_length=40)
    description: str = Field(default="", max_length=4000)  # the specification's limit
    media_url: str | None = Field(default=None, max_length=2000)

    @model_validator(mode="before")
    @classmethod
    def _clean(cls, data: Any) -> Any:
        # A form sends an untouched field as an empty string: that is "not given".
        if isinstance(data, dict):
            data = {k: v for k, v in data.items() if not (isinstance(v, str) and not v.strip())}
        return _no_control_characters(data)

    @field_validator("media_url")
    @classmethod
    def _web_address(cls, v: str | None) -> str | None:
        # Listed back to every client: only a web address, never javascript: or a file path.
        if v is not None and not v.lower().startswith(("http://", "https://")):
            raise ValueError("must be an http:// or https:// address")
        return v

    @model_validator(mode="after")
    def _somewhere(self) -> Open311RequestIn:
        if (self.lat is None) != (self.long is None):
            raise ValueError("give both lat and long, or neither")
        if self.lat is None and not self.address_string:
            if self.address_id:
                raise ValueError("address_id is not known to this service; send lat and long "
                                 "or address_string")
            raise ValueError("a location is required: lat and long, or address_string")
        return self

    @property
    def reporter_name(self) -> str | None:
        name = " ".join(p for p in (self.first_name, self.last_name) if p)
        return name or None


class Open311Query(BaseModel):
    """The query parameters of GET requests.[format]."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)

    service_request_id: str | None = Field(default=None, max_length=2000)
    service_code: str | None = Field(default=None, max_length=2000)
    start_date: datetime | None = None
    end_date: datetime | None = None
    status: str | None = Field(default=None, max_length=20)

    @model_validator(mode="before")
    @classmethod
    def _clean(cls, data: Any) -> Any:
        if isinstance(data, dict):
            data = {k: v for k, v in data.items() if not (isinstance(v, str) and not v.strip())}
        return data

    @field_validator("start_date", "end_date")
    @classmethod
    def _aware(cls, v: datetime | None) -> datetime | None:
        return aware_utc(v)

    @field_validator("status")
    @classmethod
    def _status(cls, v: str | None) -> str | None:
        if v is not None and not set(_split(v)) <= {"open", "closed"}:
            raise ValueError("must be open, closed, or both, comma delimited")
        return v

    @staticmethod
    def split(value: str | None) -> list[str]:
        return _split(value)


def _split(value: str | None) -> list[str]:
    return [p.strip() for p in (value or "").split(",") if p.strip()]
