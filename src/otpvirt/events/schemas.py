"""How a client's event subscriptions look on the wire (CLI `--json`, console, portal)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from otpvirt.events.subscriptions import Subscriptions


class SubscriptionsOut(BaseModel):
    """The event types a client's webhook is sent for, and its low-balance threshold."""

    clientId: str
    events: str = Field(description="Subscribed event types, comma-separated.")
    lowBalance: str | None = Field(
        description="balance.low fires when the balance falls below this; null: off."
    )

    @classmethod
    def of(cls, s: Subscriptions) -> SubscriptionsOut:
        """The wire form of a client's subscriptions."""
        return cls(clientId=s.client_id, events=s.events, lowBalance=s.low_balance_text)


def subscriptions_json(s: Subscriptions) -> dict[str, Any]:
    """A client's subscriptions as plain JSON data."""
    return SubscriptionsOut.of(s).model_dump()
