"""``medocr server``, ``worker`` and ``deploy`` refuse what they cannot do safely, and
``deploy`` skips flows that are not in the checkout. The real server, workers and
deployments are exercised by tests/test_flow_retry.py and tests/test_ops_scale_out.py.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from services import free_port
from typer.testing import CliRunner

from medocr.cli.main import app
from medocr.cli.ops import PREFECT_FILE, deployment_plan

REPO_ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def test_every_deployment_of_the_checkout_is_planned() -> None:
    rows = deployment_plan(REPO_ROOT, [])

    assert {row["status"] for row in rows} == {"to deploy"}
    assert {row["deployment"] for row in rows} >= {
        "process-inbox",
        "process-inbox-every-15-min",
        "spread-inbox",
        "process-document",
        "retention-sweep-nightly",
        "anchor-audit-daily",
    }


def test_a_flow_missing_from_the_checkout_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "deployments").mkdir()
    shutil.copy(REPO_ROOT / PREFECT_FILE, tmp_path / PREFECT_FILE)
    (tmp_path / "flows").mkdir()
    (tmp_path / "flows" / "process_documents.py").write_text("")

    rows = {r["deployment"]: r["status"] for r in deployment_plan(tmp_path, [])}

    assert rows["process-inbox"] == "to deploy"
    assert rows["anchor-audit-daily"].startswith("skipped: flows/anchor_audit.py")


def test_an_unknown_deployment_name_is_an_error() -> None:
    with pytest.raises(Exception, match="unknown deployment"):
        deployment_plan(REPO_ROOT, ["no-such-deployment"])


def test_status_reports_an_api_that_does_not_answer(
    medocr_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PREFECT_API_URL", f"http://127.0.0.1:{free_port()}/api")

    result = runner.invoke(app, ["server", "status", "--json"])

    assert result.exit_code == 1
    assert json.loads(result.stdout)["healthy"] is False


def test_a_worker_needs_an_api_url(
    medocr_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PREFECT_API_URL", raising=False)

    result = runner.invoke(app, ["worker", "start"])

    assert result.exit_code == 2


def test_a_server_database_outside_the_allowed_hosts_is_refused(
    medocr_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(
        "PREFECT_SERVER_DATABASE_CONNECTION_URL",
        "postgresql+asyncpg://prefect@db.us-east.example:5432/prefect",
    )

    result = runner.invoke(app, ["server", "start", "--port", str(free_port())])

    assert result.exit_code == 2
    assert "Prefect database" in result.output
    assert not (medocr_home / "prefect" / "server.pid").exists()
