"""The wall's look: dark and grey by default; colour is kept for what is abnormal, and
every colour comes with a mark or a word that says the same."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QWidget

BACKGROUND = "#0e1013"
PANEL = "#171a1e"
RULE = "#2b3036"
TEXT = "#eceef0"
DIM = "#9aa2ab"
BAR = "#7b838c"
GHOST = "#59616a"

CRITICAL = "#ff5c5c"  # critical priority
OVERDUE = "#ffb52e"  # past a norm, a hand-over not acknowledged in time
NOT_LIVE_BG = "#6a3fa0"  # a view of the past: unlike either alarm colour
EMERGENCY = "#f06bff"  # an emergency (ЧС) in force: above critical, unlike the others

# Marks that carry the meaning without colour.
MARK_CRITICAL = "▲"
MARK_OVERDUE = "⚠"
MARK_EMERGENCY = "◆"

# Pixel sizes, read at 3–6 m on a 1080p screen of the wall.
TITLE_PX = 26
LABEL_PX = 24
ROW_PX = 28
VALUE_PX = 64
CLOCK_PX = 112
SMALL_PX = 20
MARGIN = 16


def font(px: int, bold: bool = False) -> QFont:
    f = QFont()
    f.setPixelSize(px)
    f.setBold(bold)
    return f


def paint_dark(widget: QWidget, background: str = PANEL) -> None:
    pal = widget.palette()
    pal.setColor(QPalette.ColorRole.Window, QColor(background))
    pal.setColor(QPalette.ColorRole.WindowText, QColor(TEXT))
    pal.setColor(QPalette.ColorRole.Base, QColor(background))
    pal.setColor(QPalette.ColorRole.Text, QColor(TEXT))
    widget.setPalette(pal)
    widget.setAutoFillBackground(True)


def colour_of(level: str) -> str:
    """``level``: "emergency", "critical", "overdue" or "" (calm)."""
    return {"critical": CRITICAL, "overdue": OVERDUE, "emergency": EMERGENCY}.get(level, TEXT)
