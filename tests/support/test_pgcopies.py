"""A reused PostgreSQL test copy holds exactly what a fresh copy of the template holds."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import asyncpg
import httpx

from otpvirt.app import create_app
from otpvirt.runtime import Runtime
from tests.conftest import PG_ADMIN_URL, make_settings
from tests.support import factory
from tests.support.pgcopies import PgCopies


def _url(name: str) -> str:
    return f"{PG_ADMIN_URL.rpartition('/')[0]}/{name}"


async def _contents(name: str) -> dict[str, Any]:
    con = await asyncpg.connect(_url(name))
    try:
        tables = [
            r[0]
            for r in await con.fetch(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
            )
        ]
        out: dict[str, Any] = {}
        for t in tables:
            out[t] = sorted(tuple(map(str, r)) for r in await con.fetch(f'SELECT * FROM "{t}"'))
        for (seq,) in await con.fetch("SELECT sequencename FROM pg_sequences ORDER BY 1"):
            out["seq:" + seq] = tuple(
                await con.fetchrow(f'SELECT last_value, is_called FROM "{seq}"')
            )
        return out
    finally:
        await con.close()


async def _use(name: str, tmp_path: Path) -> None:
    """Rows in most tables, sequences moved, a session left open."""
    rt = Runtime.open(make_settings(_url(name), tmp_path))
    try:
        await factory.numbers(rt, "tajikistan", "indigo", 2, source="gw")
        transport = httpx.ASGITransport(app=create_app(runtime=rt))
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as api:
            await factory.leased(api, rt)
        async with rt.db.transaction() as conn:
            await conn.execute(
                "INSERT INTO countries (name, title, calling_code) VALUES ('x', 'X', 999)"
            )
    finally:
        await rt.close()


def test_a_reset_copy_equals_a_fresh_one(pg_template: str, tmp_path: Path) -> None:
    copies = PgCopies(PG_ADMIN_URL, pg_template)
    try:
        used = copies.take()
        fresh_contents = asyncio.run(_contents(used))
        asyncio.run(_use(used, tmp_path))
        assert asyncio.run(_contents(used)) != fresh_contents
        copies.give_back(used)
        copies.settle()
        # Handed out again (reset, not replaced), after any copy that was made meanwhile.
        handed = [copies.take() for _ in range(2)]
        assert used in handed
        copies.settle()
        fresh = copies.take()  # none is ready now: a new copy
        assert fresh not in (used, *handed)
        assert asyncio.run(_contents(used)) == asyncio.run(_contents(fresh)) == fresh_contents
    finally:
        copies.close()
