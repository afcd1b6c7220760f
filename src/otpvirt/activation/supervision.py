"""What operators see and do with activations: list, inspect, force-cancel."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from otpvirt.activation import service as rules
from otpvirt.activation.repositories import leases, views
from otpvirt.activation.repositories.views import OperatorRow, SmsRow
from otpvirt.clock import now_ms
from otpvirt.db import Conn
from otpvirt.errors import (
    ActivationFinished,
    ActivationNotFound,
    SmsAlreadyReceived,
    ValidationFailed,
)
from otpvirt.ids import parse_guid
from otpvirt.inventory.service import normalize_phone
from otpvirt.ledger import repository as ledger
from otpvirt.ledger.repository import ActivationEntry
from otpvirt.webhook import history

STATES = (rules.WAITING, rules.SMS_RECEIVED, rules.COMPLETED, rules.CANCELLED, rules.EXPIRED)


@dataclass(frozen=True, slots=True)
class ActivationDetail:
    """One activation with its SMS, ledger entries and webhook deliveries (with attempts)."""

    activation: OperatorRow
    sms: list[SmsRow]
    ledger: list[ActivationEntry]
    webhooks: list[history.DeliveryDetail]


@dataclass(frozen=True, slots=True)
class ForcedCancel:
    """An activation an operator cancelled, and what its client got back."""

    id: str
    client_id: str
    state: str
    refunded: int
    currency: str


async def list_activations(
    conn: Conn,
    *,
    client_id: str | None = None,
    state: str | None = None,
    service: str | None = None,
    country: str | None = None,
    number: str | None = None,
    live: bool = False,
    limit: int = 50,
    offset: int = 0,
) -> list[OperatorRow]:
    """Activations, newest first, filtered by client, state, service, country or number."""
    filters: dict[str, Any] = {}
    if client_id:
        filters["client"] = parse_guid(client_id, field="clientId")
    if state:
        if state not in STATES:
            raise ValidationFailed(f"state must be one of {', '.join(STATES)}")
        filters["state"] = state
    if service:
        filters["service"] = service.strip().lower()
    if country:
        filters["country"] = country.strip().lower()
    if number:
        filters["phone"] = normalize_phone(number)
    rows = await views.listed(
        conn, filters, live=live, limit=max(1, min(limit, 1000)), offset=max(0, offset)
    )
    return rows


async def get_activation(conn: Conn, guid: str, *, webhooks: bool = True) -> ActivationDetail:
    """One activation with its SMS, ledger entries and webhook deliveries (with attempts)."""
    gid = parse_guid(guid, field="activationId")
    row = await views.by_guid(conn, gid)
    if row is None:
        raise ActivationNotFound("no such activation")
    deliveries: list[history.DeliveryDetail] = []
    if webhooks:
        found = await history.deliveries(conn, activation_id=gid, limit=100)
        deliveries = [await history.delivery(conn, d.message_id) for d in reversed(found)]
    return ActivationDetail(
        row,
        await views.sms_of(conn, row.id),
        await ledger.of_activation(conn, row.id),
        deliveries,
    )


async def force_cancel(conn: Conn, guid: str) -> ForcedCancel:
    """Cancel a waiting activation of any client and refund it in full.

    The client's own rules apply except ownership and any minimum age: once an SMS
    came the charge stands (refund it with a balance adjustment if you must).
    """
    gid = parse_guid(guid, field="activationId")
    row = await leases.locked(conn, guid=gid)
    if row is None:
        raise ActivationNotFound("no such activation")
    if row.state == rules.SMS_RECEIVED:
        raise SmsAlreadyReceived(
            "an SMS was already received: the charge stands (use a balance adjustment to "
            "refund it anyway)"
        )
    if row.state != rules.WAITING:
        raise ActivationFinished(f"the activation is already {row.state}")
    refunded = await rules.finish_refunded(conn, row, rules.CANCELLED, now_ms())
    return ForcedCancel(gid, row.client_id, rules.CANCELLED, refunded, row.currency)
