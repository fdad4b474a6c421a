"""Small pieces the panels share: a line of text that elides instead of growing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from app.ui.wall import theme


class Line(QLabel):
    """One line of text at a fixed height; what does not fit ends in "…" (never a
    scrollbar, never a wider panel). ``text()`` keeps the whole text; ``colour`` says how
    it is drawn, so tests can read what the room sees."""

    def __init__(self, px: int = theme.ROW_PX, *, bold: bool = False, colour: str = theme.TEXT,
                 background: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFont(theme.font(px, bold))
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(self.fontMetrics().height() + 4)
        self.colour = colour
        self.background = background

    def set_colour(self, colour: str) -> None:
        if colour != self.colour:
            self.colour = colour
            self.update()

    def paintEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        painter = QPainter(self)
        rect = self.contentsRect()
        if self.background:
            painter.fillRect(rect, QColor(self.background))
            rect = rect.adjusted(8, 0, -8, 0)
        painter.setPen(QColor(self.colour))
        text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight,
                                             rect.width())
        painter.drawText(rect, int(self.alignment() | Qt.AlignmentFlag.AlignVCenter), text)
