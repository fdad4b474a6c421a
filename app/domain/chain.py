"""The journal's hash chain: each change-log row carries the hash of the one before it, so
an edited, removed or inserted row breaks every link after it and is found."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

GENESIS = "0" * 64
FIELDS = ("seq", "at", "actor_id", "actor_name", "kind", "entity", "entity_id", "incident_id",
          "room", "before", "after", "mutation_id")


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat(timespec="microseconds")
    return value


# Hashed only when set, so the rows written before it existed keep their links.
OPTIONAL_FIELDS = ("recorded_at",)


def canonical(record: Mapping[str, Any]) -> bytes:
    """The row's content as bytes that do not depend on key order or the database."""
    content = {f: _plain(record.get(f)) for f in FIELDS}
    content.update({f: _plain(record[f]) for f in OPTIONAL_FIELDS if record.get(f) is not None})
    return json.dumps(content, sort_keys=True,
                      ensure_ascii=False, separators=(",", ":")).encode()


def link_hash(prev_hash: str, record: Mapping[str, Any]) -> str:
    return hashlib.sha256(prev_hash.encode() + b"\n" + canonical(record)).hexdigest()


def first_broken(records: Iterable[Mapping[str, Any]], start: str = GENESIS) -> int | None:
    """The sequence number of the first row whose link does not hold, or None when the
    whole chain verifies. Rows must come in sequence order; a missing number breaks too."""
    prev, expected_seq = start, None
    for r in records:
        if expected_seq is not None and r["seq"] != expected_seq:
            return r["seq"]
        if r.get("prev_hash") != prev or r.get("hash") != link_hash(prev, r):
            return r["seq"]
        prev, expected_seq = r["hash"], r["seq"] + 1
    return None
