"""The vault, ingest and audit tests again, with the records database on PostgreSQL.

The lead's tests build their runtime from ``Settings(home=...)``, which still reads
``MEDOCR_RECORDS_URL``; pointing it at a fresh schema re-runs every one of them on
PostgreSQL (skipped when no server is reachable at 127.0.0.1:5432).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from services import postgres_schema
from test_core_vault import *  # noqa: F403 - collected again under PostgreSQL
from test_ingest import *  # noqa: F403 - collected again under PostgreSQL

from medocr.settings import get_settings


@pytest.fixture(autouse=True)
def records_on_postgres(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Every test in this module keeps its records in its own PostgreSQL schema."""
    with postgres_schema() as url:
        monkeypatch.setenv("MEDOCR_RECORDS_URL", url)
        get_settings.cache_clear()
        yield url
    get_settings.cache_clear()
