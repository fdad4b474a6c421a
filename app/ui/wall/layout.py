"""Which panels the wall shows where: a TOML file read with the standard library.

```toml
rotate_seconds = 20            # how long each page stays (a screen may set its own)

[[screen]]
index = 0                      # the workstation's screen, 0 first
pinned = ["exceptions", "people"]   # stays in place while the pages rotate

[[screen.page]]
panels = ["kpi", "load"]       # stacked, or in ``columns`` columns
```

A 2×2 wall is four ``[[screen]]`` tables. Mistakes are refused before anything is shown,
with the file, the line where it can be found, and the key: a wall that silently drops a
panel is found out only when someone misses it.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.ui.wall.panels import PANELS

RESOURCES = Path(__file__).resolve().parents[3] / "resources" / "wall"
DEFAULT_FILE = RESOURCES / "default.toml"
DEFAULT_ROTATE_SECONDS = 20.0

_TOP_KEYS = {"rotate_seconds", "screen"}
_SCREEN_KEYS = {"index", "pinned", "page", "rotate_seconds"}
_PAGE_KEYS = {"panels", "columns", "title"}
_SCREEN_HEADER = re.compile(r"^\s*\[\[\s*screen\s*\]\]")
_PAGE_HEADER = re.compile(r"^\s*\[\[\s*screen\s*\.\s*page\s*\]\]")


class LayoutError(ValueError):
    """A layout the wall cannot show; the message names the file, line and key."""


@dataclass(frozen=True)
class PageLayout:
    panels: tuple[str, ...]
    columns: int
    title: str = ""


@dataclass(frozen=True)
class ScreenLayout:
    index: int
    pinned: tuple[str, ...]
    pages: tuple[PageLayout, ...]
    rotate_seconds: float


@dataclass(frozen=True)
class Layout:
    screens: tuple[ScreenLayout, ...]
    source: str = "<layout>"

    def screen(self, index: int) -> ScreenLayout | None:
        return next((s for s in self.screens if s.index == index), None)


class _Where:
    """Finds the line a key sits on: tomllib gives values, not positions, so the file's
    ``[[screen]]`` and ``[[screen.page]]`` headers are counted to find the table's lines."""

    def __init__(self, text: str, source: str) -> None:
        self.lines = text.splitlines()
        self.source = source

    def _table(self, screen: int | None, page: int | None) -> tuple[int, int]:
        start, end = 0, len(self.lines)
        if screen is None:
            return start, next((i for i, line in enumerate(self.lines)
                                if line.lstrip().startswith("[")), end)
        heads = [i for i, line in enumerate(self.lines) if _SCREEN_HEADER.match(line)]
        if screen >= len(heads):
            return end, end
        start = heads[screen]
        end = next((h for h in heads if h > start), end)
        if page is None:
            return start, next((i for i in range(start + 1, end)
                                if _PAGE_HEADER.match(self.lines[i])), end)
        pages = [i for i in range(start, end) if _PAGE_HEADER.match(self.lines[i])]
        if page >= len(pages):
            return end, end
        return pages[page], next((p for p in pages if p > pages[page]), end)

    def error(self, key: str, message: str, *, screen: int | None = None,
              page: int | None = None, find: str | None = None) -> LayoutError:
        start, end = self._table(screen, page)
        needle = find or key.rsplit(".", 1)[-1].split("[", 1)[0]
        line = next((i for i in range(start, end) if needle in self.lines[i]), None)
        if line is None and screen is not None and start < end:
            line = start  # at least the table's header
        where = f"{self.source}:{line + 1}" if line is not None else self.source
        return LayoutError(f"{where}: {key}: {message}")


def _panel_names(value: Any, key: str, where: _Where, *, screen: int,
                 page: int | None = None, allow_empty: bool) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise where.error(key, "expected a list of panel names, such as [\"kpi\", \"load\"]",
                          screen=screen, page=page)
    if not value and not allow_empty:
        raise where.error(key, "a page needs at least one panel", screen=screen, page=page)
    for i, name in enumerate(value):
        if name not in PANELS:
            raise where.error(f"{key}[{i}]", f"unknown panel \"{name}\" (known: "
                              f"{', '.join(sorted(PANELS))})", screen=screen, page=page,
                              find=f'"{name}"')
    return tuple(value)


def _seconds(value: Any, key: str, where: _Where, screen: int | None = None) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise where.error(key, f"expected a number of seconds above 0, not {value!r}",
                          screen=screen)
    return float(value)


def _unknown(table: dict[str, Any], allowed: set[str], key: str, where: _Where,
             screen: int | None = None, page: int | None = None) -> None:
    for name in table:
        if name not in allowed:
            raise where.error(f"{key}{name}", f"unknown key (allowed: "
                              f"{', '.join(sorted(allowed))})", screen=screen, page=page)


