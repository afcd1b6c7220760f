"""SQLite with synchronous=FULL: COMMIT (the fsync) runs in a thread, units return after it."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest

from otpvirt.db import Conn, DatabaseUnavailable, in_transaction
from otpvirt.db.sqlite import SqliteDatabase
from otpvirt.runtime import Runtime
from tests.conftest import make_settings
from tests.support.commitfail import refuse_commits

SLOW_DISK = 0.3


async def put(conn: Conn, key: str) -> str:
    await conn.execute(
        "INSERT INTO system_values (key, value, created_at) VALUES (:k, 'v', 0)", {"k": key}
    )
    return key


async def test_a_slow_flush_stalls_no_reader_and_nothing_is_acknowledged_before_it(
    sqlite_database_url: str, tmp_path: Path
) -> None:
    rt = Runtime.open(make_settings(sqlite_database_url, tmp_path))
    db = rt.db
    assert isinstance(db, SqliteDatabase)
    real = db._commit_or_roll_back

    def slow_disk() -> None:
        time.sleep(SLOW_DISK)
        real()

    db._commit_or_roll_back = slow_disk  # type: ignore[method-assign]
    try:
        start = time.monotonic()
        first = asyncio.create_task(in_transaction(db, put, "a"))
        await asyncio.sleep(0.05)  # the COMMIT is now in its thread
        async with db.read() as conn:
            seen = await conn.fetchval("SELECT COUNT(*) FROM system_values")
        read_after = time.monotonic() - start
        assert seen == 0 and read_after < SLOW_DISK / 2, read_after
        assert not first.done()
        second = asyncio.create_task(in_transaction(db, put, "b"))
        assert await first == "a"
        assert time.monotonic() - start >= SLOW_DISK
        assert await second == "b"
        async with db.read() as conn:
            assert await conn.fetchval("SELECT COUNT(*) FROM system_values") == 2
    finally:
        await rt.close()


@pytest.mark.parametrize("synchronous", ["FULL", "NORMAL"])
async def test_a_refused_commit_fails_every_unit_on_either_path(
    sqlite_database_url: str, tmp_path: Path, synchronous: str
) -> None:
    """FULL commits in a thread, NORMAL on the loop: both fail the whole group."""
    rt = Runtime.open(make_settings(sqlite_database_url, tmp_path, sqlite_synchronous=synchronous))
    try:
        assert isinstance(rt.db, SqliteDatabase)
        assert rt.db._flush_in_thread is (synchronous == "FULL")
        undo = await refuse_commits(sqlite_database_url, "system_values")
        outcomes = await asyncio.gather(
            *(in_transaction(rt.db, put, k) for k in "abc"), return_exceptions=True
        )
        assert all(isinstance(o, DatabaseUnavailable) for o in outcomes), outcomes
        await undo()
        assert await in_transaction(rt.db, put, "d") == "d"
        async with rt.db.read() as conn:
            assert [r[0] for r in await conn.fetchall("SELECT key FROM system_values")] == ["d"]
    finally:
        await rt.close()
