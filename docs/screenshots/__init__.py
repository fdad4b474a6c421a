"""The user guide's screenshots, taken from the real console by ``python -m docs.screenshots``
(``make screenshots``). Each name here is an image ``docs/images/<language>/<name>.png``;
the guides use these and no others (``tests/docs/test_guide.py``).

This module is only the list: importing it starts nothing and needs no Qt."""

from __future__ import annotations

from pathlib import Path

IMAGES = Path(__file__).resolve().parents[1] / "images"
LANGUAGES = ("ru", "en")

# In the order they are taken: each scene builds on the state the one before left.
SHOTS: dict[str, str] = {
    # the operator
    "intake": "the new-incident form filled in, with a possible duplicate",
    "duty_board": "the gas service's board with a hand-over waiting for acknowledgement",
    "operator_console": "the operator's console: queue, card and map",
    "incident_card": "the card of an incident handed over to two duty services",
    "offline": "the console while the service cannot be reached",
    "conflicts": "the changes the service refused (F9)",
    # the supervisor
    "emergency_declare": "raising an incident to an emergency",
    "supervisor_console": "the supervisor's console with the emergency banner",
    "emergency_report": "the report to the crisis centre",
    "compliance": "the shift's compliance with the norms",
    "wall": "the video wall, first page",
    "wall_map": "the video wall, the map page",
    "wall_history": "the wall back in time (NOT LIVE)",
    "shift_handover": "the shift handover: the summary of the shift due",
    "shift_handover_signed": "the notes, both signatures and the hash",
    "reports": "the reports window",
    "journal_export": "exporting the journal",
    # the administrator
    "login": "signing in to a central service",
    "shortcuts": "the keyboard shortcuts (F1)",
    "settings": "the workstation's settings: the service",
    "settings_map": "the workstation's settings: the map",
}
