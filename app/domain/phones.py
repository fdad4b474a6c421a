"""Phone numbers in one spelling, "+7XXXXXXXXXX", so the same caller is recognised."""

from __future__ import annotations

import re

from app.domain.errors import DomainError

CITY_CODE = "38475"  # Mezhdurechensk; a local number is 5 digits after it
LOCAL_DIGITS = 5
NATIONAL_DIGITS = 10

# What people type around the digits: spaces, brackets, dashes, dots, one leading plus.
_ALLOWED = re.compile(r"\+?[0-9 \t().\-]*")


class InvalidPhone(DomainError):
    code = "invalid_phone"


def normalize_phone(raw: str) -> str:
    """``raw`` as "+7" and ten digits, or ``InvalidPhone`` saying what is wrong.

    Accepted: "+7 913 123-45-67", "8 (913) 123-45-67", "9131234567" (ten digits),
    and a five-digit Mezhdurechensk number ("2-34-56"), which gets the city code 38475.
    """
    text = raw.strip()
    if not text:
        raise InvalidPhone("The phone number is empty.", raw=raw)
    if not _ALLOWED.fullmatch(text):
        raise InvalidPhone(
            "The phone number '{_text}' contains characters other than digits, spaces, "
            "brackets, dashes and a leading '+'.",
            _text=text, raw=raw,
        )
    digits = re.sub(r"[^0-9]", "", text)
    if text.startswith("+"):
        if len(digits) == NATIONAL_DIGITS + 1 and digits.startswith("7"):
            return "+" + digits
        raise InvalidPhone(
            "The phone number '{_text}' is not a Russian one; after '+' it must have 7 "
            "and then 10 digits.",
            _text=text, raw=raw,
        )
    if len(digits) == NATIONAL_DIGITS + 1:
        if digits[0] in "78":
            return "+7" + digits[1:]
        raise InvalidPhone(
            "The phone number '{_text}' has 11 digits but starts with {_first}; "
            "an 11-digit Russian number starts with 8 or 7.",
            _text=text, _first=digits[0], raw=raw,
        )
    if len(digits) == NATIONAL_DIGITS:
        return "+7" + digits
    if len(digits) == LOCAL_DIGITS:
        return "+7" + CITY_CODE + digits
    raise InvalidPhone(
        "The phone number '{_text}' has {_count} digits; a Russian number has 10 "
        "after +7, or 5 for a local city number.",
        _text=text, _count=len(digits), raw=raw,
    )
