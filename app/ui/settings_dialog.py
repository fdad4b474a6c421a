"""The console's settings, kept per workstation in QSettings: the service, the language, the
map's tiles, the sounds, the wall's layout and the text size. OK checks everything first;
a refusal is said under the field and keeps what was typed; Cancel changes nothing."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.ui import settings_checks as checks
from app.ui import text_size
from app.ui.i18n import LANGUAGES
from app.ui.sound import EVENTS, SoundEvents
from app.ui.wall.layout import built_in_layouts

ERROR_STYLE = "color: #b71c1c; font-weight: bold;"
OTHER_FILE = "__file__"  # the wall layout combo's "another file" entry
SOUND_NAMES = {
    "unclaimed": QT_TRANSLATE_NOOP("Settings", "An incident arrived and nobody has taken it"),
    "overdue": QT_TRANSLATE_NOOP("Settings", "An incident went past a norm"),
}


def _next_start(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: #555;")
    return label


class _Page(QWidget):
    """One tab: a form and the line where its refusal is said."""

    def __init__(self) -> None:
        super().__init__()
        self.box = QVBoxLayout(self)
        self.form = QFormLayout()
        self.box.addLayout(self.form)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def finish(self) -> None:
        self.box.addWidget(self.error)
        self.box.addStretch(1)


def _browse_row(edit: QLineEdit, button: QPushButton) -> QWidget:
    row = QWidget()
    box = QHBoxLayout(row)
    box.setContentsMargins(0, 0, 0, 0)
    box.addWidget(edit, 1)
    box.addWidget(button)
    return row


class SettingsDialog(QDialog):
    language_chosen = Signal(str)  # a new language, after OK
    scale_chosen = Signal(float)  # a new text size, after OK

    def __init__(self, store: QSettings, *, sounds: SoundEvents | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.store = store
        self.sounds = sounds
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settingsTabs")
        self.pages: dict[str, _Page] = {}
        for key, title, build in (
            ("server", self.tr("&Server"), self._server_page),
            ("language", self.tr("&Language and text"), self._language_page),
            ("map", self.tr("&Map"), self._map_page),
            ("sounds", self.tr("Soun&ds"), self._sounds_page),
            ("wall", self.tr("&Wall"), self._wall_page),
        ):
            page = _Page()
            build(page)
            page.finish()
            self.pages[key] = page
            self.tabs.addTab(page, title)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self.resize(680, 400)

    # -- the pages -----------------------------------------------------------------------

    def _server_page(self, page: _Page) -> None:
        kept = str(self.store.value("server", "") or "")
        self.embedded = QRadioButton(self.tr("&Embedded demo service on this computer"))
        self.central = QRadioButton(self.tr("&Central service:"))
        self.server_url = QLineEdit(kept)
        self.server_url.setObjectName("serverUrl")
        self.server_url.setPlaceholderText("http://dispatch.city.local:8700")
        group = QButtonGroup(self)
        group.addButton(self.embedded)
        group.addButton(self.central)
        (self.central if kept else self.embedded).setChecked(True)
        self.server_url.setEnabled(self.central.isChecked())
        self.central.toggled.connect(self.server_url.setEnabled)
        self.central.toggled.connect(lambda on: self.server_url.setFocus() if on else None)
        page.form.addRow(self.embedded)
        page.form.addRow(self.central, self.server_url)
        page.form.addRow(_next_start(self.tr(
            "Takes effect the next time the console is started. A --server given on the "
            "command line wins over this setting.")))

    def _language_page(self, page: _Page) -> None:
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        current = str(self.store.value("language", "ru"))
        self.language.setCurrentIndex(max(0, self.language.findData(current)))
        label = QLabel(self.tr("Lan&guage:"))
        label.setBuddy(self.language)
        page.form.addRow(label, self.language)
        page.form.addRow(_next_start(self.tr("Applied at once when you press OK.")))
        self.scale = QComboBox()
        self.scale.setObjectName("textScale")
        for step in text_size.STEPS:
            self.scale.addItem(f"{round(step * 100)} %", step)
        kept = text_size.stored_scale(self.store)
        nearest = min(text_size.STEPS, key=lambda s: abs(s - kept))
        self.scale.setCurrentIndex(text_size.STEPS.index(nearest))
        size = QLabel(self.tr("&Text size:"))
        size.setBuddy(self.scale)
        page.form.addRow(size, self.scale)
        page.form.addRow(_next_start(self.tr(
            "Also from the View menu: Ctrl++ larger, Ctrl+- smaller, Ctrl+0 normal.")))

    def _map_page(self, page: _Page) -> None:
        tiles = str(self.store.value("map/tiles", "") or "")
        mbtiles = str(self.store.value("map/mbtiles", "") or "")
        self.own_map = QRadioButton(self.tr("The service's own &basemap of the city "
                                            "(works on a closed network)"))
        self.online_map = QRadioButton(self.tr("&Online tiles:"))
        self.file_map = QRadioButton(self.tr("Local MBTiles &file:"))
        group = QButtonGroup(self)
        for button in (self.own_map, self.online_map, self.file_map):
            group.addButton(button)
        self.tiles = QLineEdit(tiles)
        self.tiles.setObjectName("tilesTemplate")
        self.tiles.setPlaceholderText("https://tiles.city.local/{z}/{x}/{y}.png")
        self.attribution = QLineEdit(str(self.store.value("map/attribution", "") or ""))
        self.attribution.setObjectName("tilesAttribution")
        self.attribution.setPlaceholderText(self.tr("who made the map, shown in its corner"))
        self.mbtiles = QLineEdit(mbtiles)
        self.mbtiles.setObjectName("mbtilesFile")
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(lambda: self._choose(self.mbtiles, self.tr("MBTiles file"),
                                                    self.tr("MBTiles (*.mbtiles);;All files (*)")))
        (self.file_map if mbtiles else self.online_map if tiles else self.own_map).setChecked(True)
        page.form.addRow(self.own_map)
        page.form.addRow(self.online_map, self.tiles)
        page.form.addRow(self.tr("Attribution:"), self.attribution)
        page.form.addRow(self.file_map, _browse_row(self.mbtiles, browse))
        self.mbtiles_browse = browse

        def follow() -> None:
            self.tiles.setEnabled(self.online_map.isChecked())
            self.attribution.setEnabled(self.online_map.isChecked())
            self.mbtiles.setEnabled(self.file_map.isChecked())
            browse.setEnabled(self.file_map.isChecked())

        group.buttonToggled.connect(lambda *_: follow())
        follow()
        page.form.addRow(_next_start(self.tr(
            "Takes effect the next time the map is made (the next start). Online tiles need "
            "the tile server to be reachable from this computer.")))

    def _sounds_page(self, page: _Page) -> None:
        self.sounds_on = QCheckBox(self.tr("&Play sounds for events"))
        self.sounds_on.setObjectName("soundsEnabled")
        self.sounds_on.setChecked(bool(self.store.value("sounds/enabled", True, type=bool)))
        page.form.addRow(self.sounds_on)
        grid = QGridLayout()
        self.play_buttons: dict[str, QPushButton] = {}
        for row, name in enumerate(EVENTS):
            grid.addWidget(QLabel(QCoreApplication.translate("Settings", SOUND_NAMES.get(
                name, name))), row, 0)
            button = QPushButton(self.tr("Play"))
            button.setObjectName(f"play_{name}")
            button.setToolTip(self.tr("Hear this sound now, even while sounds are off"))
            button.setEnabled(self.sounds is not None)
            button.clicked.connect(lambda _c=False, n=name: self._preview(n))
            grid.addWidget(button, row, 1)
            self.play_buttons[name] = button
        grid.setColumnStretch(0, 1)
        page.box.addLayout(grid)
        page.box.addWidget(_next_start(self.tr("Applied at once when you press OK.")))

    def _wall_page(self, page: _Page) -> None:
        kept = str(self.store.value("wall/layout", "") or "")
        self.wall_layout = QComboBox()
        self.wall_layout.setObjectName("wallLayout")
        self.wall_layout.addItem(self.tr("Default (default.toml)"), "")
        for name in built_in_layouts():
            if name != "default.toml":
                self.wall_layout.addItem(name, name)
        self.wall_layout.addItem(self.tr("Another file…"), OTHER_FILE)
        self.wall_file = QLineEdit()
        self.wall_file.setObjectName("wallFile")
        self.wall_file.setPlaceholderText(self.tr("a TOML layout file"))
        index = self.wall_layout.findData(kept)
        if index < 0:
            index = self.wall_layout.findData(OTHER_FILE)
            self.wall_file.setText(kept)
        self.wall_layout.setCurrentIndex(index)
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(lambda: self._choose(self.wall_file, self.tr("Wall layout"),
                                                    self.tr("Layouts (*.toml);;All files (*)")))
        self.wall_browse = browse

        def follow() -> None:
            other = self.wall_layout.currentData() == OTHER_FILE
            self.wall_file.setEnabled(other)
            browse.setEnabled(other)

        self.wall_layout.currentIndexChanged.connect(lambda *_: follow())
        follow()
        self.wall_screen = QSpinBox()
        self.wall_screen.setObjectName("wallScreen")
        self.wall_screen.setRange(-1, checks.MOST_SCREENS - 1)
        self.wall_screen.setSpecialValueText(self.tr("as the layout says"))
        screen = self.store.value("wall/screen")
        try:
            self.wall_screen.setValue(int(screen) if screen is not None else -1)  # type: ignore[call-overload]
        except (TypeError, ValueError):
            self.wall_screen.setValue(-1)
        layout_label = QLabel(self.tr("La&yout:"))
        layout_label.setBuddy(self.wall_layout)
        screen_label = QLabel(self.tr("Sc&reen (0 is the first):"))
        screen_label.setBuddy(self.wall_screen)
        page.form.addRow(layout_label, self.wall_layout)
        page.form.addRow(self.tr("File:"), _browse_row(self.wall_file, browse))
        page.form.addRow(screen_label, self.wall_screen)
        page.form.addRow(_next_start(self.tr(
            "Used by “dispatch wall” and by View → Open the wall in a window when no "
            "--layout or --screen is given.")))

    # -- helpers ---------------------------------------------------------------------------

    def _choose(self, edit: QLineEdit, title: str, kinds: str) -> None:
        path, _kind = QFileDialog.getOpenFileName(self, title, edit.text(), kinds)
        if path:
            edit.setText(path)

    def _preview(self, name: str) -> None:
        if self.sounds is not None:
            self.sounds.preview(name)

    def _wall_choice(self) -> str | None:
        """The layout as it is kept: "" default, a built-in's name, a file's path."""
        data = self.wall_layout.currentData()
        return self.wall_file.text().strip() if data == OTHER_FILE else str(data)

    # -- OK --------------------------------------------------------------------------------

    def problems(self) -> list[tuple[str, QWidget, str]]:
        """(page, field, reason) for everything that cannot be kept as it stands."""
        found: list[tuple[str, QWidget, str]] = []
        if self.central.isChecked():
            reason = checks.server_problem(self.server_url.text())
            if reason:
                found.append(("server", self.server_url, reason))
        if self.online_map.isChecked():
            reason = checks.tiles_problem(self.tiles.text())
            if reason:
                found.append(("map", self.tiles, reason))
        if self.file_map.isChecked():
            reason = checks.mbtiles_problem(self.mbtiles.text())
            if reason:
                found.append(("map", self.mbtiles, reason))
        choice = self._wall_choice()
        screen = self.wall_screen.value()
        _layout, reason = checks.layout_problem(choice or None, screen if screen >= 0 else 0)
        if reason:
            found.append(("wall", self.wall_file if self.wall_layout.currentData() == OTHER_FILE
                          else self.wall_layout, reason))
        return found

    def accept(self) -> None:
        for page in self.pages.values():
            page.error.clear()
        found = self.problems()
        if found:
            for key, _field, reason in reversed(found):
                self.pages[key].error.setText(reason)
            key, field, _reason = found[0]
            self.tabs.setCurrentWidget(self.pages[key])
            field.setFocus()
            return
        self._store()
        super().accept()

    def _store(self) -> None:
        s = self.store
        s.setValue("server", self.server_url.text().strip() if self.central.isChecked() else "")
        online, local = self.online_map.isChecked(), self.file_map.isChecked()
        s.setValue("map/tiles", self.tiles.text().strip() if online else "")
        s.setValue("map/attribution", self.attribution.text().strip() if online else "")
        s.setValue("map/mbtiles", self.mbtiles.text().strip() if local else "")
        on = self.sounds_on.isChecked()
        s.setValue("sounds/enabled", on)
        if self.sounds is not None:
            self.sounds.enabled = on
        s.setValue("wall/layout", self._wall_choice() or "")
        if self.wall_screen.value() >= 0:
            s.setValue("wall/screen", self.wall_screen.value())
        else:
            s.remove("wall/screen")
        scale = float(self.scale.currentData())
        if abs(scale - text_size.stored_scale(s)) > 1e-6 or abs(
                scale - text_size.current()) > 1e-6:
            s.setValue(text_size.KEY, scale)
            self.scale_chosen.emit(scale)
        language = str(self.language.currentData())
        if language != str(s.value("language", "ru")):
            s.setValue("language", language)
            self.language_chosen.emit(language)
        s.sync()

