"""Creating, finding, authenticating and changing client accounts."""

from __future__ import annotations

import time
from dataclasses import dataclass
from hashlib import sha256

from otpvirt.auth import lockout, sessions
from otpvirt.auth.passwords import Passwords, generate_password
from otpvirt.clients import repository as repo
from otpvirt.clients.repository import Client, Credentials
from otpvirt.clock import now_ms
from otpvirt.db import Conn, Database, IntegrityError
from otpvirt.errors import BadCredentials, ClientDisabled, Conflict, NotFound, ValidationFailed
from otpvirt.ids import new_guid, parse_guid
from otpvirt.ledger import service as ledger
from otpvirt.money import currency, parse_amount

__all__ = ["AuthClient", "Balance", "Client", "ClientCache", "ClientDetail"]


@dataclass(frozen=True, slots=True)
class AuthClient:
    """A client whose credentials were just checked.

    `balance` is None when the account came from the client cache: read it with
    `current_balance` where the figure matters (GetBalance); charging never uses it.
    """

    id: str
    currency: str
    balance: int | None


@dataclass(frozen=True, slots=True)
class Balance:
    """A client's balance (minor units of its currency) after a change."""

    client_id: str
    currency: str
    balance: int


@dataclass(frozen=True, slots=True)
class ClientDetail:
    """A client with how many of its activations are in each state."""

    client: Client
    activations: dict[str, int]


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
        value = await repo.balance(conn, client.id)
    return value or 0


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
) -> Balance:
    """Create a client; an opening balance is booked as a top-up entry."""
    cid = parse_guid(client_id, field="clientId") if client_id else new_guid()
    cur = currency(currency_code)
    if balance < 0:
        raise ValidationFailed("the opening balance must not be negative", reason="bad_amount")
    now = now_ms()
    try:
        await repo.insert(conn, cid, name, password_hash, cur.code, now)
    except IntegrityError:
        raise Conflict(f"client {cid} already exists") from None
    if balance:
        await ledger.credit(
            conn, cid, balance, cur.code, kind=ledger.TOPUP, note="opening balance", now=now
        )
    return Balance(cid, cur.code, balance)


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
    cached = cache.get(client_id) if cache is not None else None
    stored: str | None
    balance: int | None = None
    if cached is not None:
        # The balance is not cached: None tells the caller to read it where it matters.
        stored, cur, enabled = cached
    else:
        async with db.read() as conn:
            row = await repo.credentials(conn, client_id)
        if row is None:
            stored, cur, enabled = None, "", False
        else:
            stored, cur, enabled, balance = (
                row.password_hash,
                row.currency,
                row.enabled,
                row.balance,
            )
            if cache is not None:
                cache.put(client_id, stored, cur, enabled)
    # The hot path: a password this process verified recently costs one HMAC.
    if stored is None or not passwords.cached(client_id, stored, password):
        guard = None
        if policy is not None:
            guard = lockout.Attempt(db, policy, f"client:{client_id}", address)
        if not await passwords.verify(client_id, stored, password, guard=guard):
            raise BadCredentials()
    if stored is None:  # never verified: an unknown id is a wrong password
        raise BadCredentials()
    if not enabled:
        raise ClientDisabled()
    return AuthClient(client_id, cur, balance)


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
    if not await repo.set_api_key_hash(conn, cid, api_key_hash(key)):
        raise NotFound(f"no client {cid}", reason="client_not_found")
    return key


async def authenticate_api_key(db: Database, key: str | None) -> AuthClient:
    """The client owning an sms-activate API key; the same error for any bad key."""
    if not key or len(key) > 256:
        raise BadCredentials("unknown API key")
    async with db.read() as conn:
        row = await repo.key_owner(conn, api_key_hash(key))
    if row is None:
        raise BadCredentials("unknown API key")
    if not row.enabled:
        raise ClientDisabled()
    return AuthClient(row.id, row.currency, row.balance)


async def get_client(conn: Conn, client_id: str) -> ClientDetail:
    """One client with activation statistics."""
    cid = parse_guid(client_id, field="clientId")
    client = await repo.get(conn, cid)
    if client is None:
        raise NotFound(f"no client {cid}", reason="client_not_found")
    return ClientDetail(client, await repo.activation_counts(conn, cid))


async def list_clients(
    conn: Conn, *, search: str | None = None, limit: int = 100, offset: int = 0
) -> list[Client]:
    """Clients, newest first, optionally filtered by id or name substring."""
    query = search.strip().lower() if search else None
    return await repo.search(conn, query, limit, offset)


async def change_balance(
    conn: Conn, client_id: str, amount: str, *, kind: str = ledger.TOPUP, note: str | None = None
) -> Balance:
    """Top up (or adjust) a client's balance by a decimal amount in its currency."""
    cid = parse_guid(client_id, field="clientId")
    cur_code = await repo.currency_of(conn, cid)
    if cur_code is None:
        raise NotFound(f"no client {cid}", reason="client_not_found")
    cur = currency(cur_code)
    minor = parse_amount(amount, cur, allow_negative=kind == ledger.ADJUSTMENT)
    after = await ledger.adjust(conn, cid, minor, cur.code, kind=kind, note=note, now=now_ms())
    return Balance(cid, cur.code, after)


async def set_enabled(conn: Conn, client_id: str, enabled: bool) -> None:
    """Disable (or re-enable) a client: a disabled client's calls fail and its portal
    sessions end for good."""
    cid = parse_guid(client_id, field="clientId")
    if not await repo.set_enabled(conn, cid, enabled):
        raise NotFound(f"no client {cid}", reason="client_not_found")
    if not enabled:
        await sessions.end_all(conn, sessions.PORTAL, cid)


async def set_password_hash(conn: Conn, client_id: str, password_hash: str) -> None:
    """Replace a client's password hash (its portal sessions end)."""
    cid = parse_guid(client_id, field="clientId")
    if not await repo.set_password_hash(conn, cid, password_hash):
        raise NotFound(f"no client {cid}", reason="client_not_found")
    await sessions.end_all(conn, sessions.PORTAL, cid)


async def credentials(conn: Conn, client_id: str) -> Credentials | None:
    """The stored password hash, currency, balance and enabled flag (portal sessions)."""
    return await repo.credentials(conn, client_id)


async def has_api_key(conn: Conn, client_id: str) -> bool:
    """Whether the client has an sms-activate API key."""
    return await repo.has_api_key(conn, client_id)


async def exists(conn: Conn, client_id: str) -> bool:
    """Whether the client exists."""
    return await repo.exists(conn, client_id)
