"""The settings dialog against the real console: every setting is kept, a bad one is refused
in words with what was typed left in place, the language and the sounds change at once,
and `dispatch` takes its service from the settings unless told otherwise."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from app.main import main
from app.server.embedded import ServiceThread
from app.services.demo import DEMO_PASSWORD
from app.sync import SyncClient
from app.ui import text_size
from app.ui.bridge import SyncBridge
from app.ui.catalog_view import CatalogView
from app.ui.console_windows import ConsoleWindows
from app.ui.i18n import install_translator
from app.ui.settings_dialog import SettingsDialog
from app.ui.sound import SoundEvents
from app.ui.wall.layout import RESOURCES
from tests.ui.conftest import SHOTS
from tests.ui.keys import type_text
from tests.ui.test_card import GAS


def store_in(tmp_path: Path, name: str = "settings") -> QSettings:
    return QSettings(str(tmp_path / f"{name}.ini"), QSettings.Format.IniFormat)


def mbtiles(path: Path, *, with_tiles: bool = True) -> Path:
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
    if with_tiles:
        db.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, "
                   "tile_row INTEGER, tile_data BLOB)")
    db.commit()
    db.close()
    return path


@pytest.fixture
def dialog(qtbot, tmp_path: Path) -> Iterator[SettingsDialog]:
    sounds = SoundEvents(enabled=True)
    d = SettingsDialog(store_in(tmp_path), sounds=sounds)
    qtbot.addWidget(d)
    d.show()
    yield d
    text_size.apply_scale(1.0)


def ok(qtbot, d: SettingsDialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(d.buttons.button(d.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_each_setting_is_kept_after_ok(qtbot, dialog: SettingsDialog, tmp_path: Path) -> None:
    d = dialog
    tiles = mbtiles(tmp_path / "city.mbtiles")
    d.central.setChecked(True)
    type_text(d.server_url, "https://dispatch.city.local:8700")
    d.language.setCurrentIndex(d.language.findData("en"))
    d.scale.setCurrentIndex(d.scale.findData(1.25))
    d.file_map.setChecked(True)
    type_text(d.mbtiles, str(tiles))
    d.sounds_on.setChecked(False)
    d.wall_layout.setCurrentIndex(d.wall_layout.findData("two_by_two.toml"))
    d.wall_screen.setValue(2)
    languages: list[str] = []
    d.language_chosen.connect(languages.append)
    ok(qtbot, d)
    assert d.result() == SettingsDialog.DialogCode.Accepted
    s = store_in(tmp_path)
    assert s.value("server") == "https://dispatch.city.local:8700"
    assert s.value("language") == "en" and languages == ["en"]
    assert float(s.value(text_size.KEY)) == 1.25
    assert s.value("map/mbtiles") == str(tiles) and s.value("map/tiles") == ""
    assert s.value("sounds/enabled", type=bool) is False and d.sounds.enabled is False
    assert s.value("wall/layout") == "two_by_two.toml" and int(s.value("wall/screen")) == 2

    # Opened again, the dialog shows what is kept; online tiles replace the file.
    again = SettingsDialog(s)
    qtbot.addWidget(again)
    assert again.central.isChecked() and again.file_map.isChecked()
    assert again.wall_layout.currentData() == "two_by_two.toml"
    again.online_map.setChecked(True)
    type_text(again.tiles, "https://tiles.city.local/{z}/{x}/{y}.png")
    type_text(again.attribution, "© город")
    again.embedded.setChecked(True)
    again.accept()
    assert s.value("map/tiles") == "https://tiles.city.local/{z}/{x}/{y}.png"
    assert s.value("map/attribution") == "© город" and s.value("map/mbtiles") == ""
    assert s.value("server") == ""  # the embedded demo


def test_cancel_changes_nothing(qtbot, dialog: SettingsDialog, tmp_path: Path) -> None:
    dialog.central.setChecked(True)
    type_text(dialog.server_url, "http://other.city.local")
    dialog.sounds_on.setChecked(False)
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Cancel),
                     Qt.MouseButton.LeftButton)
    assert store_in(tmp_path).allKeys() == []
    assert dialog.sounds.enabled is True


@pytest.mark.parametrize(("page", "fill", "field", "typed", "reason"), [
    ("server", lambda d: d.central.setChecked(True), "server_url", "dispatch.city.local:8700",
     "must start with http:// or https://"),
    ("server", lambda d: d.central.setChecked(True), "server_url", "http://:8700/",
     "names no host"),
    ("server", lambda d: d.central.setChecked(True), "server_url", "http://host:99999",
     "from 1 to 65535"),
    ("map", lambda d: d.online_map.setChecked(True), "tiles",
     "https://tiles.city.local/{z}/{x}.png", "{y} is missing"),
    ("map", lambda d: d.online_map.setChecked(True), "tiles", "tiles/{z}/{x}/{y}.png",
     "must start with http:// or https://"),
])
def test_a_bad_address_is_refused_in_words_and_kept(
        qtbot, dialog: SettingsDialog, tmp_path: Path, page: str, fill: Any, field: str,
        typed: str, reason: str) -> None:
    d = dialog
    fill(d)
    type_text(getattr(d, field), typed)
    ok(qtbot, d)
    assert d.isVisible() and d.result() != SettingsDialog.DialogCode.Accepted
    assert reason in d.pages[page].error.text()
    assert d.tabs.currentWidget() is d.pages[page]
    assert getattr(d, field).text() == typed  # nothing typed is lost
    assert store_in(tmp_path).allKeys() == []


def test_a_file_that_is_no_mbtiles_is_refused_with_the_reason(
        qtbot, dialog: SettingsDialog, tmp_path: Path) -> None:
    d = dialog
    d.file_map.setChecked(True)
    cases = [
        (str(tmp_path / "missing.mbtiles"), "There is no file"),
        (str(tmp_path / "notes.txt"), "not an SQLite database"),
        (str(mbtiles(tmp_path / "empty.mbtiles", with_tiles=False)), "has no tiles table"),
    ]
    (tmp_path / "notes.txt").write_text("not tiles")
    for path, reason in cases:
        d.mbtiles.setText(path)
        ok(qtbot, d)
        assert reason in d.pages["map"].error.text(), path
        assert d.mbtiles.text() == path and d.isVisible()
    d.mbtiles.setText(str(mbtiles(tmp_path / "good.mbtiles")))
    ok(qtbot, d)
    assert not d.isVisible()


def test_a_wall_layout_that_does_not_load_is_refused_with_the_loaders_words(
        qtbot, dialog: SettingsDialog, tmp_path: Path) -> None:
    d = dialog
    bad = tmp_path / "wall.toml"
    bad.write_text('[[screen]]\nindex = 0\npinned = ["kpi", "weather"]\n')
    d.wall_layout.setCurrentIndex(d.wall_layout.findData("__file__"))
    type_text(d.wall_file, str(bad))
    ok(qtbot, d)
    error = d.pages["wall"].error.text()
    assert error.startswith("This layout cannot be used:")
    assert "wall.toml:3: screen[0].pinned[1]: unknown panel \"weather\"" in error
    assert d.wall_file.text() == str(bad)
    # A layout of four screens has no screen 7.
    d.wall_layout.setCurrentIndex(d.wall_layout.findData("two_by_two.toml"))
    d.wall_screen.setValue(7)
    ok(qtbot, d)
    assert "has no screen 7" in d.pages["wall"].error.text()
    d.wall_screen.setValue(3)
    ok(qtbot, d)
    assert store_in(tmp_path).value("wall/layout") == "two_by_two.toml"


def test_the_play_buttons_sound_even_while_sounds_are_off(qtbot, dialog: SettingsDialog) -> None:
    heard: list[str] = []
    dialog.sounds.previewed.connect(heard.append)
    dialog.sounds_on.setChecked(False)
    qtbot.mouseClick(dialog.play_buttons["overdue"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.play_buttons["unclaimed"], Qt.MouseButton.LeftButton)
    assert heard == ["overdue", "unclaimed"]


def test_sounds_off_means_no_sound_for_a_new_app_report(console, qtbot) -> None:
    window = console("operator")
    played: list[str] = []
    window.sounds.played.connect(played.append)
    d = window.open_settings()
    d.tabs.setCurrentWidget(d.pages["sounds"])
    d.sounds_on.setChecked(False)
    ok(qtbot, d)
    before = window.banner.count
    window.client.register(source="mobile_app", type_code="gas_smell", address=GAS,
                           description="первое из приложения")
    qtbot.waitUntil(lambda: window.banner.count == before + 1, timeout=10000)
    assert played == []
    assert window.settings.value("sounds/enabled", type=bool) is False

    d = window.open_settings()
    assert not d.sounds_on.isChecked()  # read back from the settings
    d.sounds_on.setChecked(True)
    ok(qtbot, d)
    window.client.register(source="mobile_app", type_code="gas_smell", address=GAS,
                           description="второе из приложения")
    qtbot.waitUntil(lambda: window.banner.count == before + 2, timeout=10000)
    assert played == ["unclaimed"]


@pytest.fixture
def hosted(qapp, qtbot, live_service: ServiceThread, tmp_path: Path):  # type: ignore[no-untyped-def]
    """The console as `dispatch` runs it: the main window held by ConsoleWindows."""
    made: list[tuple[ConsoleWindows, SyncClient]] = []

    def make(login: str = "operator", language: str = "en") -> ConsoleWindows:
        client = SyncClient(live_service.url, replica=tmp_path / f"{login}.db", outbox=True,
                            retry_seconds=0.2, timeout=3)
        client.login(login, DEMO_PASSWORD)
        settings = store_in(tmp_path, login)
        settings.setValue("language", language)
        install_translator(qapp, language)
        windows = ConsoleWindows(SyncBridge(client),
                                 CatalogView.from_wire(client.catalog(), language), settings)
        client.start()
        assert client.wait_live(10)
        windows.window.show()
        made.append((windows, client))
        return windows

    yield make
    for windows, client in made:
        windows.window.close()
        windows.bridge.close()
        client.close()


def menu_titles(window: Any) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def test_the_language_changes_at_once_on_the_same_connection(hosted, qtbot) -> None:
    windows = hosted("operator", "en")
    old = windows.window
    assert menu_titles(old)[:2] == ["&Incident", "&View"]
    first = old.client.register(source="phone", type_code="gas_smell", address=GAS,
                                description="до смены языка")["incident"]["id"]
    qtbot.waitUntil(lambda: old.model.row_of(first) is not None, timeout=10000)
    old.queue.select(first)
    old.card.show_incident(first)
    d = old.open_settings()
    d.language.setCurrentIndex(d.language.findData("ru"))
    ok(qtbot, d)
    new = windows.window
    assert new is not old
    # The Russian of the menus as dispatch_ru.ts has it; the catalogue's names follow too.
    assert menu_titles(new)[:2] == ["&Происшествие", "&Вид"]
    assert new.catalog.language == "ru"
    type_code = new.client.store.get("incident", first)["type_code"]
    assert new.catalog.type_name(type_code) == new.catalog.types[type_code]["name_ru"]
    assert new.isVisible() and not old.isVisible()
    assert new.card.incident_id == first and new.queue.selected_id() == first
    assert new.settings.value("language") == "ru"
    # The new window follows the stream: a registration shows up in its queue.
    inc = new.client.register(source="phone", type_code="gas_smell", address=GAS,
                              description="после смены языка")["incident"]
    qtbot.waitUntil(lambda: new.model.row_of(inc["id"]) is not None, timeout=10000)


def test_dispatch_takes_its_service_from_the_settings_unless_told(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import app.ui.console as console
    import app.ui.wall.run as wall_run

    store = store_in(tmp_path)
    monkeypatch.setattr(console, "settings", lambda: store)
    monkeypatch.setenv("DISPATCH_DATA_DIR", str(tmp_path / "data"))
    seen: list[Any] = []
    monkeypatch.setattr(console, "run_console", lambda target, **_kw: seen.append(target) or 0)
    monkeypatch.setattr(wall_run, "run_wall", lambda target, **_kw: seen.append(target) or 0)

    main([])
    assert callable(seen.pop())  # nothing set: the embedded demo
    store.setValue("server", "https://dispatch.city.local:8700")
    main([])
    main(["wall"])
    assert seen == ["https://dispatch.city.local:8700"] * 2
    seen.clear()
    main(["--server", "http://127.0.0.1:9"])  # the command line wins
    main(["wall", "--server", "http://127.0.0.1:9"])
    assert seen == ["http://127.0.0.1:9"] * 2


def test_dispatch_wall_uses_the_layout_chosen_in_the_settings(tmp_path: Path) -> None:
    from app.ui.wall.run import configured_layout

    store = store_in(tmp_path)
    assert len(configured_layout(store, None).screens) == 1  # the default
    store.setValue("wall/layout", "two_by_two.toml")
    assert [s.index for s in configured_layout(store, None).screens] == [0, 1, 2, 3]
    # --layout wins.
    assert len(configured_layout(store, RESOURCES / "default.toml").screens) == 1


def test_screenshot_of_the_settings_dialog(qtbot, dialog: SettingsDialog, tmp_path: Path) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    dialog.central.setChecked(True)
    type_text(dialog.server_url, "dispatch.city.local")
    ok(qtbot, dialog)  # refused: the shot shows the reason under the field
    QApplication.processEvents()
    dialog.grab().save(str(SHOTS / "settings_server.png"))
    dialog.server_url.setText("http://dispatch.city.local:8700")
    dialog.tabs.setCurrentWidget(dialog.pages["map"])
    dialog.online_map.setChecked(True)
    type_text(dialog.tiles, "https://tiles.city.local/{z}/{x}/{y}.png")
    QApplication.processEvents()
    dialog.grab().save(str(SHOTS / "settings_map.png"))
    for key in ("language", "sounds", "wall"):
        dialog.tabs.setCurrentWidget(dialog.pages[key])
        QApplication.processEvents()
        dialog.grab().save(str(SHOTS / f"settings_{key}.png"))


def test_the_consoles_wall_window_shows_the_screen_chosen_in_the_settings(console) -> None:
    window = console("operator")
    window.settings.setValue("wall/layout", "two_by_two.toml")
    window.settings.setValue("wall/screen", 3)
    wall = window.open_wall()
    try:
        assert wall.layout_of_screen.index == 3
        assert wall.layout_of_screen.pinned == ("people",)
    finally:
        wall.close()
