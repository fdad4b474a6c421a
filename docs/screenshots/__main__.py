"""``python -m docs.screenshots [--lang ru|en] [--out DIR]``: every screenshot of the user
guide, taken from the real console on a fresh demo service, offscreen. Without ``--lang``
both languages are taken, each on a service of its own; images go to
``docs/images/<lang>/`` unless ``--out`` names another folder (then ``DIR/<lang>/``)."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

# Before Qt is loaded: no screen needed, and QtWebEngine runs as root too.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if "--no-sandbox" not in os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", ""):
    os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = (
        os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "") + " --no-sandbox").strip()

from PySide6.QtWidgets import QApplication

from app.maps.tiles import register_scheme
from app.ui import text_size
from app.ui.i18n import install_translator
from docs.screenshots import IMAGES, LANGUAGES, SHOTS


def parse(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m docs.screenshots", description=__doc__)
    p.add_argument("--lang", choices=LANGUAGES, action="append",
                   help="the console's language (repeatable; both when absent)")
    p.add_argument("--out", type=Path, default=IMAGES, metavar="DIR",
                   help="the folder the <lang>/ image folders go into")
    return p.parse_args(argv)


def take(app: QApplication, language: str, out: Path) -> list[str]:
    from docs.screenshots import admin, operator, supervisor
    from docs.screenshots.stage import Stage

    if not install_translator(app, language):
        raise SystemExit(f"the {language} catalogue is missing: run `make translations`")
    with tempfile.TemporaryDirectory(prefix="dispatch-shots-") as work:
        stage = Stage(language, out, Path(work))
        try:
            desk = operator.run(stage)
            supervisor.run(stage)
            admin.run(stage, desk)  # last: their windows are the newest (settings, F1)
        finally:
            stage.close()
    return stage.taken


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    register_scheme()  # before the application exists, as Qt requires
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("city-dispatch")
    text_size.apply_scale(1.0)
    for language in args.lang or LANGUAGES:
        print(f"{language}:", flush=True)
        taken = take(app, language, args.out / language)  # type: ignore[arg-type]
        missing = [name for name in SHOTS if name not in taken]
        if missing:
            print(f"not taken in {language}: {', '.join(missing)}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
