"""How activations look to operators on the wire (admin API, CLI `--json`, console, portal)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from otpvirt.activation.repositories.views import OperatorRow, SmsRow
from otpvirt.activation.supervision import ActivationDetail, ForcedCancel
from otpvirt.ledger.schemas import ActivationEntryOut
from otpvirt.money import currency, format_amount
from otpvirt.webhook.schemas import DeliveryDetailOut


class ActivationOut(BaseModel):
    """One activation (lease) as operators see it."""

    id: str
    number: int
    clientId: str
    country: str
    provider: str
    service: str
    price: str = Field(description="Decimal string in the activation's currency.")
    currency: str
    state: str = Field(description="waiting, sms_received, completed, cancelled or expired.")
    smsCount: int
    createdAt: int = Field(description="Epoch milliseconds.")
    expiresAt: int
    finishedAt: int | None
    orderId: str | None
    smsactivateId: int = Field(description="Its numeric id in the sms-activate protocol.")
    serviceName: str
    countryTitle: str

    @classmethod
    def fields_of(cls, r: OperatorRow) -> dict[str, Any]:
        """The wire fields of an activation (for this model and its subclasses)."""
        return {
            "id": r.guid,
            "number": int(r.phone),
            "clientId": r.client_id,
            "country": r.country,
            "provider": r.provider,
            "service": r.service,
            "price": format_amount(int(r.price), currency(r.currency)),
            "currency": r.currency,
            "state": r.state,
            "smsCount": int(r.sms_count),
            "createdAt": int(r.created_at),
            "expiresAt": int(r.expires_at),
            "finishedAt": r.finished_at,
            "orderId": r.order_id,
            "smsactivateId": int(r.id),
            "serviceName": r.service_name,
            "countryTitle": r.country_title,
        }

    @classmethod
    def of(cls, r: OperatorRow) -> ActivationOut:
        """The wire form of an activation."""
        return cls(**cls.fields_of(r))


class ActivationSmsOut(BaseModel):
    """An SMS an activation received."""

    id: str
    sender: str
    text: str
    code: str | None
    receivedAt: int = Field(description="Epoch milliseconds.")
    reportedAt: str | None = Field(description="The peer's own receipt time when implausible.")

    @classmethod
    def of(cls, s: SmsRow) -> ActivationSmsOut:
        """The wire form of an activation's SMS."""
        return cls(
            id=s.guid,
            sender=s.sender,
            text=s.text,
            code=s.code,
            receivedAt=s.received_at,
            reportedAt=s.reported_at,
        )


class ActivationDetailOut(ActivationOut):
    """An activation with its SMS, ledger entries and webhook deliveries (with attempts)."""

    sms: list[ActivationSmsOut]
    ledger: list[ActivationEntryOut]
    webhooks: list[DeliveryDetailOut]

    @classmethod
    def of_detail(cls, d: ActivationDetail) -> ActivationDetailOut:
        """The wire form of an activation with what happened to it."""
        return cls(
            **cls.fields_of(d.activation),
            sms=[ActivationSmsOut.of(s) for s in d.sms],
            ledger=[ActivationEntryOut.of(e) for e in d.ledger],
            webhooks=[DeliveryDetailOut.of_detail(w.delivery, w.attempts) for w in d.webhooks],
        )


class ForcedCancelOut(BaseModel):
    """An activation an operator cancelled, and the refund."""

    id: str
    clientId: str
    state: str
    refunded: str = Field(description="Decimal string in the activation's currency.")
    currency: str

    @classmethod
    def of(cls, c: ForcedCancel) -> ForcedCancelOut:
        """The wire form of a forced cancel."""
        return cls(
            id=c.id,
            clientId=c.client_id,
            state=c.state,
            refunded=format_amount(c.refunded, currency(c.currency)),
            currency=c.currency,
        )


def activation_json(r: OperatorRow) -> dict[str, Any]:
    """An activation as plain JSON data (CLI `--json`, console and portal pages)."""
    return ActivationOut.of(r).model_dump()


def activation_detail_json(d: ActivationDetail) -> dict[str, Any]:
    """An activation with its SMS, ledger and deliveries as plain JSON data."""
    return ActivationDetailOut.of_detail(d).model_dump()
