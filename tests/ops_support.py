"""Helpers for the operations tests: a cheap one-page letter, services, Prefect reads."""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, ExitStack, contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from uuid import UUID

import pytest
from PIL import Image, ImageDraw, ImageFont
from services import (
    free_port,
    postgres_admin_url,
    postgres_schema,
    seaweedfs_server,
    shared_service,
)

from medocr.ocr.models import install_models
from medocr.settings import Settings

if TYPE_CHECKING:
    from prefect.client.orchestration import SyncPrefectClient
    from prefect.client.schemas.objects import FlowRun

REPO_ROOT = Path(__file__).resolve().parents[1]
FONT = REPO_ROOT / "medocr" / "fonts" / "DejaVuSans.ttf"
POOL = "medocr"  # the work pool of deployments/prefect.yaml

LETTER = (
    "Universitätsklinikum Musterstadt - Klinik für Innere Medizin",
    "Entlassungsbericht",
    "Musterstadt, den {day:02d}.03.2025",
    "Sehr geehrte Frau Kollegin,",
    "wir berichten über unseren Patienten, der vom {day:02d}.02.2025",
    "bis zum {day:02d}.03.2025 in stationärer Behandlung war.",
    "Diagnosen: Essentielle Hypertonie (I10.{code})",
    "Therapie: Ramipril 5 mg 1-0-0, Kontrolle in vier Wochen.",
    "Mit freundlichen kollegialen Grüßen",
    "Dr. med. Anna Beispiel, Oberärztin",
)


def write_letter(path: Path, variant: int = 0) -> Path:
    """A one-page German discharge letter with a date and an ICD-10 code, as PNG.

    ``variant`` changes a day and a code digit, so each variant is a new document.
    """
    font = ImageFont.truetype(str(FONT), 28)
    image = Image.new("L", (1240, 720), 255)
    draw = ImageDraw.Draw(image)
    for row, line in enumerate(LETTER):
        text = line.format(day=1 + variant % 27, code=variant % 10)
        draw.text((80, 60 + row * 60), text, font=font, fill=0)
    image.save(path, dpi=(200, 200))
    return path


# --- The session's Prefect stack: server on PostgreSQL with basic auth, two workers.


@dataclass(frozen=True)
class PrefectStack:
    """A running Prefect server, the deployments, and two process workers."""

    api_url: str
    ui_url: str
    auth: str
    env: dict[str, str]
    root: Path
    worker_logs: tuple[Path, ...]

    @property
    def home(self) -> Path:
        return Path(self.env["MEDOCR_HOME"])

    def settings(self) -> Settings:
        """The settings every flow process of this stack runs with."""
        values = {k: v for k, v in self.env.items() if k.startswith("MEDOCR_")}
        with _environment(values):
            return Settings()

    def inbox(self, name: str, variants: Sequence[int]) -> Path:
        """A fresh inbox folder holding one letter per variant."""
        folder = self.root / "inboxes" / name
        folder.mkdir(parents=True)
        for variant in variants:
            write_letter(folder / f"scan-{variant}.png", variant)
        return folder

    @contextmanager
    def client(self) -> Iterator[SyncPrefectClient]:
        """A Prefect client for this server, with its auth string."""
        from prefect.client.orchestration import get_client
        from prefect.settings import (
            PREFECT_API_AUTH_STRING,
            PREFECT_API_URL,
            temporary_settings,
        )

        updates = {PREFECT_API_URL: self.api_url, PREFECT_API_AUTH_STRING: self.auth}
        with temporary_settings(updates=updates):
            with get_client(sync_client=True) as client:
                yield client

    def wait_for_workers(self, count: int, limit: float = 120) -> None:
        """Block until ``count`` workers poll the pool."""
        deadline = time.monotonic() + limit
        with self.client() as client:
            while time.monotonic() < deadline:
                workers = client.read_workers_for_work_pool(POOL)
                if sum(w.status == "ONLINE" for w in workers) >= count:
                    return
                time.sleep(2)
        pytest.fail(f"{count} workers did not come online in {limit:.0f} s")

    def wait_final(self, flow_run_id: UUID, limit: float = 600) -> FlowRun:
        """Poll a flow run until it is final; fail the test after ``limit`` seconds."""
        deadline = time.monotonic() + limit
        with self.client() as client:
            while time.monotonic() < deadline:
                run = client.read_flow_run(flow_run_id)
                if run.state is not None and run.state.is_final():
                    return run
                time.sleep(2)
        pytest.fail(f"flow run {flow_run_id} did not finish in {limit:.0f} s")


def medocr_command() -> str:
    return str(Path(sys.executable).with_name("medocr"))


def prefect_stack_for(request: pytest.FixtureRequest, root: Path) -> PrefectStack:
    """The session's stack, started by whichever test asks first."""
    return shared_service(request, "prefect", lambda: _running_stack(request, root))  # type: ignore[return-value]


