"""The console with its network cable pulled: the operator keeps working, sees what waits to
be sent, gets real numbers when the service is back, and decides on what it refused."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from app.server.embedded import ServiceThread
from app.services.demo import DEMO_PASSWORD
from app.sync import SyncClient
from app.sync.stream import StreamState
from app.ui.conflicts import ConflictsDialog
from tests.sync.netcut import NetCut
from tests.ui.conftest import SHOTS
from tests.ui.test_card import GAS, open_card

WAIT = 15000


@pytest.fixture
def net(live_service: ServiceThread) -> Iterator[NetCut]:
    cut = NetCut(live_service.port)
    yield cut
    cut.close()


def offline(window, net: NetCut, qtbot) -> None:  # type: ignore[no-untyped-def]
    net.cut()
    qtbot.waitUntil(lambda: window.client.state == StreamState.OFFLINE, timeout=WAIT)


def banner_text(window) -> str:  # type: ignore[no-untyped-def]
    banner = window.outbox_banner
    return banner.text.text() if banner.isVisible() else ""


def test_work_done_offline_is_shown_waiting_then_numbered_when_the_service_is_back(
        console, qtbot, net: NetCut) -> None:
    window = console("operator", url=net.url)
    assert banner_text(window) == ""
    resets: list[int] = []
    window.model.modelReset.connect(lambda: resets.append(1))
    offline(window, net, qtbot)
    qtbot.waitUntil(lambda: banner_text(window) == "Offline — 0 changes waiting",
                    timeout=WAIT)

    made = window.client.register(source="phone", type_code="gas_smell", address=GAS,
                                  description="запах газа в подвале")
    temp = made["incident"]["id"]
    qtbot.waitUntil(lambda: window.model.row_of(temp) is not None, timeout=WAIT)
    number_cell = window.model.index(window.model.row_of(temp), 0)
    assert number_cell.data() == f"{made['incident']['number']} (not sent)"
    assert "temporary number" in number_cell.data(Qt.ItemDataRole.ToolTipRole)

    open_card(window, qtbot, temp)
    window.card.note.setText("Заявитель встретит у подъезда")
    qtbot.keyClick(window.card.note, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.card.notes.count() == 1, timeout=WAIT)
    qtbot.waitUntil(lambda: "sent when the service" in window.card.error.text(), timeout=WAIT)
    qtbot.waitUntil(lambda: banner_text(window) == "Offline — 2 changes waiting",
                    timeout=WAIT)
    assert "Not sent yet" in window.card.timeline.item(0).text()
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(SHOTS / "console_offline.png"))

    net.mend()
    qtbot.waitUntil(lambda: window.model.row_of(temp) is None, timeout=WAIT)
    qtbot.waitUntil(lambda: banner_text(window) == "", timeout=WAIT)
    real = [i for i in window.client.store.incidents()
            if i["description"] == "запах газа в подвале"]
    assert len(real) == 1 and real[0]["id"] > 0
    # The card followed the incident to its real number, with its note.
    qtbot.waitUntil(lambda: window.card.incident_id == real[0]["id"], timeout=WAIT)
    assert window.card.title.text().startswith(real[0]["number"])
    assert window.model.row_of(real[0]["id"]) is not None
    qtbot.waitUntil(lambda: any("Заявитель встретит" in window.card.timeline.item(i).text()
                                and "recorded offline" in window.card.timeline.item(i).text()
                                for i in range(window.card.timeline.count())),
                    timeout=WAIT)
    assert not resets, "the queue was reset for offline work"


def test_a_change_the_service_refused_is_put_before_the_operator(
        console, qtbot, net: NetCut, live_service: ServiceThread) -> None:
    window = console("operator", url=net.url)
    inc = window.client.register(source="phone", type_code="gas_smell", address=GAS,
                                 description="пахнет газом у лифта")["incident"]
    qtbot.waitUntil(lambda: window.model.row_of(inc["id"]) is not None, timeout=WAIT)
    offline(window, net, qtbot)
    window.client.update(inc["id"], inc["version"], description="пахнет газом у лифта, 3 эт.")

    # Meanwhile a supervisor takes the incident over and changes it.
    chief = SyncClient(live_service.url)
    chief.login("supervisor", DEMO_PASSWORD)
    chief.claim(inc["id"], takeover=True)
    current = chief.incident(inc["id"])["incident"]
    chief.update(inc["id"], current["version"], priority=1)

    net.mend()
    qtbot.waitUntil(lambda: "1 changes refused" in banner_text(window), timeout=WAIT)
    assert window.outbox_banner.button.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_F9)
    dialog = window.findChild(ConflictsDialog)
    assert dialog is not None and dialog.table.rowCount() == 1
    assert dialog.table.item(0, 1).text() == inc["number"]
    assert dialog.table.item(0, 2).text() == "edit the incident: description"
    reason = dialog.table.item(0, 3).text()
    assert "being worked by" in reason or "changed" in reason, reason
    assert dialog.grab().save(str(SHOTS / "conflicts.png"))

    # The supervisor lets go; the operator sends her change again on the current state.
    chief.release(inc["id"])
    qtbot.mouseClick(dialog.resend_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 0, timeout=WAIT)
    qtbot.waitUntil(lambda: banner_text(window) == "", timeout=WAIT)
    final = chief.incident(inc["id"])["incident"]
    assert final["description"] == "пахнет газом у лифта, 3 эт." and final["priority"] == 1
    assert window.client.conflicts() == []
    chief.close()
