"""``medocr db``: the records database's schema revision, and upgrading it."""

from __future__ import annotations

import typer
from sqlalchemy.engine import Engine

from medocr.cli.main import app
from medocr.cli.output import JsonOption, emit_mapping
from medocr.migrations import current_revision, head_revision, upgrade_schema
from medocr.records import get_engine
from medocr.settings import get_settings

db_app = typer.Typer(no_args_is_help=True, help="The records database.")
app.add_typer(db_app, name="db")


@db_app.command("upgrade")
def upgrade(as_json: bool = JsonOption) -> None:
    """Migrate the records database to the newest revision (the runtime does this too)."""
    engine = _records_engine()
    before = current_revision(engine)
    after = upgrade_schema(engine)
    emit_mapping(
        "records database",
        {"dialect": engine.dialect.name, "from": before, "to": after},
        as_json=as_json,
    )


@db_app.command("current")
def current(as_json: bool = JsonOption) -> None:
    """Show the records database's revision and the newest one medocr knows."""
    engine = _records_engine()
    revision = current_revision(engine)
    emit_mapping(
        "records database",
        {"dialect": engine.dialect.name, "current": revision, "head": head_revision()},
        as_json=as_json,
    )
    if revision != head_revision():
        raise typer.Exit(1)


def _records_engine() -> Engine:
    settings = get_settings()
    settings.home.mkdir(parents=True, exist_ok=True, mode=0o700)
    return get_engine(settings.records_database_url)