@contextmanager
def _running_stack(
    request: pytest.FixtureRequest, root: Path
) -> Iterator[PrefectStack]:
    with ExitStack() as stack:
        env = _stack_environment(request, root, stack)
        _run([medocr_command(), "server", "start", "--port", env["PORT"]], env, 240)
        server_pid = int((root / "home" / "prefect" / "server.pid").read_text())
        # Whatever happens to `medocr server stop`, the server's group goes too.
        stack.callback(_kill_group, server_pid)
        stack.callback(_run, [medocr_command(), "server", "stop"], env, 180)
        logs = tuple(stack.enter_context(_worker(env, root, n)) for n in ("1", "2"))
        _run([medocr_command(), "deploy", "--ocr-limit", "1"], env, 300)
        running = PrefectStack(
            api_url=env["PREFECT_API_URL"],
            ui_url=env["PREFECT_API_URL"].removesuffix("/api"),
            auth=env["PREFECT_API_AUTH_STRING"],
            env=env,
            root=root,
            worker_logs=logs,
        )
        running.wait_for_workers(len(logs))
        yield running


def _stack_environment(
    request: pytest.FixtureRequest, root: Path, stack: ExitStack
) -> dict[str, str]:
    """Environment for server, workers and flow runs; stores and models set up."""
    admin = postgres_admin_url()
    if admin is None:
        pytest.skip("PostgreSQL is not reachable at 127.0.0.1:5432")
    prefect_db = stack.enter_context(_prefect_database(admin))
    records_url = stack.enter_context(postgres_schema())
    install_models(root / "models")
    port = str(free_port())
    auth = f"medocr:{secrets.token_urlsafe(12)}"
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "MEDOCR_"))
    }
    env.update(
        PORT=port,
        MEDOCR_HOME=str(root / "home"),
        MEDOCR_RECORDS_URL=records_url,
        MEDOCR_OCR__MODELS_DIR=str(root / "models"),
        MEDOCR_ROOT=str(REPO_ROOT),
        PREFECT_SERVER_DATABASE_CONNECTION_URL=prefect_db,
        PREFECT_SERVER_API_AUTH_STRING=auth,
        PREFECT_API_AUTH_STRING=auth,
        PREFECT_API_URL=f"http://127.0.0.1:{port}/api",
        PREFECT_SERVER_SERVICES_SCHEDULER_ENABLED="false",
        PREFECT_WORKER_QUERY_SECONDS="2",
    )
    env.update(_vault_environment(request, root))
    return env


def _vault_environment(request: pytest.FixtureRequest, root: Path) -> dict[str, str]:
    """The vault on SeaweedFS's S3 API, a bucket per zone under a fresh prefix."""
    server = shared_service(request, "seaweedfs", lambda: _seaweedfs(root / "s3"))
    vault = server.vault_settings(f"medocr-ops-{secrets.token_hex(4)}")  # type: ignore[attr-defined]
    return {f"MEDOCR_VAULT__{k.upper()}": str(v) for k, v in vault.items()}


@contextmanager
def _prefect_database(admin_url: str) -> Iterator[str]:
    """A dedicated PostgreSQL database for the Prefect server, dropped afterwards."""
    from sqlalchemy import create_engine, make_url, text

    name = f"medocr_prefect_test_{secrets.token_hex(4)}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(admin_url).set(drivername="postgresql+asyncpg", database=name)
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@contextmanager
def _worker(env: dict[str, str], root: Path, number: str) -> Iterator[Path]:
    """One process worker (``medocr worker start``) whose audit actor names it."""
    log = root / f"worker-{number}.log"
    command = [medocr_command(), "worker", "start", "--name", f"medocr-test-{number}"]
    with log.open("wb") as out:
        process = subprocess.Popen(
            [*command, "--limit", "2"],
            env={**env, "MEDOCR_ACTOR": f"worker-{number}"},
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        yield log
    finally:
        _stop_group(process)


def _stop_group(process: subprocess.Popen[bytes]) -> None:
    """Stop a worker and its flow-run processes: SIGTERM, then SIGKILL."""
    for sig, grace in ((signal.SIGTERM, 10.0), (signal.SIGKILL, 10.0)):
        with suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        try:
            process.wait(timeout=grace)
            break
        except subprocess.TimeoutExpired:
            continue
    with suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)


def _kill_group(pid: int) -> None:
    with suppress(ProcessLookupError):
        os.killpg(pid, signal.SIGKILL)


def _run(command: list[str], env: dict[str, str], timeout: float) -> None:
    done = subprocess.run(command, env=env, capture_output=True, timeout=timeout)
    if done.returncode != 0:
        tail = (done.stdout + done.stderr).decode(errors="replace")[-3000:]
        pytest.fail(f"{' '.join(command[1:3])} failed:\n{tail}")


@contextmanager
def _environment(values: dict[str, str]) -> Iterator[None]:
    saved = {k: v for k, v in os.environ.items() if k.startswith("MEDOCR_")}
    for key in saved:
        del os.environ[key]
    os.environ.update(values)
    try:
        yield
    finally:
        for key in values:
            os.environ.pop(key, None)
        os.environ.update(saved)


def _seaweedfs(root: Path) -> AbstractContextManager[object]:
    root.mkdir(parents=True)
    return seaweedfs_server(root)
