"""Admin tokens (for the admin API and console) and console users.

A token is 256 random bits (`adm_…`, shown once) and is stored as its SHA-256: a
fast hash is safe for secrets nobody can guess, and each API call is one indexed
lookup. Console users have argon2id password hashes like clients. Revoking a token,
disabling a user or changing a password deletes their console sessions; a session
also records a fingerprint of the secret it was opened with, which must still match.
"""

from __future__ import annotations

import asyncio
import hashlib
import secrets
from dataclasses import dataclass

from otpvirt.admin import repository as repo
from otpvirt.admin.repository import TokenRow, UserRow
from otpvirt.auth import lockout, sessions
from otpvirt.catalogue.service import clean_name
from otpvirt.clock import now_ms
from otpvirt.db import Conn, Database, IntegrityError
from otpvirt.errors import BadCredentials, Conflict, NotFound, ValidationFailed
from otpvirt.runtime import Runtime

TOKEN_PREFIX = "adm_"


@dataclass(frozen=True, slots=True)
class Operator:
    """An authenticated operator: `user:NAME` or `token:NAME`, and its secret's fingerprint."""

    kind: str
    name: str
    fingerprint: str

    @property
    def actor(self) -> str:
        """How the audit log names this operator."""
        return f"{self.kind}:{self.name}"


def token_digest(token: str) -> str:
    """How a token is stored and looked up."""
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def fingerprint(secret_hash: str) -> str:
    """A short digest of a stored hash: changes whenever the secret does."""
    return hashlib.sha256(secret_hash.encode()).hexdigest()[:16]


async def create_token(conn: Conn, name: str) -> str:
    """Create a named admin token; return it (shown only now)."""
    name = clean_name(name, "token name", max_len=100)
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    try:
        await repo.insert_token(conn, name, token_digest(token), now_ms())
    except IntegrityError:
        raise Conflict(f"admin token {name!r} already exists; revoke it first") from None
    return token


async def list_tokens(conn: Conn) -> list[TokenRow]:
    """Every token's name and dates (never the token)."""
    return await repo.tokens(conn)


async def revoke_token(conn: Conn, name: str) -> None:
    """Delete a token: API calls and console sessions made with it stop at once."""
    key = name.strip().lower()
    if not await repo.delete_token(conn, key):
        raise NotFound(f"no admin token {name!r}", reason="token_not_found")
    await sessions.end_all(conn, sessions.CONSOLE, f"token:{key}")


async def authenticate_token(db: Database, token: str | None) -> Operator:
    """The operator holding this token; the same error for any bad token."""
    if not token or not token.startswith(TOKEN_PREFIX) or len(token) > 200:
        raise BadCredentials("unknown or revoked admin token")
    digest = token_digest(token)
    async with db.read() as conn:
        row = await repo.token_by_digest(conn, digest)
    if row is None:
        raise BadCredentials("unknown or revoked admin token")
    now = now_ms()
    # Advisory; written at most once a minute so API calls stay reads.
    if row.last_used_at is None or now - int(row.last_used_at) > 60_000:
        async with db.transaction() as conn:
            await repo.touch_token(conn, digest, now)
    return Operator("token", row.name, fingerprint(digest))


def check_admin_password(password: str) -> None:
    """Console passwords: 10 to 128 characters."""
    if not 10 <= len(password) <= 128:
        raise ValidationFailed("the password must be 10 to 128 characters")


async def create_user(conn: Conn, name: str, password_hash: str) -> str:
    """Create a console user with an already hashed password."""
    name = clean_name(name, "user name", max_len=100)
    try:
        await repo.insert_user(conn, name, password_hash, now_ms())
    except IntegrityError:
        raise Conflict(f"console user {name!r} already exists") from None
    return name


async def set_user_password(conn: Conn, name: str, password_hash: str) -> None:
    """Replace a console user's password (its sessions end)."""
    key = name.strip().lower()
    if not await repo.set_user_password(conn, key, password_hash):
        raise NotFound(f"no console user {name!r}", reason="user_not_found")
    await sessions.end_all(conn, sessions.CONSOLE, f"user:{key}")


async def set_user_enabled(conn: Conn, name: str, enabled: bool) -> None:
    """Disable (or re-enable) a console user; a disabled user's sessions end for good."""
    key = name.strip().lower()
    if not await repo.set_user_enabled(conn, key, enabled):
        raise NotFound(f"no console user {name!r}", reason="user_not_found")
    if not enabled:
        await sessions.end_all(conn, sessions.CONSOLE, f"user:{key}")


async def list_users(conn: Conn) -> list[UserRow]:
    """Console users (never their hashes)."""
    return await repo.users(conn)


async def authenticate_user(
    rt: Runtime, name: str, password: str, *, address: str | None = None
) -> Operator:
    """Check a console login, with the same lockout policy as client passwords."""
    key = name.strip().lower()[:100]
    async with rt.db.read() as conn:
        row = await repo.login(conn, key)
    stored = None if row is None else row.password_hash
    guard = lockout.Attempt(rt.db, rt.lockout, f"admin:{key}", address)
    ok = await rt.passwords.verify(f"admin:{key}", stored, password, guard=guard)
    if not ok or row is None or stored is None:
        raise BadCredentials("unknown user or wrong password")
    if not row.enabled:
        raise BadCredentials("this console user is disabled")
    async with rt.db.transaction() as conn:
        await repo.touch_login(conn, key, now_ms())
    return Operator("user", key, fingerprint(stored))


async def operator_still_valid(conn: Conn, kind: str, name: str, print_: str) -> bool:
    """Whether a console session's operator still exists with the same secret."""
    if kind == "token":
        digest = await repo.token_digest_of(conn, name)
        return digest is not None and fingerprint(digest) == print_
    row = await repo.login(conn, name)
    return row is not None and row.enabled and fingerprint(row.password_hash) == print_


async def hash_password(rt: Runtime, password: str) -> str:
    """The argon2id hash of a console password (off the event loop)."""
    check_admin_password(password)
    return await asyncio.to_thread(rt.passwords.hash, password)
