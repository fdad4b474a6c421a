"""Two consoles on one service, end to end through their windows."""

from __future__ import annotations

from tests.ui.test_card import GAS, open_card


def test_a_new_incident_appears_in_the_other_console_and_a_claim_is_refused(console,
                                                                             qtbot) -> None:
    anna, sergey = console("operator"), console("operator2")
    rows_before = sergey.model.rowCount()
    resets: list[int] = []
    sergey.model.modelReset.connect(lambda: resets.append(1))
    inc = anna.client.register(source="phone", type_code="gas_smell", address=GAS,
                               description="сильный запах газа")["incident"]
    qtbot.waitUntil(lambda: sergey.model.row_of(inc["id"]) is not None, timeout=10000)
    assert sergey.model.rowCount() == rows_before + 1
    assert not resets, "the other console reset its whole queue for one new incident"
    row = sergey.model.row_of(inc["id"])
    assert sergey.model.index(row, 7).data() == "Иванова Анна"  # the holder column

    open_card(sergey, qtbot, inc["id"])
    sergey.card.claim(False)
    qtbot.waitUntil(lambda: "Иванова Анна" in sergey.card.error.text(), timeout=10000)
    assert "already being worked by" in sergey.card.error.text()
