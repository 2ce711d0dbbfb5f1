"""``RecordsDatabaseBlock``: the records database (SQLite file or PostgreSQL URL)."""

from __future__ import annotations

from prefect.blocks.core import Block
from pydantic import Field, SecretStr

from medocr.settings import Settings


class RecordsDatabaseBlock(Block):
    """Where records and the audit chain live; empty means SQLite under MEDOCR_HOME."""

    _block_type_name = "medocr records database"
    _description = "SQLAlchemy URL of the records database (SQLite or PostgreSQL)."

    url: SecretStr | None = Field(
        default=None, description="e.g. postgresql+psycopg://medocr@db.internal/medocr"
    )

    def records_url(self) -> str | None:
        """The value of the ``records_url`` setting this block describes."""
        return None if self.url is None else self.url.get_secret_value()

    @classmethod
    def from_settings(cls, settings: Settings) -> RecordsDatabaseBlock:
        url = settings.records_url
        return cls(url=None if url is None else SecretStr(url))
