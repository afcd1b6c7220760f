"""Per-client request rate limits (GCRA: a token bucket in one number per key).

`OTPVIRT_RATE_LIMIT` is `<count>/<s|m|h>` (burst twice the count) or `off`. On
PostgreSQL the state is a row per key in an UNLOGGED table updated by one atomic
upsert, so every server process shares the same limit; on SQLite (one host) each
process keeps it in memory.
"""

from __future__ import annotations

import time

from otpvirt.auth import repository
from otpvirt.db import Conn, Database
from otpvirt.errors import RateLimited
from otpvirt.rates import Rate, parse_rate

__all__ = ["Limiter", "Rate", "parse_rate", "purge"]


def _now_us() -> int:
    return time.time_ns() // 1000


class Limiter:
    """Checks keys against one rate; raises RateLimited when over it."""

    def __init__(self, db: Database, rate: Rate | None, *, shared: bool) -> None:
        self._db = db
        self._rate = rate
        self._shared = shared
        self._tat: dict[str, int] = {}

    async def check(self, key: str) -> None:
        """Count one request for `key`."""
        rate = self._rate
        if rate is None:
            return
        now = _now_us()
        allowed = (
            await self._shared_check(key, now, rate)
            if self._shared
            else self._local(key, now, rate)
        )
        if not allowed:
            per_s = 1_000_000 / rate.interval_us
            raise RateLimited(f"too many requests: the limit is {per_s:g} per second; slow down")

    def _local(self, key: str, now: int, rate: Rate) -> bool:
        tat = max(self._tat.get(key, now), now)
        if tat - now > rate.tolerance_us:
            return False
        if len(self._tat) > 100_000:
            self._tat.clear()
        self._tat[key] = tat + rate.interval_us
        return True

    async def _shared_check(self, key: str, now: int, rate: Rate) -> bool:
        async with self._db.transaction() as conn:
            return await repository.take_token(conn, key, now, rate.interval_us, rate.tolerance_us)


async def purge(conn: Conn, now_us: int) -> int:
    """Forget buckets that are full again (the same as no row at all)."""
    return await repository.purge_buckets(conn, now_us)
