"""Lifecycle webhooks: typed events and `parse_event`, which verifies and returns the right one.

A client subscribed to several types (``otpvirt clients set-webhook ID URL --events
sms,activation.finished,balance.low``) receives them all at one URL, signed alike. The
SMS body is the seed's (no ``type``); the others carry ``type``::

    event = parse_event(raw_body, request.headers, SECRET)
    match event:
        case WebhookSms():          handle_code(event.activation_id, event.code)
        case ActivationFinished():  settle(event.activation_id, event.state, event.refund)
        case BalanceLow():          top_up_soon(event.balance)
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from otpvirt_client import webhooks
from otpvirt_client._errors import WebhookVerificationError
from otpvirt_client._models import WebhookSms
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
class RentEvent:
    """``rent.ending`` (an hour before the end) or ``rent.finished``."""

    type: str
    rent_id: str
    end_date: str
    state: str
    data: dict[str, Any]


Event = WebhookSms | ActivationFinished | BalanceLow | RentEvent


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
        return RentEvent(
            type=kind,
            rent_id=str(_get(data, "rentId", (str, int))),
            end_date=str(_get(data, "endDate", (str, int))),
            state=str(_get(data, "state", str)),
            data=data,
        )
    raise WebhookVerificationError(f"unknown webhook event type {kind!r}")
