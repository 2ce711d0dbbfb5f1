"""``medocr server``, ``medocr worker`` and ``medocr deploy``: thin wrappers over Prefect.

Each runs Prefect's own command with medocr's hardened environment (see
``medocr.prefect_profile``), after the residency check of every configured endpoint.
Secrets come from the environment, never from arguments: the server's
``PREFECT_SERVER_API_AUTH_STRING`` and the clients' ``PREFECT_API_AUTH_STRING``.
"""

from __future__ import annotations

import base64
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import typer
import yaml

from medocr.cli.main import app
from medocr.cli.output import JsonOption, emit_mapping, emit_table
from medocr.egress import check_endpoints
from medocr.errors import ConfigurationError, MedocrError
from medocr.settings import get_settings

POOL = "medocr"
PREFECT_FILE = Path("deployments") / "prefect.yaml"

server_app = typer.Typer(no_args_is_help=True, help="The Prefect server (API and UI).")
worker_app = typer.Typer(no_args_is_help=True, help="Workers that run medocr's flows.")
app.add_typer(server_app, name="server")
app.add_typer(worker_app, name="worker")


def checkout_root() -> Path:
    """The checkout flows are deployed from: MEDOCR_ROOT, else this package's repo."""
    root = os.environ.get("MEDOCR_ROOT")
    return Path(root) if root else Path(__file__).resolve().parents[2]


def prefect_command() -> str:
    """Prefect's CLI from this environment."""
    beside = Path(sys.executable).with_name("prefect")
    return str(beside) if beside.is_file() else shutil.which("prefect") or "prefect"


def child_environment() -> dict[str, str]:
    """This process's (already hardened) environment plus the checkout location."""
    env = dict(os.environ)
    env.setdefault("MEDOCR_ROOT", str(checkout_root()))
    if "PREFECT_SERVER_API_AUTH_STRING" in env:
        env.setdefault("PREFECT_API_AUTH_STRING", env["PREFECT_SERVER_API_AUTH_STRING"])
    return env


def auth_headers(env: dict[str, str]) -> dict[str, str]:
    secret = env.get("PREFECT_API_AUTH_STRING")
    if not secret:
        return {}
    return {"Authorization": f"Basic {base64.b64encode(secret.encode()).decode()}"}


def server_healthy(api_url: str, env: dict[str, str]) -> bool:
    try:
        reply = httpx.get(f"{api_url}/health", headers=auth_headers(env), timeout=3)
    except httpx.HTTPError:
        return False
    return reply.status_code == 200


def _server_files() -> tuple[Path, Path]:
    home = get_settings().prefect_home
    home.mkdir(parents=True, exist_ok=True, mode=0o700)
    return home / "server.pid", home / "server.log"


def _require_api(env: dict[str, str]) -> None:
    if not env.get("PREFECT_API_URL"):
        typer.echo("set PREFECT_API_URL to the Prefect server's API first", err=True)
        raise typer.Exit(2)


def _check_residency(*, server: bool = False) -> None:
    """Refuse to start when a configured endpoint is outside the allowed hosts."""
    from sqlalchemy.engine import make_url

    extra = {}
    database = os.environ.get("PREFECT_SERVER_DATABASE_CONNECTION_URL", "")
    if server and database.startswith("postgresql"):
        extra["Prefect database"] = make_url(database).host or "localhost"
    try:
        check_endpoints(get_settings(), extra)
    except MedocrError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from None


@server_app.command("start")
def server_start(
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(4200, help="Port to listen on."),
    foreground: bool = typer.Option(False, help="Run in this terminal (services)."),
    wait: float = typer.Option(120.0, help="Seconds to wait for the API."),
    as_json: bool = JsonOption,
) -> None:
    """Start the Prefect server with medocr's hardened settings (database: see docs)."""
    _check_residency(server=True)
    env = child_environment()
    command = [prefect_command(), "server", "start", "--host", host]
    command += ["--port", str(port)]
    if foreground:
        os.execvpe(command[0], command, env)
    process = _spawn_server(command, env)
    api_url = f"http://{host}:{port}/api"
    if not _wait_until_healthy(api_url, env, process, wait):
        log_file = _server_files()[1]
        typer.echo(f"the Prefect server did not start; see {log_file}", err=True)
        raise typer.Exit(1)
    emit_mapping(
        "Prefect server",
        {"api_url": api_url, "ui": f"http://{host}:{port}", "pid": process.pid},
        as_json=as_json,
    )


