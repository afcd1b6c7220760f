"""The PostgreSQL pool: one per process, however many requests arrive first."""

from __future__ import annotations

import asyncio
from typing import Any

import asyncpg
import pytest

from otpvirt.db.postgres import PostgresDatabase


async def test_first_requests_arriving_together_share_one_pool(
    pg_database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = 0
    real = asyncpg.create_pool

    async def counting(*args: Any, **kwargs: Any) -> asyncpg.Pool:
        nonlocal opened
        opened += 1
        await asyncio.sleep(0.05)  # a slow first connect widens the window
        return await real(*args, **kwargs)

    monkeypatch.setattr(asyncpg, "create_pool", counting)
    db = PostgresDatabase(pg_database_url, min_size=1, max_size=4)

    async def one() -> int:
        async with db.read() as conn:
            return int(await conn.fetchval("SELECT 1"))

    try:
        assert await asyncio.gather(*(one() for _ in range(50))) == [1] * 50
    finally:
        await db.close()
    assert opened == 1
