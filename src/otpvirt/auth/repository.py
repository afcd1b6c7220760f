"""The SQL of authentication: lockout counters, shared rate-limit buckets, web sessions."""

from __future__ import annotations

from dataclasses import dataclass

from otpvirt.db import Conn

# A key is stale (starts over) when its window passed without a lock, or its lock ran out.
_STALE = (
    "((auth_failures.locked_until IS NULL AND auth_failures.window_start < :since) "
    "OR (auth_failures.locked_until IS NOT NULL AND auth_failures.locked_until <= :now))"
)
# Failures and checks in flight both count: the limit holds before any check ends.
_RESERVE = (
    "INSERT INTO auth_failures (key, failures, pending, window_start, locked_until) "
    "VALUES (:k, 0, 1, :now, NULL) ON CONFLICT (key) DO UPDATE SET "
    f"failures = CASE WHEN {_STALE} THEN 0 ELSE auth_failures.failures END, "
    f"pending = CASE WHEN {_STALE} THEN 1 ELSE auth_failures.pending + 1 END, "
    f"window_start = CASE WHEN {_STALE} THEN :now ELSE auth_failures.window_start END, "
    f"locked_until = CASE WHEN {_STALE} THEN NULL ELSE auth_failures.locked_until END "
    f"WHERE {_STALE} OR (auth_failures.locked_until IS NULL "
    "AND auth_failures.failures + auth_failures.pending < :limit) "
    "RETURNING pending"
)
_DONE = "pending = CASE WHEN pending > 0 THEN pending - 1 ELSE 0 END"
_FAILED = (
    f"UPDATE auth_failures SET failures = failures + 1, {_DONE}, "
    "locked_until = CASE WHEN locked_until IS NULL AND failures + 1 >= :limit "
    "THEN :until ELSE locked_until END WHERE key = :k"
)


async def reserve_attempt(conn: Conn, key: str, now: int, since: int, limit: int) -> bool:
    """Count one check in flight on `key`; False (nothing counted) when the key is full."""
    row = await conn.fetchone(_RESERVE, {"k": key, "now": now, "since": since, "limit": limit})
    return row is not None


async def locked_until(conn: Conn, key: str) -> int | None:
    """When the key's lock ends (None: not locked, or no row)."""
    until = await conn.fetchval("SELECT locked_until FROM auth_failures WHERE key = :k", {"k": key})
    return None if until is None else int(until)


async def record_failure(conn: Conn, key: str, limit: int, until: int) -> None:
    """Turn a reservation into a failure; lock the key until `until` once it is full."""
    await conn.execute(_FAILED, {"k": key, "limit": limit, "until": until})


async def release_attempt(conn: Conn, key: str) -> None:
    """Give a reservation back."""
    await conn.execute(f"UPDATE auth_failures SET {_DONE} WHERE key = :k", {"k": key})


async def forget_idle_key(conn: Conn, key: str) -> bool:
    """Delete the key unless other checks of it are in flight; True when deleted."""
    return bool(
        await conn.execute("DELETE FROM auth_failures WHERE key = :k AND pending <= 1", {"k": key})
    )


async def purge_failures(conn: Conn, since: int, now: int) -> int:
    """Delete keys whose window (before `since`) and lock (until `now`) are over."""
    return await conn.execute(
        "DELETE FROM auth_failures WHERE (locked_until IS NULL AND window_start < :since) "
        "OR (locked_until IS NOT NULL AND locked_until <= :now)",
        {"since": since, "now": now},
    )


async def take_token(conn: Conn, key: str, now: int, interval: int, tolerance: int) -> bool:
    """One GCRA step on a shared bucket (microseconds); False when over the rate."""
    row = await conn.fetchone(
        "INSERT INTO rate_limits (key, tat) VALUES (:k, :first) "
        "ON CONFLICT (key) DO UPDATE SET tat = "
        "(CASE WHEN rate_limits.tat > :now THEN rate_limits.tat ELSE :now END) + :t "
        "WHERE (CASE WHEN rate_limits.tat > :now THEN rate_limits.tat ELSE :now END) "
        "- :now <= :tau RETURNING tat",
        {"k": key, "first": now + interval, "now": now, "t": interval, "tau": tolerance},
    )
    return row is not None


async def purge_buckets(conn: Conn, now_us: int) -> int:
    """Delete buckets that are full again."""
    return await conn.execute("DELETE FROM rate_limits WHERE tat <= :now", {"now": now_us})


@dataclass(frozen=True, slots=True)
class SessionRow:
    """A live web session's stored fields."""

    subject: str
    fingerprint: str
    csrf: str


async def insert_session(
    conn: Conn, sid: str, area: str, subject: str, fingerprint: str, csrf: str, now: int, until: int
) -> None:
    """Store a session; the subject's expired ones in this area go now."""
    await conn.execute(
        "DELETE FROM web_sessions WHERE area = :a AND subject = :s AND expires_at <= :now",
        {"a": area, "s": subject, "now": now},
    )
    await conn.execute(
        "INSERT INTO web_sessions (id, area, subject, fingerprint, csrf, created_at, expires_at) "
        "VALUES (:id, :a, :s, :fp, :csrf, :now, :until)",
        {
            "id": sid,
            "a": area,
            "s": subject,
            "fp": fingerprint,
            "csrf": csrf,
            "now": now,
            "until": until,
        },
    )


async def find_session(conn: Conn, sid: str, area: str, now: int) -> SessionRow | None:
    """The live session with this id in this area."""
    return await conn.fetch_one_as(
        SessionRow,
        "SELECT subject, fingerprint, csrf FROM web_sessions "
        "WHERE id = :id AND area = :a AND expires_at > :now",
        {"id": sid, "a": area, "now": now},
    )


async def delete_session(conn: Conn, sid: str) -> None:
    """Delete one session."""
    await conn.execute("DELETE FROM web_sessions WHERE id = :id", {"id": sid})


async def delete_sessions_of(conn: Conn, area: str, subject: str) -> int:
    """Delete every session of a subject in an area."""
    return await conn.execute(
        "DELETE FROM web_sessions WHERE area = :a AND subject = :s", {"a": area, "s": subject}
    )


async def delete_all_sessions(conn: Conn) -> int:
    """Delete every session."""
    return await conn.execute("DELETE FROM web_sessions")


async def purge_sessions(conn: Conn, now: int) -> int:
    """Delete expired sessions."""
    return await conn.execute("DELETE FROM web_sessions WHERE expires_at <= :now", {"now": now})
