"""Starting the console against a central service: a console restarted while the network is
down opens on what it kept; one whose session has ended asks for a sign-in."""

from __future__ import annotations

import stat
from pathlib import Path

from app.server.embedded import ServiceThread
from app.services.demo import DEMO_PASSWORD
from app.sync import SyncClient
from app.sync.stream import StreamState
from app.ui.console import kept_session, private, replica_file
from tests.sync.netcut import NetCut
from tests.ui.test_card import GAS


def test_a_console_restarted_offline_opens_on_its_kept_session_state_and_outbox(
        qapp, live_service: ServiceThread, tmp_path: Path) -> None:
    net = NetCut(live_service.port)
    folder = tmp_path / "replicas"
    path = private(replica_file(folder, net.url, "operator"))
    first = SyncClient(net.url, replica=path, outbox=True, retry_seconds=0.2, timeout=3)
    first.login("operator", DEMO_PASSWORD)
    catalog = first.catalog()
    first.start()
    assert first.wait_live(10)
    net.cut()
    assert first.store.wait_for(lambda _s: first.state == StreamState.OFFLINE, 15)
    made = first.register(source="phone", type_code="gas_smell", address=GAS,
                          description="утечка газа, звонок без связи")
    first.close()

    again = kept_session(net.url, "operator", folder)
    try:
        assert again is not None and again.user["login"] == "operator"
        assert again.catalog() == catalog  # kept: the service cannot be asked
        assert again.outbox.counts() == (1, 0)
        kept = again.store.get("incident", made["incident"]["id"])
        assert kept["description"] == "утечка газа, звонок без связи"
        # The file holds a session token: nobody else on the workstation may read it.
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    finally:
        if again is not None:
            again.close()
        net.close()


def test_a_console_whose_session_ended_asks_for_a_sign_in(
        qapp, live_service: ServiceThread, tmp_path: Path) -> None:
    folder = tmp_path / "replicas"
    client = SyncClient(live_service.url, replica=private(
        replica_file(folder, live_service.url, "operator")), outbox=True)
    client.login("operator", DEMO_PASSWORD)
    client.http.request("POST", "/auth/logout")  # ended elsewhere; the file still has it
    client.close()
    assert kept_session(live_service.url, "operator", folder) is None
    # Never signed in on this workstation: nothing kept, a sign-in is asked for.
    assert kept_session(live_service.url, "operator2", folder) is None
