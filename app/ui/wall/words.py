"""The wall's shared words, translated when shown (context "Wall")."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.domain.norms import NormKind

LATE = {
    NormKind.REGISTRATION: QT_TRANSLATE_NOOP("Wall", "not registered in time"),
    NormKind.HANDOVER: QT_TRANSLATE_NOOP("Wall", "not handed over in time"),
    NormKind.ACKNOWLEDGEMENT: QT_TRANSLATE_NOOP("Wall", "not acknowledged"),
    NormKind.ARRIVAL: QT_TRANSLATE_NOOP("Wall", "no crew on scene"),
    NormKind.RESOLUTION: QT_TRANSLATE_NOOP("Wall", "not resolved in time"),
}
SENSITIVE = QT_TRANSLATE_NOOP("Wall", "Sensitive call")


def wall_word(text: str) -> str:
    return QCoreApplication.translate("Wall", text)


def late_text(kind: NormKind, service: str | None) -> str:
    word = wall_word(LATE[kind])
    return f"{service}: {word}" if service else word
