"""contacts and provenance

Contacts (legal teams to export to, volunteers whose bundles are trusted) and the
provenance of every record brought in by a bundle; provenance is append-only.

Revision ID: 0003_contacts
Revises: 0002_media
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_contacts"
down_revision: str | None = "0002_media"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "contacts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("recipient", sa.String(length=100), nullable=True),
        sa.Column("signing_key", sa.String(length=64), nullable=True),
        sa.Column("added_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contacts")),
        sa.UniqueConstraint("name", name=op.f("uq_contacts_name")),
    )
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contacts_signing_key"), ["signing_key"], unique=False)

    op.create_table(
        "record_provenance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_type", sa.String(length=16), nullable=False),
        sa.Column("record_id", sa.Uuid(), nullable=False),
        sa.Column("content_sha256", sa.String(length=64), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=True),
        sa.Column("bundle_sha256", sa.String(length=64), nullable=False),
        sa.Column("signer", sa.String(length=64), nullable=False),
        sa.Column("signer_verified", sa.Boolean(), nullable=False),
        sa.Column("imported_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_record_provenance")),
        sa.UniqueConstraint(
            "bundle_sha256",
            "record_type",
            "record_id",
            name=op.f("uq_record_provenance_bundle_sha256"),
        ),
    )
    with op.batch_alter_table("record_provenance", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_record_provenance_bundle_sha256"), ["bundle_sha256"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_record_provenance_record_id"), ["record_id"], unique=False
        )

    for verb in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER record_provenance_no_{verb.lower()} BEFORE {verb} "
            "ON record_provenance "
            "BEGIN SELECT RAISE(ABORT, 'record_provenance is append-only'); END"
        )


def downgrade() -> None:
    for verb in ("update", "delete"):
        op.execute(f"DROP TRIGGER record_provenance_no_{verb}")
    with op.batch_alter_table("record_provenance", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_record_provenance_record_id"))
        batch_op.drop_index(batch_op.f("ix_record_provenance_bundle_sha256"))

    op.drop_table("record_provenance")
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contacts_signing_key"))

    op.drop_table("contacts")
