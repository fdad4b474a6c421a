"""The console's text size: one scale for the whole application, kept per workstation.

The application font carries most of it. Style sheets that name a size in points do not
follow the application font, so they are set through ``set_style``: the widget keeps the
unscaled sheet and gets it again, scaled, whenever the scale changes. (Any widget with a
style sheet, and its children, also keep their old font until the sheet is set again.)
The wall keeps its own pixel sizes (it is read from metres away) and is left out.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

KEY = "ui/font_scale"
STEPS = (0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0)
LOWEST, HIGHEST = STEPS[0], STEPS[-1]
_UNSCALED = "unscaledStyleSheet"  # the widget's own sheet, sizes as written
_POINTS = re.compile(r"(\d+(?:\.\d+)?)pt\b")

_base_points: float | None = None  # the platform's size at scale 1, taken once
_scale = 1.0


def clamp(scale: float) -> float:
    return min(HIGHEST, max(LOWEST, scale))


def stored_scale(store: QSettings) -> float:
    try:
        return clamp(float(store.value(KEY, 1.0)))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 1.0


def current() -> float:
    return _scale


def points(size: float) -> float:
    """A size written for scale 1, at the current scale."""
    return round(size * _scale, 1)


def sized(css: str) -> str:
    """``css`` with every size in points scaled."""
    return _POINTS.sub(lambda m: f"{points(float(m.group(1))):g}pt", css)


def set_style(widget: QWidget, css: str) -> None:
    """Use instead of ``setStyleSheet`` for a sheet that names a size in points."""
    widget.setProperty(_UNSCALED, css)
    widget.setStyleSheet(sized(css))


def apply_scale(scale: float) -> float:
    """Scale the application's font and every sized style sheet; returns the scale used."""
    global _base_points, _scale
    app = QApplication.instance()
    scale = clamp(scale)
    if not isinstance(app, QApplication):
        return scale
    font = app.font()
    if _base_points is None:
        _base_points = font.pointSizeF() if font.pointSizeF() > 0 else 9.0
    _scale = scale
    font.setPointSizeF(round(_base_points * scale, 1))
    app.setFont(font)
    # A widget with a style sheet, and everything inside it, keeps the font it was polished
    # with: setting its sheet again polishes it with the new one.
    for widget in app.allWidgets():
        css = widget.property(_UNSCALED)
        if isinstance(css, str):
            widget.setStyleSheet(sized(css))
        elif widget.styleSheet():
            widget.setStyleSheet(widget.styleSheet())
    return scale


def step(scale: float, direction: int) -> float:
    """The next size up (``direction`` 1) or down (-1) from ``scale``."""
    if direction > 0:
        return next((s for s in STEPS if s > scale + 1e-6), HIGHEST)
    return next((s for s in reversed(STEPS) if s < scale - 1e-6), LOWEST)
