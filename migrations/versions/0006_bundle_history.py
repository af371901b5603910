"""what bundles showed of their senders' history

For each incident a trusted bundle brought: the sender's revision number
(sender_revisions), and the revisions its custody chain showed replaced by a later one
(superseded_revisions). With them an older bundle arriving later, or another sender's
unedited copy of a replaced revision, leaves the incident alone instead of undoing newer
edits. Both append-only, like the provenance they come with. Vaults upgraded from 0005
start with none: a bundle imported before the upgrade is known again once it, or a later
one from its sender, is imported again.

Revision ID: 0006_bundle_history
Revises: 0005_revisions_single_index
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_bundle_history"
down_revision: str | None = "0005_revisions_single_index"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("sender_revisions", "superseded_revisions")


def upgrade() -> None:
    op.create_table(
        "sender_revisions",
        sa.Column("incident_id", sa.Uuid(), nullable=False),
        sa.Column("signer", sa.String(length=64), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "incident_id", "signer", "revision", name=op.f("pk_sender_revisions")
        ),
    )
    op.create_table(
        "superseded_revisions",
        sa.Column("incident_id", sa.Uuid(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("incident_id", "sha256", name=op.f("pk_superseded_revisions")),
    )
    for table in TABLES:
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
            )


def downgrade() -> None:
    for table in TABLES:
        for verb in ("update", "delete"):
            op.execute(f"DROP TRIGGER {table}_no_{verb}")
        op.drop_table(table)
