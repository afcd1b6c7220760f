"""The supplier-order outbox: one row per purchase, worked off by the worker.

A row is written *before* a supplier is asked (`buying`), so a crash between the
purchase and the lease leaves a trace: past its deadline the worker turns it into a
cancellation and, for suppliers that know our order key, finds the purchase and
gives it back. When a lease ends, the activation service records the outcome here
in the same transaction (`finishing`); the worker tells the supplier, retrying
with backoff until it accepts. Nothing is ever called out from inside a transaction.
The SQL is in `supply.repositories.orders`.
"""

from __future__ import annotations

from typing import Any

from otpvirt.db import Conn
from otpvirt.supply.base import CANCELLED, REFUNDED, SOLD
from otpvirt.supply.repositories import orders as repo

BUYING = "buying"
OPEN = "open"
FINISHING = "finishing"
DONE = "done"

# How activation end states map to what the supplier is told.
ACTIVATION_OUTCOMES = {"completed": SOLD, "cancelled": CANCELLED, "expired": REFUNDED}


async def activation_ended(conn: Conn, activation_id: int, state: str, now: int) -> None:
    """Queue the supplier's finish for a lease that just ended (same transaction)."""
    await repo.activation_ended(conn, activation_id, ACTIVATION_OUTCOMES[state], now)


async def list_orders(
    conn: Conn, *, source: str | None = None, pending: bool = False, limit: int = 50
) -> list[dict[str, Any]]:
    """Recent supplier orders, newest first, with what is still to be done (for operators)."""
    return [
        {
            "id": r.id,
            "source": r.source,
            "state": r.state,
            "outcome": r.outcome,
            "externalId": r.external_id,
            "phone": r.phone,
            "cost": r.cost,
            "attempts": r.attempts,
            "nextAttemptAt": r.next_attempt_at,
            "lastError": r.last_error,
            "createdAt": r.created_at,
            "activationId": r.activation_guid,
        }
        for r in await repo.listed(conn, source=source, pending=pending, limit=limit)
    ]
