"""The incident card: actions from the keyboard, refusals explained, typed text kept."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.domain.enums import Action
from tests.ui.keys import type_text

GAS = {"street": "проспект Строителей", "house": "5"}


def fresh(window, text: str = "запах газа на лестнице") -> dict:
    inc = window.client.register(source="phone", type_code="gas_smell", address=GAS,
                                 description=text)["incident"]
    window.client.release(inc["id"])
    return inc


def open_card(window, qtbot, incident_id: int) -> None:
    qtbot.waitUntil(lambda: window.client.store.get("incident", incident_id) is not None)
    window.open_card(incident_id)
    qtbot.waitUntil(lambda: window.card.incident_id == incident_id)


def test_take_hand_over_and_follow_the_duty_services_reports(console, qtbot) -> None:
    window = console("operator")
    inc = fresh(window)
    open_card(window, qtbot, inc["id"])
    card = window.card
    qtbot.waitUntil(lambda: card.holder.text() == "Not held")
    qtbot.keyClick(card, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: card.holder.text() == "Held by you", timeout=10000)
    # The gas type ticks the gas service; Ctrl+H hands it over.
    ticked = [card.services.item(i).data(Qt.ItemDataRole.UserRole)
              for i in range(card.services.count())
              if card.services.item(i).checkState() == Qt.CheckState.Checked]
    assert ticked == ["gas"]
    qtbot.keyClick(card, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: card.handovers.rowCount() == 1, timeout=10000)
    assert card.handovers.item(0, 1).text() == "handed over"
    assert card.handovers.item(0, 7).text().startswith("ack in")
    qtbot.keyClick(card, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # acknowledged
    qtbot.waitUntil(lambda: card.handovers.item(0, 1).text() == "acknowledged", timeout=10000)
    qtbot.waitUntil(lambda: "in progress" in card.title.text(), timeout=10000)
    def lines() -> list[str]:
        return [card.timeline.item(i).text() for i in range(card.timeline.count())]

    qtbot.waitUntil(lambda: any("duty service acknowledged" in x for x in lines()),
                    timeout=10000)
    assert any("handed over to a duty service Горгаз" in line for line in lines())


def test_a_refused_close_is_explained_and_keeps_the_typed_result(console, qtbot) -> None:
    window = console("operator")
    inc = fresh(window)
    open_card(window, qtbot, inc["id"])
    card = window.card
    assert not card.action_buttons[Action.CLOSE].isVisibleTo(card)  # not offered for this status
    # The other operator takes it meanwhile; our resolve is refused with their name.
    other = console("operator2")
    other.client.claim(inc["id"])
    qtbot.waitUntil(lambda: "Петров Сергей" in card.holder.text(), timeout=10000)
    type_text(card.reason, "ложное срабатывание")
    card.act(Action.CANCEL)
    qtbot.waitUntil(lambda: "Петров Сергей" in card.error.text(), timeout=10000)
    assert card.reason.text() == "ложное срабатывание"


def test_a_note_typed_on_the_card_reaches_the_other_console(console, qtbot) -> None:
    window, other = console("operator"), console("operator2")
    inc = fresh(window)
    open_card(window, qtbot, inc["id"])
    open_card(other, qtbot, inc["id"])
    window.card.note.setFocus()
    type_text(window.card.note, "жильцы эвакуированы")
    qtbot.keyClick(window.card.note, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.card.note.text() == "", timeout=10000)
    qtbot.waitUntil(lambda: any("жильцы эвакуированы" in other.card.notes.item(i).text()
                                for i in range(other.card.notes.count())), timeout=10000)


def test_a_merge_is_undone_from_the_card_with_its_key(console, qtbot) -> None:
    window = console("operator")
    kept = fresh(window)
    dup = fresh(window, "снова запах газа, тот же подъезд")
    qtbot.waitUntil(lambda: (window.client.store.get("incident", dup["id"]) or {})
                    .get("claim_holder_id") is None, timeout=10000)
    version = window.client.store.get("incident", dup["id"])["version"]
    window.client.act(dup["id"], version, "merge", merge_into=kept["id"])
    qtbot.waitUntil(lambda: (window.client.store.get("incident", dup["id"]) or {})
                    .get("status") == "merged", timeout=10000)
    open_card(window, qtbot, dup["id"])
    card = window.card
    split = card.action_buttons[Action.SPLIT]
    qtbot.waitUntil(lambda: split.isVisibleTo(card), timeout=10000)
    assert split.text() == "Split (undo merge)"
    assert "Ctrl+Shift+U" in split.toolTip()
    # A merged incident offers nothing else from its card.
    assert [a for a, b in card.action_buttons.items() if b.isVisibleTo(card)] == [Action.SPLIT]
    qtbot.keyClick(card, Qt.Key.Key_U,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: "registered" in card.title.text(), timeout=10000)
    assert not split.isVisibleTo(card)
    assert window.client.store.get("incident", dup["id"])["merged_into_id"] is None

    def lines() -> list[str]:
        return [card.timeline.item(i).text() for i in range(card.timeline.count())]

    qtbot.waitUntil(lambda: any("split off: merge undone" in x for x in lines()),
                    timeout=10000)
    assert any("merged into another incident" in x for x in lines())
    # The incident it was merged into shows both moves in its own notes.
    qtbot.waitUntil(lambda: len(window.client.store.notes_of(kept["id"])) == 2, timeout=10000)
    notes = [n["text"] for n in window.client.store.notes_of(kept["id"])]
    assert notes[0] == f"Присоединено происшествие {dup['number']} (дубликат)."
    assert notes[1].startswith(f"Происшествие {dup['number']} отделено")


def test_the_card_shows_each_incidents_own_notes_when_they_number_the_same(
        console, qtbot) -> None:
    window = console("operator")
    first, second = fresh(window, "течь в подвале"), fresh(window, "нет света в подъезде")
    window.client.add_note(first["id"], "перекрыли стояк")
    window.client.add_note(second["id"], "сообщили в электросети")
    qtbot.waitUntil(lambda: all(window.client.store.notes_of(i["id"])
                                for i in (first, second)), timeout=10000)

    def notes() -> list[str]:
        return [window.card.notes.item(i).text() for i in range(window.card.notes.count())]

    open_card(window, qtbot, first["id"])
    qtbot.waitUntil(lambda: any("перекрыли стояк" in n for n in notes()), timeout=10000)
    open_card(window, qtbot, second["id"])  # one note each: the list must still change
    qtbot.waitUntil(lambda: any("сообщили в электросети" in n for n in notes()), timeout=10000)
    assert len(notes()) == 1
    open_card(window, qtbot, first["id"])  # and back, to the same count again
    qtbot.waitUntil(lambda: any("перекрыли стояк" in n for n in notes()), timeout=10000)


def test_a_refusal_reaches_a_russian_operator_in_russian(console, qtbot, qapp,
                                                         live_service) -> None:
    from app.ui.i18n import install_translator
    from tests.server.helpers import login

    window = console("operator")
    inc = fresh(window)
    other = login(live_service.url, "operator2")
    assert other.claim(inc["id"]).status_code == 200  # another operator holds it now
    install_translator(qapp, "ru")  # the console's default language (the fixture resets it)
    open_card(window, qtbot, inc["id"])
    window.card.claim(takeover=False)
    qtbot.waitUntil(lambda: "уже занимается Петров Сергей" in window.card.error.text(),
                    timeout=10000)
    assert "being worked" not in window.card.error.text()
