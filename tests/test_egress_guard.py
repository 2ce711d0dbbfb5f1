"""Residency: configured endpoints outside the allowed hosts stop start-up, and the
egress guard blocks any other host before a packet is sent.

No test here sends traffic off this machine: beneath the guard sits a tripwire that
fails the test if a non-loopback resolution or connect ever reaches the real socket.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import subprocess
import sys
import textwrap
import threading
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from medocr.egress import (
    check_endpoints,
    configured_endpoints,
    install_egress_guard,
    uninstall_egress_guard,
)
from medocr.errors import EgressBlocked, ResidencyViolation
from medocr.runtime import build_runtime
from medocr.settings import Settings

REPO_ROOT = Path(__file__).resolve().parents[1]
TRIPWIRE = """
import socket

def _loopback(host):
    return str(host).strip("[]") in ("127.0.0.1", "::1", "localhost", "", "None")

_real_getaddrinfo, _real_connect = socket.getaddrinfo, socket.socket.connect

def getaddrinfo(host, *args, **kwargs):
    if not _loopback(host):
        raise AssertionError("tripwire: resolution of a non-loopback host reached the OS")
    return _real_getaddrinfo(host, *args, **kwargs)

def connect(self, address):
    if self.family != socket.AF_UNIX and not _loopback(address[0]):
        raise AssertionError("tripwire: a non-loopback connect reached the OS")
    return _real_connect(self, address)

socket.getaddrinfo, socket.socket.connect = getaddrinfo, connect
"""


@pytest.fixture
def guarded(medocr_home: Path) -> Iterator[Settings]:
    """The guard installed over a tripwire, with the process's default settings."""
    uninstall_egress_guard()
    pristine = socket.getaddrinfo, socket.socket.connect
    exec(TRIPWIRE, {})  # noqa: S102 - the tripwire text is this module's own code
    settings = Settings(home=medocr_home)
    install_egress_guard(settings)
    try:
        yield settings
    finally:
        uninstall_egress_guard()
        socket.getaddrinfo, socket.socket.connect = pristine  # type: ignore[method-assign]


def test_every_configured_endpoint_host_is_named(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PREFECT_API_URL", "http://prefect.eu.internal:4200/api")
    settings = Settings(
        records_url="postgresql+psycopg://medocr@db.eu.internal:5432/records",
        vault={"backend": "s3", "s3_endpoint": "https://s3.eu.internal"},
        signing={"tsa_url": "http://tsa.eu.internal/tsr"},
    )
    assert configured_endpoints(settings) == {
        "records database": "db.eu.internal",
        "vault S3 endpoint": "s3.eu.internal",
        "timestamp authority": "tsa.eu.internal",
        "Prefect API": "prefect.eu.internal",
    }


@pytest.mark.parametrize(
    ("section", "value"),
    [
        ("records_url", "postgresql+psycopg://medocr@db.us-east.example/records"),
        ("vault", {"backend": "s3", "s3_endpoint": "https://s3.us-east-1.example"}),
        ("signing", {"tsa_url": "http://tsa.example.com/tsr"}),
    ],
)
def test_runtime_refuses_to_start_with_an_endpoint_outside_the_allowed_hosts(
    medocr_home: Path, section: str, value: object
) -> None:
    settings = Settings(home=medocr_home, **{section: value})

    with pytest.raises(ResidencyViolation) as raised:
        build_runtime(settings)

    assert raised.value.code == "MEDOCR-CFG-010"
    assert not (medocr_home / "records.db").exists()


def test_a_prefect_api_outside_the_allowed_hosts_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PREFECT_API_URL", "https://api.prefect.cloud/api/accounts/x")

    with pytest.raises(ResidencyViolation, match="Prefect API"):
        check_endpoints(Settings())


def test_allowed_hosts_and_networks_are_configuration(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PREFECT_API_URL", "http://10.8.0.4:4200/api")
    settings = Settings(
        records_url="postgresql+psycopg://medocr@db.eu.internal/records",
        residency={"allowed_hosts": ["db.eu.internal", "10.8.0.0/24"]},
    )

    check_endpoints(settings)


def test_guard_blocks_a_public_host_name_before_resolving_it(
    guarded: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="medocr.egress")

    with pytest.raises(EgressBlocked) as raised:
        urllib.request.urlopen("https://huggingface.co/api/models", timeout=2)

    assert raised.value.code == "MEDOCR-CFG-011"
    assert [r.getMessage() for r in caplog.records] == [
        "egress blocked: huggingface.co is not a configured host"
    ]


@pytest.mark.parametrize("url", ["http://10.1.2.3/telemetry", "http://[fd00::7]/x"])
def test_guard_blocks_private_addresses_before_connecting(
    guarded: Settings, url: str
) -> None:
    with pytest.raises(EgressBlocked):
        httpx.get(url, timeout=2)


def test_guard_blocks_a_raw_socket_connect_and_an_async_client(
    guarded: Settings,
) -> None:
    with socket.socket() as raw, pytest.raises(EgressBlocked):
        raw.connect(("10.9.9.9", 443))

    async def fetch() -> None:
        async with httpx.AsyncClient(timeout=2) as client:
            await client.get("https://api.segment.io/v1/track")

    with pytest.raises(EgressBlocked):
        asyncio.run(fetch())


def test_guard_lets_loopback_through(guarded: Settings) -> None:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        port = server.getsockname()[1]
        accepted = threading.Thread(target=lambda: server.accept()[0].close())
        accepted.start()
        with socket.create_connection(("localhost", port), timeout=2):
            pass
        accepted.join(timeout=5)


def test_a_worker_started_flow_process_is_guarded_from_import(
    medocr_home: Path,
) -> None:
    program = TRIPWIRE + textwrap.dedent(
        """
        import urllib.request
        import flows.process_documents
        from medocr.errors import EgressBlocked
        for url in ("https://huggingface.co/", "http://10.20.30.40/"):
            try:
                urllib.request.urlopen(url, timeout=2)
            except EgressBlocked as exc:
                print(exc.code)
        """
    )
    env = {"MEDOCR_HOME": str(medocr_home), "PREFECT__FLOW_RUN_ID": "not-a-run"}
    done = subprocess.run(
        [sys.executable, "-c", program],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        env={**_base_env(), **env},
        timeout=120,
    )

    assert done.stdout.split() == ["MEDOCR-CFG-011", "MEDOCR-CFG-011"], done.stderr
    assert "egress blocked: huggingface.co" in done.stderr


def _base_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
