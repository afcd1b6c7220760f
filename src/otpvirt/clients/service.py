"""Creating, finding, authenticating and changing client accounts."""

from __future__ import annotations

import time
from dataclasses import dataclass
from hashlib import sha256
from typing import Any

from otpvirt.auth import lockout, sessions
from otpvirt.auth.passwords import Passwords, generate_password
from otpvirt.clock import now_ms
from otpvirt.db import Conn, Database, IntegrityError
from otpvirt.errors import BadCredentials, ClientDisabled, Conflict, NotFound, ValidationFailed
from otpvirt.ids import new_guid, parse_guid
from otpvirt.ledger import service as ledger
from otpvirt.money import currency, format_amount


@dataclass(frozen=True, slots=True)
class AuthClient:
    """A client whose credentials were just checked.

    `balance` is None when the account came from the client cache: read it with
    `current_balance` where the figure matters (GetBalance); charging never uses it.
    """

    id: str
    currency: str
    balance: int | None


class ClientCache:
    """Recently read credentials per client (hash, currency, enabled), for a short TTL.

    Polling methods then authenticate without a database round trip; a disabled
    client or a new password takes effect within the TTL in other processes, and at
    once in this one (`forget`).
    """

    def __init__(self, ttl_seconds: float, size: int = 100_000) -> None:
        self._ttl = ttl_seconds
        self._size = size
        self._rows: dict[str, tuple[str, str, bool, float]] = {}

    def get(self, client_id: str) -> tuple[str, str, bool] | None:
        """(password hash, currency, enabled) if fresh."""
        hit = self._rows.get(client_id)
        if hit is None or hit[3] < time.monotonic():
            return None
        return hit[0], hit[1], hit[2]

    def put(self, client_id: str, password_hash: str, currency_code: str, enabled: bool) -> None:
        """Remember a client's credentials for the TTL."""
        if self._ttl <= 0:
            return
        if len(self._rows) >= self._size:
            self._rows.clear()
        self._rows[client_id] = (
            password_hash,
            currency_code,
            enabled,
            time.monotonic() + self._ttl,
        )

    def forget(self, client_id: str) -> None:
        """Drop a client (after a change made by this process)."""
        self._rows.pop(client_id, None)


async def current_balance(db: Database, client: AuthClient) -> int:
    """The client's balance now (from the database unless just read)."""
    if client.balance is not None:
        return client.balance
    async with db.read() as conn:
        value = await conn.fetchval("SELECT balance FROM clients WHERE id = :id", {"id": client.id})
    return int(value or 0)


def check_password_rules(password: str) -> None:
    """The API's rule: 8 to 128 characters."""
    if not 8 <= len(password) <= 128:
        raise ValidationFailed("apiPassword must be 8 to 128 characters")


async def create_client(
    conn: Conn,
    *,
    password_hash: str,
    currency_code: str = "USD",
    balance: int = 0,
    client_id: str | None = None,
    name: str | None = None,
) -> dict[str, Any]:
    """Create a client; an opening balance is booked as a top-up entry."""
    cid = parse_guid(client_id, field="clientId") if client_id else new_guid()
    cur = currency(currency_code)
    if balance < 0:
        raise ValidationFailed("the opening balance must not be negative", reason="bad_amount")
    now = now_ms()
    try:
        await conn.execute(
            "INSERT INTO clients (id, name, password_hash, currency, balance, enabled, created_at) "
            "VALUES (:id, :name, :h, :cur, 0, TRUE, :now)",
            {"id": cid, "name": name, "h": password_hash, "cur": cur.code, "now": now},
        )
    except IntegrityError:
        raise Conflict(f"client {cid} already exists") from None
    if balance:
        await ledger.credit(
            conn, cid, balance, cur.code, kind=ledger.TOPUP, note="opening balance", now=now
        )
    return {"clientId": cid, "currency": cur.code, "balance": format_amount(balance, cur)}


async def authenticate(
    db: Database,
    passwords: Passwords,
    client_id: str,
    password: str,
    *,
    address: str | None = None,
    policy: lockout.Policy | None = None,
    cache: ClientCache | None = None,
) -> AuthClient:
    """Check credentials; the same error for an unknown id and a wrong password.

    With a lockout policy, a check that needs the KDF first reserves an attempt for
    (client id, address) and for the address (`auth.lockout`); unknown ids count the same.
    """
    cached_row = cache.get(client_id) if cache is not None else None
    row: Any
    if cached_row is not None:
        row = (cached_row[0], cached_row[1], None, cached_row[2])
    else:
        async with db.read() as conn:
            row = await conn.fetchone(
                "SELECT password_hash, currency, balance, enabled FROM clients WHERE id = :id",
                {"id": client_id},
            )
        if row is not None and cache is not None:
            cache.put(client_id, row[0], row[1], bool(row[3]))
    stored = None if row is None else str(row[0])
    # The hot path: a password this process verified recently costs one HMAC.
    if stored is None or not passwords.cached(client_id, stored, password):
        guard = None
        if policy is not None:
            guard = lockout.Attempt(db, policy, f"client:{client_id}", address)
        if not await passwords.verify(client_id, stored, password, guard=guard):
            raise BadCredentials()
    if not row[3]:
        raise ClientDisabled()
    return AuthClient(client_id, row[1], None if row[2] is None else int(row[2]))


