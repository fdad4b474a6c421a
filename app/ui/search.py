"""Finding things by typing: incident types by words and synonyms, streets by any part of
their name. Every typed word must begin a word of the candidate; earlier, fuller hits rank
higher."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from app.domain.gazetteer import normalize_street

_WORD = re.compile(r"[\wё]+", re.IGNORECASE)


def words(text: str) -> list[str]:
    return [w.lower().replace("ё", "е") for w in _WORD.findall(text)]


@dataclass(frozen=True)
class Entry:
    key: str  # what is returned: a type code, a street name
    label: str  # what is shown
    names: tuple[str, ...]  # the main name first, then synonyms and other names


def _score(query: list[str], entry: Entry) -> float | None:
    best = None
    for rank, name in enumerate(entry.names):
        have = words(name)
        if all(any(h.startswith(q) for h in have) for q in query):
            # A hit in the main name beats a synonym; a hit at the start beats one inside.
            score = rank * 10 + (0 if have and have[0].startswith(query[0]) else 1)
            best = score if best is None else min(best, score)
    return best


def search(query: str, entries: Iterable[Entry], limit: int = 12) -> list[Entry]:
    q = words(query)
    if not q:
        return []
    scored = [(s, e.label, e) for e in entries if (s := _score(q, e)) is not None]
    scored.sort(key=lambda t: (t[0], t[1]))
    return [e for _, _, e in scored[:limit]]


def type_entries(types: dict[str, dict], language: str) -> list[Entry]:
    out = []
    for code, t in types.items():
        main = t.get(f"name_{language}") or t["name_ru"]
        other = t["name_en"] if language != "en" else t["name_ru"]
        out.append(Entry(code, main, (main, *t.get("synonyms", ()), other)))
    return out


def street_entries(streets: Iterable[str]) -> list[Entry]:
    return [Entry(s, s, (s, normalize_street(s))) for s in streets]
