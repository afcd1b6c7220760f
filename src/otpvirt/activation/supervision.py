"""What operators see and do with activations: list, inspect, force-cancel."""

from __future__ import annotations

from typing import Any

from otpvirt.activation import service as rules
from otpvirt.activation.repositories import leases, views
from otpvirt.activation.repositories.views import OperatorRow
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
from otpvirt.money import currency, format_amount
from otpvirt.webhook import history

STATES = (rules.WAITING, rules.SMS_RECEIVED, rules.COMPLETED, rules.CANCELLED, rules.EXPIRED)


def _render(r: OperatorRow) -> dict[str, Any]:
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
) -> list[dict[str, Any]]:
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
    return [_render(r) for r in rows]


async def get_activation(conn: Conn, guid: str, *, webhooks: bool = True) -> dict[str, Any]:
    """One activation with its SMS, ledger entries and webhook deliveries (with attempts)."""
    gid = parse_guid(guid, field="activationId")
    row = await views.by_guid(conn, gid)
    if row is None:
        raise ActivationNotFound("no such activation")
    out = _render(row)
    out["sms"] = [
        {
            "id": s.guid,
            "sender": s.sender,
            "text": s.text,
            "code": s.code,
            "receivedAt": s.received_at,
            "reportedAt": s.reported_at,
        }
        for s in await views.sms_of(conn, row.id)
    ]
    out["ledger"] = [
        {
            "kind": e.kind,
            "amount": format_amount(int(e.amount), currency(e.currency)),
            "note": e.note,
            "at": e.created_at,
        }
        for e in await ledger.of_activation(conn, row.id)
    ]
    out["webhooks"] = []
    if webhooks:
        deliveries = await history.list_deliveries(conn, activation_id=gid, limit=100)
        out["webhooks"] = [await history.get_delivery(conn, d["id"]) for d in reversed(deliveries)]
    return out


async def force_cancel(conn: Conn, guid: str) -> dict[str, Any]:
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
    return {
        "id": gid,
        "clientId": row.client_id,
        "state": rules.CANCELLED,
        "refunded": format_amount(refunded, currency(row.currency)),
        "currency": row.currency,
    }
