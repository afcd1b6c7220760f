"""Making the database refuse COMMIT itself, after every statement of the work succeeded.

This is the failure an acknowledgement must never precede: the work ran, the answer
is ready, and the commit does not happen (disk full, I/O error, power cut while the
log is flushed). SQLite: a trigger adds a row breaking a DEFERRED foreign key, which
SQLite checks only at COMMIT. PostgreSQL: a DEFERRABLE INITIALLY DEFERRED constraint
trigger that raises an I/O error (SQLSTATE 58030), run only at COMMIT.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Awaitable, Callable

import asyncpg

_SQLITE_SETUP = [
    "CREATE TABLE IF NOT EXISTS test_commit_parent (id INTEGER PRIMARY KEY)",
    "CREATE TABLE IF NOT EXISTS test_commit_refused (parent_id INTEGER "
    "REFERENCES test_commit_parent (id) DEFERRABLE INITIALLY DEFERRED)",
]
_PG_FUNCTION = (
    "CREATE OR REPLACE FUNCTION test_refuse_commit() RETURNS trigger LANGUAGE plpgsql AS "
    "$$ BEGIN RAISE EXCEPTION 'could not flush the log (test)' USING ERRCODE = '58030'; "
    "RETURN NULL; END $$"
)


async def refuse_commits(
    database_url: str, table: str, on: str = "INSERT"
) -> Callable[[], Awaitable[None]]:
    """Fail every commit that `on` (INSERT/UPDATE/DELETE) touched `table`; return the undo."""
    name = f"test_refuse_{table}_{on.lower()}"
    if database_url.startswith("sqlite"):
        path = database_url.removeprefix("sqlite:///")
        con = sqlite3.connect(path, isolation_level=None, timeout=10)
        try:
            for sql in _SQLITE_SETUP:
                con.execute(sql)
            con.execute(
                f"CREATE TRIGGER {name} AFTER {on} ON {table} BEGIN "
                "INSERT INTO test_commit_refused (parent_id) VALUES (-1); END"
            )
        finally:
            con.close()

        async def undo_sqlite() -> None:
            con = sqlite3.connect(path, isolation_level=None, timeout=10)
            try:
                con.execute(f"DROP TRIGGER {name}")
            finally:
                con.close()

        return undo_sqlite
    pg = await asyncpg.connect(database_url)
    try:
        await pg.execute(_PG_FUNCTION)
        await pg.execute(
            f"CREATE CONSTRAINT TRIGGER {name} AFTER {on} ON {table} "
            "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION test_refuse_commit()"
        )
    finally:
        await pg.close()

    async def undo_pg() -> None:
        pg = await asyncpg.connect(database_url)
        try:
            await pg.execute(f"DROP TRIGGER {name} ON {table}")
        finally:
            await pg.close()

    return undo_pg
