"""The SQL of the demo market: its accounts, its turn-taking value, its live leases."""

from __future__ import annotations

from dataclasses import dataclass

from otpvirt.db import Conn

NEXT_KEY = "demo_market_next_lease_at"


@dataclass(frozen=True, slots=True)
class DemoClient:
    """One of the market's accounts."""

    id: str
    name: str | None
    currency: str


@dataclass(frozen=True, slots=True)
class DemoBalance:
    """A demo client's balance, read under a row lock."""

    balance: int
    currency: str


@dataclass(frozen=True, slots=True)
class LiveLease:
    """A live lease of a demo client, with when its last SMS came."""

    id: int
    guid: str
    client_id: str
    state: str
    created_at: int
    last_sms_at: int | None


async def clients(conn: Conn, *, enabled_only: bool) -> list[DemoClient]:
    """The market's accounts, oldest id first."""
    where = "demo AND enabled" if enabled_only else "demo"
    rows = await conn.fetch_all_as(
        DemoClient, f"SELECT id, name, currency FROM clients WHERE {where} ORDER BY id"
    )
    return [DemoClient(str(r.id), r.name, str(r.currency)) for r in rows]


async def mark_demo(conn: Conn, client_id: str) -> None:
    """Mark a client as one of the market's."""
    await conn.execute("UPDATE clients SET demo = TRUE WHERE id = :id", {"id": client_id})


async def lock_balance(conn: Conn, client_id: str) -> DemoBalance | None:
    """A demo client's balance and currency, locked until commit (None: not a demo client)."""
    row = await conn.fetch_one_as(
        DemoBalance,
        "SELECT balance, currency FROM clients WHERE id = :c AND demo" + conn.for_update,
        {"c": client_id},
    )
    return None if row is None else DemoBalance(int(row.balance), row.currency)


async def next_turn(conn: Conn, *, lock: bool) -> int | None:
    """When the next lease is due (epoch ms); with `lock`, locked until commit."""
    value = await conn.fetchval(
        "SELECT value FROM system_values WHERE key = :k" + (conn.for_update if lock else ""),
        {"k": NEXT_KEY},
    )
    return None if value is None else int(value)


async def first_turn(conn: Conn, due: int, now: int) -> None:
    """Book the first turn (another process may have just done so)."""
    await conn.execute(
        "INSERT INTO system_values (key, value, created_at) VALUES (:k, :v, :now) "
        "ON CONFLICT DO NOTHING",
        {"k": NEXT_KEY, "v": str(due), "now": now},
    )


async def book_turn(conn: Conn, due: int) -> None:
    """Book the next turn."""
    await conn.execute(
        "UPDATE system_values SET value = :v WHERE key = :k", {"v": str(due), "k": NEXT_KEY}
    )


async def live_leases(conn: Conn, limit: int) -> list[LiveLease]:
    """The demo clients' live leases, newest first."""
    return await conn.fetch_all_as(
        LiveLease,
        "SELECT a.id, a.guid, a.client_id, a.state, a.created_at, "
        "(SELECT MAX(s.created_at) FROM sms_messages s WHERE s.activation_id = a.id) "
        "FROM activations a WHERE a.state IN ('waiting', 'sms_received') "
        "AND a.client_id IN (SELECT id FROM clients WHERE demo) "
        "ORDER BY a.id DESC LIMIT :lim",
        {"lim": limit},
    )
