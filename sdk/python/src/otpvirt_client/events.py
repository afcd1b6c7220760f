"""Lifecycle webhooks: typed events and `parse_event`, which verifies and returns the right one.

A client subscribed to several types (``otpvirt clients set-webhook ID URL --events
sms,activation.finished,balance.low``) receives them all at one URL, signed alike. The
SMS body is the seed's (no ``type``); the others carry ``type``::

    event = parse_event(raw_body, request.headers, SECRET)
    match event:
        case WebhookSms():          handle_code(event.activation_id, event.code)
        case ActivationFinished():  settle(event.activation_id, event.state, event.refund)
        case BalanceLow():          top_up_soon(event.balance)
        case WebhookRentalSms():    handle_code(event.rent_id, event.code)
        case RentEnding():          maybe_extend(event.rent_id, event.end_date)
        case RentFinished():        forget(event.rent_id)

A rental's own ``url`` (sms-activate ``getRentNumber``) receives `RentUrlSms`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from otpvirt_client import _wire, webhooks
from otpvirt_client._errors import WebhookVerificationError
from otpvirt_client._models import Sms, WebhookSms
from otpvirt_client.webhooks import Headers


@dataclass(frozen=True, slots=True)
class ActivationFinished:
    """A lease ended: ``confirmed``, ``cancelled`` (refunded), ``expired`` (no SMS,
    refunded) or ``completed`` (ran out after an SMS); `refund` is 0 when none."""

    activation_id: str
    client_id: str
    service: str
    number: int
    state: str
    refund: Decimal
    finished_at: str


@dataclass(frozen=True, slots=True)
class BalanceLow:
    """The balance fell below the client's threshold (sent once per fall)."""

    client_id: str
    balance: Decimal
    threshold: Decimal
    currency: str
    at: str


@dataclass(frozen=True, slots=True)
class RentEnding:
    """``rent.ending``: the rental ends in an hour (`end_date`); extend it to keep the number.

    `rent_id` is the native ``rentId`` (GUID), or for a client whose webhook format is
    ``smsactivate`` the integer id of ``getRentNumber`` (as a string).
    """

    rent_id: str
    client_id: str
    service: str
    number: int
    end_date: str
    state: str


@dataclass(frozen=True, slots=True)
class RentFinished:
    """``rent.finished``: the rental ended, ``finished`` (by you or the operator),
    ``cancelled`` (refunded) or ``expired`` (its end date came); `refund` is 0 when none."""

    rent_id: str
    client_id: str
    service: str
    number: int
    end_date: str
    state: str
    refund: Decimal
    finished_at: str


RentEvent = RentEnding | RentFinished


@dataclass(frozen=True, slots=True)
class WebhookRentalSms(Sms):
    """An SMS to a rented number, pushed to your webhook URL (the seed's SMS body with
    `rent_id`, the native ``rentId``, in place of the activation)."""

    client_id: str
    rent_id: str


@dataclass(frozen=True, slots=True)
class RentUrlSms:
    """An SMS to a rented number in sms-activate's form: what the ``url`` given to
    ``getRentNumber`` receives (and a client URL in the ``smsactivate`` format).
    `rent_id` is the integer id of ``getRentNumber``; `date` is UTC ``YYYY-MM-DD HH:MM:SS``."""

    rent_id: int
    sender: str
    text: str
    date: str


Event = (
    WebhookSms
    | ActivationFinished
    | BalanceLow
    | RentEnding
    | RentFinished
    | WebhookRentalSms
    | RentUrlSms
)


def _get(data: dict[str, Any], key: str, kind: type | tuple[type, ...]) -> Any:
    value = data.get(key)
    if not isinstance(value, kind) or isinstance(value, bool):
        raise WebhookVerificationError(f"webhook {data.get('type')}: {key} missing or malformed")
    return value


def parse_event(
    body: bytes | str, headers: Headers, secret: str | bytes | None, *, now: float | None = None
) -> Event:
    """Verify the signature (unless `secret` is None) and return the typed event.

    Raises `WebhookVerificationError` for a bad signature, an old timestamp, or a body
    that is no event this SDK knows.
    """
    if secret is not None:
        webhooks.verify_webhook(headers, body, secret, now=now)
    try:
        data = json.loads(body, parse_float=Decimal)
    except ValueError:
        raise WebhookVerificationError("the webhook body is not JSON") from None
    if not isinstance(data, dict):
        raise WebhookVerificationError("the webhook body is not a JSON object")
    kind = data.get("type")
    if kind is None:
        if "rentId" in data:
            return _rental_sms(data)
        return webhooks.parse_webhook(headers, body, secret=None)
    if kind == "activation.finished":
        return ActivationFinished(
            activation_id=str(_get(data, "activationId", str)).lower(),
            client_id=str(_get(data, "clientId", str)).lower(),
            service=_get(data, "service", str),
            number=int(_get(data, "number", int)),
            state=_get(data, "state", str),
            refund=Decimal(_get(data, "refund", (Decimal, int))),
            finished_at=_get(data, "finishedAt", str),
        )
    if kind == "balance.low":
        return BalanceLow(
            client_id=str(_get(data, "clientId", str)).lower(),
            balance=Decimal(_get(data, "balance", (Decimal, int))),
            threshold=Decimal(_get(data, "threshold", (Decimal, int))),
            currency=_get(data, "currency", str),
            at=_get(data, "at", str),
        )
    if kind in ("rent.ending", "rent.finished"):
        return _rent_event(kind, data)
    raise WebhookVerificationError(f"unknown webhook event type {kind!r}")


def _rent_event(kind: str, data: dict[str, Any]) -> RentEnding | RentFinished:
    common = {
        "rent_id": str(_get(data, "rentId", (str, int))).lower(),
        "client_id": str(_get(data, "clientId", str)).lower(),
        "service": _get(data, "service", str),
        "number": int(_get(data, "number", int)),
        "end_date": _get(data, "endDate", str),
        "state": _get(data, "state", str),
    }
    if kind == "rent.ending":
        return RentEnding(**common)
    return RentFinished(
        **common,
        refund=Decimal(_get(data, "refund", (Decimal, int))),
        finished_at=_get(data, "finishedAt", str),
    )


def _rental_sms(data: dict[str, Any]) -> WebhookRentalSms | RentUrlSms:
    sms = data.get("sms")
    if isinstance(sms, dict):
        return RentUrlSms(
            rent_id=int(_get(data, "rentId", int)),
            sender=_get(sms, "phoneFrom", str),
            text=_get(sms, "text", str),
            date=_get(sms, "date", str),
        )
    parsed = _wire.parse_sms(data, "webhook", WebhookVerificationError)
    return WebhookRentalSms(
        id=parsed.id,
        sender=parsed.sender,
        phone=parsed.phone,
        text=parsed.text,
        code=parsed.code,
        client_id=str(_get(data, "clientId", str)).lower(),
        rent_id=str(_get(data, "rentId", str)).lower(),
    )