def parse_layout(text: str, source: str = "<layout>") -> Layout:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:  # its message carries the line and column
        raise LayoutError(f"{source}: not valid TOML: {e}") from e
    where = _Where(text, source)
    _unknown(data, _TOP_KEYS, "", where)
    rotate = _seconds(data.get("rotate_seconds", DEFAULT_ROTATE_SECONDS), "rotate_seconds",
                      where)
    screens_data = data.get("screen")
    if not isinstance(screens_data, list) or not screens_data:
        raise where.error("screen", "the layout needs at least one [[screen]] table")
    screens: list[ScreenLayout] = []
    for s, table in enumerate(screens_data):
        key = f"screen[{s}]"
        _unknown(table, _SCREEN_KEYS, f"{key}.", where, screen=s)
        index = table.get("index")
        if isinstance(index, bool) or not isinstance(index, int) or index < 0:
            raise where.error(f"{key}.index", "expected the screen's number, 0 or more, not "
                              f"{index!r}", screen=s, find="index")
        if any(other.index == index for other in screens):
            raise where.error(f"{key}.index", f"screen {index} is laid out twice",
                              screen=s, find="index")
        pinned = _panel_names(table.get("pinned", []), f"{key}.pinned", where, screen=s,
                              allow_empty=True)
        pages_data = table.get("page", [])
        if not isinstance(pages_data, list):
            raise where.error(f"{key}.page", "expected [[screen.page]] tables", screen=s)
        pages: list[PageLayout] = []
        for p, page in enumerate(pages_data):
            pkey = f"{key}.page[{p}]"
            _unknown(page, _PAGE_KEYS, f"{pkey}.", where, screen=s, page=p)
            panels = _panel_names(page.get("panels"), f"{pkey}.panels", where, screen=s,
                                  page=p, allow_empty=False)
            columns = page.get("columns", 1 if len(panels) <= 2 else 2)
            if isinstance(columns, bool) or not isinstance(columns, int) or columns < 1:
                raise where.error(f"{pkey}.columns", f"expected 1 or more, not {columns!r}",
                                  screen=s, page=p)
            title = page.get("title", "")
            if not isinstance(title, str):
                raise where.error(f"{pkey}.title", "expected text", screen=s, page=p)
            pages.append(PageLayout(panels, columns, title))
        if not pages and not pinned:
            raise where.error(key, "nothing to show: give it pinned panels or a page",
                              screen=s, find="[[")
        seconds = (_seconds(table["rotate_seconds"], f"{key}.rotate_seconds", where, s)
                   if "rotate_seconds" in table else rotate)
        screens.append(ScreenLayout(index, pinned, tuple(pages), seconds))
    return Layout(tuple(screens), source)


def load_layout(path: str | Path) -> Layout:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise LayoutError(f"{path}: cannot read the layout: {e.strerror or e}") from e
    return parse_layout(text, str(path))


def layout_path(value: str | Path) -> Path:
    """A layout as the settings keep it: a file of ``resources/wall`` by its name, any
    other file by its path."""
    path = Path(value)
    return RESOURCES / path if len(path.parts) == 1 and (RESOURCES / path).is_file() else path


def built_in_layouts() -> list[str]:
    return sorted(p.name for p in RESOURCES.glob("*.toml"))


def default_layout() -> Layout:
    """One screen: the exceptions and the clock pinned, the rest rotating."""
    return load_layout(DEFAULT_FILE)


def placements(layout: Layout, screen_count: int,
               chosen: int | None = None) -> list[tuple[ScreenLayout, int]]:
    """Which laid-out screen goes on which of the workstation's screens.

    A one-screen layout goes on the chosen screen (its own index when none is chosen). A
    layout of several screens opens them all, each on its index; with a chosen screen only
    that one, so each computer driving part of a wall can run the same file."""
    def check(index: int, key: str) -> None:
        if not 0 <= index < screen_count:
            raise LayoutError(f"{layout.source}: {key}: there is no screen {index} here; "
                              f"this workstation has {_screens_text(screen_count)}")

    if chosen is not None:
        check(chosen, "--screen")
        if len(layout.screens) == 1:
            return [(layout.screens[0], chosen)]
        found = layout.screen(chosen)
        if found is None:
            raise LayoutError(f"{layout.source}: --screen: the layout has no screen "
                              f"{chosen} (it lays out {_indexes(layout.screens)})")
        return [(found, chosen)]
    for i, s in enumerate(layout.screens):
        check(s.index, f"screen[{i}].index")
    return [(s, s.index) for s in layout.screens]


def _screens_text(count: int) -> str:
    return "1 screen (0)" if count == 1 else f"{count} screens (0–{count - 1})"


def _indexes(screens: Iterable[ScreenLayout]) -> str:
    return ", ".join(str(s.index) for s in screens)


def panel_names(screen: ScreenLayout) -> Sequence[str]:
    """Every panel the screen shows, pinned first, in order."""
    return [*screen.pinned, *(n for page in screen.pages for n in page.panels)]
