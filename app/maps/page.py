"""The map page, built once with folium: Leaflet from installed packages, the offline
basemap of the city (districts, rivers, streets), and the bridge script that adds, moves,
restyles and removes markers as the room's state changes. The page is never rebuilt for a
change."""

from __future__ import annotations

from typing import Any

import folium
from branca.element import Element

from app.maps import assets

DISTRICT_STYLE = {"color": "#7a8699", "weight": 1.5, "fillColor": "#eef1f5", "fillOpacity": 0.5}
RIVER_STYLE = {"color": "#6fa8dc", "weight": 6, "opacity": 0.9}
STREET_STYLE = {"color": "#ffffff", "weight": 4, "opacity": 1.0}
STREET_CASING = {"color": "#b7bec9", "weight": 6, "opacity": 1.0}


def _line(points: list[list[float]]) -> dict[str, Any]:
    return {"type": "LineString", "coordinates": [[lon, lat] for lat, lon in points]}


def _feature(geometry: dict[str, Any], name: str) -> dict[str, Any]:
    return {"type": "Feature", "geometry": geometry, "properties": {"name": name}}


def basemap_layers(m: folium.Map, basemap: dict[str, Any]) -> dict[str, str]:
    """A clean city drawn from its own data, for rooms without a tile server. Returns the
    page's names of the layers a person may switch (the districts)."""
    districts = {"type": "FeatureCollection", "features": [
        _feature({"type": "Polygon", "coordinates": [[[lon, lat] for lat, lon in ring]]}, name)
        for name, ring in basemap.get("districts", {}).items()]}
    rivers = {"type": "FeatureCollection", "features": [
        _feature(_line(pts), name) for name, pts in basemap.get("rivers", {}).items()]}
    streets = {"type": "FeatureCollection", "features": [
        _feature(_line(s["points"]), s["name"]) for s in basemap.get("streets", [])]}
    group = folium.FeatureGroup(name="basemap", control=False)
    layers = ((districts, "districts", DISTRICT_STYLE, True),
              (rivers, "rivers", RIVER_STYLE, False),
              (streets, "street casing", STREET_CASING, False),
              (streets, "streets", STREET_STYLE, True))
    switchable: dict[str, str] = {}
    for data, name, style, named in layers:
        if not data["features"]:  # a city without that data yet: nothing to draw
            continue
        layer = folium.GeoJson(data, name=name, style_function=lambda _f, s=style: s,
                               tooltip=folium.GeoJsonTooltip(fields=["name"], labels=False)
                               if named else None)
        if name == "districts":  # its own layer, so it can be switched off
            layer.add_to(m)
            switchable["districts"] = layer.get_name()
        else:
            layer.add_to(group)
    group.add_to(m)
    return switchable


def center_of(basemap: dict[str, Any], fallback: tuple[float, float] = (0.0, 0.0)
              ) -> tuple[float, float]:
    """The middle of the city's districts, where the map opens."""
    points = [p for ring in basemap.get("districts", {}).values() for p in ring]
    if not points:
        return fallback
    lats, lons = [p[0] for p in points], [p[1] for p in points]
    return ((min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2)


def build_page(center: tuple[float, float], basemap: dict[str, Any], *,
               tiles: str | None = None, attribution: str | None = None,
               zoom: int = 13) -> str:
    m = folium.Map(location=list(center), zoom_start=zoom, tiles=None, prefer_canvas=True,
                   control_scale=True)
    # Only local files: folium's defaults point at public CDNs.
    m.default_js = assets.scripts()
    m.default_css = assets.stylesheets()
    if tiles:
        folium.TileLayer(tiles=tiles, attr=attribution or "", name="tiles").add_to(m)
    switchable = basemap_layers(m, basemap)
    root = m.get_root()
    root.header.add_child(Element(
        '<script src="qrc:///qtwebchannel/qwebchannel.js"></script>'
        f'<script src="{assets.bridge_script()}"></script>'))
    # Once the page has run folium's script, so the map variable is assigned.
    root.script.add_child(Element(
        'window.addEventListener("load", function () { DispatchMap.start('
        + m.get_name() + ", {" + ", ".join(f"{k}: {v}" for k, v in switchable.items())
        + "}); });"))
    return root.render()
