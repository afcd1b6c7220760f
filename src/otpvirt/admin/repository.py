"""The SQL of operators: the audit log, admin tokens, console users, and the state an
audited action reads before it changes something."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from otpvirt.db import Conn


@dataclass(frozen=True, slots=True)
class AuditRow:
    """One audit log entry; `before` and `after` are JSON text."""

    id: int
    at: int
    actor: str
    action: str
    target: str | None
    before: str | None
    after: str | None
    request_id: str | None


@dataclass(frozen=True, slots=True)
class TokenRow:
    """An admin token's name and dates (never the token)."""

    name: str
    created_at: int
    last_used_at: int | None


@dataclass(frozen=True, slots=True)
class UserRow:
    """A console user (never the hash)."""

    name: str
    enabled: bool
    created_at: int
    last_login_at: int | None


@dataclass(frozen=True, slots=True)
class Login:
    """What a console login checks."""

    password_hash: str
    enabled: bool


@dataclass(frozen=True, slots=True)
class TokenUse:
    """A token found by its digest."""

    name: str
    last_used_at: int | None


async def insert_audit(conn: Conn, entry: dict[str, Any]) -> None:
    """Append an entry: at, actor, action, target, before, after, rid."""
    await conn.execute(
        "INSERT INTO audit_log (at, actor, action, target, before, after, request_id) "
        "VALUES (:at, :actor, :action, :target, :before, :after, :rid)",
        entry,
    )


async def audit_entries(
    conn: Conn, filters: dict[str, str], limit: int, offset: int
) -> list[AuditRow]:
    """Entries, newest first, whose actor/action/target equal `filters`."""
    params: dict[str, Any] = {"lim": limit, "off": offset}
    where: list[str] = []
    for column in ("actor", "action", "target"):
        if column in filters:
            where.append(f"{column} = :{column}")
            params[column] = filters[column]
    sql = "SELECT id, at, actor, action, target, before, after, request_id FROM audit_log"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY id DESC LIMIT :lim OFFSET :off"
    return await conn.fetch_all_as(AuditRow, sql, params)


async def insert_token(conn: Conn, name: str, digest: str, now: int) -> None:
    """Store a token's digest (IntegrityError: the name is taken)."""
    await conn.execute(
        "INSERT INTO admin_tokens (name, token_hash, created_at) VALUES (:n, :h, :now)",
        {"n": name, "h": digest, "now": now},
    )


async def tokens(conn: Conn) -> list[TokenRow]:
    """Every token, by name."""
    return await conn.fetch_all_as(
        TokenRow, "SELECT name, created_at, last_used_at FROM admin_tokens ORDER BY name"
    )


async def delete_token(conn: Conn, name: str) -> bool:
    """Delete a token; False when there is none of that name."""
    return bool(await conn.execute("DELETE FROM admin_tokens WHERE name = :n", {"n": name}))


async def token_by_digest(conn: Conn, digest: str) -> TokenUse | None:
    """The token with this digest."""
    return await conn.fetch_one_as(
        TokenUse,
        "SELECT name, last_used_at FROM admin_tokens WHERE token_hash = :h",
        {"h": digest},
    )


async def touch_token(conn: Conn, digest: str, now: int) -> None:
    """Record that a token was used."""
    await conn.execute(
        "UPDATE admin_tokens SET last_used_at = :now WHERE token_hash = :h",
        {"now": now, "h": digest},
    )


async def token_digest_of(conn: Conn, name: str) -> str | None:
    """The stored digest of a named token."""
    value = await conn.fetchval("SELECT token_hash FROM admin_tokens WHERE name = :n", {"n": name})
    return None if value is None else str(value)


async def insert_user(conn: Conn, name: str, password_hash: str, now: int) -> None:
    """Create an enabled console user (IntegrityError: the name is taken)."""
    await conn.execute(
        "INSERT INTO admin_users (name, password_hash, enabled, created_at) "
        "VALUES (:n, :h, TRUE, :now)",
        {"n": name, "h": password_hash, "now": now},
    )


async def set_user_password(conn: Conn, name: str, password_hash: str) -> bool:
    """Store a user's new hash; False when there is no such user."""
    return bool(
        await conn.execute(
            "UPDATE admin_users SET password_hash = :h WHERE name = :n",
            {"h": password_hash, "n": name},
        )
    )


async def set_user_enabled(conn: Conn, name: str, enabled: bool) -> bool:
    """Set a user's enabled flag; False when there is no such user."""
    return bool(
        await conn.execute(
            "UPDATE admin_users SET enabled = :e WHERE name = :n", {"e": enabled, "n": name}
        )
    )


async def users(conn: Conn) -> list[UserRow]:
    """Every console user, by name."""
    rows = await conn.fetch_all_as(
        UserRow, "SELECT name, enabled, created_at, last_login_at FROM admin_users ORDER BY name"
    )
    return [replace(r, enabled=bool(r.enabled)) for r in rows]


async def login(conn: Conn, name: str) -> Login | None:
    """A user's password hash and enabled flag."""
    row = await conn.fetch_one_as(
        Login, "SELECT password_hash, enabled FROM admin_users WHERE name = :n", {"n": name}
    )
    return None if row is None else Login(str(row.password_hash), bool(row.enabled))


async def touch_login(conn: Conn, name: str, now: int) -> None:
    """Record a user's login."""
    await conn.execute(
        "UPDATE admin_users SET last_login_at = :now WHERE name = :n", {"now": now, "n": name}
    )


async def number_enabled(conn: Conn, phone: int) -> bool | None:
    """Whether a number is in the pool (None: no such number)."""
    value = await conn.fetchval("SELECT enabled FROM numbers WHERE phone = :p", {"p": phone})
    return None if value is None else bool(value)


async def smsactivate_id(conn: Conn, country: str) -> int | None:
    """A country's sms-activate id."""
    value = await conn.fetchval(
        "SELECT smsactivate_id FROM countries WHERE name = :n", {"n": country}
    )
    return None if value is None else int(value)
