"""How client accounts look on the wire (admin API, CLI `--json`, console pages)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from otpvirt.clients.repository import Client
from otpvirt.clients.service import Balance, ClientDetail
from otpvirt.money import currency, format_amount


class ClientOut(BaseModel):
    """A client account (never its secrets)."""

    clientId: str
    name: str | None
    currency: str
    balance: str = Field(description="Decimal string in the client's currency, e.g. '100.00'.")
    enabled: bool
    createdAt: int = Field(description="Epoch milliseconds.")
    demo: bool = Field(description="A simulated client of the demo market (`serve --demo`).")

    @classmethod
    def of(cls, c: Client) -> ClientOut:
        """The wire form of a client."""
        return cls(
            clientId=c.id,
            name=c.name,
            currency=c.currency,
            balance=format_amount(c.balance, currency(c.currency)),
            enabled=c.enabled,
            createdAt=c.created_at,
            demo=c.demo,
        )


class BalanceOut(BaseModel):
    """A client's balance after a change (or at creation)."""

    clientId: str
    currency: str
    balance: str

    @classmethod
    def of(cls, b: Balance) -> BalanceOut:
        """The wire form of a balance."""
        return cls(
            clientId=b.client_id,
            currency=b.currency,
            balance=format_amount(b.balance, currency(b.currency)),
        )


class NewClientOut(BalanceOut):
    """A new client; `apiPassword` appears in this answer only."""

    apiPassword: str


def client_json(c: Client) -> dict[str, Any]:
    """A client as plain JSON data (CLI `--json`, console pages)."""
    return ClientOut.of(c).model_dump()


def client_detail_json(d: ClientDetail) -> dict[str, Any]:
    """A client with its activation counts as plain JSON data."""
    return {**client_json(d.client), "activations": d.activations}
