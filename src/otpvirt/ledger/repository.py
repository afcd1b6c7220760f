"""The SQL of the ledger: balance changes on `clients` and their `ledger_entries`."""

from __future__ import annotations

from dataclasses import dataclass

from otpvirt.db import Conn


@dataclass(frozen=True, slots=True)
class EntryRow:
    """A client's ledger entry, with the guid of its activation."""

    id: int
    kind: str
    amount: int
    balance_after: int
    currency: str
    activation_guid: str | None
    note: str | None
    created_at: int


@dataclass(frozen=True, slots=True)
class ActivationEntry:
    """A ledger entry of one activation."""

    kind: str
    amount: int
    currency: str
    note: str | None
    created_at: int


@dataclass(frozen=True, slots=True)
class BalanceMismatch:
    """A client whose balance is not its last entry's balance_after."""

    client_id: str
    balance: int
    last_balance_after: int | None


@dataclass(frozen=True, slots=True)
class _Link:
    client_id: str
    id: int
    amount: int
    balance_after: int
    prev: int


_INSERT = (
    "INSERT INTO ledger_entries "
    "(client_id, kind, amount, balance_after, currency, activation_id, note, created_at) "
    "VALUES (:client, :kind, :amount, :after, :cur, :act, :note, :now)"
)
# Only rentals name the column (migration 0014), so other entries stay writable on
# older schemas (tests/ledger/test_bounds.py writes to a downgraded database).
_INSERT_RENTAL = (
    "INSERT INTO ledger_entries "
    "(client_id, kind, amount, balance_after, currency, activation_id, rental_id, note, "
    "created_at) VALUES (:client, :kind, :amount, :after, :cur, :act, :rent, :note, :now)"
)


async def append(
    conn: Conn,
    client_id: str,
    kind: str,
    amount: int,
    balance_after: int,
    cur: str,
    activation_id: int | None,
    note: str | None,
    now: int,
    rental_id: int | None = None,
) -> None:
    """Write one entry (IntegrityError: the activation already has one of this kind)."""
    params: dict[str, object] = {
        "client": client_id,
        "kind": kind,
        "amount": amount,
        "after": balance_after,
        "cur": cur,
        "act": activation_id,
        "note": note,
        "now": now,
    }
    if rental_id is not None:
        params["rent"] = rental_id
    await conn.execute(_INSERT if rental_id is None else _INSERT_RENTAL, params)


def entry_from(kind: str, amount: str, balance_after: str, cur: str, source: str) -> str:
    """An INSERT of one `kind` entry per row of `source` (a data-modifying CTE's body).

    PostgreSQL's single-statement lease and cancel (activation.repositories.pg) write
    their entry with it; the expressions refer to the CTEs of `source`, and `:client`,
    `:now` are the statement's parameters.
    """
    return (
        "INSERT INTO ledger_entries (client_id, kind, amount, balance_after, currency, "
        "activation_id, note, created_at) "
        f"SELECT CAST(:client AS TEXT), '{kind}', {amount}, {balance_after}, {cur}, act.id, "
        f"NULL, CAST(:now AS BIGINT) FROM {source} RETURNING id"
    )


async def take(conn: Conn, client_id: str, amount: int) -> int | None:
    """Subtract from the balance unless it would go below zero; the new balance or None."""
    after = await conn.fetchval(
        "UPDATE clients SET balance = balance - :a WHERE id = :c AND balance >= :a "
        "RETURNING balance",
        {"a": amount, "c": client_id},
    )
    return None if after is None else int(after)


async def add(conn: Conn, client_id: str, amount: int, room: int) -> int | None:
    """Add to a balance not above `room`; the new balance or None."""
    after = await conn.fetchval(
        "UPDATE clients SET balance = balance + :a WHERE id = :c AND balance <= :room "
        "RETURNING balance",
        {"a": amount, "c": client_id, "room": room},
    )
    return None if after is None else int(after)


async def balance(conn: Conn, client_id: str) -> int | None:
    """A client's balance, or None for no such client."""
    have = await conn.fetchval("SELECT balance FROM clients WHERE id = :c", {"c": client_id})
    return None if have is None else int(have)


async def entries(conn: Conn, client_id: str, limit: int) -> list[EntryRow]:
    """The client's newest ledger entries first."""
    return await conn.fetch_all_as(
        EntryRow,
        "SELECT e.id, e.kind, e.amount, e.balance_after, e.currency, a.guid, e.note, "
        "e.created_at FROM ledger_entries e LEFT JOIN activations a ON a.id = e.activation_id "
        "WHERE e.client_id = :c ORDER BY e.id DESC LIMIT :lim",
        {"c": client_id, "lim": limit},
    )


async def of_activation(conn: Conn, activation_id: int) -> list[ActivationEntry]:
    """An activation's entries, oldest first."""
    return await conn.fetch_all_as(
        ActivationEntry,
        "SELECT kind, amount, currency, note, created_at FROM ledger_entries "
        "WHERE activation_id = :a ORDER BY id",
        {"a": activation_id},
    )


# A balance equals the sum of its ledger exactly when each entry's balance_after is
# the previous one's plus its amount and the balance is the last balance_after:
# checked pairwise, so no SUM can overflow however large (or broken) the figures.
BROKEN_CHAIN = (
    "SELECT client_id, id, amount, balance_after, prev FROM (SELECT e.client_id, e.id, "
    "e.amount, e.balance_after, LAG(e.balance_after, 1, 0) OVER "
    "(PARTITION BY e.client_id ORDER BY e.id) AS prev FROM ledger_entries e) chain "
    "WHERE CAST(balance_after AS NUMERIC) - amount <> prev"
)
BALANCE_NOT_LAST = (
    "SELECT c.id, c.balance, e.balance_after FROM clients c LEFT JOIN ledger_entries e "
    "ON e.id = (SELECT MAX(l.id) FROM ledger_entries l WHERE l.client_id = c.id) "
    "WHERE c.balance <> COALESCE(e.balance_after, 0)"
)


async def broken_chains(conn: Conn) -> list[str]:
    """Clients with an entry whose balance_after is not the previous one's plus its amount."""
    return sorted({r.client_id for r in await conn.fetch_all_as(_Link, BROKEN_CHAIN)})


async def balances_not_last(conn: Conn) -> list[BalanceMismatch]:
    """Clients whose balance differs from their last entry's balance_after."""
    return await conn.fetch_all_as(BalanceMismatch, BALANCE_NOT_LAST)
