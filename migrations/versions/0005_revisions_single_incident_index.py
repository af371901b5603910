"""one index on a revision's incident

Revisions were indexed twice by incident: by the unique (incident_id, number)
and by incident_id alone. The first serves every lookup by incident; the second
only cost a random index insert for every revision written.

Revision ID: 0005_revisions_single_index
Revises: 0004_search_newest_first
Create Date: 2026-11-22
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0005_revisions_single_index"
down_revision: str | None = "0004_search_newest_first"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index("ix_incident_revisions_incident_id", table_name="incident_revisions")


def downgrade() -> None:
    op.create_index(
        "ix_incident_revisions_incident_id", "incident_revisions", ["incident_id"], unique=False
    )
