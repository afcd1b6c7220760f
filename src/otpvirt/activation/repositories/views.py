"""The SQL of what clients and operators see of activations."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from otpvirt.db import Conn


@dataclass(frozen=True, slots=True)
class OperatorRow:
    """An activation with its country, operator and service names, for operators."""

    id: int
    guid: str
    client_id: str
    phone: int
    country: str
    provider: str
    service: str
    price: int
    currency: str
    state: str
    sms_count: int
    created_at: int
    expires_at: int
    finished_at: int | None
    order_id: str | None
    service_name: str
    country_title: str


@dataclass(frozen=True, slots=True)
class SmsRow:
    """An SMS of an activation, for operators."""

    guid: str
    sender: str
    text: str
    code: str | None
    received_at: int
    reported_at: str | None  # the peer's own time as text, when implausible


@dataclass(frozen=True, slots=True)
class ViewRow:
    """An activation with its newest SMS (all None when it has none), for its client."""

    id: int
    guid: str
    state: str
    phone: int
    price: int
    currency: str
    country_id: int
    provider_id: int
    service_id: int
    sms_count: int
    retry_sms_count: int | None
    created_at: int
    expires_at: int
    client_id: str
    sender: str | None
    text: str | None
    code: str | None
    received_at: int | None


_OPERATOR = (
    "SELECT a.id, a.guid, a.client_id, a.phone, c.name, p.name, s.code, a.price, a.currency, "
    "a.state, a.sms_count, a.created_at, a.expires_at, a.finished_at, a.order_id, "
    "s.name, c.title "
    "FROM activations a JOIN countries c ON c.id = a.country_id "
    "JOIN providers p ON p.id = a.provider_id JOIN services s ON s.id = a.service_id"
)

# Filters an operator may combine, by name: the value is bound as `:name`.
FILTERS = {
    "client": "a.client_id = :client",
    "state": "a.state = :state",
    "service": "s.code = :service",
    "country": "c.name = :country",
    "phone": "a.phone = :phone",
}


async def listed(
    conn: Conn, filters: dict[str, Any], *, live: bool, limit: int, offset: int
) -> list[OperatorRow]:
    """Activations matching every filter (see FILTERS), newest first."""
    where = [FILTERS[k] for k in filters]
    if live:
        where.append("a.state IN ('waiting', 'sms_received')")
    sql = _OPERATOR + (" WHERE " + " AND ".join(where) if where else "")
    params = {**filters, "lim": limit, "off": offset}
    return await conn.fetch_all_as(
        OperatorRow, sql + " ORDER BY a.id DESC LIMIT :lim OFFSET :off", params
    )


async def by_guid(conn: Conn, guid: str) -> OperatorRow | None:
    """One activation, for operators."""
    return await conn.fetch_one_as(OperatorRow, _OPERATOR + " WHERE a.guid = :g", {"g": guid})


async def sms_of(conn: Conn, activation_id: int) -> list[SmsRow]:
    """An activation's SMS, oldest first."""
    return await conn.fetch_all_as(
        SmsRow,
        "SELECT guid, sender, text, code, received_at, reported_at FROM sms_messages "
        "WHERE activation_id = :a ORDER BY id",
        {"a": activation_id},
    )


_VIEW = (
    "SELECT a.id, a.guid, a.state, a.phone, a.price, a.currency, a.country_id, a.provider_id, "
    "a.service_id, a.sms_count, a.retry_sms_count, a.created_at, a.expires_at, a.client_id, "
    "s.sender, s.text, s.code, s.received_at FROM activations a "
    "LEFT JOIN sms_messages s ON s.id = "
    "(SELECT MAX(m.id) FROM sms_messages m WHERE m.activation_id = a.id) "
)


async def view(conn: Conn, act_id: int) -> ViewRow | None:
    """An activation by integer id, with its newest SMS."""
    return await conn.fetch_one_as(ViewRow, _VIEW + "WHERE a.id = :i", {"i": act_id})


async def live(conn: Conn, client_id: str, limit: int, offset: int) -> list[ViewRow]:
    """A client's live activations, oldest first, with their newest SMS."""
    return await conn.fetch_all_as(
        ViewRow,
        _VIEW + "WHERE a.client_id = :c AND a.state IN ('waiting', 'sms_received') "
        "ORDER BY a.id LIMIT :lim OFFSET :off",
        {"c": client_id, "lim": limit, "off": offset},
    )


async def ask_another(conn: Conn, client_id: str, act_id: int) -> bool:
    """Remember the SMS count of a live activation; False if it is not live (or not theirs)."""
    return bool(
        await conn.execute(
            "UPDATE activations SET retry_sms_count = sms_count WHERE id = :i AND client_id = :c "
            "AND state IN ('waiting', 'sms_received')",
            {"i": act_id, "c": client_id},
        )
    )


async def state_of(conn: Conn, client_id: str, act_id: int) -> str | None:
    """A client's activation's state."""
    state = await conn.fetchval(
        "SELECT state FROM activations WHERE id = :i AND client_id = :c",
        {"i": act_id, "c": client_id},
    )
    return None if state is None else str(state)
