"""Entry point: the ``medocr`` app and its command groups.

Each command lives in its own module under ``medocr.cli`` and attaches itself to one
of the apps below when imported; this module imports them all at the end.
"""

from __future__ import annotations

import typer
from pydantic import ValidationError

from medocr.errors import ConfigurationError
from medocr.prefect_profile import apply_prefect_profile
from medocr.settings import Settings, get_settings


def _settings_or_exit() -> Settings:
    """The settings, or a coded, one-line error naming the bad keys (never a traceback)."""
    try:
        return get_settings()
    except (ValidationError, ConfigurationError) as exc:
        problems = (
            "; ".join(
                f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}"
                for e in exc.errors()
            )
            if isinstance(exc, ValidationError)
            else str(exc)
        )
        typer.echo(
            f"[{ConfigurationError.code}] invalid settings: {problems}", err=True
        )
        raise SystemExit(2) from None


# Before any command module can import Prefect: pin its home and switch off telemetry.
apply_prefect_profile(_settings_or_exit())

app = typer.Typer(
    no_args_is_help=True,
    add_completion=False,
    help="medocr: scanned medical documents into signed, pseudonymized records.",
)
eval_app = typer.Typer(no_args_is_help=True, help="Measure quality on reference data.")
bench_app = typer.Typer(no_args_is_help=True, help="Measure speed and memory.")
models_app = typer.Typer(no_args_is_help=True, help="OCR model folders.")
keys_app = typer.Typer(no_args_is_help=True, help="Key encryption keys.")
audit_app = typer.Typer(no_args_is_help=True, help="The tamper-evident audit chain.")
review_app = typer.Typer(no_args_is_help=True, help="The review queue.")
samples_app = typer.Typer(no_args_is_help=True, help="Synthetic sample documents.")
hold_app = typer.Typer(no_args_is_help=True, help="Legal holds.")

for _name, _sub in (
    ("eval", eval_app),
    ("bench", bench_app),
    ("models", models_app),
    ("keys", keys_app),
    ("audit", audit_app),
    ("review", review_app),
    ("samples", samples_app),
    ("hold", hold_app),
):
    app.add_typer(_sub, name=_name)

# Command modules register themselves on the apps above.
COMMAND_MODULES = (
    "run",
    "signing",
    "db",
    "keys",
    "retention",
    "validation",
    "phi",
    "samples",
    "audit",
    "review",
    "ops",
    "ocr",
    "hostile",
)

for _module in COMMAND_MODULES:
    __import__(f"medocr.cli.{_module}")
