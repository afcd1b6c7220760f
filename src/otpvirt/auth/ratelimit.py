"""Per-client request rate limits (GCRA: a token bucket in one number per key).

`OTPVIRT_RATE_LIMIT` is `<count>/<s|m|h>` (burst twice the count) or `off`. On
PostgreSQL the state is a row per key in an UNLOGGED table updated by one atomic
upsert, so every server process shares the same limit; on SQLite (one host) each
process keeps it in memory.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from otpvirt.db import Conn, Database
from otpvirt.errors import RateLimited

_SPEC = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*/\s*(s|sec|second|m|min|minute|h|hour)\s*$")
_UNIT = {"s": 1, "sec": 1, "second": 1, "m": 60, "min": 60, "minute": 60, "h": 3600, "hour": 3600}


@dataclass(frozen=True)
class Rate:
    """A rate: one request every `interval_us`, up to `burst` back to back."""

    interval_us: int
    burst: int

    @property
    def tolerance_us(self) -> int:
        """How far ahead of now the bucket may run before refusing."""
        return (self.burst - 1) * self.interval_us


def parse_rate(spec: str) -> Rate | None:
    """'100/s' -> Rate (burst 200); 'off' -> None."""
    if spec.strip().lower() in ("off", "none", "0", ""):
        return None
    m = _SPEC.match(spec.lower())
    if not m or float(m.group(1)) <= 0:
        raise ValueError(f"rate limit must look like '100/s' or 'off', not {spec!r}")
    per_second = float(m.group(1)) / _UNIT[m.group(2)]
    return Rate(
        interval_us=max(1, int(1_000_000 / per_second)), burst=max(1, int(2 * float(m.group(1))))
    )


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
            row = await conn.fetchone(
                "INSERT INTO rate_limits (key, tat) VALUES (:k, :first) "
                "ON CONFLICT (key) DO UPDATE SET tat = "
                "(CASE WHEN rate_limits.tat > :now THEN rate_limits.tat ELSE :now END) + :t "
                "WHERE (CASE WHEN rate_limits.tat > :now THEN rate_limits.tat ELSE :now END) "
                "- :now <= :tau RETURNING tat",
                {
                    "k": key,
                    "first": now + rate.interval_us,
                    "now": now,
                    "t": rate.interval_us,
                    "tau": rate.tolerance_us,
                },
            )
        return row is not None


async def purge(conn: Conn, now_us: int) -> int:
    """Forget buckets that are full again (the same as no row at all)."""
    return await conn.execute("DELETE FROM rate_limits WHERE tat <= :now", {"now": now_us})
