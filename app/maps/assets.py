"""Leaflet and its plugins from installed packages, and the project's own map script: no
address on the internet, since dispatch rooms run on closed networks."""

from __future__ import annotations

from pathlib import Path

import xstatic.pkg.leaflet as leaflet
import xstatic.pkg.leaflet_markercluster as markercluster
from PySide6.QtCore import QUrl

RESOURCES = Path(__file__).resolve().parents[2] / "resources" / "map"


def _url(path: Path) -> str:
    return QUrl.fromLocalFile(str(path)).toString()


def scripts() -> list[tuple[str, str]]:
    return [
        ("leaflet", _url(Path(leaflet.BASE_DIR) / "leaflet.js")),
        ("markercluster", _url(Path(markercluster.BASE_DIR) / "leaflet.markercluster.js")),
    ]


def stylesheets() -> list[tuple[str, str]]:
    return [
        ("leaflet_css", _url(Path(leaflet.BASE_DIR) / "leaflet.css")),
        ("markercluster_css", _url(Path(markercluster.BASE_DIR) / "MarkerCluster.css")),
        ("markercluster_default_css",
         _url(Path(markercluster.BASE_DIR) / "MarkerCluster.Default.css")),
        ("dispatch_map_css", _url(RESOURCES / "dispatch_map.css")),
    ]


def bridge_script() -> str:
    return _url(RESOURCES / "dispatch_map.js")


def base_url() -> QUrl:
    """The page's own address: a local folder, so it may load the local files above."""
    return QUrl.fromLocalFile(str(RESOURCES) + "/")
