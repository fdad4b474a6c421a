"""Emergencies as the console shows them: words for levels and report kinds, the countdown
to the next report, and what the replica's incident row says about its emergency."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.domain.emergencies import overdue, pinned
from app.sync import ApiError, Offline

CONTEXT = "Emergency"

LEVEL = {
    "local": QT_TRANSLATE_NOOP("Emergency", "local"),
    "municipal": QT_TRANSLATE_NOOP("Emergency", "municipal"),
    "intermunicipal": QT_TRANSLATE_NOOP("Emergency", "intermunicipal"),
    "regional": QT_TRANSLATE_NOOP("Emergency", "regional"),
    "interregional": QT_TRANSLATE_NOOP("Emergency", "interregional"),
    "federal": QT_TRANSLATE_NOOP("Emergency", "federal"),
}

KIND = {
    "first": QT_TRANSLATE_NOOP("Emergency", "first report"),
    "update": QT_TRANSLATE_NOOP("Emergency", "update"),
    "final": QT_TRANSLATE_NOOP("Emergency", "final report"),
}

# The mark of an emergency wherever it is shown: the text says it without colour.
MARK = "◆"
COLOUR = "#6a1b9a"  # unlike the priorities' reds and the overdue amber
OVERDUE_COLOUR = "#b71c1c"


def level_word(code: str | None) -> str:
    return QCoreApplication.translate(CONTEXT, LEVEL[code]) if code in LEVEL else str(code or "")


def kind_word(code: str | None) -> str:
    return QCoreApplication.translate(CONTEXT, KIND[code]) if code in KIND else str(code or "")


def when(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def is_pinned(inc: dict[str, Any]) -> bool:
    """In force, or lifted with its final report still due: kept in view everywhere."""
    return pinned(inc.get("emergency_level"), inc.get("emergency_lifted_at"),
                  inc.get("emergency_report_due"))


def is_late(inc: dict[str, Any], now: datetime) -> bool:
    return overdue(when(inc.get("emergency_report_due")), now)


def span(seconds: float) -> str:
    """A countdown as the room reads it: "14 min", "1 h 05 min", "40 s"."""
    seconds = max(0, int(seconds))
    if seconds < 60:
        return QCoreApplication.translate("Emergency", "%1 s").replace("%1", str(seconds))
    minutes = seconds // 60
    if minutes < 60:
        return QCoreApplication.translate("Emergency", "%1 min").replace("%1", str(minutes))
    text = QCoreApplication.translate("Emergency", "%1 h %2 min")
    return text.replace("%1", str(minutes // 60)).replace("%2", f"{minutes % 60:02d}")


def due_text(inc: dict[str, Any], now: datetime) -> str:
    """"report due in 14 min", "report overdue by 3 min", or "" when none is due."""
    due = when(inc.get("emergency_report_due"))
    if due is None:
        return ""
    left = (due - now).total_seconds()
    if overdue(due, now):
        text = QCoreApplication.translate("Emergency", "report overdue by %1")
        return text.replace("%1", span(-left))
    return QCoreApplication.translate("Emergency", "report due in %1").replace("%1", span(left))


def explain(error: Exception) -> str:
    """A refusal in the console's language where its code is known."""
    if isinstance(error, Offline):
        return QCoreApplication.translate(
            "Emergency", "The service cannot be reached; nothing was recorded. Try again: "
            "the same change is not recorded twice.")
    if not isinstance(error, ApiError):
        return str(error)
    if error.code == "stale_version":
        return QCoreApplication.translate(
            "Emergency", "Someone changed this incident meanwhile. Check it and try again.")
    if error.code == "report_out_of_order":
        expected = error.params.get("expected")
        if expected:
            text = QCoreApplication.translate(
                "Emergency", "That report is out of order: the %1 is due now.")
            return text.replace("%1", kind_word(expected))
        return QCoreApplication.translate(
            "Emergency", "The final report was already sent; no more reports are due.")
    if error.code == "forbidden" and error.params.get("role"):
        return QCoreApplication.translate(
            "Emergency", "Only a supervisor or an admin may declare, change or lift an "
            "emergency.")
    return error.message
