"""Which dispatch room an incident goes to: configurable rules, first match wins."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

_MAPS = ("by_type", "by_category", "by_district")
_KEYS = ("default_room", *_MAPS)


@dataclass(frozen=True)
class RoutingRules:
    """Precedence: the incident's type, then its category, then its district, then the
    default. The most specific rule wins: a gas leak goes to the gas desk whatever district."""

    default_room: str
    by_type: Mapping[str, str] = field(default_factory=dict)
    by_category: Mapping[str, str] = field(default_factory=dict)
    by_district: Mapping[str, str] = field(default_factory=dict)

    def route(self, type_code: str | None, category: str | None, district: str | None) -> str:
        for rules, key in (
            (self.by_type, type_code),
            (self.by_category, category),
            (self.by_district, district),
        ):
            if key is not None and key in rules:
                return rules[key]
        return self.default_room

    def rooms(self) -> set[str]:
        """Every room the rules can send to."""
        return {self.default_room}.union(*(getattr(self, m).values() for m in _MAPS))

    def to_dict(self) -> dict[str, Any]:
        return {"default_room": self.default_room} | {m: dict(getattr(self, m)) for m in _MAPS}

    @classmethod
    def from_dict(
        cls, d: Mapping[str, Any], *, known_rooms: Iterable[str] | None = None
    ) -> RoutingRules:
        """Rules from configuration (JSON, say); ``ValueError`` names what is malformed.

        With ``known_rooms``, a rule sending to a room that does not exist is refused too.
        """
        if not isinstance(d, Mapping):
            raise ValueError(f"Routing rules must be a mapping, not {type(d).__name__}.")
        unknown = sorted(set(d) - set(_KEYS), key=str)
        if unknown:
            raise ValueError(
                f"Unknown key {unknown[0]!r} in routing rules; expected {', '.join(_KEYS)}."
            )
        default = d.get("default_room")
        if not _is_name(default):
            raise ValueError("Routing rules need 'default_room', a non-empty room code.")
        maps = {m: _rule_map(m, d.get(m, {})) for m in _MAPS}
        rules = cls(default, **maps)
        if known_rooms is not None:
            missing = sorted(rules.rooms() - set(known_rooms))
            if missing:
                raise ValueError(
                    f"Routing rules send incidents to unknown room(s): {', '.join(missing)}."
                )
        return rules


def _is_name(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _rule_map(name: str, value: object) -> dict[str, str]:
    if not isinstance(value, Mapping):
        raise ValueError(f"'{name}' must map codes to room codes, not be a {type(value).__name__}.")
    for key, room in value.items():
        if not _is_name(key):
            raise ValueError(f"'{name}' has a key {key!r}; keys must be non-empty codes.")
        if not _is_name(room):
            raise ValueError(
                f"'{name}' sends {key!r} to {room!r}; a room must be a non-empty code."
            )
    return dict(value)
