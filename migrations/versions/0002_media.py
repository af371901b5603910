"""media

Attached files and their derived shareable copies; append-only.

Revision ID: 0002_media
Revises: 0001_initial
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_media"
down_revision: str | None = "0001_initial"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "media",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("incident_id", sa.Uuid(), nullable=False),
        sa.Column("blob", sa.String(length=32), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("filename", sa.Text(), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("added_at", sa.String(length=32), nullable=False),
        sa.Column("captured_at", sa.String(length=40), nullable=True),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("device", sa.Text(), nullable=True),
        sa.Column("orientation", sa.Integer(), nullable=True),
        sa.Column("width", sa.Integer(), nullable=True),
        sa.Column("height", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("thumbnail", sa.LargeBinary(), nullable=True),
        sa.Column("derived_from", sa.Uuid(), nullable=True),
        sa.Column("derivation", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["derived_from"], ["media.id"], name=op.f("fk_media_derived_from_media")
        ),
        sa.ForeignKeyConstraint(
            ["incident_id"], ["incidents.id"], name=op.f("fk_media_incident_id_incidents")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_media")),
    )
    with op.batch_alter_table("media", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_media_derived_from"), ["derived_from"], unique=False)
        batch_op.create_index(batch_op.f("ix_media_incident_id"), ["incident_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_media_sha256"), ["sha256"], unique=False)

    for verb in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER media_no_{verb.lower()} BEFORE {verb} ON media "
            "BEGIN SELECT RAISE(ABORT, 'media is append-only'); END"
        )


def downgrade() -> None:
    for verb in ("update", "delete"):
        op.execute(f"DROP TRIGGER media_no_{verb}")
    with op.batch_alter_table("media", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_media_sha256"))
        batch_op.drop_index(batch_op.f("ix_media_incident_id"))
        batch_op.drop_index(batch_op.f("ix_media_derived_from"))

    op.drop_table("media")
