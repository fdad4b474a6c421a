"""Claims under contention: 50 consoles at once, and the lease of a console that died."""

from __future__ import annotations

import threading
import time

from app.domain.enums import Role
from app.schemas.auth import UserCreate
from app.server.app import make_context
from app.server.settings import ServerSettings
from app.services.auth import create_user
from app.services.demo import DEMO_PASSWORD
from app.sync import ApiError, SyncClient
from tests.server.helpers import own_service

GAS = {"street": "проспект Строителей", "house": "5"}


def test_fifty_consoles_claim_the_same_incidents_and_exactly_one_wins_each(db_url: str) -> None:
    ctx = make_context(ServerSettings(database_url=db_url))
    try:
        for n in range(50):
            create_user(ctx, UserCreate(login=f"op{n:02d}", name=f"Оператор {n}",
                                        role=Role.OPERATOR, room="main",
                                        password=DEMO_PASSWORD))
    finally:
        ctx.db.dispose()
    with own_service(db_url) as service:
        clients = []
        for n in range(50):
            c = SyncClient(service.url)
            c.login(f"op{n:02d}", DEMO_PASSWORD)
            clients.append(c)
        desk = SyncClient(service.url)
        desk.login("operator", DEMO_PASSWORD)
        for round_ in range(3):
            inc = desk.register(source="mobile_app", type_code="gas_smell", address=GAS,
                                description=f"гонка {round_}")["incident"]
            start = threading.Barrier(50)
            won: list[str] = []
            refused: list[str] = []

            def claim(c: SyncClient, incident_id: int = inc["id"], won=won,
                      refused=refused, start=start) -> None:
                start.wait()
                try:
                    c.claim(incident_id)
                    won.append(c.user["name"])
                except ApiError as e:
                    refused.append(e.message)

            threads = [threading.Thread(target=claim, args=(c,)) for c in clients]
            for t in threads:
                t.start()
            for t in threads:
                t.join(60)
            assert len(won) == 1, won
            assert len(refused) == 49
            assert all(won[0] in message for message in refused)
        for c in [*clients, desk]:
            c.close()


def test_the_lease_of_a_console_that_died_expires(db_url: str) -> None:
    with own_service(db_url, lease_seconds=1.5, renew_seconds=0.3) as service:
        alive = SyncClient(service.url)
        alive.login("operator", DEMO_PASSWORD)
        alive.start()
        assert alive.wait_live(10)
        inc = alive.register(source="phone", type_code="gas_smell", address=GAS,
                             description="держит, пока подключён")["incident"]
        time.sleep(3.0)  # twice the lease: the connected console keeps it renewed
        other = SyncClient(service.url)
        other.login("operator2", DEMO_PASSWORD)
        try:
            other.claim(inc["id"])
            raise AssertionError("a connected console's lease was taken")
        except ApiError as e:
            assert "Иванова Анна" in e.message
        alive.stop()  # the console dies: no stream, no renewal
        deadline = time.monotonic() + 10
        while True:
            try:
                other.claim(inc["id"])
                break
            except ApiError:
                assert time.monotonic() < deadline, "the dead console's lease never expired"
                time.sleep(0.2)
        kinds = [c["kind"] for c in other.http.request("GET", "/changes",
                                                       params={"after": 0})]
        assert "claim.expired" in kinds
        alive.close()
        other.close()
