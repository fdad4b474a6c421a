"""Every panel, as the room would read it from across the floor."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractScrollArea, QScrollBar, QWidget

from app.ui.wall import theme
from app.ui.wall.figures import TrendSeries, WallSource
from app.ui.wall.panels import PANELS
from tests.ui.factory import NOW, incident
from tests.ui.wall.conftest import visible_texts
from tests.ui.wall.data import SECRET_WORDS, catalog, room_store

FIGURE_PANELS = [n for n in PANELS if n != "map"]  # the map has its own tests (web engine)


def lines(panel: QWidget) -> dict[str, object]:
    return {w.text(): w for w in panel.findChildren(QWidget)
            if hasattr(w, "colour") and w.isVisibleTo(panel) and w.text()}


def test_the_registry_names_every_panel() -> None:
    assert set(PANELS) == {"kpi", "load", "trends", "exceptions", "people", "map"}


@pytest.mark.parametrize("name", FIGURE_PANELS)
def test_no_caller_name_phone_or_description_anywhere(panel, name: str) -> None:
    p = panel(name)
    text = "\n".join(visible_texts(p))
    assert text  # the panel does show something
    for secret in SECRET_WORDS:
        assert secret not in text
    assert "Suicide threat" not in text and "Угроза суицида" not in text


@pytest.mark.parametrize("name", FIGURE_PANELS)
def test_never_takes_focus_and_has_no_scrollbars(panel, name: str) -> None:
    p = panel(name, 640, 360)  # smaller than it would like
    for w in [p, *p.findChildren(QWidget)]:
        assert w.focusPolicy() == Qt.FocusPolicy.NoFocus, w
        if isinstance(w, QScrollBar):
            assert not w.isVisibleTo(p), w
        if isinstance(w, QAbstractScrollArea):
            assert w.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff


@pytest.mark.parametrize("name", FIGURE_PANELS)
def test_a_view_that_is_not_live_says_so_on_the_panel(panel, name: str) -> None:
    p = panel(name)
    assert not any("NOT LIVE" in t for t in visible_texts(p))
    p.set_live(False, datetime(2026, 11, 25, 7, 30, tzinfo=UTC))
    assert "◀ 25.11 14:30 — NOT LIVE" in visible_texts(p)  # city time, UTC+7
    p.set_live(True, None)
    assert not any("NOT LIVE" in t for t in visible_texts(p))


def test_kpi_tiles_colour_and_mark_only_what_is_abnormal(panel) -> None:
    p = panel("kpi", 1400, 500)
    shown = lines(p)
    assert shown["4"].colour == theme.TEXT  # open: calm
    assert shown[f"{theme.MARK_CRITICAL} 2"].colour == theme.CRITICAL
    assert shown[f"{theme.MARK_OVERDUE} 2"].colour == theme.OVERDUE  # overdue
    assert shown[f"{theme.MARK_OVERDUE} 1"].colour == theme.OVERDUE  # awaiting, late
    assert "1 past the norm" in shown
    # registration: all within the norm; hand-over: 2 of 3 (the closed one took 400 s)
    assert shown["mean 1:05 · 90% within 1:40"].colour == theme.TEXT
    assert shown["100% within the norm · norm 2:00"].colour == theme.DIM
    assert shown[f"{theme.MARK_OVERDUE} mean 2:30 · 90% within 6:40"].colour == theme.OVERDUE
    assert "67% within the norm, below 90% · norm 5:00" in shown


def test_load_bars_per_service(panel) -> None:
    p = panel("load")
    shown = lines(p)
    assert shown["1 open · ⚠ 1 late"].colour == theme.OVERDUE  # police, not acknowledged
    assert shown["1 open"].colour == theme.TEXT  # fire
    assert shown["0 open"].colour == theme.DIM  # water
    assert [t for t in visible_texts(p) if t in ("Fire", "Water", "Police")] == [
        "Fire", "Water", "Police"]


def test_load_shows_what_fits_then_how_many_more(qtbot, room, panel) -> None:
    p = panel("load", 900, 150)  # room for two lines only
    texts = visible_texts(p)
    shown = [t for t in texts if t in ("Fire", "Water", "Police")]
    assert shown == ["Fire"]  # the quiet one gives way first, then from the end
    assert "+2 more" in texts


def test_exceptions_in_order_with_ages_counting_up(panel, clock) -> None:
    p = panel("exceptions", 1100, 600)
    rows = [r for r in p.rows if r.isVisibleTo(p)]
    assert [r.number.text() for r in rows] == ["2026-000003", "2026-000001", "2026-000002"]
    assert [r.age.text() for r in rows] == ["3:20", "10:00", "16:40"]
    assert [r.badge.text() for r in rows] == ["▲", "▲", "⚠"]  # shape, not colour only
    assert [r.badge.colour for r in rows] == [theme.CRITICAL, theme.CRITICAL, theme.OVERDUE]
    sensitive = rows[0]
    assert sensitive.kind.text() == "Sensitive call"
    assert sensitive.detail.text() == "critical · Западный · ⚠ Police: not acknowledged"
    assert rows[1].kind.text() == "Residential fire"
    assert rows[1].detail.text() == "critical · проспект Шахтёров, 12"
    assert rows[2].detail.text() == "late · улица Кузнецкая, 5 · ⚠ not handed over in time"
    clock.t += 65
    p.tick()
    assert [r.age.text() for r in rows] == ["4:25", "11:05", "17:45"]
    p.set_live(False, NOW)  # a past state: ages stand at its moment
    clock.t += 600
    p.tick()
    assert [r.age.text() for r in rows] == ["3:20", "10:00", "16:40"]


def test_exceptions_list_what_fits_then_how_many_more(qtbot, clock) -> None:
    from app.ui.wall.panels import WallContext

    store = room_store()
    many = [incident(100 + i, priority=1, status="registered") for i in range(30)]
    store.load_snapshot({"epoch": "e", "seq": 1, "incidents": many, "handovers": [],
                         "notes": [], "crews": []})
    figures = WallSource(store, catalog()).figures(NOW)
    p = PANELS["exceptions"](WallContext(catalog(), monotonic=clock))
    qtbot.addWidget(p)
    p.resize(900, 500)
    p.show()
    qtbot.waitExposed(p)
    p.refresh(figures)
    visible = [r for r in p.rows if r.isVisibleTo(p)]
    assert 2 <= len(visible) < 30
    assert f"+{30 - len(visible)} more" in visible_texts(p)
    bottom = max(r.geometry().bottom() for r in visible)
    assert bottom <= p.body.height()  # nothing cut off at the bottom


def chart_of(p, caption: str):  # type: ignore[no-untyped-def]
    return next(c for c in p.charts.values() if c.caption.text() == caption)


def ticks(axis) -> list[tuple[float, str]]:  # type: ignore[no-untyped-def]
    return list(axis._tickLevels[0])  # the labels the axis draws, set by the panel


def test_trends_one_chart_per_category_with_last_week_as_a_ghost(panel, room) -> None:
    p = panel("trends", 1400, 600)
    texts = visible_texts(p)
    for name, note in (("Fires", "1 in 24 h · a week ago 0"),
                       ("Utilities", "3 in 24 h · a week ago 1"),
                       ("Life and health", "1 in 24 h · a week ago 0")):
        assert name in texts and note in texts
    shown = [c for c in p.charts.values() if c.isVisibleTo(p)]
    assert sorted(c.caption.text() for c in shown) == ["Fires", "Life and health", "Utilities"]
    assert "solid: last 24 h · dashed: a week ago" in texts
    plot = chart_of(p, "Utilities").plot
    xs, current = plot.current.getData()
    _, ghost = plot.ghost.getData()
    assert list(xs) == list(range(24))
    assert list(current) == [0] * 22 + [3, 0]  # three bursts at 11:00, none yet at noon
    assert list(ghost) == [0] * 22 + [1, 0]
    # The ghost is the dashed grey one, the last 24 hours the solid bright one, on top.
    assert plot.ghost.opts["pen"].style() == Qt.PenStyle.DashLine
    assert plot.ghost.opts["pen"].color().name() == theme.GHOST
    assert plot.current.opts["pen"].style() == Qt.PenStyle.SolidLine
    assert plot.current.opts["pen"].color().name() == theme.TEXT
    assert plot.current.zValue() >= plot.ghost.zValue()
    item = plot.getPlotItem()
    assert ticks(item.getAxis("left")) == [(0, "0"), (3, "3")]
    assert ticks(item.getAxis("right")) == [(0, "0")]  # this hour so far
    assert ticks(item.getAxis("bottom")) == [(0, "13:00"), (12, "01:00"), (23, "12:00")]
    low, high = item.viewRange()[1]
    assert low == 0 and high > 3  # the peak stands clear of the top edge


def test_trends_charts_are_not_operated_by_hand(panel) -> None:
    p = panel("trends", 1400, 600)
    for chart in p.charts.values():
        view, box = chart.plot, chart.plot.getPlotItem().getViewBox()
        assert box.state["mouseEnabled"] == [False, False]
        assert not box.menuEnabled() and not chart.plot.getPlotItem().menuEnabled()
        assert not view.isInteractive()
        assert view.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        assert chart.plot.getPlotItem().buttonsHidden  # no "A" autorange button either


def test_trends_refresh_feeds_the_same_lines_and_only_what_changed(panel, room) -> None:
    p = panel("trends", 1400, 600)
    _, figures = room
    before = dict(p.charts)
    lines_before = {code: (c.plot.current, c.plot.ghost) for code, c in before.items()}
    redrawn: list[str] = []
    for code, c in before.items():
        c.plot.current.sigPlotChanged.connect(lambda *_, code=code: redrawn.append(code))
    p.refresh(figures)  # the next second, nothing new
    assert redrawn == []
    fires = next(s for s in figures.trends if s.code == "fire")
    busier = replace(fires, current=(*fires.current[:-1], 2))
    p.refresh(replace(figures, trends=tuple(
        busier if s.code == "fire" else s for s in figures.trends)))
    assert redrawn == ["fire"]
    assert p.charts == before  # the same charts, the same lines
    assert {code: (c.plot.current, c.plot.ghost) for code, c in p.charts.items()} \
        == lines_before
    assert list(p.charts["fire"].plot.current.getData()[1])[-1] == 2
    assert ticks(p.charts["fire"].plot.getPlotItem().getAxis("right")) == [(2, "2")]
    # A new category gets a chart of its own; a category gone takes its chart with it.
    roads = TrendSeries("roads", "Roads", (1,) * 24, (0,) * 24)
    p.refresh(replace(figures, trends=(*figures.trends[1:], roads)))
    assert set(p.charts) == {"medical", "utilities", "roads"}
    assert p.charts["utilities"] is before["utilities"]
    assert "Roads" in visible_texts(p) and "Fires" not in visible_texts(p)


def test_trends_show_the_busiest_categories_that_fit_then_how_many_more(panel, room) -> None:
    p = panel("trends", 1400, 600)
    _, figures = room
    many = tuple(TrendSeries(f"c{i}", f"Category {i}", (i,) * 24, (0,) * 24)
                 for i in range(10))
    p.refresh(replace(figures, trends=many))
    shown = sorted(c.caption.text() for c in p.charts.values() if c.isVisibleTo(p))
    assert shown == sorted(f"Category {i}" for i in range(2, 10))
    assert "+2 more categories" in visible_texts(p)


def test_trends_carry_no_personal_words_not_even_on_the_charts(panel) -> None:
    p = panel("trends", 1400, 600)
    drawn = [*visible_texts(p)]
    for chart in p.charts.values():
        item = chart.plot.getPlotItem()
        drawn += [label for name in ("left", "right", "bottom")
                  for _, label in ticks(item.getAxis(name))]
    text = "\n".join(drawn)
    for secret in (*SECRET_WORDS, "Suicide threat", "Угроза суицида"):
        assert secret not in text


def test_trends_in_the_past_say_not_live_above_the_charts(panel) -> None:
    p = panel("trends", 1400, 600)
    p.set_live(False, datetime(2026, 11, 25, 7, 30, tzinfo=UTC))
    p.layout().activate()
    assert p.strip.isVisibleTo(p) and p.strip.text() == "◀ 25.11 14:30 — NOT LIVE"
    assert p.strip.geometry().bottom() < p.body.geometry().top()
    assert list(chart_of(p, "Utilities").plot.current.getData()[1])[22] == 3


def test_people_clock_and_shift(panel, clock) -> None:
    p = panel("people", 700, 700)
    texts = visible_texts(p)
    assert "12:00:00" in texts and "26.11.2026" in texts
    assert "Shift 2026-11-26 08:00–20:00 · ends in 8:00:00" in texts
    assert "Online: 2" in texts
    assert "Петров Сергей — holds 1: 2026-000002" in texts
    assert "Смирнова Анна" in texts and "Видеостена" not in texts
    clock.t += 61
    p.tick()
    assert "12:01:01" in visible_texts(p)
