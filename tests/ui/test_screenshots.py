"""Screenshots of the console for review, saved under build/screenshots."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from tests.ui.conftest import SHOTS
from tests.ui.keys import type_text
from tests.ui.test_card import GAS, open_card


def settle(qtbot, ms: int = 300) -> None:
    qtbot.wait(ms)
    QApplication.processEvents()


def test_save_screenshots_of_the_main_window_intake_and_card(console, qtbot, qapp) -> None:
    from app.ui.i18n import install_translator

    install_translator(qapp, "ru")  # reviewers see what the room sees
    window = console("operator")
    window.resize(1600, 900)
    inc = window.client.register(source="phone", type_code="gas_smell", address=GAS,
                                 description="Запах газа в подъезде, 3 этаж")["incident"]
    window.client.hand_over(inc["id"], inc["version"], ["gas", "fire"])
    open_card(window, qtbot, inc["id"])
    settle(qtbot)
    SHOTS.mkdir(parents=True, exist_ok=True)
    main = window.grab()
    assert main.width() >= 1600 and main.save(str(SHOTS / "main_window.png"))
    card = window.card_dock.grab()
    assert card.save(str(SHOTS / "incident_card.png"))

    dialog = window.new_incident()
    type_text(dialog.street.edit, "строит")
    settle(qtbot)
    shot = dialog.grab()
    assert shot.save(str(SHOTS / "intake.png"))
    dialog.reject()
