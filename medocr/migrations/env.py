"""Alembic environment: migrate the records database medocr's settings name.

``medocr.migrations.upgrade_schema`` hands in an open connection; the Alembic command
line opens the URL from the settings instead.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine, pool
from sqlmodel import SQLModel

import medocr.records  # noqa: F401 - registers the tables on SQLModel.metadata
from medocr.settings import get_settings

config = context.config
target_metadata = SQLModel.metadata


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = create_engine(get_settings().records_database_url, poolclass=pool.NullPool)
    with engine.connect() as opened:
        _run(opened)


if context.is_offline_mode():
    context.configure(
        url=get_settings().records_database_url,
        target_metadata=target_metadata,
        literal_binds=True,
    )
    with context.begin_transaction():
        context.run_migrations()
else:
    run_online()
