"""Initial records schema: the tables of medocr/records.py as first released.

Revision ID: 0001
Revises: (none)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "artifact",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("document_id", sa.String(), nullable=False),
        sa.Column("zone", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("backend", sa.String(), nullable=False),
        sa.Column("region", sa.String(), nullable=False),
        sa.Column("location", sa.String(), nullable=False),
        sa.Column("key_id", sa.String(), nullable=True),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(), nullable=False),
        sa.Column("retain_until", sa.DateTime(timezone=True), nullable=False),
        sa.Column("stored", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("destroyed_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("document_id", "zone", "kind"),
    )
    op.create_index(
        "ix_artifact_document_id", "artifact", ["document_id"], unique=False
    )
    op.create_index("ix_artifact_key_id", "artifact", ["key_id"], unique=False)
    op.create_index(
        "ix_artifact_retain_until", "artifact", ["retain_until"], unique=False
    )
    op.create_index("ix_artifact_zone", "artifact", ["zone"], unique=False)

    op.create_table(
        "auditanchor",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("head_hash", sa.String(), nullable=False),
        sa.Column("token", sa.LargeBinary(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "auditevent",
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(), nullable=False),
        sa.Column("action", sa.String(), nullable=False),
        sa.Column("document_id", sa.String(), nullable=True),
        sa.Column("outcome", sa.String(), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=True),
        sa.Column("prev_hash", sa.String(), nullable=False),
        sa.Column("hash", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("seq"),
    )
    op.create_index("ix_auditevent_action", "auditevent", ["action"], unique=False)
    op.create_index(
        "ix_auditevent_document_id", "auditevent", ["document_id"], unique=False
    )

    op.create_table(
        "check",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.String(), nullable=False),
        sa.Column("check_type", sa.String(), nullable=False),
        sa.Column("passed", sa.Boolean(), nullable=False),
        sa.Column("rules", sa.JSON(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("document_id", "check_type"),
    )
    op.create_index("ix_check_document_id", "check", ["document_id"], unique=False)

    op.create_table(
        "datakey",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("kek_id", sa.String(), nullable=False),
        sa.Column("wrapped", sa.LargeBinary(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("rewrapped_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("destroyed_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_datakey_kek_id", "datakey", ["kek_id"], unique=False)

    op.create_table(
        "document",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("content_sha256", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("media_type", sa.String(), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("page_count", sa.Integer(), nullable=True),
        sa.Column("record_type", sa.String(), nullable=True),
        sa.Column("language", sa.String(), nullable=True),
        sa.Column("error_code", sa.String(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_document_content_sha256", "document", ["content_sha256"], unique=True
    )
    op.create_index("ix_document_status", "document", ["status"], unique=False)

    op.create_table(
        "handoff",
        sa.Column("document_id", sa.String(), nullable=False),
        sa.Column("target", sa.String(), nullable=False),
        sa.Column("record_artifact_id", sa.String(), nullable=False),
        sa.Column("pdf_artifact_id", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("document_id"),
    )
    op.create_table(
        "hold",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("document_id", sa.String(), nullable=False),
        sa.Column("actor", sa.String(), nullable=False),
        sa.Column("reason", sa.String(), nullable=False),
        sa.Column("set_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("released_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("released_by", sa.String(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_hold_document_id", "hold", ["document_id"], unique=False)

    op.create_table(
        "reviewitem",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("document_id", sa.String(), nullable=False),
        sa.Column("rules", sa.JSON(), nullable=True),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("reviewer", sa.String(), nullable=True),
        sa.Column("reason", sa.String(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_reviewitem_document_id", "reviewitem", ["document_id"], unique=True
    )
    op.create_index("ix_reviewitem_status", "reviewitem", ["status"], unique=False)

    op.create_table(
        "signature",
        sa.Column("document_id", sa.String(), nullable=False),
        sa.Column("artifact_id", sa.String(), nullable=False),
        sa.Column("level", sa.String(), nullable=False),
        sa.Column("intact", sa.Boolean(), nullable=False),
        sa.Column("trusted", sa.Boolean(), nullable=False),
        sa.Column("report", sa.JSON(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("document_id"),
    )


def downgrade() -> None:
    op.drop_table("signature")
    op.drop_index("ix_reviewitem_status", table_name="reviewitem")
    op.drop_index("ix_reviewitem_document_id", table_name="reviewitem")

    op.drop_table("reviewitem")
    op.drop_index("ix_hold_document_id", table_name="hold")

    op.drop_table("hold")
    op.drop_table("handoff")
    op.drop_index("ix_document_status", table_name="document")
    op.drop_index("ix_document_content_sha256", table_name="document")

    op.drop_table("document")
    op.drop_index("ix_datakey_kek_id", table_name="datakey")

    op.drop_table("datakey")
    op.drop_index("ix_check_document_id", table_name="check")

    op.drop_table("check")
    op.drop_index("ix_auditevent_document_id", table_name="auditevent")
    op.drop_index("ix_auditevent_action", table_name="auditevent")

    op.drop_table("auditevent")
    op.drop_table("auditanchor")
    op.drop_index("ix_artifact_zone", table_name="artifact")
    op.drop_index("ix_artifact_retain_until", table_name="artifact")
    op.drop_index("ix_artifact_key_id", table_name="artifact")
    op.drop_index("ix_artifact_document_id", table_name="artifact")

    op.drop_table("artifact")
