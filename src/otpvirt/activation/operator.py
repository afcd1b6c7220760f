"""What operators see and do with activations: list, inspect, force-cancel."""

from __future__ import annotations

from typing import Any

from otpvirt.activation import service as rules
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
from otpvirt.money import currency, format_amount
from otpvirt.webhook import history

STATES = (rules.WAITING, rules.SMS_RECEIVED, rules.COMPLETED, rules.CANCELLED, rules.EXPIRED)

_SELECT = (
    "SELECT a.id, a.guid, a.client_id, a.phone, c.name, p.name, s.code, a.price, a.currency, "
    "a.state, a.sms_count, a.created_at, a.expires_at, a.finished_at, a.order_id, "
    "s.name, c.title "
    "FROM activations a JOIN countries c ON c.id = a.country_id "
    "JOIN providers p ON p.id = a.provider_id JOIN services s ON s.id = a.service_id"
)


def _render(r: Any) -> dict[str, Any]:
    return {
        "id": r[1],
        "number": int(r[3]),
        "clientId": r[2],
        "country": r[4],
        "provider": r[5],
        "service": r[6],
        "price": format_amount(int(r[7]), currency(r[8])),
        "currency": r[8],
        "state": r[9],
        "smsCount": int(r[10]),
        "createdAt": int(r[11]),
        "expiresAt": int(r[12]),
        "finishedAt": r[13],
        "orderId": r[14],
        "smsactivateId": int(r[0]),
        "serviceName": r[15],
        "countryTitle": r[16],
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
    where: list[str] = []
    params: dict[str, Any] = {"lim": max(1, min(limit, 1000)), "off": max(0, offset)}
    if client_id:
        where.append("a.client_id = :client")
        params["client"] = parse_guid(client_id, field="clientId")
    if live:
        where.append("a.state IN ('waiting', 'sms_received')")
    if state:
        if state not in STATES:
            raise ValidationFailed(f"state must be one of {', '.join(STATES)}")
        where.append("a.state = :state")
        params["state"] = state
    if service:
        where.append("s.code = :service")
        params["service"] = service.strip().lower()
    if country:
        where.append("c.name = :country")
        params["country"] = country.strip().lower()
    if number:
        where.append("a.phone = :phone")
        params["phone"] = normalize_phone(number)
    sql = _SELECT + (" WHERE " + " AND ".join(where) if where else "")
    rows = await conn.fetchall(sql + " ORDER BY a.id DESC LIMIT :lim OFFSET :off", params)
    return [_render(r) for r in rows]


async def get_activation(conn: Conn, guid: str, *, webhooks: bool = True) -> dict[str, Any]:
    """One activation with its SMS, ledger entries and webhook deliveries (with attempts)."""
    gid = parse_guid(guid, field="activationId")
    row = await conn.fetchone(_SELECT + " WHERE a.guid = :g", {"g": gid})
    if row is None:
        raise ActivationNotFound("no such activation")
    out = _render(row)
    out["sms"] = [
        {
            "id": s[0],
            "sender": s[1],
            "text": s[2],
            "code": s[3],
            "receivedAt": s[4],
            "reportedAt": s[5],
        }
        for s in await conn.fetchall(
            "SELECT guid, sender, text, code, received_at, reported_at FROM sms_messages "
            "WHERE activation_id = :a ORDER BY id",
            {"a": row[0]},
        )
    ]
    out["ledger"] = [
        {
            "kind": e[0],
            "amount": format_amount(int(e[1]), currency(e[2])),
            "note": e[3],
            "at": e[4],
        }
        for e in await conn.fetchall(
            "SELECT kind, amount, currency, note, created_at FROM ledger_entries "
            "WHERE activation_id = :a ORDER BY id",
            {"a": row[0]},
        )
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
    row = await conn.fetchone(
        "SELECT id, client_id, state, number_id, price, currency, sms_count, created_at "
        "FROM activations WHERE guid = :g" + conn.for_update,
        {"g": gid},
    )
    if row is None:
        raise ActivationNotFound("no such activation")
    if row[2] == rules.SMS_RECEIVED:
        raise SmsAlreadyReceived(
            "an SMS was already received: the charge stands (use a balance adjustment to "
            "refund it anyway)"
        )
    if row[2] != rules.WAITING:
        raise ActivationFinished(f"the activation is already {row[2]}")
    refunded = await rules.finish_refunded(conn, row, rules.CANCELLED, now_ms())
    return {
        "id": gid,
        "clientId": row[1],
        "state": rules.CANCELLED,
        "refunded": format_amount(refunded, currency(row[5])),
        "currency": row[5],
    }
