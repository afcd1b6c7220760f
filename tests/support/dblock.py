"""Making the database refuse writes for a while, as an overloaded or failing one does."""

from __future__ import annotations

import sqlite3
from collections.abc import Awaitable, Callable

import asyncpg


async def hold_table(database_url: str, table: str) -> Callable[[], Awaitable[None]]:
    """Block writes (SQLite: all writes) from another connection; return the release."""
    if database_url.startswith("sqlite"):
        con = sqlite3.connect(database_url.removeprefix("sqlite:///"), isolation_level=None)
        con.execute("BEGIN IMMEDIATE")

        async def release_sqlite() -> None:
            con.execute("ROLLBACK")
            con.close()

        return release_sqlite
    pg = await asyncpg.connect(database_url)
    tx = pg.transaction()
    await tx.start()
    await pg.execute(f"LOCK TABLE {table} IN EXCLUSIVE MODE")

    async def release_pg() -> None:
        await tx.rollback()
        await pg.close()

    return release_pg
