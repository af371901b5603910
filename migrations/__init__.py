"""Alembic migrations, shipped inside the package as ``fieldlog.migrations``."""
