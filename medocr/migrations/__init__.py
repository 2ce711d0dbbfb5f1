"""Alembic migrations of the records database, applied by the runtime at start-up.

The runtime brings SQLite and PostgreSQL alike to the newest revision before it
opens the vault; ``medocr db upgrade`` does the same on demand. A database that an
older medocr created without Alembic (tables, no version row) is stamped at the
initial revision first, which matches those tables exactly.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, Engine

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent
INITIAL_REVISION = "0001"
# Any fixed number: concurrent workers starting on one PostgreSQL database queue here.
_PG_LOCK = 424243


def alembic_config(connection: Connection | None = None) -> Config:
    """Alembic's configuration for medocr, bound to ``connection`` when given."""
    config = Config(str(MIGRATIONS_DIR / "alembic.ini"))
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@lru_cache(maxsize=1)
def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade_schema(engine: Engine) -> str:
    """Migrate the records database to the newest revision; return that revision."""
    if current_revision(engine) == head_revision():
        return head_revision()
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text(f"SELECT pg_advisory_xact_lock({_PG_LOCK})"))
        config = alembic_config(connection)
        if _created_without_alembic(connection):
            log.info("stamping a records database created before migrations")
            command.stamp(config, INITIAL_REVISION)
        command.upgrade(config, "head")
    log.info("records database at revision %s", head_revision())
    return head_revision()


def _created_without_alembic(connection: Connection) -> bool:
    current = MigrationContext.configure(connection).get_current_revision()
    return current is None and inspect(connection).has_table("document")
