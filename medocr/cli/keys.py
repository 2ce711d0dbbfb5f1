"""``medocr keys``: rotate key encryption keys, see what each one wraps, retire old ones."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer

from medocr.cli.main import keys_app
from medocr.cli.output import JsonOption, emit_mapping, emit_table
from medocr.errors import MedocrError
from medocr.keys_rotation import PURPOSES, kek_usage, retire_kek, rotate_keys
from medocr.runtime import get_runtime


@keys_app.command("rotate")
def rotate(as_json: bool = JsonOption) -> None:
    """Re-wrap every data key under new KEKs (content untouched); rerun to resume."""
    runtime = get_runtime()
    with _exit_on_error("key rotation"):
        report = rotate_keys(runtime.engine, runtime.keys, runtime.audit)
    emit_mapping(
        "key rotation",
        {
            "resumed": report.resumed,
            "new_keks": report.new_keks,
            "rewrapped": report.rewrapped,
            "retirable": list(report.retirable),
        },
        as_json=as_json,
    )


@keys_app.command("status")
def status(as_json: bool = JsonOption) -> None:
    """Live data keys per KEK and which KEKs are active."""
    runtime = get_runtime()
    active = {runtime.keys.active_kek_id(p): p for p in PURPOSES}
    usage = kek_usage(runtime.engine, runtime.keys)
    rows = [
        {
            "kek_id": kek,
            "active_for": active.get(kek),
            "live_data_keys": usage.get(kek, 0),
        }
        for kek in sorted(set(usage) | set(active))
    ]
    emit_table(
        "key encryption keys",
        rows,
        as_json=as_json,
        summary={"provider": runtime.keys.name},
    )


@keys_app.command("retire")
def retire(kek_id: str, as_json: bool = JsonOption) -> None:
    """Destroy an old KEK; refused while any live data key is wrapped under it."""
    runtime = get_runtime()
    with _exit_on_error("retiring the key"):
        retire_kek(runtime.engine, runtime.keys, kek_id, runtime.audit)
    emit_mapping("retired", {"kek_id": kek_id}, as_json=as_json)


@contextmanager
def _exit_on_error(what: str) -> Iterator[None]:
    try:
        yield
    except MedocrError as exc:
        typer.echo(f"{what} failed: {exc}", err=True)
        raise typer.Exit(1) from None
