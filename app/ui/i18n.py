"""The UI's languages: Russian by default, English as written in the sources."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from app.sync.http import set_language

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"
LANGUAGES = {"ru": "Русский", "en": "English"}

_installed: list[QTranslator] = []


def install_translator(app: QApplication, language: str) -> bool:
    """Load the console's and Qt's own translations; False when the console's is missing."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    set_language(language)  # the service words its refusals in the operator's language too
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English))
        return True
    QLocale.setDefault(QLocale(language))
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    ours = QTranslator(app)
    if not ours.load(str(TRANSLATIONS / f"dispatch_{language}.qm")):
        return False
    app.installTranslator(ours)
    _installed.append(ours)
    return True
