"""Rentals as the operator sees them (admin API, CLI): pydantic models and renderers."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel

from otpvirt.money import currency, format_amount
from otpvirt.rental.repository import RentalRow, RentalSmsRow


def iso(ms: int | None) -> str | None:
    """Epoch milliseconds as ISO 8601 UTC."""
    if ms is None:
        return None
    return datetime.fromtimestamp(ms / 1000, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class RentalSmsOut(BaseModel):
    sender: str
    text: str
    code: str
    receivedAt: str | None

    @classmethod
    def of(cls, m: RentalSmsRow) -> RentalSmsOut:
        """From a stored SMS."""
        return cls(sender=m.sender, text=m.text, code=m.code, receivedAt=iso(m.received_at))


class RentalOut(BaseModel):
    id: int
    rentId: str
    clientId: str
    phone: int
    service: str
    state: str
    hours: int
    perHour: str
    amount: str
    currency: str
    smsCount: int
    createdAt: str | None
    endsAt: str | None
    finishedAt: str | None
    sms: list[RentalSmsOut] | None = None

    @classmethod
    def of(cls, r: RentalRow, sms: list[RentalSmsRow] | None = None) -> RentalOut:
        """From a rental (and its SMS, newest first)."""
        cur = currency(r.currency)
        return cls(
            id=r.id,
            rentId=r.guid,
            clientId=r.client_id,
            phone=r.phone,
            service=r.service_code,
            state=r.state,
            hours=r.hours,
            perHour=format_amount(r.hourly_price, cur),
            amount=format_amount(r.amount, cur),
            currency=r.currency,
            smsCount=r.sms_count,
            createdAt=iso(r.created_at),
            endsAt=iso(r.ends_at),
            finishedAt=iso(r.finished_at),
            sms=None if sms is None else [RentalSmsOut.of(m) for m in sms],
        )


def rental_json(r: RentalRow, sms: list[RentalSmsRow] | None = None) -> dict[str, Any]:
    """A rental as JSON (CLI), the admin API's shape."""
    return RentalOut.of(r, sms).model_dump(exclude_none=sms is None)


class RentPriceIn(BaseModel):
    country: str
    service: str
    perHour: str
    currency: str = "USD"


def rental_page_json(r: RentalRow, country: str) -> dict[str, Any]:
    """A rental as the console and the portal pages show it (times as epoch ms)."""
    cur = currency(r.currency)
    return {
        "id": r.id,
        "rentId": r.guid,
        "clientId": r.client_id,
        "phone": r.phone,
        "country": country,
        "service": r.service_code,
        "state": r.state,
        "hours": r.hours,
        "perHour": format_amount(r.hourly_price, cur),
        "amount": format_amount(r.amount, cur),
        "currency": r.currency,
        "smsCount": r.sms_count,
        "createdAt": r.created_at,
        "endsAt": r.ends_at,
        "finishedAt": r.finished_at,
        "url": r.url,
    }
