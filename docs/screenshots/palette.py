"""Screenshots in 256 colours, chosen from the picture itself.

A console's screen is mostly flat fills (a banner's red, the selection's blue) plus the
shades anti-aliased text adds. Qt's own conversion to 8 bits falls back to a fixed colour
cube, which shifts those fills (the amber offline banner turns orange). Here the palette is
the picture's most used colours, so every fill keeps its exact colour and each rarer shade
takes the nearest one; the files are about a fifth of 32-bit ones."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QImage

COLOURS = 256


def indexed(image: QImage) -> QImage:
    rgb = image.convertToFormat(QImage.Format.Format_RGB32)
    width, height = rgb.width(), rgb.height()
    stride = rgb.bytesPerLine() // 4
    pixels = np.frombuffer(rgb.constBits(), dtype=np.uint32).reshape(height, stride)[:, :width]
    colours, inverse, counts = np.unique(pixels, return_inverse=True, return_counts=True)
    palette = colours[np.argsort(counts)[::-1][:COLOURS]]
    channels = _channels(colours)
    chosen = _channels(palette)
    # Nearest palette colour of each distinct colour, a few thousand rows at a time.
    nearest = np.empty(len(colours), dtype=np.uint8)
    for start in range(0, len(colours), 4096):
        block = channels[start:start + 4096, None, :] - chosen[None, :, :]
        nearest[start:start + 4096] = np.argmin((block * block).sum(axis=2), axis=1)
    index = np.ascontiguousarray(nearest[inverse].reshape(height, width))
    out = QImage(index.data, width, height, width, QImage.Format.Format_Indexed8)
    out.setColorTable([int(c) | 0xFF000000 for c in palette])
    return out.copy()  # its own pixels, not the array's


def _channels(colours: np.ndarray) -> np.ndarray:
    return np.stack([(colours >> shift) & 0xFF for shift in (16, 8, 0)], axis=1).astype(np.int32)
