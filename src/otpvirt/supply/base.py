"""What every on-demand supplier offers: buy a number, tell it how the lease ended, report stock.

SMSHub agents and upstream sms-activate providers do not sit in our pool: each
lease is asked for at GetNumber time. They share these types so that leasing, the
outbox and the worker treat them alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from otpvirt.catalogue.snapshot import CountryInfo, ProviderInfo, ServiceInfo, Snapshot
from otpvirt.sources.service import SourceInfo

SMSHUB = "smshub"
UPSTREAM = "upstream"
SUPPLIER_KINDS = (SMSHUB, UPSTREAM)
DEFAULT_PRIORITY = 100  # suppliers are asked lowest priority first

# How a lease ended, as the supplier is told.
SOLD = "sold"  # the client kept (paid for) the number
CANCELLED = "cancelled"  # the client cancelled, or we could not use the number
REFUNDED = "refunded"  # the lease ran out without an SMS; the client was refunded
REFUSED = "refused"  # the number was already used for this service: never offer it again
OUTCOMES = (SOLD, CANCELLED, REFUNDED, REFUSED)


class SupplierError(Exception):
    """The supplier could not be reached or gave an answer we cannot use (try again later)."""


@dataclass(frozen=True, slots=True)
class Want:
    """What a client's GetNumber asks a supplier for."""

    country: CountryInfo
    provider: ProviderInfo | None
    service: ServiceInfo
    price: int
    currency: str
    exclude_prefixes: tuple[str, ...]
    order_key: str


@dataclass(frozen=True, slots=True)
class Offer:
    """A number the supplier handed out (we hold it until we finish it)."""

    external_id: str
    phone: int
    cost: str | None = None
    operator: str | None = None
    # Set when the supplier broke our terms (e.g. above the maximum price): give it back.
    problem: str | None = None


@dataclass(frozen=True, slots=True)
class StockRow:
    """How many numbers a supplier has for a service in a country (and operator)."""

    country_id: int
    provider_id: int | None
    service_id: int
    count: int


@dataclass(frozen=True, slots=True)
class IncomingSms:
    """An SMS a polled supplier reports for one of its purchases."""

    external_id: str
    text: str


class Supplier(Protocol):
    """The adapter of one supplier source."""

    source: SourceInfo
    # Whether open purchases must be polled for their SMS (else the supplier pushes them).
    polls: bool

    async def buy(self, want: Want) -> Offer | None:
        """A number, or None when the supplier has none; SupplierError when unsure."""

    async def recover(self, want: Want) -> Offer | None:
        """The purchase made under `want.order_key`, if the supplier can tell (else None)."""

    async def finish(self, external_id: str, outcome: str) -> None:
        """Tell the supplier how the lease ended; returns once it accepted (idempotent)."""

    async def stock(self, snap: Snapshot) -> list[StockRow]:
        """The supplier's current stock in our catalogue's terms."""

    async def poll(self, external_id: str) -> tuple[list[IncomingSms], bool]:
        """New SMS of a purchase, and whether the supplier ended it on its own."""
