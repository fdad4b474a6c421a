"""Several screens: Qt's offscreen platform given four virtual screens by a config file
(``offscreen:configfile=…``, a JSON ``screens`` list), in a child process since this one
already has its application on one screen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[3]
SCREENS = [  # a 2×2 wall of 1080p screens, left to right, top to bottom
    {"name": f"wall-{i}", "x": 1920 * (i % 2), "y": 1080 * (i // 2), "width": 1920,
     "height": 1080, "logicalDpi": 96, "logicalBpp": 32, "dpr": 1}
    for i in range(4)
]


def child() -> None:
    """In the child: open the wall from a layout as ``dispatch wall`` does, report where
    each window landed."""
    from PySide6.QtWidgets import QApplication

    from app.sync import SyncClient
    from app.ui.bridge import SyncBridge
    from app.ui.wall.layout import RESOURCES, default_layout, load_layout
    from app.ui.wall.run import open_windows
    from app.ui.wall.window import WallFeed
    from tests.ui.factory import NOW
    from tests.ui.wall.data import catalog, room_store

    app = QApplication([])
    client = SyncClient("http://127.0.0.1:9")  # never contacted
    client.store = room_store()
    feed = WallFeed(SyncBridge(client), catalog(), clock=lambda: NOW)
    chosen = None if sys.argv[1] == "all" else int(sys.argv[1])
    layout = (load_layout(RESOURCES / "two_by_two.toml") if sys.argv[2] == "2x2"
              else default_layout())
    windows = open_windows(feed, layout, chosen)
    for _ in range(10):
        app.processEvents()
    screens = app.screens()
    print(json.dumps({
        "screens": [s.name() for s in screens],
        "windows": [{
            "layout": w.layout_of_screen.index,
            "screen": w.screen().name(),
            "geometry": list(w.geometry().getRect()),
            "screen_geometry": list(w.screen().geometry().getRect()),
            "full_screen": w.isFullScreen(),
            "pages": [[type(p).__name__ for p in page] for page in w.pages],
        } for w in windows],
    }))


def run_child(tmp_path: Path, chosen: str, layout: str) -> dict:
    config = tmp_path / "screens.json"
    config.write_text(json.dumps({"screens": SCREENS}), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
           "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", "from tests.ui.wall.test_screens import child; child()",
         chosen, layout], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_a_two_by_two_wall_is_four_windows_each_on_its_screen(tmp_path: Path) -> None:
    seen = run_child(tmp_path, "all", "2x2")
    assert seen["screens"] == [s["name"] for s in SCREENS]
    windows = seen["windows"]
    assert [w["layout"] for w in windows] == [0, 1, 2, 3]
    for w, screen in zip(windows, SCREENS, strict=True):
        assert w["screen"] == screen["name"]
        assert w["geometry"] == [screen["x"], screen["y"], screen["width"], screen["height"]]
        assert w["geometry"] == w["screen_geometry"] and w["full_screen"]
    # each with its own pages, as the file says
    assert windows[1]["pages"] == [["MapPanel"]]
    assert windows[2]["pages"] == [["LoadPanel"], ["TrendsPanel"]]


def test_the_chosen_screen_gets_the_one_screen_wall(tmp_path: Path) -> None:
    seen = run_child(tmp_path, "3", "default")
    (window,) = seen["windows"]
    assert window["screen"] == "wall-3"
    assert window["geometry"] == [1920, 1080, 1920, 1080]
