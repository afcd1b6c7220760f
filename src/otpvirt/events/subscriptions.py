"""What a client is sent: its subscribed event types and its low-balance threshold.

Read by the console's client page and the portal's settings page, changed by
`admin.event_ops.set_subscriptions` (one audited transaction for both).
"""

from __future__ import annotations

from dataclasses import dataclass

from otpvirt.db import Conn
from otpvirt.errors import NotFound
from otpvirt.events import repository as repo
from otpvirt.events import service as events
from otpvirt.ids import parse_guid
from otpvirt.money import currency, format_amount


@dataclass(frozen=True, slots=True)
class Subscriptions:
    """A client's event types (comma list) and threshold (minor units, None: off)."""

    client_id: str
    events: str
    low_balance: int | None
    currency: str

    @property
    def low_balance_text(self) -> str | None:
        """The threshold as a decimal string in the client's currency."""
        if self.low_balance is None:
            return None
        return format_amount(self.low_balance, currency(self.currency))

    def has(self, event: str) -> bool:
        """Whether the client subscribed to `event`."""
        return events.subscribed(self.events, event)


async def subscriptions_of(conn: Conn, client_id: str) -> Subscriptions:
    """The client's subscriptions and low-balance threshold."""
    cid = parse_guid(client_id, field="clientId")
    found = await repo.threshold_of(conn, cid)
    kinds = await repo.events_of(conn, cid)
    if found is None or kinds is None:
        raise NotFound(f"no client {cid}", reason="client_not_found")
    low = None if found.low_balance is None else int(found.low_balance)
    return Subscriptions(cid, kinds, low, found.currency)


async def set_subscriptions(
    conn: Conn, client_id: str, kinds: str, threshold: int | None, now: int
) -> Subscriptions:
    """Subscribe to exactly `kinds` and set (None: clear) the threshold, in one go."""
    cid = parse_guid(client_id, field="clientId")
    await events.set_events(conn, cid, kinds)
    await events.set_low_balance(conn, cid, threshold, now)
    return await subscriptions_of(conn, cid)
