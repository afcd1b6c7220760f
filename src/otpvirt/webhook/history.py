"""Reading the outbox for operators: deliveries and their attempt log."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from otpvirt.db import Conn
from otpvirt.errors import NotFound, ValidationFailed
from otpvirt.ids import parse_guid
from otpvirt.webhook import schemas
from otpvirt.webhook.repositories import history as repo
from otpvirt.webhook.repositories.history import AttemptRow, DeliveryRow

PENDING = "pending"
DELIVERED = "delivered"
FAILED = "failed"
STATES = (PENDING, DELIVERED, FAILED)

__all__ = ["AttemptRow", "DeliveryDetail", "DeliveryRow", "deliveries", "delivery"]


@dataclass(frozen=True, slots=True)
class DeliveryDetail:
    """A delivery with every attempt, oldest first."""

    delivery: DeliveryRow
    attempts: list[AttemptRow]


async def deliveries(
    conn: Conn,
    *,
    client_id: str | None = None,
    state: str | None = None,
    activation_id: str | None = None,
    limit: int = 50,
) -> list[DeliveryRow]:
    """Deliveries, newest first, optionally for one client, state or activation."""
    cid = parse_guid(client_id, field="clientId") if client_id else None
    if state and state not in STATES:
        raise ValidationFailed(f"unknown state {state!r} (use {', '.join(STATES)})")
    return await repo.deliveries(
        conn,
        client_id=cid,
        state=state or None,
        activation_guid=parse_guid(activation_id, field="activationId") if activation_id else None,
        limit=limit,
    )


async def delivery(conn: Conn, message_id: str) -> DeliveryDetail:
    """One delivery with its payload and every attempt, oldest first."""
    row = await repo.delivery(conn, message_id.strip())
    if row is None:
        raise NotFound(f"no webhook delivery {message_id}", reason="delivery_not_found")
    return DeliveryDetail(row, await repo.attempts(conn, row.id))


# The wire forms, for callers that render nothing themselves (the admin API's
# activation view in `activation.supervision`).


async def list_deliveries(
    conn: Conn,
    *,
    client_id: str | None = None,
    state: str | None = None,
    activation_id: str | None = None,
    limit: int = 50,
) -> list[dict[str, Any]]:
    """`deliveries`, rendered."""
    rows = await deliveries(
        conn, client_id=client_id, state=state, activation_id=activation_id, limit=limit
    )
    return [schemas.delivery_json(r) for r in rows]


async def get_delivery(conn: Conn, message_id: str) -> dict[str, Any]:
    """`delivery`, rendered."""
    d = await delivery(conn, message_id)
    return schemas.delivery_detail_json(d.delivery, d.attempts)
