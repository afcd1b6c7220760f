"""Cost of one history page as a client's history grows (SQLite, in-process).

    .venv/bin/python bench/history_page.py [--rows 20000]

Times the newest page (50) and the deepest allowed page (offset 10000) for a client
with 100 activations and for one with `--rows`, among other clients' rows, and prints
the ratios: an index-driven page costs about the same whatever the history's size.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from pathlib import Path

from otpvirt.config import Settings
from otpvirt.db.migrate import upgrade
from otpvirt.history import repository as repo
from otpvirt.runtime import Runtime

ROUNDS = 300


async def _fill(rt: Runtime, client: str, rows: int) -> None:
    async with rt.db.transaction() as conn:
        await conn.execute(
            "INSERT INTO clients (id, password_hash, currency, balance, enabled, created_at) "
            "VALUES (:c, 'x', 'USD', 0, TRUE, 0)",
            {"c": client},
        )
        number = await conn.fetchval("SELECT MIN(id) FROM numbers")
        await conn.executemany(
            "INSERT INTO activations (guid, client_id, number_id, phone, country_id, "
            "provider_id, service_id, price, currency, state, sms_count, created_at, expires_at) "
            "VALUES (:g, :c, :n, 1, 1, 1, 1, 5, 'USD', 'completed', 1, :t, :t)",
            [{"g": f"{client}-{i}", "c": client, "n": number, "t": 1_000 + i} for i in range(rows)],
        )


async def _time(rt: Runtime, client: str, offset: int) -> float:
    start = time.perf_counter()
    async with rt.db.read() as conn:
        for _ in range(ROUNDS):
            await repo.activations(conn, client, since=0, until=2**40, offset=offset, limit=50)
    return (time.perf_counter() - start) / ROUNDS


async def main(rows: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        upgrade(url)
        rt = Runtime.open(Settings(database_url=url, data_dir=Path(tmp), auto_migrate=False))
        try:
            async with rt.db.transaction() as conn:
                await conn.execute(
                    "INSERT INTO numbers (phone, country_id, provider_id, enabled, "
                    "source_online, free_since, created_at, lease_count, sms_lease_count) "
                    "VALUES (1, 1, 1, TRUE, TRUE, 0, 0, 0, 0)"
                )
            await _fill(rt, "small", 100)
            await _fill(rt, "large", rows)
            await _fill(rt, "other", rows)
            small = await _time(rt, "small", 0)
            large = await _time(rt, "large", 0)
            deep = await _time(rt, "large", 10_000)
            print(f"newest page, {rows} vs 100 activations: {large / small:.2f}x")
            print(f"page at offset 10000 vs newest page ({rows} activations): {deep / large:.2f}x")
        finally:
            await rt.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=20_000)
    asyncio.run(main(parser.parse_args().rows))
