"""The SQL of the delivery history: deliveries and their attempt log."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from otpvirt.db import Conn

_COLUMNS = (
    "d.id, d.message_id, d.client_id, a.guid, m.guid, d.state, d.attempts, d.next_attempt_at, "
    "d.claimed_until, d.created_at, d.last_attempt_at, d.delivered_at, d.last_status, "
    "d.last_error, d.payload, d.event"
)
# Lifecycle events have no SMS (balance.low no activation either).
_FROM = (
    " FROM webhook_deliveries d LEFT JOIN activations a ON a.id = d.activation_id "
    "LEFT JOIN sms_messages m ON m.id = d.sms_id"
)


@dataclass(frozen=True, slots=True)
class DeliveryRow:
    """One delivery of the outbox."""

    id: int
    message_id: str
    client_id: str
    activation_id: str | None
    sms_id: str | None
    state: str
    attempts: int
    next_attempt_at: int
    claimed_until: int | None
    created_at: int
    last_attempt_at: int | None
    delivered_at: int | None
    last_status: int | None
    last_error: str | None
    payload: str
    event: str


@dataclass(frozen=True, slots=True)
class AttemptRow:
    """One attempt to send a delivery."""

    at: int
    url: str
    status: int | None
    error: str | None
    duration_ms: int | None
    response: str | None


async def deliveries(
    conn: Conn,
    *,
    client_id: str | None,
    state: str | None,
    activation_guid: str | None,
    limit: int,
) -> list[DeliveryRow]:
    """Deliveries, newest first, optionally of one client, state or activation."""
    where: list[str] = []
    params: dict[str, Any] = {"lim": limit}
    if client_id:
        where.append("d.client_id = :c")
        params["c"] = client_id
    if state:
        where.append("d.state = :s")
        params["s"] = state
    if activation_guid:
        where.append("a.guid = :a")
        params["a"] = activation_guid
    sql = "SELECT " + _COLUMNS + _FROM + (" WHERE " + " AND ".join(where) if where else "")
    return await conn.fetch_all_as(DeliveryRow, sql + " ORDER BY d.id DESC LIMIT :lim", params)


async def delivery(conn: Conn, message_id: str) -> DeliveryRow | None:
    """A delivery by its `webhook-id`."""
    return await conn.fetch_one_as(
        DeliveryRow, "SELECT " + _COLUMNS + _FROM + " WHERE d.message_id = :m", {"m": message_id}
    )


async def attempts(conn: Conn, delivery_id: int) -> list[AttemptRow]:
    """Every attempt of a delivery, oldest first."""
    return await conn.fetch_all_as(
        AttemptRow,
        "SELECT attempted_at, url, status_code, error, duration_ms, response_snippet "
        "FROM webhook_attempts WHERE delivery_id = :d ORDER BY id",
        {"d": delivery_id},
    )
