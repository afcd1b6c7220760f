"""The lean data layer and the migrations."""

from __future__ import annotations

import pytest

from otpvirt.db import IntegrityError, in_transaction, migrate
from otpvirt.db.base import to_numbered
from otpvirt.runtime import Runtime


def test_named_parameters_become_numbered() -> None:
    sql, names = to_numbered("SELECT :a, :b, :a WHERE x = 'a::text' AND y = :b_2")
    assert sql == "SELECT $1, $2, $1 WHERE x = 'a::text' AND y = $3"
    assert names == ("a", "b", "b_2")


async def test_transaction_rolls_back_on_error(rt: Runtime) -> None:
    async def boom(conn) -> None:  # type: ignore[no-untyped-def]
        await conn.execute(
            "INSERT INTO system_values (key, value, created_at) VALUES ('k', 'v', 0)"
        )
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        await in_transaction(rt.db, boom)
    async with rt.db.read() as conn:
        assert await conn.fetchval("SELECT COUNT(*) FROM system_values") == 0


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
    migrate.command.downgrade(migrate.alembic_config(database_url), "base")
    assert migrate.current_revision(database_url) is None
    migrate.upgrade(database_url)
    assert migrate.current_revision(database_url) == migrate.head_revision()
