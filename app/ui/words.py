"""Words for the domain's codes, translated at the moment they are shown."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

STATUS = {
    "new": QT_TRANSLATE_NOOP("Words", "new"),
    "registered": QT_TRANSLATE_NOOP("Words", "registered"),
    "dispatched": QT_TRANSLATE_NOOP("Words", "dispatched"),
    "in_progress": QT_TRANSLATE_NOOP("Words", "in progress"),
    "resolved": QT_TRANSLATE_NOOP("Words", "resolved"),
    "closed": QT_TRANSLATE_NOOP("Words", "closed"),
    "cancelled": QT_TRANSLATE_NOOP("Words", "cancelled"),
    "merged": QT_TRANSLATE_NOOP("Words", "merged"),
}

PRIORITY = {
    1: QT_TRANSLATE_NOOP("Words", "1 critical"),
    2: QT_TRANSLATE_NOOP("Words", "2 high"),
    3: QT_TRANSLATE_NOOP("Words", "3 normal"),
    4: QT_TRANSLATE_NOOP("Words", "4 low"),
}

SOURCE = {
    "phone": QT_TRANSLATE_NOOP("Words", "phone"),
    "mobile_app": QT_TRANSLATE_NOOP("Words", "mobile app"),
    "sensor": QT_TRANSLATE_NOOP("Words", "sensor"),
    "112": QT_TRANSLATE_NOOP("Words", "112"),
    "walk_in": QT_TRANSLATE_NOOP("Words", "walk-in"),
}

STAGE = {
    "handed_over": QT_TRANSLATE_NOOP("Words", "handed over"),
    "acknowledged": QT_TRANSLATE_NOOP("Words", "acknowledged"),
    "crew_dispatched": QT_TRANSLATE_NOOP("Words", "crew dispatched"),
    "on_scene": QT_TRANSLATE_NOOP("Words", "on scene"),
    "resolved": QT_TRANSLATE_NOOP("Words", "resolved"),
    "recalled": QT_TRANSLATE_NOOP("Words", "recalled"),
}

CREW_STATUS = {
    "available": QT_TRANSLATE_NOOP("Words", "available"),
    "en_route": QT_TRANSLATE_NOOP("Words", "en route"),
    "on_scene": QT_TRANSLATE_NOOP("Words", "on scene"),
    "off_duty": QT_TRANSLATE_NOOP("Words", "off duty"),
}

# Short marks for the queue's services column: the text carries the stage, not colour alone.
STAGE_MARK = {
    "handed_over": "…",
    "acknowledged": "✓",
    "crew_dispatched": "→",
    "on_scene": "●",
    "resolved": "✔",
    "recalled": "✕",
}

ACTION = {
    "register": QT_TRANSLATE_NOOP("Words", "Register"),
    "resolve": QT_TRANSLATE_NOOP("Words", "Resolve"),
    "close": QT_TRANSLATE_NOOP("Words", "Close"),
    "reopen": QT_TRANSLATE_NOOP("Words", "Reopen"),
    "cancel": QT_TRANSLATE_NOOP("Words", "Cancel incident"),
    "merge": QT_TRANSLATE_NOOP("Words", "Merge into…"),
    "split": QT_TRANSLATE_NOOP("Words", "Split (undo merge)"),
    "start": QT_TRANSLATE_NOOP("Words", "Start work"),
}


def word(table: dict, code: object) -> str:
    text = table.get(code)
    return QCoreApplication.translate("Words", text) if text else str(code)

KIND = {
    "incident.created": QT_TRANSLATE_NOOP("Words", "registered the incident"),
    "incident.updated": QT_TRANSLATE_NOOP("Words", "changed"),
    "incident.register": QT_TRANSLATE_NOOP("Words", "verified and registered"),
    "incident.dispatched": QT_TRANSLATE_NOOP("Words", "handed over"),
    "incident.in_progress": QT_TRANSLATE_NOOP("Words", "work started"),
    "incident.resolved": QT_TRANSLATE_NOOP("Words", "resolved"),
    "incident.resolve": QT_TRANSLATE_NOOP("Words", "resolved"),
    "incident.close": QT_TRANSLATE_NOOP("Words", "closed"),
    "incident.reopen": QT_TRANSLATE_NOOP("Words", "reopened"),
    "incident.cancel": QT_TRANSLATE_NOOP("Words", "cancelled"),
    "incident.merge": QT_TRANSLATE_NOOP("Words", "merged into another incident"),
    "incident.split": QT_TRANSLATE_NOOP("Words", "split off: merge undone"),
    "incident.start": QT_TRANSLATE_NOOP("Words", "work started"),
    "claim.taken": QT_TRANSLATE_NOOP("Words", "took the incident"),
    "claim.taken_over": QT_TRANSLATE_NOOP("Words", "took the incident over"),
    "claim.released": QT_TRANSLATE_NOOP("Words", "released the incident"),
    "claim.expired": QT_TRANSLATE_NOOP("Words", "claim expired"),
    "claim.transferred": QT_TRANSLATE_NOOP("Words", "took the incident at the shift handover"),
    "handover.created": QT_TRANSLATE_NOOP("Words", "handed over to a duty service"),
    "handover.renewed": QT_TRANSLATE_NOOP("Words", "handed over again"),
    "handover.acknowledged": QT_TRANSLATE_NOOP("Words", "duty service acknowledged"),
    "handover.crew_dispatched": QT_TRANSLATE_NOOP("Words", "crew dispatched"),
    "handover.on_scene": QT_TRANSLATE_NOOP("Words", "crew on scene"),
    "handover.resolved": QT_TRANSLATE_NOOP("Words", "duty service reported resolved"),
    "handover.recalled": QT_TRANSLATE_NOOP("Words", "hand-over recalled"),
    "note.added": QT_TRANSLATE_NOOP("Words", "note"),
    "caller.added": QT_TRANSLATE_NOOP("Words", "caller added"),
    "emergency.declared": QT_TRANSLATE_NOOP("Words", "declared an emergency"),
    "emergency.level_changed": QT_TRANSLATE_NOOP("Words", "changed the emergency level"),
    "emergency.lifted": QT_TRANSLATE_NOOP("Words", "lifted the emergency"),
    "emergency.report_sent": QT_TRANSLATE_NOOP("Words", "report sent to the crisis centre"),
    "emergency.report_due": QT_TRANSLATE_NOOP("Words", "next report due"),
}
