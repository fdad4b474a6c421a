"""A duty service's reports made while the network is down wait and go once it is back,
applied once each; the board comes back by itself."""

from __future__ import annotations

import threading
from typing import Any

from app.server.embedded import ServiceThread
from app.services.demo import DEMO_PASSWORD
from app.sync.duty import DutyFeed, FeedState, Report
from app.sync.http import Http
from tests.server.helpers import login, mid, wait_for
from tests.sync.netcut import NetCut


def test_a_report_made_offline_is_sent_once_when_the_network_is_back(
        service: ServiceThread) -> None:
    op = login(service.url, "operator")
    inc = op.register(type_code="gas_smell")["incident"]
    r = op.post(f"/incidents/{inc['id']}/handovers",
                {"mutation_id": mid(), "base_version": inc["version"], "services": ["gas"]})
    assert r.status_code == 200, r.text

    net = NetCut(service.port)
    http = Http(net.url, timeout=2)
    http.token = http.request("POST", "/auth/login",
                              json={"login": "ds-gas", "password": DEMO_PASSWORD})["token"]
    boards: list[dict[str, Any]] = []
    states: list[str] = []
    results: list[tuple[Report, Exception | None]] = []
    changed = threading.Event()
    feed = DutyFeed(http, on_board=lambda b: (boards.append(b), changed.set()),
                    on_state=lambda s, _m: states.append(s),
                    on_report=lambda rep, err: results.append((rep, err)),
                    wait=1.0, retry_seconds=0.2)
    feed.start()
    try:
        wait_for(lambda: boards, 10)
        handover = boards[-1]["handovers"][0]
        net.cut()
        wait_for(lambda: feed.state == FeedState.OFFLINE, 15)
        sent = feed.report(handover["id"], "acknowledged")
        assert results == []  # it waits: nothing is lost, nothing refused
        net.mend()
        wait_for(lambda: results, 20)
        assert results == [(sent, None)]
        wait_for(lambda: boards[-1]["handovers"][0]["stage"] == "acknowledged", 15)
        assert feed.state == FeedState.LIVE
        acks = [c for c in op.changes() if c["kind"] == "handover.acknowledged"]
        assert len(acks) == 1 and acks[0]["entity_id"] == handover["id"]
    finally:
        feed.stop()
        net.close()
