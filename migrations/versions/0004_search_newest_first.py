"""search index keyed newest first

The full-text index was keyed by the incident's local number; it is now keyed by
the number negated, so that "newest first" is FTS5's forward order. A prefix
query read backwards made FTS5 grow its merged doclist a few rowids at a time,
and with SQLCipher's memory security every growth is a locked, wiped
reallocation: a search for a common word took seconds on a large vault.

Revision ID: 0004_search_newest_first
Revises: 0003_contacts
Create Date: 2026-11-22
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004_search_newest_first"
down_revision: str | None = "0003_contacts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = "title, description, place, testimonies, identifiers"


def _negate_keys() -> None:
    # The index holds nothing that is not in the revisions; it is copied with each
    # row's key negated, then put in the old one's place. Rows go in ascending key
    # order: FTS5 writes out its pending terms whenever a key is not above the last.
    op.execute(
        f"CREATE VIRTUAL TABLE incident_search_rekeyed USING fts5({COLUMNS}, "
        "tokenize = 'unicode61 remove_diacritics 2')"
    )
    op.execute(
        f"INSERT INTO incident_search_rekeyed(rowid, {COLUMNS}) "  # noqa: S608 - fixed names
        f"SELECT -rowid, {COLUMNS} FROM incident_search ORDER BY rowid DESC"
    )
    op.execute("DROP TABLE incident_search")
    op.execute("ALTER TABLE incident_search_rekeyed RENAME TO incident_search")
    op.execute("INSERT INTO incident_search(incident_search) VALUES ('optimize')")


def upgrade() -> None:
    _negate_keys()


def downgrade() -> None:
    _negate_keys()  # negating again gives back the numbers
