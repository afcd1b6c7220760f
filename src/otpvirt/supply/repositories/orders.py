"""The SQL of the supplier-order outbox (rules and states: `supply.orders`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from otpvirt.db import Conn
from otpvirt.supply.base import CANCELLED, Offer


@dataclass(frozen=True, slots=True)
class Order:
    """A claimed outbox row."""

    id: int
    source_id: int
    state: str
    outcome: str | None
    external_id: str | None
    order_key: str
    phone: int | None
    country_id: int
    service_id: int
    activation_id: int | None
    attempts: int
    sms_count: int


_COLS = (
    "id, source_id, state, outcome, external_id, order_key, phone, country_id, service_id, "
    "activation_id, attempts, sms_count"
)


@dataclass(frozen=True, slots=True)
class ListedOrder:
    """A supplier order as operators see it."""

    id: int
    source: str
    state: str
    outcome: str | None
    external_id: str | None
    phone: int | None
    cost: str | None
    attempts: int
    next_attempt_at: int | None
    last_error: str | None
    created_at: int
    activation_guid: str | None


async def start(
    conn: Conn,
    *,
    source_id: int,
    client_id: str,
    country_id: int,
    service_id: int,
    order_key: str,
    now: int,
    deadline_ms: int,
) -> int:
    """Record that we are about to ask a supplier; return the order id."""
    return int(
        await conn.fetchval(
            "INSERT INTO supplier_orders (source_id, order_key, client_id, country_id, "
            "service_id, state, sms_count, attempts, next_attempt_at, created_at) VALUES (:s, "
            ":k, :c, :country, :svc, 'buying', 0, 0, :due, :now) RETURNING id",
            {
                "s": source_id,
                "k": order_key,
                "c": client_id,
                "country": country_id,
                "svc": service_id,
                "due": now + deadline_ms,
                "now": now,
            },
        )
    )


async def discard(conn: Conn, order_id: int) -> None:
    """Forget an order that bought nothing (the supplier had no number)."""
    await conn.execute(
        "DELETE FROM supplier_orders WHERE id = :id AND state = 'buying'", {"id": order_id}
    )


async def opened(
    conn: Conn, order_id: int, *, activation_id: int, offer: Offer, next_poll: int | None
) -> bool:
    """The purchase is leased; False if the worker already took the order back."""
    return bool(
        await conn.execute(
            "UPDATE supplier_orders SET state = 'open', activation_id = :a, phone = :p, "
            "external_id = :e, cost = :cost, next_attempt_at = :due "
            "WHERE id = :id AND state = 'buying'",
            {
                "a": activation_id,
                "p": offer.phone,
                "e": offer.external_id,
                "cost": offer.cost,
                "due": next_poll,
                "id": order_id,
            },
        )
    )


async def give_back(
    conn: Conn, order_id: int, *, offer: Offer | None, outcome: str, reason: str, now: int
) -> None:
    """Schedule telling the supplier we do not keep this purchase."""
    await conn.execute(
        "UPDATE supplier_orders SET state = 'finishing', outcome = :o, "
        "external_id = COALESCE(:e, external_id), phone = COALESCE(:p, phone), "
        "cost = COALESCE(:cost, cost), last_error = :why, next_attempt_at = :now "
        "WHERE id = :id AND state = 'buying'",
        {
            "o": outcome,
            "e": None if offer is None else offer.external_id,
            "p": None if offer is None else offer.phone,
            "cost": None if offer is None else offer.cost,
            "why": reason[:500],
            "now": now,
            "id": order_id,
        },
    )


async def activation_ended(conn: Conn, activation_id: int, outcome: str, now: int) -> None:
    """Queue the supplier's finish of an open purchase whose lease just ended."""
    await conn.execute(
        "UPDATE supplier_orders SET state = 'finishing', outcome = :o, next_attempt_at = :now "
        "WHERE activation_id = :a AND state = 'open'",
        {"o": outcome, "now": now, "a": activation_id},
    )


async def claim_due(conn: Conn, *, now: int, hold_ms: int, limit: int) -> list[Order]:
    """Take due orders for `hold_ms` (others skip them); stale purchases become cancellations."""
    await conn.execute(
        "UPDATE supplier_orders SET state = 'finishing', outcome = :o, "
        "last_error = 'the purchase was not recorded in time' "
        "WHERE state = 'buying' AND next_attempt_at <= :now",
        {"o": CANCELLED, "now": now},
    )
    rows = await conn.fetch_all_as(
        Order,
        f"SELECT {_COLS} FROM supplier_orders WHERE state <> 'done' "
        "AND next_attempt_at <= :now ORDER BY next_attempt_at LIMIT :lim" + conn.skip_locked,
        {"now": now, "lim": limit},
    )
    if rows:
        marks = ", ".join(f":i{n}" for n in range(len(rows)))
        params: dict[str, Any] = {f"i{n}": r.id for n, r in enumerate(rows)}
        params["hold"] = now + hold_ms
        await conn.execute(
            f"UPDATE supplier_orders SET next_attempt_at = :hold WHERE id IN ({marks})", params
        )
    return rows


async def done(conn: Conn, order_id: int, *, now: int, note: str | None = None) -> None:
    """The supplier has been told (or there is nothing left to tell it)."""
    await conn.execute(
        "UPDATE supplier_orders SET state = 'done', finished_at = :now, "
        "last_error = COALESCE(:note, last_error), next_attempt_at = NULL WHERE id = :id",
        {"now": now, "note": note, "id": order_id},
    )


async def found(conn: Conn, order_id: int, offer: Offer) -> None:
    """Remember the purchase a recovery found under our order key."""
    await conn.execute(
        "UPDATE supplier_orders SET external_id = :e, phone = :p, cost = :c WHERE id = :id",
        {"e": offer.external_id, "p": offer.phone, "c": offer.cost, "id": order_id},
    )


async def retry_later(
    conn: Conn, order_id: int, *, error: str, now: int, attempts: int, max_delay_ms: int
) -> None:
    """Count a failed attempt and wait (exponentially longer, up to the cap) before the next."""
    delay = min(1000 * 2 ** min(attempts, 20), max_delay_ms)
    await conn.execute(
        "UPDATE supplier_orders SET attempts = attempts + 1, last_error = :err, "
        "next_attempt_at = :due WHERE id = :id",
        {"err": error[:500], "due": now + delay, "id": order_id},
    )


async def polled(conn: Conn, order_id: int, *, sms_count: int, next_poll: int) -> None:
    """Record a poll of an open purchase and when to poll it next."""
    await conn.execute(
        "UPDATE supplier_orders SET sms_count = :n, next_attempt_at = :due "
        "WHERE id = :id AND state = 'open'",
        {"n": sms_count, "due": next_poll, "id": order_id},
    )


async def listed(conn: Conn, *, source: str | None, pending: bool, limit: int) -> list[ListedOrder]:
    """Recent supplier orders, newest first."""
    where: list[str] = []
    params: dict[str, Any] = {"lim": limit}
    if source:
        where.append("s.name = :src")
        params["src"] = source
    if pending:
        where.append("o.state <> 'done'")
    sql = (
        "SELECT o.id, s.name, o.state, o.outcome, o.external_id, o.phone, o.cost, o.attempts, "
        "o.next_attempt_at, o.last_error, o.created_at, a.guid FROM supplier_orders o "
        "JOIN sources s ON s.id = o.source_id LEFT JOIN activations a ON a.id = o.activation_id"
    )
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY o.id DESC LIMIT :lim"
    return await conn.fetch_all_as(ListedOrder, sql, params)
