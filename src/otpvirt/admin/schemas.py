"""Request bodies of the admin API (`/admin/v1`)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from otpvirt.admin.audit import Entry
from otpvirt.admin.repository import TokenRow, UserRow
from otpvirt.clients.schemas import ClientOut
from otpvirt.ledger.schemas import LedgerEntryOut
from otpvirt.webhook.schemas import WebhookOut


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class NewClient(_Body):
    clientId: str | None = Field(None, description="GUID; generated when omitted.")
    password: str | None = Field(None, description="API password; generated when omitted.")
    currency: str = "USD"
    balance: str = Field("0", description="Opening balance, a decimal string.")
    name: str | None = Field(None, max_length=200)


class BalanceChange(_Body):
    amount: str = Field(description="Decimal amount in the client's currency, e.g. '5.00'.")
    note: str | None = Field(None, max_length=500)


class Adjustment(_Body):
    amount: str = Field(description="Signed decimal amount, e.g. '-1.50'.")
    reason: str = Field(min_length=1, max_length=500)


class NewPassword(_Body):
    password: str | None = Field(None, description="Generated when omitted.")


class Webhook(_Body):
    url: str | None = Field(None, description="null or empty removes the webhook.")
    format: str | None = Field(None, description="native (default) or smsactivate.")
    events: str | None = Field(
        None,
        description="Event types to send, comma-separated: sms, activation.finished, "
        "rent.ending, rent.finished, balance.low (null: unchanged).",
    )


class LowBalance(_Body):
    amount: str | None = Field(
        None, description="balance.low fires when the balance falls below this; null: off."
    )


class LowBalanceSet(BaseModel):
    clientId: str
    lowBalance: str | None


class Priority(_Body):
    priority: int = Field(ge=0, le=1_000_000, description="Lower is asked first; default 100.")


class RentSwitch(_Body):
    rent: bool = Field(description="Rent numbers through this upstream provider too.")


class Price(_Body):
    country: str
    service: str
    price: str = Field(description="Decimal string: ASCII digits and at most one '.'.")
    currency: str = "USD"
    free: bool = Field(False, description="Required to set a price of 0.")


class NewCountry(_Body):
    name: str
    callingCode: int
    title: str | None = None
    iso2: str | None = None
    smsactivateId: int | None = None


class NewProvider(_Body):
    country: str
    name: str
    title: str | None = None


class NewService(_Body):
    code: str
    name: str


# Answers (response models: the OpenAPI document shows them).


class ClientDetailOut(ClientOut):
    """A client with activation counts, webhook and latest ledger entries."""

    activations: dict[str, int] = Field(description="Activations per state.")
    webhook: WebhookOut
    lowBalance: str | None = Field(
        None, description="balance.low fires when the balance falls below this; null: off."
    )
    ledger: list[LedgerEntryOut]


class ClientEnabled(BaseModel):
    clientId: str
    enabled: bool


class ClientPassword(BaseModel):
    clientId: str
    apiPassword: str = Field(description="Shown only in this answer.")


class ClientApiKey(BaseModel):
    clientId: str
    apiKey: str = Field(description="Shown only in this answer.")


class NumberEnabled(BaseModel):
    number: int
    enabled: bool


class SourceEnabled(BaseModel):
    name: str
    enabled: bool


class SourcePriority(BaseModel):
    name: str
    priority: int


class SourceRent(BaseModel):
    name: str
    rent: bool


class RentPriceOut(BaseModel):
    """An hourly rent price (`service` `full`: any service)."""

    country: str
    service: str
    perHourMinor: int = Field(description="Minor units of the currency per hour.")
    currency: str


class RentPriceSet(BaseModel):
    """An hourly rent price just set."""

    country: str
    service: str
    perHour: str = Field(description="Decimal string per hour.")
    currency: str


class AuditEntryOut(BaseModel):
    """Who changed what, when, with the state before and after (plain JSON)."""

    id: int
    at: int = Field(description="Epoch milliseconds.")
    actor: str
    action: str
    target: str | None
    before: Any
    after: Any
    requestId: str | None

    @classmethod
    def of(cls, e: Entry) -> AuditEntryOut:
        """The wire form of an audit entry."""
        return cls(
            id=e.id,
            at=e.at,
            actor=e.actor,
            action=e.action,
            target=e.target,
            before=e.before,
            after=e.after,
            requestId=e.request_id,
        )


def audit_json(e: Entry) -> dict[str, Any]:
    """An audit entry as plain JSON data."""
    return AuditEntryOut.of(e).model_dump()


def token_json(t: TokenRow) -> dict[str, Any]:
    """An admin token's name and dates as plain JSON data."""
    return {"name": t.name, "createdAt": t.created_at, "lastUsedAt": t.last_used_at}


def user_json(u: UserRow) -> dict[str, Any]:
    """A console user as plain JSON data."""
    return {
        "name": u.name,
        "enabled": u.enabled,
        "createdAt": u.created_at,
        "lastLoginAt": u.last_login_at,
    }
