"""Checking a build: the console starts as usual and, once its first window shows, prints
one JSON line saying what it shows and whether what it carries with it is there (its
translation, the map's scripts, QtWebEngine, its sounds, and what the caller adds: the
migrations the embedded service runs), then leaves. A build test reads that line; nothing
is faked for it."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer, QUrl
from PySide6.QtWidgets import QApplication

_state = {"reported": False}
START_NOTICE = "startNotice"  # "preparing the embedded service…": not the first window


def reported() -> bool:
    return _state["reported"]


def _carried() -> dict[str, bool]:
    from app.maps import assets
    from app.ui.i18n import TRANSLATIONS
    from app.ui.sound import EVENTS, SOUNDS

    map_files = [QUrl(u).toLocalFile() for _name, u in
                 (*assets.scripts(), *assets.stylesheets())] + [
        QUrl(assets.bridge_script()).toLocalFile()]
    try:
        from PySide6 import QtWebEngineWidgets  # noqa: F401
        webengine = True
    except ImportError:
        webengine = False
    return {
        "translation_ru": (TRANSLATIONS / "dispatch_ru.qm").is_file(),
        "map_assets": all(Path(f).is_file() for f in map_files),
        "webengine": webengine,
        "sounds": all((SOUNDS / f"{e}.wav").is_file() for e in EVENTS),
    }


def watch(app: QApplication, checks: dict[str, Callable[[], bool]]) -> None:
    timer = QTimer(app)

    def look() -> None:
        shown = [w for w in QApplication.topLevelWidgets()
                 if w.isWindow() and w.isVisible() and w.objectName() != START_NOTICE]
        if not shown:
            return
        timer.stop()
        report = {"windows": [{"class": type(w).__name__, "title": w.windowTitle()}
                              for w in shown], **_carried(),
                  **{name: check() for name, check in checks.items()}}
        print(json.dumps(report, ensure_ascii=False), flush=True)
        _state["reported"] = True
        for window in shown:  # a dialog's exec() returns, and the console ends
            window.close()
        app.quit()

    timer.timeout.connect(look)
    timer.start(100)
