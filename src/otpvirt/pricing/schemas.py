"""How prices look on the wire (admin API, CLI `--json`, console pages)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from otpvirt.money import currency, format_amount
from otpvirt.pricing.repository import ListedPrice


class PriceOut(BaseModel):
    """The price of a service in a country, in one currency."""

    country: str
    service: str
    currency: str
    price: str = Field(description="Decimal string in the currency, e.g. '0.50'.")

    @classmethod
    def of(cls, p: ListedPrice) -> PriceOut:
        """The wire form of a price."""
        return cls(
            country=p.country,
            service=p.service,
            currency=p.currency,
            price=format_amount(p.amount, currency(p.currency)),
        )


class PriceRemovedOut(BaseModel):
    """Whether a price was there to remove."""

    removed: bool


def price_json(p: ListedPrice) -> dict[str, Any]:
    """A price as plain JSON data (CLI `--json`, console pages)."""
    return PriceOut.of(p).model_dump()
