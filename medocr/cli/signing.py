"""``medocr verify`` and ``medocr bench sign``: check signatures, measure signing."""

from __future__ import annotations

import logging
from dataclasses import asdict
from pathlib import Path
from typing import Any

import typer

from medocr.cli.main import app, bench_app
from medocr.cli.output import JsonOption, emit_mapping, emit_table
from medocr.errors import MedocrError
from medocr.settings import get_settings
from medocr.signing import (
    configured_signer,
    load_trust_store,
    trust_for,
    validate_signature,
)
from medocr.signing.bench import bench_signing
from medocr.signing.pdfsig import pdfsig_available, run_pdfsig

FileArgument = typer.Argument(..., exists=True, dir_okay=False, readable=True)
DocumentsOption = typer.Option(20, min=1, help="Documents to sign per level.")
TrustOption = typer.Option(
    None, "--trust", help="Trust this root certificate (PEM/DER)."
)
CrlOption = typer.Option(None, "--crl", help="A CRL to check revocation against.")


def _quiet_pyhanko() -> None:
    """pyHanko warns with tracebacks on every failed check; the report says it better."""
    for name in ("pyhanko", "pyhanko_certvalidator"):
        logging.getLogger(name).setLevel(logging.ERROR)


@app.command("verify")
def verify(
    file: Path = FileArgument,
    trust: list[Path] = TrustOption,
    crl: list[Path] = CrlOption,
    as_json: bool = JsonOption,
) -> None:
    """Validate a signed PDF offline; exit 1 unless the signature holds, 2 on set-up."""
    _quiet_pyhanko()
    try:
        store = (
            load_trust_store(trust, crl or ()) if trust else trust_for(get_settings())
        )
    except MedocrError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(code=2) from None
    pdf = file.read_bytes()
    report = validate_signature(pdf, store)
    result: dict[str, Any] = report.as_dict()
    pdfsig_ok = True
    if pdfsig_available():
        verdict = run_pdfsig(pdf)
        pdfsig_ok = verdict.all_valid
        result["pdfsig"] = list(verdict.verdicts)
        result["pdfsig_ok"] = pdfsig_ok
    emit_mapping("Signature report", result, as_json=as_json)
    if not (report.ok and pdfsig_ok):
        raise typer.Exit(code=1)


@bench_app.command("sign")
def bench_sign(
    documents: int = DocumentsOption,
    as_json: bool = JsonOption,
) -> None:
    """Seconds per document to sign (and to validate) at B-B and B-LTA."""
    _quiet_pyhanko()
    signer = configured_signer(get_settings())
    timings = bench_signing(signer, ("B-B", "B-LTA"), documents)
    rows = [asdict(timing) for timing in timings]
    emit_table("Signing seconds per document", rows, as_json=as_json)