def _spawn_server(command: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
    """The server in its own session, logging to a file; its pid in the pid file."""
    pid_file, log_file = _server_files()
    with log_file.open("ab") as log:
        process = subprocess.Popen(
            command, env=env, stdout=log, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, start_new_session=True,
        )  # fmt: skip
    pid_file.write_text(str(process.pid))
    return process


def _wait_until_healthy(
    api_url: str, env: dict[str, str], process: subprocess.Popen[bytes], wait: float
) -> bool:
    deadline = time.monotonic() + wait
    while not server_healthy(api_url, env):
        if process.poll() is not None or time.monotonic() > deadline:
            return False
        time.sleep(1)
    return True


@server_app.command("stop")
def server_stop(as_json: bool = JsonOption) -> None:
    """Stop the server that ``medocr server start`` left running."""
    pid_file, _ = _server_files()
    if not pid_file.is_file():
        emit_mapping("Prefect server", {"stopped": False}, as_json=as_json)
        return
    pid = int(pid_file.read_text())
    for sig, grace in ((signal.SIGTERM, 20.0), (signal.SIGKILL, 5.0)):
        if not _signal_group(pid, sig, grace):
            break
    pid_file.unlink(missing_ok=True)
    emit_mapping("Prefect server", {"stopped": True, "pid": pid}, as_json=as_json)


def _signal_group(pid: int, sig: signal.Signals, grace: float) -> bool:
    """Signal the server's process group; True while it is still running after."""
    try:
        os.killpg(pid, sig)
    except ProcessLookupError:
        return False
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        try:
            os.killpg(pid, 0)
        except ProcessLookupError:
            return False
        time.sleep(0.2)
    return True


@server_app.command("status")
def server_status(as_json: bool = JsonOption) -> None:
    """Whether the API at PREFECT_API_URL answers; exit code 1 when it does not."""
    env = child_environment()
    api_url = env.get("PREFECT_API_URL", "")
    healthy = bool(api_url) and server_healthy(api_url, env)
    emit_mapping(
        "Prefect server", {"api_url": api_url, "healthy": healthy}, as_json=as_json
    )
    if not healthy:
        raise typer.Exit(1)


@worker_app.command("start")
def worker_start(
    name: str = typer.Option(None, help="Worker name (default: Prefect's)."),
    pool: str = typer.Option(POOL, help="Work pool to poll."),
    limit: int = typer.Option(None, help="Most flow runs at once on this worker."),
) -> None:
    """Run a process worker for the pool in this terminal (until stopped)."""
    env = child_environment()
    _require_api(env)
    _check_residency()
    command = [
        prefect_command(),
        "worker",
        "start",
        "--pool",
        pool,
        "--type",
        "process",
    ]
    command += ["--name", name] if name else []
    command += ["--limit", str(limit)] if limit else []
    os.execvpe(command[0], command, env)


NamesOption = typer.Option(None, "--name", help="Only these deployments.")


@app.command("deploy")
def deploy(
    names: list[str] | None = NamesOption,
    ocr_limit: int = typer.Option(
        os.cpu_count() or 1, help="Most OCR task runs at once across the pool."
    ),
    as_json: bool = JsonOption,
) -> None:
    """Create or update the deployments in deployments/prefect.yaml, and OCR's limit."""
    env = child_environment()
    _require_api(env)
    _check_residency()
    env.setdefault("MEDOCR_INBOX", str(get_settings().home / "inbox"))
    try:
        rows = deployment_plan(Path(env["MEDOCR_ROOT"]), names or [])
    except ConfigurationError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from None
    wanted = [row["deployment"] for row in rows if row["status"] == "to deploy"]
    if wanted:
        ensure_pool_and_limit(ocr_limit)
        command = [prefect_command(), "--no-prompt", "deploy"]
        command += ["--prefect-file", str(PREFECT_FILE)]
        command += [arg for name in wanted for arg in ("--name", name)]
        done = subprocess.run(command, env=env, cwd=env["MEDOCR_ROOT"], check=False)
        if done.returncode != 0:
            raise typer.Exit(done.returncode)
    for row in rows:
        row["status"] = row["status"].replace("to deploy", "deployed")
    emit_table("medocr deploy", rows, as_json=as_json, summary={"ocr_limit": ocr_limit})


def deployment_plan(root: Path, names: list[str]) -> list[dict[str, str]]:
    """Each deployment in prefect.yaml, and whether its flow module exists here."""
    spec = yaml.safe_load((root / PREFECT_FILE).read_text())
    rows = []
    for item in spec["deployments"]:
        if names and item["name"] not in names:
            continue
        module = item["entrypoint"].split(":")[0]
        present = (root / module).is_file()
        status = "to deploy" if present else f"skipped: {module} not in this checkout"
        rows.append(
            {
                "deployment": item["name"],
                "entrypoint": item["entrypoint"],
                "status": status,
            }
        )
    if names and len(rows) != len(set(names)):
        raise ConfigurationError("an unknown deployment name was given")
    return rows


def ensure_pool_and_limit(ocr_limit: int) -> None:
    """The process work pool, and the tag concurrency limit that bounds OCR."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.actions import WorkPoolCreate
    from prefect.exceptions import ObjectAlreadyExists

    with get_client(sync_client=True) as client:
        try:
            client.create_work_pool(WorkPoolCreate(name=POOL, type="process"))
        except ObjectAlreadyExists:
            pass
        client.create_concurrency_limit(tag="ocr", concurrency_limit=ocr_limit)
