"""The sweep, hold, report and datamap commands: JSON out, codes and exit status."""

from __future__ import annotations

import json
from pathlib import Path

from retention_support import processed_document
from typer.testing import CliRunner

from medocr.cli.main import app
from medocr.records import Zone
from medocr.runtime import get_runtime

runner = CliRunner()
FAR = "2036-06-01T00:00:00Z"


def _json(*args: str) -> dict:  # type: ignore[type-arg]
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_hold_then_dry_run_then_sweep_from_the_command_line(medocr_home: Path) -> None:
    done = processed_document(get_runtime())
    hold = _json(
        "hold", "set", done.document_id, "--actor", "dpo-1", "--reason", "LIT-1"
    )
    assert hold["actor"] == "dpo-1"
    dry = _json("sweep", "--dry-run", "--now", FAR)
    assert {row["action"] for row in dry["rows"]} == {"held"}
    _json("hold", "release", done.document_id, "--actor", "dpo-2")
    swept = _json("sweep", "--now", FAR)
    assert swept["summary"]["destroyed"] == 5
    assert {row["outcome"] for row in swept["rows"]} == {"verified"}
    again = runner.invoke(
        app, ["hold", "release", done.document_id, "--actor", "dpo-2"]
    )
    assert again.exit_code == 1


def test_sweep_exits_nonzero_with_the_code_when_a_copy_survives(
    medocr_home: Path,
) -> None:
    done = processed_document(get_runtime())
    handoff = Path(done.artifacts[Zone.HANDOFF].location)
    kept = handoff.read_bytes()
    assert runner.invoke(app, ["sweep", "--now", FAR]).exit_code == 0
    handoff.write_bytes(kept)
    result = runner.invoke(app, ["sweep", "--now", FAR])
    assert result.exit_code == 1 and "MEDOCR-VLT-005" in result.output


def test_hold_with_prose_reason_is_refused_by_code(medocr_home: Path) -> None:
    done = processed_document(get_runtime())
    args = ["hold", "set", done.document_id, "--actor", "dpo-1"]
    result = runner.invoke(app, [*args, "--reason", "Klage Erika Mustermann"])
    assert result.exit_code == 1 and "MEDOCR-STG-003" in result.output


def test_report_writes_html_and_datamap_prints_json(
    medocr_home: Path, tmp_path: Path
) -> None:
    processed_document(get_runtime())
    runner.invoke(app, ["sweep", "--now", FAR])
    out = tmp_path / "report.html"
    result = runner.invoke(
        app, ["report", "--from", "2026-01-01", "--to", "2099-12-31", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "<h2>Deletions</h2>" in out.read_text()
    report = _json("report", "--from", "2026-01-01", "--to", "2099-12-31")
    titles = [s["title"] for s in report["sections"]]
    assert "Legal holds" in titles and report["audit_chain"]["intact"] is True
    datamap = _json("datamap")
    assert datamap["keys"]["provider"] == "file"
