"""The SQLite writer: group commit, and hand-over of the write lock between processes."""

from __future__ import annotations

import asyncio
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from otpvirt.db.base import DatabaseUnavailable
from otpvirt.db.sqlite import SqliteDatabase


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    path = tmp_path / "t.db"
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT UNIQUE)")
    con.commit()
    con.close()
    return path


def _values(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [r[0] for r in con.execute("SELECT v FROM t ORDER BY id")]
    finally:
        con.close()


async def _insert(db: SqliteDatabase, value: str, hold: float = 0.0) -> None:
    async with db.transaction() as conn:
        await conn.execute("INSERT INTO t (v) VALUES (:v)", {"v": value})
        if hold:
            await asyncio.sleep(hold)


async def test_units_queued_behind_the_lock_share_one_commit(db_file: Path) -> None:
    # While another process holds the write lock, this one's units queue up; once it
    # has the lock they must go in together, not one hand-over of the lock each.
    other = SqliteDatabase(f"sqlite:///{db_file}")
    db = SqliteDatabase(f"sqlite:///{db_file}")
    commits = 0
    real_commit = db._commit

    def counting_commit(batch: object) -> None:
        nonlocal commits
        before = db._batch
        real_commit(batch)  # type: ignore[arg-type]
        if before is batch and db._batch is None:
            commits += 1

    db._commit = counting_commit  # type: ignore[method-assign]
    try:
        holder = asyncio.create_task(_insert(other, "other", hold=0.2))
        await asyncio.sleep(0.05)
        await asyncio.gather(*(_insert(db, f"v{i}") for i in range(40)))
        await holder
    finally:
        await db.close()
        await other.close()
    assert sorted(_values(db_file)) == sorted(["other", *(f"v{i}" for i in range(40))])
    assert commits < 10, f"{commits} commits for 40 concurrent units"


async def test_a_failing_unit_rolls_back_alone(db_file: Path) -> None:
    db = SqliteDatabase(f"sqlite:///{db_file}")
    try:
        results = await asyncio.gather(
            _insert(db, "a"), _insert(db, "a"), _insert(db, "b"), return_exceptions=True
        )
    finally:
        await db.close()
    assert [type(r).__name__ for r in results] == ["NoneType", "IntegrityError", "NoneType"]
    assert _values(db_file) == ["a", "b"]


async def test_a_second_writer_waits_for_the_first_then_goes_on(db_file: Path) -> None:
    # Two Database objects on one file contend exactly as two server processes do.
    first = SqliteDatabase(f"sqlite:///{db_file}")
    second = SqliteDatabase(f"sqlite:///{db_file}")
    try:
        holder = asyncio.create_task(_insert(first, "first", hold=0.3))
        await asyncio.sleep(0.05)
        started = asyncio.get_running_loop().time()
        await _insert(second, "second")
        waited = asyncio.get_running_loop().time() - started
        await holder
    finally:
        await first.close()
        await second.close()
    assert _values(db_file) == ["first", "second"]
    assert waited > 0.15  # it really waited for the holder's commit


async def test_a_writer_held_too_long_gives_a_clear_error_and_no_wedge(db_file: Path) -> None:
    first = SqliteDatabase(f"sqlite:///{db_file}")
    impatient = SqliteDatabase(f"sqlite:///{db_file}", busy_timeout_ms=100)
    try:
        holder = asyncio.create_task(_insert(first, "first", hold=0.4))
        await asyncio.sleep(0.05)
        with pytest.raises(DatabaseUnavailable, match="busy"):
            await _insert(impatient, "late")
        await holder
        # The lock its waiting thread got after giving up was handed straight back.
        await _insert(impatient, "after")
        await _insert(first, "again")
    finally:
        await first.close()
        await impatient.close()
    assert _values(db_file) == ["first", "after", "again"]


def test_a_killed_writer_does_not_block_the_others(db_file: Path) -> None:
    script = textwrap.dedent(
        f"""
        import asyncio, sys
        from otpvirt.db.sqlite import SqliteDatabase

        async def main():
            db = SqliteDatabase("sqlite:///{db_file}")
            async with db.transaction() as conn:
                await conn.execute("INSERT INTO t (v) VALUES ('never')")
                print("held", flush=True)
                await asyncio.sleep(60)

        asyncio.run(main())
        """
    )
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE)
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == b"held"
        child.kill()  # SIGKILL mid-transaction
        child.wait(10)

        async def write() -> None:
            db = SqliteDatabase(f"sqlite:///{db_file}", busy_timeout_ms=5000)
            try:
                await _insert(db, "survivor")
            finally:
                await db.close()

        asyncio.run(write())
    finally:
        if child.poll() is None:
            child.kill()
    assert _values(db_file) == ["survivor"]
