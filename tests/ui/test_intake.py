"""Intake typed the way an operator types it: keys counted, no mouse."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.ui.intake import IntakeDialog
from tests.ui.keys import type_address_and_type, type_text


class KeyCounter:
    """Counts the keys pressed beyond the typed text and digits."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.count = 0

    def press(self, widget, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        self.count += 1
        self.qtbot.keyClick(widget, key, modifier)

    def type(self, widget, text: str) -> None:
        type_text(widget, text)


def focused():
    return QApplication.focusWidget()


def open_intake(window, keys: KeyCounter) -> IntakeDialog:
    keys.press(focused(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(IntakeDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_a_typical_call_is_registered_in_few_keys_without_the_mouse(console, qtbot) -> None:
    window = console("operator")
    keys = KeyCounter(qtbot)
    dialog = open_intake(window, keys)
    qtbot.waitUntil(lambda: focused() is dialog.street.edit)

    keys.type(focused(), "строит")
    assert dialog.street.has_suggestions()
    keys.press(focused(), Qt.Key.Key_Tab)  # takes "проспект Строителей", moves to the house
    assert dialog.street.text() == "проспект Строителей"
    qtbot.waitUntil(lambda: "проспект Строителей" in dialog.book.houses)
    keys.type(focused(), "5")
    keys.press(focused(), Qt.Key.Key_Tab)
    assert "✓" in dialog.place.text()
    keys.type(focused(), "запах газ")
    keys.press(focused(), Qt.Key.Key_Tab)
    assert dialog.kind.key == "gas_smell"
    assert focused() is dialog.phone
    keys.type(focused(), "8 913 555-12-34")
    keys.press(focused(), Qt.Key.Key_Tab)
    assert focused() is dialog.description
    keys.type(focused(), "Пахнет газом в подъезде")
    with qtbot.waitSignal(dialog.registered, timeout=10000):
        keys.press(focused(), Qt.Key.Key_Return)
    store = window.client.store
    qtbot.waitUntil(lambda: any(i["description"] == "Пахнет газом в подъезде"
                                for i in store.incidents()), timeout=5000)
    incident = next(i for i in store.incidents()
                    if i["description"] == "Пахнет газом в подъезде")
    assert keys.count <= 15, f"{keys.count} keys beyond the text"
    assert keys.count == 6
    assert incident["street"] == "проспект Строителей" and incident["house"] == "5"
    assert incident["address_verified"] is True and incident["district"]
    assert incident["type_code"] == "gas_smell" and incident["room"] == "main"
    assert incident["registration_seconds"] is not None
    callers = window.client.callers(incident["id"])
    assert callers[0]["phone"] == "+79135551234"
    # The new incident is selected in the queue and shown on the card.
    qtbot.waitUntil(lambda: window.card.incident_id == incident["id"], timeout=3000)


def test_a_refused_registration_is_explained_and_keeps_what_was_typed(console, qtbot) -> None:
    window = console("operator")
    dialog = window.new_incident()
    type_text(dialog.street.edit, "Несуществующая")
    dialog.street.hide_list()
    type_text(dialog.phone, "12345678")  # 8 digits: not a phone number
    type_text(dialog.description, "Сообщение о дыме")
    qtbot.keyClick(dialog.description, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "phone" in dialog.error.text().lower(), timeout=5000)
    assert dialog.isVisible()
    assert dialog.description.text() == "Сообщение о дыме"
    assert dialog.phone.text() == "12345678"
    # Fixed and sent again: the same form registers.
    dialog.phone.clear()
    with qtbot.waitSignal(dialog.registered, timeout=10000):
        qtbot.keyClick(dialog.description, Qt.Key.Key_Return)


def test_possible_duplicates_show_while_typing_and_f8_attaches_the_call(console, qtbot) -> None:
    window = console("operator")
    first = window.client.register(source="phone", type_code="water_main_break",
                                   address={"street": "проспект Строителей", "house": "5"},
                                   description="первый звонок")["incident"]
    qtbot.waitUntil(lambda: window.client.store.get("incident", first["id"]) is not None)
    dialog = window.new_incident()
    type_address_and_type(qtbot, dialog, "прорыв")
    qtbot.waitUntil(lambda: dialog.duplicates.count() > 0)
    assert first["number"] in dialog.duplicates.item(0).text()
    type_text(dialog.description, "опять течёт")
    with qtbot.waitSignal(dialog.attached, timeout=10000) as attached:
        qtbot.keyClick(dialog.description, Qt.Key.Key_F8)
    assert attached.args == [first["id"]]
    store = window.client.store
    qtbot.waitUntil(lambda: any("опять течёт" in n["text"] for n in store.data["note"].values()
                                if n["incident_id"] == first["id"]), timeout=5000)
    assert [i for i in store.incidents() if i["description"] == "опять течёт"] == []
