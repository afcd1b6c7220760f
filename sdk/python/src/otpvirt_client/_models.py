"""Typed results. Money is `Decimal`, exactly as the server printed it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class Activation:
    """A leased number: `id` is the activation GUID, `amount` the price charged.

    >>> act = client.get_number("vi", country="tajikistan")  # doctest: +SKIP
    >>> act.number, act.amount  # doctest: +SKIP
    (992112309834, Decimal('0.05'))
    """

    id: str
    number: int
    amount: Decimal

    @property
    def phone(self) -> str:
        """The number in international form, e.g. ``"+992112309834"``."""
        return f"+{self.number}"


@dataclass(frozen=True, slots=True)
class Sms:
    """One SMS received for an activation; `code` is None when no code was found in it."""

    id: str
    sender: str
    phone: int
    text: str
    code: str | None


@dataclass(frozen=True, slots=True)
class WebhookSms(Sms):
    """The SMS the server pushes to your webhook, with whose activation it is."""

    client_id: str
    activation_id: str


@dataclass(frozen=True, slots=True)
class Balance:
    """The account balance, e.g. ``Balance(amount=Decimal('100.00'), currency='USD')``."""

    amount: Decimal
    currency: str

    def __str__(self) -> str:
        return f"{self.amount} {self.currency}"


@dataclass(frozen=True, slots=True)
class Price:
    """The price of one service in one country."""

    country: str
    service: str
    amount: Decimal
    currency: str


@dataclass(frozen=True, slots=True)
class PriceList:
    """Prices of every service in every country, in the client's currency.

    ``countries`` maps country → service code → price, in the server's order.

    >>> prices = client.get_prices()  # doctest: +SKIP
    >>> prices.get("tajikistan", "vi")  # doctest: +SKIP
    Decimal('0.05')
    """

    currency: str
    countries: dict[str, dict[str, Decimal]] = field(default_factory=dict)

    def get(self, country: str, service: str) -> Decimal | None:
        """The price of `service` in `country`, or None when it is not offered there."""
        return self.countries.get(country, {}).get(service)

    def __iter__(self) -> Iterator[Price]:
        for country, services in self.countries.items():
            for service, amount in services.items():
                yield Price(country, service, amount, self.currency)

    def __len__(self) -> int:
        return sum(len(services) for services in self.countries.values())

    def filter(self, *, country: str | None = None, service: str | None = None) -> list[Price]:
        """The prices for one country and/or one service (None matches all)."""
        return [
            p
            for p in self
            if (country is None or p.country == country)
            and (service is None or p.service == service)
        ]


@dataclass(frozen=True, slots=True)
class Rental:
    """A rented number: `id` is the rental GUID, `ends_at` its end (UTC), `amount` the charge.

    >>> r = client.rent_number("full", 4, country="tajikistan")  # doctest: +SKIP
    >>> r.number, r.amount  # doctest: +SKIP
    (992112309834, Decimal('0.40'))
    """

    id: str
    number: int
    ends_at: datetime
    amount: Decimal

    @property
    def phone(self) -> str:
        """The number in international form, e.g. ``"+992112309834"``."""
        return f"+{self.number}"


@dataclass(frozen=True, slots=True)
class Prolonged:
    """A rental extension: the new end and what the added hours cost."""

    ends_at: datetime
    amount: Decimal
