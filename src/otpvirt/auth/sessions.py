"""Console and portal sessions on the server (`web_sessions`): a cookie is only good
while its row exists, so logout, a new password or disabling the account ends it
everywhere at once, whatever copies of the cookie were kept.

The cookie carries a random token; the row is keyed by an HMAC of it under the
service's secret key, so neither the database nor the key alone yields a session.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from otpvirt.db import Conn

CONSOLE = "console"
PORTAL = "portal"


@dataclass(frozen=True, slots=True)
class Session:
    """A live session: whose it is, the secret's fingerprint at login, its CSRF token."""

    id: str
    subject: str
    fingerprint: str
    csrf: str


def new_token() -> str:
    """A fresh session token for a cookie."""
    return secrets.token_urlsafe(32)


def session_id(key: str, token: str) -> str:
    """The stored id of a cookie's token."""
    return hmac.new(key.encode(), b"session:" + token.encode(), hashlib.sha256).hexdigest()


async def create(
    conn: Conn, sid: str, area: str, subject: str, fingerprint: str, now: int, ttl_ms: int
) -> Session:
    """Record a new session; the subject's expired ones go now (the worker purges the rest)."""
    await conn.execute(
        "DELETE FROM web_sessions WHERE area = :a AND subject = :s AND expires_at <= :now",
        {"a": area, "s": subject, "now": now},
    )
    csrf = secrets.token_urlsafe(24)
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
            "until": now + ttl_ms,
        },
    )
    return Session(sid, subject, fingerprint, csrf)


async def find(conn: Conn, sid: str, area: str, now: int) -> Session | None:
    """The live session with this id in this area."""
    row = await conn.fetchone(
        "SELECT subject, fingerprint, csrf FROM web_sessions "
        "WHERE id = :id AND area = :a AND expires_at > :now",
        {"id": sid, "a": area, "now": now},
    )
    return None if row is None else Session(sid, str(row[0]), str(row[1]), str(row[2]))


async def end(conn: Conn, sid: str) -> None:
    """End one session (logout)."""
    await conn.execute("DELETE FROM web_sessions WHERE id = :id", {"id": sid})


async def end_all(conn: Conn, area: str, subject: str) -> int:
    """End every session of a subject (new password, disabled, revoked)."""
    return await conn.execute(
        "DELETE FROM web_sessions WHERE area = :a AND subject = :s", {"a": area, "s": subject}
    )


async def end_everything(conn: Conn) -> int:
    """End every session (the secret key was rotated)."""
    return await conn.execute("DELETE FROM web_sessions")


async def purge(conn: Conn, now: int) -> int:
    """Forget expired sessions."""
    return await conn.execute("DELETE FROM web_sessions WHERE expires_at <= :now", {"now": now})
