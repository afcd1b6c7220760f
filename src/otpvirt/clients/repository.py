"""The SQL of client accounts: typed rows of `clients` (and their activation counts)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from otpvirt.db import Conn


@dataclass(frozen=True, slots=True)
class Client:
    """A client account as the operator sees it (never its secrets)."""

    id: str
    name: str | None
    currency: str
    balance: int
    enabled: bool
    created_at: int
    # A simulated client of the demo market (`serve --demo`).
    demo: bool


def _client(
    id: Any, name: Any, currency: Any, balance: Any, enabled: Any, created_at: Any, demo: Any
) -> Client:
    return Client(
        str(id), name, str(currency), int(balance), bool(enabled), int(created_at), bool(demo)
    )


_COLUMNS = "id, name, currency, balance, enabled, created_at, demo"


@dataclass(frozen=True, slots=True)
class Credentials:
    """What a password check reads."""

    password_hash: str
    currency: str
    balance: int
    enabled: bool


@dataclass(frozen=True, slots=True)
class KeyOwner:
    """The client behind an sms-activate API key."""

    id: str
    currency: str
    balance: int
    enabled: bool


async def insert(
    conn: Conn, client_id: str, name: str | None, password_hash: str, currency: str, now: int
) -> None:
    """Create an enabled client with a zero balance (IntegrityError: the id is taken)."""
    await conn.execute(
        "INSERT INTO clients (id, name, password_hash, currency, balance, enabled, created_at) "
        "VALUES (:id, :name, :h, :cur, 0, TRUE, :now)",
        {"id": client_id, "name": name, "h": password_hash, "cur": currency, "now": now},
    )


async def get(conn: Conn, client_id: str) -> Client | None:
    """One client."""
    return await conn.fetch_one_as(
        _client, f"SELECT {_COLUMNS} FROM clients WHERE id = :id", {"id": client_id}
    )


async def search(conn: Conn, query: str | None, limit: int, offset: int) -> list[Client]:
    """Clients, newest first; `query` matches a lower-case id or name substring."""
    sql = f"SELECT {_COLUMNS} FROM clients"
    params: dict[str, Any] = {"lim": limit, "off": offset}
    if query:
        sql += " WHERE LOWER(id) LIKE :q OR LOWER(COALESCE(name, '')) LIKE :q"
        params["q"] = f"%{query}%"
    sql += " ORDER BY created_at DESC, id LIMIT :lim OFFSET :off"
    return await conn.fetch_all_as(_client, sql, params)


@dataclass(frozen=True, slots=True)
class _Count:
    state: str
    number: int


async def activation_counts(conn: Conn, client_id: str) -> dict[str, int]:
    """How many of the client's activations are in each state."""
    rows = await conn.fetch_all_as(
        _Count,
        "SELECT state, COUNT(*) FROM activations WHERE client_id = :id GROUP BY state",
        {"id": client_id},
    )
    return {r.state: int(r.number) for r in rows}


async def balance(conn: Conn, client_id: str) -> int | None:
    """The client's balance (None: no such client)."""
    value = await conn.fetchval("SELECT balance FROM clients WHERE id = :id", {"id": client_id})
    return None if value is None else int(value)


async def currency_of(conn: Conn, client_id: str) -> str | None:
    """The client's currency (None: no such client)."""
    value = await conn.fetchval("SELECT currency FROM clients WHERE id = :id", {"id": client_id})
    return None if value is None else str(value)


async def credentials(conn: Conn, client_id: str) -> Credentials | None:
    """The stored password hash, currency, balance and enabled flag."""
    row = await conn.fetch_one_as(
        Credentials,
        "SELECT password_hash, currency, balance, enabled FROM clients WHERE id = :id",
        {"id": client_id},
    )
    return (
        None if row is None else replace(row, balance=int(row.balance), enabled=bool(row.enabled))
    )


async def key_owner(conn: Conn, key_hash: str) -> KeyOwner | None:
    """The client whose sms-activate API key has this hash."""
    row = await conn.fetch_one_as(
        KeyOwner,
        "SELECT id, currency, balance, enabled FROM clients WHERE api_key_hash = :h",
        {"h": key_hash},
    )
    return (
        None
        if row is None
        else KeyOwner(str(row.id), row.currency, int(row.balance), bool(row.enabled))
    )


async def has_api_key(conn: Conn, client_id: str) -> bool:
    """Whether the client has an sms-activate API key."""
    return bool(
        await conn.fetchval(
            "SELECT api_key_hash IS NOT NULL FROM clients WHERE id = :id", {"id": client_id}
        )
    )


async def set_api_key_hash(conn: Conn, client_id: str, key_hash: str) -> bool:
    """Store a new API key hash; False when there is no such client."""
    return bool(
        await conn.execute(
            "UPDATE clients SET api_key_hash = :h WHERE id = :id", {"h": key_hash, "id": client_id}
        )
    )


async def set_enabled(conn: Conn, client_id: str, enabled: bool) -> bool:
    """Set the enabled flag; False when there is no such client."""
    return bool(
        await conn.execute(
            "UPDATE clients SET enabled = :e WHERE id = :id", {"e": enabled, "id": client_id}
        )
    )


async def set_password_hash(conn: Conn, client_id: str, password_hash: str) -> bool:
    """Store a new password hash; False when there is no such client."""
    return bool(
        await conn.execute(
            "UPDATE clients SET password_hash = :h WHERE id = :id",
            {"h": password_hash, "id": client_id},
        )
    )


async def exists(conn: Conn, client_id: str) -> bool:
    """Whether the client exists."""
    found = await conn.fetchval("SELECT id FROM clients WHERE id = :id", {"id": client_id})
    return found is not None
