"""The lean data layer and the migrations."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest
from alembic import command

from otpvirt.db import IntegrityError, in_transaction, migrate
from otpvirt.db.base import to_numbered
from otpvirt.runtime import Runtime


def test_named_parameters_become_numbered() -> None:
    sql, names = to_numbered("SELECT :a, :b, :a WHERE x = 'a::text' AND y = :b_2")
    assert sql == "SELECT $1, $2, $1 WHERE x = 'a::text' AND y = $3"
    assert names == ("a", "b", "b_2")


async def test_transaction_rolls_back_on_error(rt: Runtime) -> None:
    async def boom(conn) -> None:
        await conn.execute(
            "INSERT INTO system_values (key, value, created_at) VALUES ('k', 'v', 0)"
        )
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        await in_transaction(rt.db, boom)
    async with rt.db.read() as conn:
        assert await conn.fetchval("SELECT COUNT(*) FROM system_values") == 0


class _Value(NamedTuple):
    key: str
    value: str


async def test_rows_come_back_typed(rt: Runtime) -> None:
    async with rt.db.transaction() as conn:
        await conn.execute(
            "INSERT INTO system_values (key, value, created_at) VALUES ('a', '1', 0), ('b', '2', 0)"
        )
    async with rt.db.read() as conn:
        rows = await conn.fetch_all_as(_Value, "SELECT key, value FROM system_values ORDER BY key")
        one = await conn.fetch_one_as(
            _Value, "SELECT key, value FROM system_values WHERE key = 'b'"
        )
        none = await conn.fetch_one_as(
            _Value, "SELECT key, value FROM system_values WHERE key = 'z'"
        )
    assert rows == [_Value("a", "1"), _Value("b", "2")]
    assert one is not None and one.value == "2"
    assert none is None


async def test_integrity_errors_are_normalised(rt: Runtime) -> None:
    async with rt.db.transaction() as conn:
        await conn.execute(
            "INSERT INTO system_values (key, value, created_at) VALUES ('k', 'v', 0)"
        )
    with pytest.raises(IntegrityError):
        async with rt.db.transaction() as conn:
            await conn.execute(
                "INSERT INTO system_values (key, value, created_at) VALUES ('k', 'w', 0)"
            )
    async with rt.db.read() as conn:
        assert await conn.fetchval("SELECT value FROM system_values WHERE key = 'k'") == "v"


def test_migrations_go_down_and_up_again(database_url: str) -> None:
    assert migrate.current_revision(database_url) == migrate.head_revision()
    command.downgrade(migrate.alembic_config(database_url), "base")
    assert migrate.current_revision(database_url) is None
    migrate.upgrade(database_url)
    assert migrate.current_revision(database_url) == migrate.head_revision()


def test_models_match_the_migrations(database_url: str) -> None:
    """The ORM models (what the code believes) and the migrated schema agree."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlalchemy import create_engine, pool

    from otpvirt.models import metadata

    url = migrate.sqlalchemy_url(database_url)
    if url.startswith("postgresql"):
        import asyncio

        from sqlalchemy.ext.asyncio import create_async_engine

        async def diff() -> list[object]:
            engine = create_async_engine(
                migrate.sqlalchemy_url(database_url), poolclass=pool.NullPool
            )
            async with engine.connect() as conn:
                out = await conn.run_sync(
                    lambda c: compare_metadata(MigrationContext.configure(c), metadata)
                )
            await engine.dispose()
            return list(out)

        assert asyncio.run(diff()) == []
        return
    engine = create_engine(url, poolclass=pool.NullPool)
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []
    engine.dispose()


PARTIAL = {
    "ix_numbers_pick_country",
    "ix_numbers_pick_provider",
    "ix_activations_due",
    "ux_activations_live_number",
    "ux_activations_client_order",
    "ux_ledger_entries_activation_kind",
    "ux_sms_messages_source_external",
    "ix_sms_messages_unrouted",
    "ix_simulated_sms_due",
}


async def test_partial_indexes_keep_their_predicates(rt: Runtime) -> None:
    """Table rebuilds in later migrations (SQLite batch mode) must not drop a WHERE."""
    async with rt.db.read() as conn:
        if conn.dialect == "sqlite":
            rows = await conn.fetchall("SELECT name, sql FROM sqlite_master WHERE type = 'index'")
        else:
            rows = await conn.fetchall("SELECT indexname, indexdef FROM pg_indexes")
    found = {name: sql for name, sql in rows if name in PARTIAL}
    assert set(found) == PARTIAL
    assert all(" WHERE " in sql for sql in found.values()), found


def test_backup_while_in_use(database_url: str, tmp_path: Path) -> None:
    """`otpvirt db backup` writes a copy that restores to the same data."""
    import asyncio
    import shutil
    import subprocess

    from otpvirt.db.backup import backup
    from tests.conftest import make_settings

    async def write() -> None:
        rt = Runtime.open(make_settings(database_url, tmp_path))
        async with rt.db.transaction() as conn:
            await conn.execute(
                "INSERT INTO system_values (key, value, created_at) VALUES ('probe', 'v1', 0)"
            )
        await rt.close()

    asyncio.run(write())
    target = tmp_path / "backup.dump"
    backup(database_url, target)
    assert target.stat().st_size > 0
    if database_url.startswith("sqlite"):
        import sqlite3

        con = sqlite3.connect(target)
        assert con.execute("SELECT value FROM system_values WHERE key = 'probe'").fetchone() == (
            "v1",
        )
        con.close()
    else:
        assert shutil.which("pg_restore")
        listing = subprocess.run(
            ["pg_restore", "--list", str(target)], capture_output=True, text=True
        )
        assert "TABLE DATA public system_values" in listing.stdout


def test_light_head_revision_agrees_with_alembic() -> None:
    from otpvirt.db import revisions

    assert revisions.head() == migrate.head_revision()
