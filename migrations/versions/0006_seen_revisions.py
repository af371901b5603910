"""revisions seen in bundles

Every revision of an incident that an imported bundle's custody chain showed, so that an
older bundle arriving later leaves the incident alone instead of undoing newer edits.
Append-only, like the provenance it comes with. Vaults upgraded from 0005 start with none:
bundles imported before the upgrade are not known as older until imported again.

Revision ID: 0006_seen_revisions
Revises: 0005_revisions_single_index
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_seen_revisions"
down_revision: str | None = "0005_revisions_single_index"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "seen_revisions",
        sa.Column("incident_id", sa.Uuid(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("incident_id", "sha256", name=op.f("pk_seen_revisions")),
    )
    for verb in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER seen_revisions_no_{verb.lower()} BEFORE {verb} ON seen_revisions "
            "BEGIN SELECT RAISE(ABORT, 'seen_revisions is append-only'); END"
        )


def downgrade() -> None:
    for verb in ("update", "delete"):
        op.execute(f"DROP TRIGGER seen_revisions_no_{verb}")
    op.drop_table("seen_revisions")
