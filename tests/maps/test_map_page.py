"""The map page on a closed network: Leaflet from installed packages, markers through the
bridge, nothing fetched from outside."""

from __future__ import annotations

import json
import re
from typing import Any

from app.domain import demo_city
from app.maps.map_widget import MapView
from app.maps.page import build_page, center_of

BASEMAP: dict[str, Any] = {
    "districts": demo_city.DISTRICTS,
    "rivers": demo_city.RIVERS,
    "streets": [{"name": s.name, "points": s.points} for s in demo_city.STREETS[:5]],
}


def js(qtbot, view: MapView, script: str) -> Any:
    box: list[Any] = []
    view.page().runJavaScript(script, 0, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=5000)
    return box[0]


def make_view(qtbot) -> MapView:
    view = MapView(center=center_of(BASEMAP), basemap=BASEMAP)
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    with qtbot.waitSignal(view.loaded, timeout=30000):
        pass
    return view


def marker(i: int, **over: Any) -> dict[str, Any]:
    d = {"id": i, "lat": 53.68 + i * 0.0005, "lon": 88.04 + i * 0.0007, "priority": 1 + i % 4,
         "status": "registered", "overdue": False, "label": f"2026-{i:06d}"}
    d.update(over)
    return d


def test_the_page_names_no_address_on_the_internet() -> None:
    html = build_page(center_of(BASEMAP), BASEMAP)
    assert not re.findall(r"https?://", html)
    assert "leaflet.js" in html and "leaflet.markercluster.js" in html


def test_leaflet_loads_and_markers_are_drawn_with_the_network_blocked(qtbot) -> None:
    view = make_view(qtbot)
    assert js(qtbot, view, "typeof L === 'object' && typeof L.markerClusterGroup") \
        == "function"
    view.upsert_incidents([marker(i) for i in range(1, 41)])
    qtbot.waitUntil(lambda: js(qtbot, view, "window.dispatchStats.markers") == 40, timeout=5000)
    assert view.guard.blocked == [], f"the page asked the internet for {view.guard.blocked}"


def test_markers_change_and_leave_in_place_without_reloading(qtbot) -> None:
    view = make_view(qtbot)
    js(qtbot, view, "window.pageToken = 'still here'")
    view.upsert_incidents([marker(1), marker(2)])
    view.upsert_incidents([marker(1, lat=53.70, status="in_progress", overdue=True)])
    view.remove_incidents([2])
    qtbot.waitUntil(lambda: js(qtbot, view, "window.dispatchStats.markers") == 1, timeout=5000)
    assert js(qtbot, view, "window.pageToken") == "still here"


def test_what_colour_says_the_shape_says_too(qtbot) -> None:
    view = make_view(qtbot)
    view.upsert_incidents([
        marker(1, priority=1), marker(2, priority=3), marker(3, priority=3, status="new"),
        marker(4, priority=3, overdue=True),
        marker(5, priority=2, emergency=True, reportLate=False),
        marker(6, priority=2, emergency=True, reportLate=True)])
    qtbot.waitUntil(lambda: js(qtbot, view, "window.dispatchStats.markers") == 6, timeout=5000)
    shape = {i: json.loads(js(qtbot, view, f"JSON.stringify(DispatchMap.shape({i}))"))
             for i in range(1, 7)}
    assert shape[1]["radius"] > shape[2]["radius"]  # critical: larger
    assert shape[3]["dash"] and not shape[2]["dash"]  # new, unclaimed: dashed outline
    assert shape[4]["weight"] > shape[2]["weight"]  # past its norm: a thick ring
    assert shape[5]["radius"] > shape[1]["radius"]  # an emergency: larger still
    assert shape[6]["dash"] and not shape[5]["dash"]  # its report late: a broken ring


def test_a_call_made_before_the_page_is_ready_is_delivered(qtbot) -> None:
    view = MapView(center=center_of(BASEMAP), basemap=BASEMAP)
    qtbot.addWidget(view)
    view.upsert_incidents([marker(7)])  # queued: the page has not loaded yet
    view.show()
    with qtbot.waitSignal(view.loaded, timeout=30000):
        pass
    qtbot.waitUntil(lambda: js(qtbot, view, "window.dispatchStats.markers") == 1, timeout=5000)


def test_a_click_on_a_marker_reaches_python(qtbot) -> None:
    view = make_view(qtbot)
    view.upsert_incidents([marker(5)])
    qtbot.waitUntil(lambda: js(qtbot, view, "window.dispatchStats.markers") == 1, timeout=5000)
    with qtbot.waitSignal(view.marker_clicked, timeout=5000) as clicked:
        js(qtbot, view, "DispatchMap.click(5); 1")
    assert clicked.args == [5]


def test_a_city_without_basemap_data_still_gets_a_working_map(qtbot) -> None:
    view = MapView(center=(53.69, 88.06), basemap={})
    qtbot.addWidget(view)
    view.show()
    with qtbot.waitSignal(view.loaded, timeout=30000):
        pass
    view.upsert_incidents([marker(1)])
    qtbot.waitUntil(lambda: js(qtbot, view, "window.dispatchStats.markers") == 1, timeout=5000)


def _mbtiles(path, z: int, x: int, y: int) -> None:
    """A one-tile MBTiles file: a plain orange square at (z, x, y)."""
    import sqlite3

    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage

    image = QImage(256, 256, QImage.Format.Format_RGB32)
    image.fill(QColor("#ff9800"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    db = sqlite3.connect(path)
    db.executescript("CREATE TABLE metadata (name TEXT, value TEXT);"
                     "CREATE TABLE tiles (zoom_level INT, tile_column INT, tile_row INT,"
                     " tile_data BLOB);")
    db.executemany("INSERT INTO metadata VALUES (?, ?)",
                   [("format", "png"), ("attribution", "test tiles")])
    db.execute("INSERT INTO tiles VALUES (?, ?, ?, ?)", (z, x, (1 << z) - 1 - y, bytes(data)))
    db.commit()
    db.close()


def test_a_local_mbtiles_file_is_served_by_the_console_itself(qtbot, tmp_path) -> None:
    import math

    lat, lon = center_of(BASEMAP)
    z = 13
    x = int((lon + 180) / 360 * 2**z)
    y = int((1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * 2**z)
    path = tmp_path / "city.mbtiles"
    _mbtiles(path, z, x, y)
    view = MapView(center=(lat, lon), basemap=BASEMAP, mbtiles=path)
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    with qtbot.waitSignal(view.loaded, timeout=30000):
        pass
    qtbot.waitUntil(lambda: js(qtbot, view, "document.querySelectorAll("
                                            "'img.leaflet-tile-loaded').length") >= 1,
                    timeout=10000)
    assert view.tile_file is not None and view.tile_file.tile(z, x, y) is not None
    assert view.guard.blocked == []
