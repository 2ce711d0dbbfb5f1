"""The vault, ingest and audit tests again, with the records database on PostgreSQL.

The lead's tests build their runtime from ``Settings(home=...)``, which still reads
``MEDOCR_RECORDS_URL``; pointing it at a fresh schema re-runs every one of them on
PostgreSQL (skipped when no server is reachable at 127.0.0.1:5432).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import services
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from services import postgres_schema
from sqlmodel import Session, SQLModel
from test_core_vault import *  # noqa: F403 - collected again under PostgreSQL
from test_ingest import *  # noqa: F403 - collected again under PostgreSQL

from medocr.migrations import current_revision, head_revision, upgrade_schema
from medocr.records import Document, create_schema, get_engine
from medocr.settings import get_settings

records_url = services.records_url


@pytest.fixture(autouse=True)
def records_on_postgres(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Every test in this module keeps its records in its own PostgreSQL schema."""
    with postgres_schema() as url:
        monkeypatch.setenv("MEDOCR_RECORDS_URL", url)
        get_settings.cache_clear()
        yield url
    get_settings.cache_clear()


def test_migrated_schema_matches_the_models(records_url: str) -> None:
    engine = get_engine(records_url)
    assert upgrade_schema(engine) == head_revision()
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, SQLModel.metadata) == []


def test_database_made_before_migrations_is_stamped_and_kept(records_url: str) -> None:
    engine = get_engine(records_url)
    create_schema(engine)
    with Session(engine) as session:
        session.add(
            Document(id="doc_1", content_sha256="h", media_type="x", size_bytes=1)
        )
        session.commit()
    upgrade_schema(engine)
    assert current_revision(engine) == head_revision()
    with Session(engine) as session:
        assert session.get(Document, "doc_1") is not None
