"""A unit of work returns only once its COMMIT succeeded; a refused COMMIT is an error.

Every acknowledgement in the service is sent after `transaction()` / `in_transaction`
returns, so this is the property each adapter relies on (tests per adapter assert
the answers themselves).
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from otpvirt.db import Conn, DatabaseUnavailable, in_transaction
from otpvirt.runtime import Runtime
from tests.conftest import make_settings
from tests.support.commitfail import refuse_commits

INSERT = "INSERT INTO system_values (key, value, created_at) VALUES (:k, 'v', 0)"


async def put(conn: Conn, key: str) -> str:
    await conn.execute(INSERT, {"k": key})
    return key


async def keys(rt: Runtime) -> list[str]:
    async with rt.db.read() as conn:
        return [r[0] for r in await conn.fetchall("SELECT key FROM system_values ORDER BY key")]


async def test_a_refused_commit_raises_and_stores_nothing(rt: Runtime, database_url: str) -> None:
    undo = await refuse_commits(database_url, "system_values")
    returned: list[str] = []
    with pytest.raises(DatabaseUnavailable, match="commit failed"):
        returned.append(await in_transaction(rt.db, put, "lost"))
    assert returned == [] and await keys(rt) == []
    await undo()
    assert await in_transaction(rt.db, put, "kept") == "kept"
    assert await keys(rt) == ["kept"]


async def test_units_sharing_a_refused_group_commit_all_fail(
    sqlite_database_url: str, tmp_path: Path
) -> None:
    """SQLite commits the units ready together at once: none may report success alone."""
    rt = Runtime.open(make_settings(sqlite_database_url, tmp_path))
    try:
        undo = await refuse_commits(sqlite_database_url, "system_values")

        async def other(conn: Conn) -> str:
            await conn.execute("UPDATE clients SET name = 'x' WHERE FALSE")
            return "other"

        outcomes = await asyncio.gather(
            in_transaction(rt.db, put, "a"), in_transaction(rt.db, other), return_exceptions=True
        )
        assert all(isinstance(o, DatabaseUnavailable) for o in outcomes), outcomes
        await undo()
        assert await keys(rt) == []
    finally:
        await rt.close()
