"""Layout files: what they say, and mistakes named by file, line and key."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from app.ui.wall.layout import (
    RESOURCES,
    LayoutError,
    default_layout,
    load_layout,
    parse_layout,
    placements,
)
from app.ui.wall.panels import PANELS
from app.ui.wall.run import chosen_screen


def test_the_default_is_one_screen_with_exceptions_and_clock_pinned() -> None:
    layout = default_layout()
    assert [s.index for s in layout.screens] == [0]
    screen = layout.screens[0]
    assert screen.pinned == ("exceptions", "people")
    shown = {n for page in screen.pages for n in page.panels} | set(screen.pinned)
    assert shown == set(PANELS)  # every panel somewhere
    assert len(screen.pages) > 1 and screen.rotate_seconds > 0


def test_the_two_by_two_example_lays_out_four_screens() -> None:
    layout = load_layout(RESOURCES / "two_by_two.toml")
    assert sorted(s.index for s in layout.screens) == [0, 1, 2, 3]
    assert all(s.pages or s.pinned for s in layout.screens)
    by_index = {s.index: s for s in layout.screens}
    assert by_index[2].rotate_seconds == 20 and by_index[0].rotate_seconds == 30


def test_columns_rotation_and_titles() -> None:
    layout = parse_layout("""
rotate_seconds = 7.5
[[screen]]
index = 1
rotate_seconds = 3
[[screen.page]]
panels = ["kpi", "load", "trends"]
title = "Figures"
[[screen.page]]
panels = ["map"]
columns = 1
""")
    (screen,) = layout.screens
    assert screen.index == 1 and screen.pinned == () and screen.rotate_seconds == 3
    assert screen.pages[0].columns == 2 and screen.pages[0].title == "Figures"
    assert screen.pages[1].panels == ("map",)


@pytest.mark.parametrize(("text", "message"), [
    ('[[screen]]\nindex = 0\npinned = ["exceptions"]\n\n[[screen.page]]\n'
     'panels = ["kpi", "kpis"]\n',
     'wall.toml:6: screen[0].page[0].panels[1]: unknown panel "kpis" (known: exceptions, '
     'kpi, load, map, people, trends)'),
    ('[[screen]]\nindex = 0\npinned = ["clock"]\n',
     'wall.toml:3: screen[0].pinned[0]: unknown panel "clock"'),
    ('[[screen]]\nindex = 0\n[[screen.page]]\npanels = ["kpi"]\n'
     '[[screen]]\nindex = -1\n[[screen.page]]\npanels = ["kpi"]\n',
     "wall.toml:6: screen[1].index: expected the screen's number, 0 or more, not -1"),
    ('[[screen]]\nindex = 0\npinned = ["kpi"]\n[[screen]]\nindex = 0\npinned = ["load"]\n',
     "wall.toml:5: screen[1].index: screen 0 is laid out twice"),
    ('[[screen]]\nindex = "left"\npinned = ["kpi"]\n',
     "wall.toml:2: screen[0].index: expected the screen's number, 0 or more, not 'left'"),
    ('rotation_seconds = 10\n[[screen]]\nindex = 0\npinned = ["kpi"]\n',
     "wall.toml:1: rotation_seconds: unknown key"),
    ('rotate_seconds = 0\n[[screen]]\nindex = 0\npinned = ["kpi"]\n',
     "wall.toml:1: rotate_seconds: expected a number of seconds above 0, not 0"),
    ('[[screen]]\nindex = 0\n[[screen.page]]\npanels = []\n',
     "wall.toml:4: screen[0].page[0].panels: a page needs at least one panel"),
    ('[[screen]]\nindex = 0\n', "wall.toml:1: screen[0]: nothing to show"),
    ('pinned = ["kpi"]\n', "wall.toml:1: pinned: unknown key"),
    ('rotate_seconds = 5\n', "wall.toml: screen: the layout needs at least one [[screen]]"),
    ('[[screen]\nindex = 0\n', "wall.toml: not valid TOML: "),
])
def test_mistakes_name_the_line_and_the_key(text: str, message: str) -> None:
    with pytest.raises(LayoutError) as raised:
        parse_layout(text, "wall.toml")
    assert str(raised.value).startswith(message), str(raised.value)


def test_invalid_toml_says_where(tmp_path: Path) -> None:
    path = tmp_path / "wall.toml"
    path.write_text('[[screen]]\nindex = 0\npinned = ["kpi",,]\n', encoding="utf-8")
    with pytest.raises(LayoutError, match=r"wall\.toml: not valid TOML: .*line 3"):
        load_layout(path)
    with pytest.raises(LayoutError, match="cannot read the layout"):
        load_layout(tmp_path / "missing.toml")


def test_placements_on_the_screens_there_are() -> None:
    two_by_two = load_layout(RESOURCES / "two_by_two.toml")
    assert [(s.index, i) for s, i in placements(two_by_two, 4)] == [
        (0, 0), (1, 1), (2, 2), (3, 3)]
    # One computer of the wall drives only its own screen of the shared file.
    assert [(s.index, i) for s, i in placements(two_by_two, 4, chosen=2)] == [(2, 2)]
    # A one-screen layout goes where it is asked to.
    assert [i for _s, i in placements(default_layout(), 3, chosen=2)] == [2]
    with pytest.raises(LayoutError, match=r"--screen: there is no screen 3 here; this "
                                          r"workstation has 2 screens \(0–1\)"):
        placements(default_layout(), 2, chosen=3)
    with pytest.raises(LayoutError, match=r"screen\[2\]\.index: there is no screen 2 here"):
        placements(two_by_two, 2)


def test_the_screen_choice_is_remembered_per_workstation(tmp_path: Path) -> None:
    store = QSettings(str(tmp_path / "workstation.ini"), QSettings.Format.IniFormat)
    assert chosen_screen(store, None) is None
    assert chosen_screen(store, 2) == 2
    assert chosen_screen(store, None) == 2  # the next start, without --screen
    again = QSettings(str(tmp_path / "workstation.ini"), QSettings.Format.IniFormat)
    assert chosen_screen(again, None) == 2 and again.value("wall/screen") is not None
