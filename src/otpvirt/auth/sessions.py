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

from otpvirt.auth import repository
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
    csrf = secrets.token_urlsafe(24)
    await repository.insert_session(conn, sid, area, subject, fingerprint, csrf, now, now + ttl_ms)
    return Session(sid, subject, fingerprint, csrf)


async def find(conn: Conn, sid: str, area: str, now: int) -> Session | None:
    """The live session with this id in this area."""
    row = await repository.find_session(conn, sid, area, now)
    return None if row is None else Session(sid, row.subject, row.fingerprint, row.csrf)


async def end(conn: Conn, sid: str) -> None:
    """End one session (logout)."""
    await repository.delete_session(conn, sid)


async def end_all(conn: Conn, area: str, subject: str) -> int:
    """End every session of a subject (new password, disabled, revoked)."""
    return await repository.delete_sessions_of(conn, area, subject)


async def end_everything(conn: Conn) -> int:
    """End every session (the secret key was rotated)."""
    return await repository.delete_all_sessions(conn)


async def purge(conn: Conn, now: int) -> int:
    """Forget expired sessions."""
    return await repository.purge_sessions(conn, now)
