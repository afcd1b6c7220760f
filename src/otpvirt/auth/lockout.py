"""Lock out password guessing: too many wrong passwords for a client id, or from one
address, within a window blocks further attempts for a while.

The state is in the database (`auth_failures`), so it holds across processes and
restarts. Only checks that would run the KDF are blocked: a client whose correct
password is already cached keeps working while someone hammers its id.
"""

from __future__ import annotations

from dataclasses import dataclass

from otpvirt.db import Conn
from otpvirt.errors import InvalidRequest


class LockedOut(InvalidRequest):
    reason = "too_many_attempts"


@dataclass(frozen=True)
class Policy:
    """Thresholds: attempts per window, and how long a lock lasts (ms)."""

    client_attempts: int
    address_attempts: int
    window_ms: int
    lock_ms: int


async def check(conn: Conn, keys: list[str], now: int) -> bool:
    """Raise LockedOut if any key is locked; return whether any key has failures."""
    if not keys:
        return False
    marks = ", ".join(f":k{i}" for i in range(len(keys)))
    rows = await conn.fetchall(
        f"SELECT key, locked_until FROM auth_failures WHERE key IN ({marks})",
        {f"k{i}": k for i, k in enumerate(keys)},
    )
    for key, until in rows:
        if until is not None and until > now:
            minutes = max(1, round((until - now) / 60_000))
            who = "this address" if key.startswith("ip:") else "this client"
            raise LockedOut(f"too many wrong passwords for {who}; try again in {minutes} min")
    return bool(rows)


async def record_failure(conn: Conn, key: str, limit: int, policy: Policy, now: int) -> None:
    """Count a wrong password for `key`; lock it when it reaches `limit`."""
    row = await conn.fetchone(
        "INSERT INTO auth_failures (key, failures, window_start, locked_until) "
        "VALUES (:k, 1, :now, NULL) ON CONFLICT (key) DO UPDATE SET "
        "failures = CASE WHEN auth_failures.window_start < :since THEN 1 "
        "ELSE auth_failures.failures + 1 END, "
        "window_start = CASE WHEN auth_failures.window_start < :since THEN :now "
        "ELSE auth_failures.window_start END RETURNING failures",
        {"k": key, "now": now, "since": now - policy.window_ms},
    )
    if row is not None and row[0] >= limit:
        await conn.execute(
            "UPDATE auth_failures SET locked_until = :until, failures = 0, window_start = :now "
            "WHERE key = :k",
            {"until": now + policy.lock_ms, "now": now, "k": key},
        )


async def clear(conn: Conn, key: str) -> None:
    """Forget the failures of a key (after a correct password)."""
    await conn.execute("DELETE FROM auth_failures WHERE key = :k", {"k": key})
