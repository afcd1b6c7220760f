"""The SQL of lifecycle events: who subscribed, what the event says, the low-balance flag."""

from __future__ import annotations

from dataclasses import dataclass, replace

from otpvirt.db import Conn


@dataclass(frozen=True, slots=True)
class Finished:
    """An activation that just ended, with its client's webhook subscription."""

    guid: str
    client_id: str
    service: str
    phone: int
    currency: str
    url: str | None
    events: str


@dataclass(frozen=True, slots=True)
class LowTurn:
    """A client whose balance just crossed its threshold (`alerted`: now below it)."""

    id: str
    balance: int
    threshold: int
    currency: str
    alerted: bool
    url: str | None
    events: str


async def finished(conn: Conn, activation_id: int) -> Finished | None:
    """The activation's guid, client, service, number and the client's subscription."""
    return await conn.fetch_one_as(
        Finished,
        "SELECT a.guid, a.client_id, s.code, a.phone, a.currency, c.webhook_url, "
        "c.webhook_events FROM activations a JOIN clients c ON c.id = a.client_id "
        "JOIN services s ON s.id = a.service_id WHERE a.id = :a",
        {"a": activation_id},
    )


@dataclass(frozen=True, slots=True)
class RentSubject:
    """A rental an event is about, with its client's webhook subscription and format."""

    id: int
    guid: str
    client_id: str
    service: str
    phone: int
    ends_at: int
    currency: str
    url: str | None
    events: str
    format: str


async def rent_subject(conn: Conn, rental_id: int) -> RentSubject | None:
    """The rental's ids, service, number, end, and its client's subscription."""
    return await conn.fetch_one_as(
        RentSubject,
        "SELECT r.id, r.guid, r.client_id, r.service_code, r.phone, r.ends_at, r.currency, "
        "c.webhook_url, c.webhook_events, c.webhook_format FROM rentals r "
        "JOIN clients c ON c.id = r.client_id WHERE r.id = :r",
        {"r": rental_id},
    )


async def id_of(conn: Conn, guid: str) -> int | None:
    """The id of the activation with this guid."""
    value = await conn.fetchval("SELECT id FROM activations WHERE guid = :g", {"g": guid})
    return None if value is None else int(value)


async def turn_low_balance(conn: Conn, client_id: str) -> LowTurn | None:
    """Flip the client's low-balance flag when the balance crossed the threshold.

    None when nothing crossed (no threshold, or still on the same side).
    """
    row = await conn.fetch_one_as(
        LowTurn,
        "UPDATE clients SET low_balance_alerted = (balance < low_balance) "
        "WHERE id = :c AND low_balance IS NOT NULL "
        "AND low_balance_alerted <> (balance < low_balance) "
        "RETURNING id, balance, low_balance, currency, low_balance_alerted, webhook_url, "
        "webhook_events",
        {"c": client_id},
    )
    # SQLite answers the flag as 0/1.
    return None if row is None else replace(row, alerted=bool(row.alerted))


async def set_low_balance(conn: Conn, client_id: str, threshold: int | None) -> bool:
    """Set the threshold (None: off) and arm the flag for the current balance."""
    changed = await conn.execute(
        "UPDATE clients SET low_balance = :t, low_balance_alerted = CASE "
        "WHEN CAST(:t2 AS BIGINT) IS NULL THEN FALSE ELSE (balance < :t3) END WHERE id = :c",
        {"t": threshold, "t2": threshold, "t3": threshold, "c": client_id},
    )
    return changed > 0


@dataclass(frozen=True, slots=True)
class Threshold:
    """A client's low-balance threshold (None: off) and the currency it is in."""

    low_balance: int | None
    currency: str


async def threshold_of(conn: Conn, client_id: str) -> Threshold | None:
    """The client's low-balance threshold (None: no such client)."""
    return await conn.fetch_one_as(
        Threshold, "SELECT low_balance, currency FROM clients WHERE id = :c", {"c": client_id}
    )


async def set_events(conn: Conn, client_id: str, events: str) -> None:
    """Store the client's subscribed event types (a comma list)."""
    await conn.execute(
        "UPDATE clients SET webhook_events = :e WHERE id = :c", {"e": events, "c": client_id}
    )


async def events_of(conn: Conn, client_id: str) -> str | None:
    """The client's subscribed event types (None: no such client)."""
    value = await conn.fetchval(
        "SELECT webhook_events FROM clients WHERE id = :c", {"c": client_id}
    )
    return None if value is None else str(value)


async def insert_event(
    conn: Conn,
    message_id: str,
    client_id: str,
    activation_id: int | None,
    event: str,
    payload: str,
    now: int,
    *,
    rental_id: int | None = None,
) -> None:
    """Queue a lifecycle event delivery to the client's URL, due now."""
    await conn.execute(
        "INSERT INTO webhook_deliveries (message_id, client_id, activation_id, rental_id, "
        "sms_id, event, payload, state, attempts, next_attempt_at, created_at) VALUES (:m, :c, "
        ":a, :r, NULL, :e, :p, 'pending', 0, :now, :now)",
        {
            "m": message_id,
            "c": client_id,
            "a": activation_id,
            "r": rental_id,
            "e": event,
            "p": payload,
            "now": now,
        },
    )


async def wake_workers(conn: Conn, channel: str) -> None:
    """PostgreSQL: NOTIFY the webhook workers of every process (this one too) at commit."""
    if conn.dialect == "postgresql":
        await conn.execute("SELECT pg_notify(:ch, '')", {"ch": channel})
