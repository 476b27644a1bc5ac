"""Alembic builds exactly the schema the models describe, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, text

from dxshift.storage.migrate import current, upgrade
from dxshift.storage.models import Base


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_upgrade_head_matches_the_models(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    if backend == "sqlite":
        url = f"sqlite:///{tmp_path / 'migrated.db'}"
    else:
        server = request.getfixturevalue("pg_server")
        if server is None:
            pytest.skip("PostgreSQL is not available on this machine")
        admin = create_engine(server.url("postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text("DROP DATABASE IF EXISTS migrated WITH (FORCE)"))
            conn.execute(text("CREATE DATABASE migrated"))
        admin.dispose()
        url = server.url("migrated")
    upgrade(url)
    assert current(url) is not None
    upgrade(url)  # a second run is a no-op
    engine = create_engine(url)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    assert diff == []
