"""Migrations: the models match the head revision, every revision goes up and down,
and an older vault is backed up before it is upgraded."""

import shutil
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from fieldlog.errors import VaultDamagedError
from fieldlog.model import Base
from fieldlog.services.audit import audit_vault
from fieldlog.services.queries import list_incidents, search_incidents
from fieldlog.vault import Vault
from fieldlog.vault import migrate as migrations
from fieldlog.vault.database import open_engine
from fieldlog.vault.migrate import alembic_config, include_object
from tests.conftest import PASSPHRASE

KEY = bytes(range(32))


def revisions() -> list[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def test_models_match_head(tmp_path: Path) -> None:
    engine = open_engine(tmp_path / "db", KEY, create=True)
    migrations.upgrade(engine)
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"include_object": include_object, "compare_type": True}
        )
        diff = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert diff == []


def test_every_revision_goes_up_and_down(tmp_path: Path) -> None:
    engine = open_engine(tmp_path / "db", KEY, create=True)
    steps = revisions()
    assert steps, "no migrations found"
    for revision in steps:
        migrations.upgrade(engine, revision)
        assert migrations.current_revision(engine) == revision
    for index in range(len(steps) - 1, -1, -1):
        target = steps[index - 1] if index > 0 else "base"
        migrations.downgrade(engine, target)
        assert migrations.current_revision(engine) == (None if target == "base" else target)
    with engine.connect() as connection:
        leftovers = [t for t in inspect(connection).get_table_names() if t != "alembic_version"]
    assert leftovers == []
    migrations.upgrade(engine)  # and up again from nothing
    assert migrations.current_revision(engine) == migrations.head_revision()
    engine.dispose()


def test_fresh_vault_is_at_head(vault: Vault) -> None:
    assert migrations.current_revision(vault.engine) == migrations.head_revision()
    assert vault.backup_made is None


def test_older_vault_is_backed_up_then_upgraded(created_vault: tuple[Path, str]) -> None:
    path, _ = created_vault
    with Vault.open(path, PASSPHRASE) as vault:
        # The oldest schema there is: before the first revision.
        migrations.downgrade(vault.engine, "base")
    database_before = (path / "fieldlog.db").read_bytes()

    with Vault.open(path, PASSPHRASE) as vault:
        assert vault.backup_made is not None
        assert migrations.current_revision(vault.engine) == migrations.head_revision()
        key = vault.subkey("sqlcipher")
    backups = sorted((path / "backups").iterdir())
    assert backups == [vault.backup_made]
    assert backups[0].read_bytes() == database_before
    assert backups[0].stat().st_mode & 0o077 == 0
    # The backup is the encrypted database: it opens with the vault key only.
    open_engine(backups[0], key).dispose()
    with pytest.raises(VaultDamagedError):
        open_engine(backups[0], KEY)


def test_vault_from_a_newer_version_is_refused(
    vault_path: Path, created_vault: tuple[Path, str]
) -> None:
    with Vault.open(vault_path, PASSPHRASE) as vault, vault.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'from_the_future'"))
    with pytest.raises(VaultDamagedError, match="newer FieldLog"):
        Vault.open(vault_path, PASSPHRASE)


FIXTURE_VAULTS = Path(__file__).parent / "fixtures"


def test_vault_from_version_0_1_0_opens(tmp_path: Path) -> None:
    """A real vault from an old version: upgraded if needed, with all its records and chain."""
    path = tmp_path / "old"
    shutil.copytree(FIXTURE_VAULTS / "vault-0.1.0", path)
    with Vault.open(path, "fixture vault of fieldlog 0.1.0") as vault:
        assert migrations.current_revision(vault.engine) == migrations.head_revision()
        listed = list_incidents(vault)
        assert len(listed) == 16
        # The search index was re-keyed by migration 0004: every title still finds its incident.
        for incident in listed:
            found = search_incidents(vault, incident["title"], limit=100)
            assert incident["id"] in [r["id"] for r in found], incident["title"]
        report = audit_vault(vault)
        assert report.ok, report.problems
        assert (report.events, report.revisions) == (18, 17)
