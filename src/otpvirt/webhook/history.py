"""Reading the outbox for operators: deliveries and their attempt log."""

from __future__ import annotations

from typing import Any

from otpvirt.db import Conn
from otpvirt.errors import NotFound, ValidationFailed
from otpvirt.ids import parse_guid

PENDING = "pending"
DELIVERED = "delivered"
FAILED = "failed"
STATES = (PENDING, DELIVERED, FAILED)


_LIST = (
    "SELECT d.id, d.message_id, d.client_id, a.guid AS activation, m.guid AS sms, d.state, "
    "d.attempts, d.next_attempt_at, d.claimed_until, d.created_at, d.last_attempt_at, "
    "d.delivered_at, d.last_status, d.last_error FROM webhook_deliveries d "
    "JOIN activations a ON a.id = d.activation_id JOIN sms_messages m ON m.id = d.sms_id"
)


def _render(r: Any) -> dict[str, Any]:
    return {
        "id": r["message_id"],
        "clientId": r["client_id"],
        "activationId": r["activation"],
        "smsId": r["sms"],
        "state": r["state"],
        "attempts": int(r["attempts"]),
        "nextAttemptAt": r["next_attempt_at"] if r["state"] == PENDING else None,
        "inFlight": r["claimed_until"] is not None,
        "createdAt": r["created_at"],
        "lastAttemptAt": r["last_attempt_at"],
        "deliveredAt": r["delivered_at"],
        "lastStatus": r["last_status"],
        "lastError": r["last_error"],
    }


async def list_deliveries(
    conn: Conn,
    *,
    client_id: str | None = None,
    state: str | None = None,
    activation_id: str | None = None,
    limit: int = 50,
) -> list[dict[str, Any]]:
    """Deliveries, newest first, optionally for one client, state or activation."""
    where: list[str] = []
    params: dict[str, Any] = {"lim": limit}
    if client_id:
        where.append("d.client_id = :c")
        params["c"] = parse_guid(client_id, field="clientId")
    if state:
        if state not in STATES:
            raise ValidationFailed(f"unknown state {state!r} (use {', '.join(STATES)})")
        where.append("d.state = :s")
        params["s"] = state
    if activation_id:
        where.append("a.guid = :a")
        params["a"] = parse_guid(activation_id, field="activationId")
    sql = _LIST + (" WHERE " + " AND ".join(where) if where else "")
    rows = await conn.fetchall(sql + " ORDER BY d.id DESC LIMIT :lim", params)
    return [_render(r) for r in rows]


async def get_delivery(conn: Conn, message_id: str) -> dict[str, Any]:
    """One delivery with its payload and every attempt, oldest first."""
    row = await conn.fetchone(
        _LIST.replace("d.last_error", "d.last_error, d.payload") + " WHERE d.message_id = :m",
        {"m": message_id.strip()},
    )
    if row is None:
        raise NotFound(f"no webhook delivery {message_id}", reason="delivery_not_found")
    out = _render(row)
    out["payload"] = row["payload"]
    out["attemptLog"] = [
        {
            "at": a[0],
            "url": a[1],
            "status": a[2],
            "error": a[3],
            "durationMs": a[4],
            "response": a[5],
        }
        for a in await conn.fetchall(
            "SELECT attempted_at, url, status_code, error, duration_ms, response_snippet "
            "FROM webhook_attempts WHERE delivery_id = :d ORDER BY id",
            {"d": row["id"]},
        )
    ]
    return out
