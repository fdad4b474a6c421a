"""Service tests sign in a lot; the real argon2 cost (about 0.25 s a hash here) would make
the sign-ins most of the run time. Each test's database copy gets cheap argon2 hashes of
the same demo password, and the service in this process hashes with the same cheap
parameters, so nothing is re-hashed on sign-in. What is checked does not change: the
password is still verified by argon2, refused when wrong, throttled when guessed.

A test that wants the real hashes seeded by tests/conftest.py asks for ``real_passwords``."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from argon2 import PasswordHasher
from sqlalchemy import update

from app.models import User
from app.services import auth
from app.services.demo import DEMO_PASSWORD
from tests.server.helpers import engine_for

CHEAP = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
CHEAP_DEMO_HASH = CHEAP.hash(DEMO_PASSWORD)


@pytest.fixture
def real_passwords() -> None:
    """Keep the seeded argon2 hashes and parameters."""


@pytest.fixture(autouse=True)
def cheap_passwords(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
                    ) -> Iterator[None]:
    names = [n for n in ("db_url", "pg_url") if n in request.fixturenames]
    if "real_passwords" in request.fixturenames or not names:
        yield
        return
    db_url = request.getfixturevalue(names[0])
    monkeypatch.setattr(auth, "_hasher", CHEAP)
    monkeypatch.setattr(auth, "_DUMMY", CHEAP.hash("not a password of anyone"))
    with engine_for(db_url) as engine, engine.begin() as conn:
        conn.execute(update(User).values(password_hash=CHEAP_DEMO_HASH))
    yield
