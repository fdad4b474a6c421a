"""Every visible string of the console has its Russian text, and the console speaks it."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from app.ui import timefmt
from app.ui.i18n import TRANSLATIONS, install_translator

ROOT = Path(__file__).parents[2]


def _lupdate(ts: Path) -> None:
    tool = Path(sys.executable).with_name("pyside6-lupdate")
    # Every package of the UI: the duty services' window lives in its own.
    sources = sorted(str(p) for d in ("app/ui", "app/maps") for p in (ROOT / d).rglob("*.py"))
    subprocess.run([str(tool), "-silent", *sources, "-ts", str(ts), "-source-language", "en",
                    "-target-language", "ru"], check=True, cwd=ROOT, timeout=120)


def test_every_string_in_the_sources_has_a_finished_russian_translation(tmp_path: Path) -> None:
    ts = tmp_path / "dispatch_ru.ts"
    shutil.copy(TRANSLATIONS / "dispatch_ru.ts", ts)
    _lupdate(ts)  # adds whatever the sources say that the catalogue lacks, as unfinished
    missing = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for msg in context.iter("message"):
            tr = msg.find("translation")
            if tr.get("type") in ("obsolete", "vanished"):
                continue
            forms = [f.text for f in tr.iter("numerusform")] or [tr.text]
            if tr.get("type") == "unfinished" or not all((f or "").strip() for f in forms):
                missing.append(f"{name}: {msg.findtext('source')}")
    assert not missing, "strings without Russian text (run make translations, then translate " \
                        "them in resources/translations/dispatch_ru.ts):\n" + "\n".join(missing)


def test_the_console_speaks_russian_by_default_and_english_on_request(qapp) -> None:
    assert install_translator(qapp, "ru")
    assert QCoreApplication.translate("Words", "in progress") == "в работе"
    assert QCoreApplication.translate("UnclaimedBanner",
                                      "%n unclaimed incident(s) waiting; the oldest for %1", "",
                                      5).startswith("5 невзятых происшествий")
    assert timefmt.age(5 * 86400) == "5 сут."  # units too, not only words
    install_translator(qapp, "en")
    assert QCoreApplication.translate("Words", "in progress") == "in progress"
    assert timefmt.age(5 * 86400) == "5 d"
    install_translator(qapp, "ru")
