"""The service over TLS with a certificate of the city's own CA, and a console that trusts
that CA and no other: signs in, loads the snapshot and goes live over wss://."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests
import trustme

from app.services.demo import DEMO_PASSWORD
from app.sync.client import SyncClient
from app.sync.errors import Offline, Untrusted
from app.sync.http import CA_FILE_ENV
from app.sync.stream import StreamState
from tests.server.helpers import API, KNOWN_HOUSE, KNOWN_STREET, mid, server_process


@dataclass
class Pki:
    ca_file: Path
    cert_file: Path
    key_file: Path


def make_pki(folder: Path) -> Pki:
    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1", "localhost")
    pki = Pki(folder / "city-ca.pem", folder / "service.pem", folder / "service.key")
    ca.cert_pem.write_to_path(str(pki.ca_file))
    cert.private_key_pem.write_to_path(str(pki.key_file))
    for i, blob in enumerate(cert.cert_chain_pems):
        blob.write_to_path(str(pki.cert_file), append=i > 0)
    return pki


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return make_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture(scope="module")
def tls_service(sqlite_template: Path, pki: Pki, tmp_path_factory: pytest.TempPathFactory
                ) -> Iterator[str]:
    """TLS is the transport's business, not the database's: one service on SQLite serves
    every test here, started as an administrator starts it."""
    path = tmp_path_factory.mktemp("tls") / "dispatch.db"
    shutil.copy(sqlite_template, path)
    env = {"DISPATCH_SSL_CERTFILE": str(pki.cert_file), "DISPATCH_SSL_KEYFILE": str(pki.key_file)}
    with server_process(f"sqlite:///{path}", env, scheme="https",
                        verify=str(pki.ca_file)) as served:
        yield served.url


@pytest.fixture(autouse=True)
def no_ca_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    # The console must trust exactly what the test gives it.
    for name in (CA_FILE_ENV, "REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE", "SSL_CERT_FILE",
                 "WEBSOCKET_CLIENT_CA_BUNDLE"):
        monkeypatch.delenv(name, raising=False)


def test_a_console_that_trusts_the_ca_signs_in_and_goes_live_over_wss(
        tls_service: str, pki: Pki, tmp_path: Path) -> None:
    assert tls_service.startswith("https://")
    client = SyncClient(tls_service, replica=tmp_path / "replica.db", ca_file=pki.ca_file)
    try:
        user = client.login("operator", DEMO_PASSWORD)["user"]
        assert user["login"] == "operator"
        client.start()
        assert client.wait_live(30), (client.state, client.state_message)
        assert client.store.synced  # the snapshot came over https
        # A change made elsewhere arrives over the encrypted stream.
        colleague = requests.post(
            tls_service + API + "/auth/login",
            json={"login": "operator2", "password": DEMO_PASSWORD}, verify=str(pki.ca_file),
            timeout=15).json()["token"]
        r = requests.post(tls_service + API + "/incidents", verify=str(pki.ca_file), timeout=15,
                          headers={"Authorization": f"Bearer {colleague}"},
                          json={"mutation_id": mid(), "source": "phone", "type_code": "gas_smell",
                                "address": {"street": KNOWN_STREET, "house": KNOWN_HOUSE},
                                "description": "Пахнет газом"})
        assert r.status_code == 201, r.text
        new_id = r.json()["incident"]["id"]
        assert client.store.wait_for(lambda s: s.get("incident", new_id) is not None, 30)
        assert client.state == StreamState.LIVE
    finally:
        client.close()


def test_the_ca_may_come_from_the_environment(tls_service: str, pki: Pki, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CA_FILE_ENV, str(pki.ca_file))
    client = SyncClient(tls_service, replica=tmp_path / "replica.db")
    try:
        assert client.login("wall", DEMO_PASSWORD)["user"]["role"] == "wall"
        client.start()
        assert client.wait_live(30), (client.state, client.state_message)
    finally:
        client.close()


def test_without_the_ca_the_console_says_the_certificate_is_not_trusted(
        tls_service: str, pki: Pki, tmp_path: Path) -> None:
    client = SyncClient(tls_service, replica=tmp_path / "replica.db")
    try:
        with pytest.raises(Untrusted) as refused:
            client.login("operator", DEMO_PASSWORD)
        assert isinstance(refused.value, Offline)  # the console's offline handling applies
        said = str(refused.value)
        assert "certificate" in said and CA_FILE_ENV in said and tls_service in said
        # Nor does the stream connect: the console shows why it is offline.
        good = SyncClient(tls_service, replica=tmp_path / "good.db", ca_file=pki.ca_file)
        try:
            client.http.token = good.login("operator", DEMO_PASSWORD)["token"]
        finally:
            good.close()
        client.start()
        assert client.store.wait_for(lambda _s: client.state == StreamState.OFFLINE, 30)
        assert "certificate" in client.state_message
        assert not client.store.synced
    finally:
        client.close()


def test_a_console_that_trusts_another_ca_is_refused_too(tls_service: str,
                                                         tmp_path: Path) -> None:
    other = tmp_path / "other-ca.pem"
    trustme.CA().cert_pem.write_to_path(str(other))
    client = SyncClient(tls_service, replica=tmp_path / "replica.db", ca_file=other)
    try:
        with pytest.raises(Untrusted):
            client.login("operator", DEMO_PASSWORD)
    finally:
        client.close()


def test_run_refuses_half_a_tls_configuration(pki: Pki, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "app.server.cli", "run", "--port", "1"],
        env={**os.environ, "DISPATCH_DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}",
             "DISPATCH_SSL_CERTFILE": str(pki.cert_file)},
        capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "DISPATCH_SSL_KEYFILE" in done.stderr
