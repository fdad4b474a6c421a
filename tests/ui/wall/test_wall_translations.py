"""The wall speaks Russian too: its sources (in subpackages the console's own translation
test does not scan) have every string translated."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from app.ui.i18n import TRANSLATIONS, install_translator

ROOT = Path(__file__).parents[3]


def _forms(translation: ET.Element) -> list[str | None]:
    """A plural message has its text in one form per Russian plural, not in itself."""
    return [f.text for f in translation.iter("numerusform")] or [translation.text]


def test_every_wall_string_has_its_russian(tmp_path: Path) -> None:
    ts = tmp_path / "dispatch_ru.ts"
    shutil.copy(TRANSLATIONS / "dispatch_ru.ts", ts)
    sources = sorted(str(p) for p in (ROOT / "app/ui/wall").rglob("*.py"))
    tool = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run([str(tool), "-silent", *sources, "-ts", str(ts), "-source-language", "en",
                    "-target-language", "ru"], check=True, cwd=ROOT, timeout=120)
    missing = [
        f"{context.findtext('name')}: {msg.findtext('source')}"
        for context in ET.parse(ts).getroot().iter("context")
        for msg in context.iter("message")
        if any("wall" in (loc.get("filename") or "") for loc in msg.iter("location"))
        and (msg.find("translation").get("type") == "unfinished"
             or not all((f or "").strip() for f in _forms(msg.find("translation"))))
    ]
    assert not missing, "wall strings without Russian text:\n" + "\n".join(missing)


def test_the_wall_masks_in_russian(qapp) -> None:
    assert install_translator(qapp, "ru")
    assert QCoreApplication.translate("Wall", "Sensitive call") == "Закрытый вызов"
    assert QCoreApplication.translate("KpiPanel", "Overdue") == "Просрочено"
    install_translator(qapp, "en")