API_KEY_LENGTH = 32


def api_key_hash(key: str) -> str:
    """The stored form of an sms-activate API key."""
    # A fast hash is enough here, unlike for passwords: a key is 32 random
    # letters and digits (~190 bits), so no dictionary or brute force reaches it,
    # and every call authenticates with one indexed lookup and no KDF.
    return sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


async def rotate_api_key(conn: Conn, client_id: str) -> str:
    """Issue a new sms-activate API key (the old one stops working); return it."""
    cid = parse_guid(client_id, field="clientId")
    key = generate_password(API_KEY_LENGTH)
    if not await conn.execute(
        "UPDATE clients SET api_key_hash = :h WHERE id = :id", {"h": api_key_hash(key), "id": cid}
    ):
        raise NotFound(f"no client {cid}", reason="client_not_found")
    return key


async def authenticate_api_key(db: Database, key: str | None) -> AuthClient:
    """The client owning an sms-activate API key; the same error for any bad key."""
    if not key or len(key) > 256:
        raise BadCredentials("unknown API key")
    async with db.read() as conn:
        row = await conn.fetchone(
            "SELECT id, currency, balance, enabled FROM clients WHERE api_key_hash = :h",
            {"h": api_key_hash(key)},
        )
    if row is None:
        raise BadCredentials("unknown API key")
    if not row[3]:
        raise ClientDisabled()
    return AuthClient(str(row[0]), row[1], int(row[2]))


def _render(r: Any) -> dict[str, Any]:
    cur = currency(r["currency"])
    return {
        "clientId": r["id"],
        "name": r["name"],
        "currency": cur.code,
        "balance": format_amount(r["balance"], cur),
        "enabled": bool(r["enabled"]),
        "createdAt": r["created_at"],
        # A simulated client of the demo market (`serve --demo`).
        "demo": bool(r["demo"]),
    }


_COLUMNS = "id, name, currency, balance, enabled, created_at, demo"


async def get_client(conn: Conn, client_id: str) -> dict[str, Any]:
    """One client with activation statistics."""
    cid = parse_guid(client_id, field="clientId")
    row = await conn.fetchone(f"SELECT {_COLUMNS} FROM clients WHERE id = :id", {"id": cid})
    if row is None:
        raise NotFound(f"no client {cid}", reason="client_not_found")
    out = _render(row)
    stats = await conn.fetchall(
        "SELECT state, COUNT(*) FROM activations WHERE client_id = :id GROUP BY state",
        {"id": cid},
    )
    out["activations"] = {r[0]: r[1] for r in stats}
    return out


async def list_clients(
    conn: Conn, *, search: str | None = None, limit: int = 100, offset: int = 0
) -> list[dict[str, Any]]:
    """Clients, newest first, optionally filtered by id or name substring."""
    sql = f"SELECT {_COLUMNS} FROM clients"
    params: dict[str, Any] = {"lim": limit, "off": offset}
    if search:
        sql += " WHERE LOWER(id) LIKE :q OR LOWER(COALESCE(name, '')) LIKE :q"
        params["q"] = f"%{search.strip().lower()}%"
    sql += " ORDER BY created_at DESC, id LIMIT :lim OFFSET :off"
    return [_render(r) for r in await conn.fetchall(sql, params)]


async def change_balance(
    conn: Conn, client_id: str, amount: str, *, kind: str = ledger.TOPUP, note: str | None = None
) -> dict[str, Any]:
    """Top up (or adjust) a client's balance by a decimal amount in its currency."""
    from otpvirt.money import parse_amount

    cid = parse_guid(client_id, field="clientId")
    cur_code = await conn.fetchval("SELECT currency FROM clients WHERE id = :id", {"id": cid})
    if cur_code is None:
        raise NotFound(f"no client {cid}", reason="client_not_found")
    cur = currency(cur_code)
    minor = parse_amount(amount, cur, allow_negative=kind == ledger.ADJUSTMENT)
    after = await ledger.adjust(conn, cid, minor, cur.code, kind=kind, note=note, now=now_ms())
    return {"clientId": cid, "currency": cur.code, "balance": format_amount(after, cur)}


async def set_enabled(conn: Conn, client_id: str, enabled: bool) -> None:
    """Disable (or re-enable) a client: a disabled client's calls fail and its portal
    sessions end for good."""
    cid = parse_guid(client_id, field="clientId")
    if not await conn.execute(
        "UPDATE clients SET enabled = :e WHERE id = :id", {"e": enabled, "id": cid}
    ):
        raise NotFound(f"no client {cid}", reason="client_not_found")
    if not enabled:
        await sessions.end_all(conn, sessions.PORTAL, cid)


async def set_password_hash(conn: Conn, client_id: str, password_hash: str) -> None:
    """Replace a client's password hash (its portal sessions end)."""
    cid = parse_guid(client_id, field="clientId")
    if not await conn.execute(
        "UPDATE clients SET password_hash = :h WHERE id = :id", {"h": password_hash, "id": cid}
    ):
        raise NotFound(f"no client {cid}", reason="client_not_found")
    await sessions.end_all(conn, sessions.PORTAL, cid)
