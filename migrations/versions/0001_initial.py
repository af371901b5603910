"""initial schema

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-22

Tables for incidents and what was observed in them (the current view), the
append-only revisions and custody log, device keys, and the FTS5 search index.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001_initial"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


APPEND_ONLY_TABLES = ("incident_revisions", "custody_events")


def upgrade() -> None:
    op.create_table(
        "device_keys",
        sa.Column("purpose", sa.String(length=16), nullable=False),
        sa.Column("secret", sa.LargeBinary(), nullable=False),
        sa.Column("public", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("purpose", name=op.f("pk_device_keys")),
    )
    op.create_table(
        "incident_revisions",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("incident_id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("content_sha256", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incident_revisions")),
        sa.UniqueConstraint(
            "incident_id", "number", name=op.f("uq_incident_revisions_incident_id")
        ),
    )
    with op.batch_alter_table("incident_revisions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_incident_revisions_incident_id"), ["incident_id"], unique=False
        )

    op.create_table(
        "incidents",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("content_sha256", sa.String(length=64), nullable=False),
        sa.Column("occurred_at", sa.String(length=40), nullable=False),
        sa.Column("occurred_utc", sa.String(length=32), nullable=False),
        sa.Column("occurred_date", sa.String(length=10), nullable=False),
        sa.Column("occurred_precision", sa.String(length=16), nullable=False),
        sa.Column("recorded_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("location_name", sa.Text(), nullable=False),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("language", sa.String(length=35), nullable=False),
        sa.Column("people_affected", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("sources", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incidents")),
        sa.UniqueConstraint("number", name=op.f("uq_incidents_number")),
    )
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_incidents_occurred_date"), ["occurred_date"], unique=False
        )
        batch_op.create_index(
            "ix_incidents_occurred_utc_number",
            [sa.literal_column("occurred_utc DESC"), sa.literal_column("number DESC")],
            unique=False,
        )

    op.create_table(
        "custody_events",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("subject_type", sa.String(length=24), nullable=False),
        sa.Column("subject_id", sa.String(length=64), nullable=False),
        sa.Column("revision_id", sa.Uuid(), nullable=True),
        sa.Column("content_sha256", sa.String(length=64), nullable=True),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("signer", sa.String(length=64), nullable=False),
        sa.Column("signature", sa.String(length=128), nullable=False),
        sa.ForeignKeyConstraint(
            ["revision_id"],
            ["incident_revisions.id"],
            name=op.f("fk_custody_events_revision_id_incident_revisions"),
        ),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_custody_events")),
        sa.UniqueConstraint("hash", name=op.f("uq_custody_events_hash")),
        sa.UniqueConstraint("id", name=op.f("uq_custody_events_id")),
        sa.UniqueConstraint("revision_id", name=op.f("uq_custody_events_revision_id")),
    )
    with op.batch_alter_table("custody_events", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_custody_events_subject_id"), ["subject_id"], unique=False
        )

    op.create_table(
        "incident_categories",
        sa.Column("incident_id", sa.Uuid(), nullable=False),
        sa.Column("category", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incidents.id"],
            name=op.f("fk_incident_categories_incident_id_incidents"),
        ),
        sa.PrimaryKeyConstraint("incident_id", "category", name=op.f("pk_incident_categories")),
    )
    with op.batch_alter_table("incident_categories", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_incident_categories_category"), ["category"], unique=False
        )

    op.create_table(
        "incident_perpetrators",
        sa.Column("incident_id", sa.Uuid(), nullable=False),
        sa.Column("perpetrator", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incidents.id"],
            name=op.f("fk_incident_perpetrators_incident_id_incidents"),
        ),
        sa.PrimaryKeyConstraint(
            "incident_id", "perpetrator", name=op.f("pk_incident_perpetrators")
        ),
    )
    with op.batch_alter_table("incident_perpetrators", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_incident_perpetrators_perpetrator"), ["perpetrator"], unique=False
        )

    op.create_table(
        "officer_observations",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("incident_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("identifier", sa.Text(), nullable=False),
        sa.Column("identifier_key", sa.String(length=64), nullable=False),
        sa.Column("identifier_kind", sa.String(length=16), nullable=False),
        sa.Column("unit", sa.Text(), nullable=False),
        sa.Column("unit_key", sa.String(length=128), nullable=False),
        sa.Column("visibility", sa.String(length=16), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incidents.id"],
            name=op.f("fk_officer_observations_incident_id_incidents"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_officer_observations")),
    )
    with op.batch_alter_table("officer_observations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_officer_observations_identifier_key"), ["identifier_key"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_officer_observations_incident_id"), ["incident_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_officer_observations_unit_key"), ["unit_key"], unique=False
        )

    op.create_table(
        "testimonies",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("incident_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("witness", sa.Text(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("language", sa.String(length=35), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("translation", sa.Text(), nullable=False),
        sa.Column("consent", sa.String(length=16), nullable=False),
        sa.Column("recorded_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["incident_id"], ["incidents.id"], name=op.f("fk_testimonies_incident_id_incidents")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_testimonies")),
    )
    with op.batch_alter_table("testimonies", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_testimonies_incident_id"), ["incident_id"], unique=False
        )

    op.create_table(
        "vehicle_observations",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("incident_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("plate", sa.Text(), nullable=False),
        sa.Column("plate_key", sa.String(length=64), nullable=False),
        sa.Column("country", sa.String(length=64), nullable=False),
        sa.Column("unit", sa.Text(), nullable=False),
        sa.Column("unit_key", sa.String(length=128), nullable=False),
        sa.Column("plate_visibility", sa.String(length=16), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incidents.id"],
            name=op.f("fk_vehicle_observations_incident_id_incidents"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vehicle_observations")),
    )
    with op.batch_alter_table("vehicle_observations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_vehicle_observations_incident_id"), ["incident_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_vehicle_observations_plate_key"), ["plate_key"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_vehicle_observations_unit_key"), ["unit_key"], unique=False
        )

    # The record is append-only: the database itself refuses to change or drop history.
    for table in APPEND_ONLY_TABLES:
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
            )

    # One row per incident, rowid = incidents.number. remove_diacritics folds
    # accents so "evacuation" finds "évacuation".
    op.execute(
        "CREATE VIRTUAL TABLE incident_search USING fts5("
        "title, description, place, testimonies, identifiers, "
        "tokenize = 'unicode61 remove_diacritics 2')"
    )


def downgrade() -> None:
    op.execute("DROP TABLE incident_search")
    for table in APPEND_ONLY_TABLES:
        for verb in ("update", "delete"):
            op.execute(f"DROP TRIGGER {table}_no_{verb}")
    with op.batch_alter_table("vehicle_observations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_vehicle_observations_unit_key"))
        batch_op.drop_index(batch_op.f("ix_vehicle_observations_plate_key"))
        batch_op.drop_index(batch_op.f("ix_vehicle_observations_incident_id"))

    op.drop_table("vehicle_observations")
    with op.batch_alter_table("testimonies", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_testimonies_incident_id"))

    op.drop_table("testimonies")
    with op.batch_alter_table("officer_observations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_officer_observations_unit_key"))
        batch_op.drop_index(batch_op.f("ix_officer_observations_incident_id"))
        batch_op.drop_index(batch_op.f("ix_officer_observations_identifier_key"))

    op.drop_table("officer_observations")
    with op.batch_alter_table("incident_perpetrators", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_incident_perpetrators_perpetrator"))

    op.drop_table("incident_perpetrators")
    with op.batch_alter_table("incident_categories", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_incident_categories_category"))

    op.drop_table("incident_categories")
    with op.batch_alter_table("custody_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_custody_events_subject_id"))

    op.drop_table("custody_events")
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        batch_op.drop_index("ix_incidents_occurred_utc_number")
        batch_op.drop_index(batch_op.f("ix_incidents_occurred_date"))

    op.drop_table("incidents")
    with op.batch_alter_table("incident_revisions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_incident_revisions_incident_id"))

    op.drop_table("incident_revisions")
    op.drop_table("device_keys")
