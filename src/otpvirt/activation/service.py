"""The lease rules: charge on GetNumber, refund on cancel unless an SMS came.

State machine: waiting -> sms_received -> completed | cancelled | expired.
Every change that moves money or a number happens in the caller's transaction;
conditional UPDATEs on the state make each transition happen at most once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from otpvirt.catalogue.snapshot import CountryInfo, ServiceInfo, Snapshot, provider_of
from otpvirt.clients.service import AuthClient
from otpvirt.clock import now_ms
from otpvirt.db import Conn
from otpvirt.errors import (
    ActivationFinished,
    ActivationNotFound,
    Conflict,
    InternalError,
    InvalidRequest,
    NoNumbers,
    ServiceNotOffered,
    SmsAlreadyReceived,
    ValidationFailed,
)
from otpvirt.events import service as events
from otpvirt.ids import new_guid
from otpvirt.inventory import pool
from otpvirt.ledger import service as ledger
from otpvirt.supply import orders as supplier_orders

WAITING = "waiting"
SMS_RECEIVED = "sms_received"
COMPLETED = "completed"
CANCELLED = "cancelled"
EXPIRED = "expired"
LIVE = (WAITING, SMS_RECEIVED)


class PriceAboveMax(NoNumbers):
    """Every fitting number costs more than the caller's maximum price."""

    reason = "price_above_max"

    def __init__(self, message: str, min_price: int) -> None:
        super().__init__(message)
        self.min_price = min_price


class OrderExists(Conflict):
    reason = "order_exists"


class CancelTooEarly(InvalidRequest):
    """A cancel before the lease is old enough (an opt-in rule of some dialects)."""

    reason = "cancel_too_early"


@dataclass(frozen=True, slots=True)
class Lease:
    """A number just handed out."""

    id: int
    guid: str
    phone: int
    price: int
    currency: str
    country: CountryInfo
    provider_id: int
    service: ServiceInfo
    created_at: int
    expires_at: int


Candidate = tuple[CountryInfo, int | None]


def candidates(
    snap: Snapshot,
    cur: str,
    service: ServiceInfo,
    country: CountryInfo | None,
    provider: str | None,
) -> list[Candidate]:
    """Where to look for a number: the named country, or every country offering the service."""
    if country is not None:
        return [(country, (p.id if (p := provider_of(country, provider)) else None))]
    prices = snap.prices.get(cur, {})
    found: list[tuple[int, Candidate]] = []
    for c in snap.countries_by_id.values():
        price = prices.get((c.id, service.id))
        if price is None or not c.enabled:
            continue
        if provider and provider.strip().lower() != "any":
            p = c.providers.get(provider.strip().lower())
            if p is None:
                continue
            found.append((price, (c, p.id)))
        else:
            found.append((price, (c, None)))
    if provider and provider.strip().lower() != "any" and not found:
        raise ValidationFailed(f"unknown provider {provider!r}", reason="unknown_provider")
    # Cheapest country first: what a client asking for "anywhere" expects.
    return [cand for _, cand in sorted(found, key=lambda f: (f[0], f[1][0].id))]


async def get_number(
    conn: Conn,
    *,
    client: AuthClient,
    service: ServiceInfo,
    where: list[Candidate],
    lease_ms: int,
    max_price: int | None = None,
    exclude_prefixes: tuple[str, ...] = (),
    order_id: str | None = None,
) -> Lease:
    """Lease a number: pick, record the activation, charge the price."""
    if order_id is not None and await conn.fetchval(
        "SELECT id FROM activations WHERE client_id = :c AND order_id = :o",
        {"c": client.id, "o": order_id},
    ):
        raise OrderExists(f"an activation with orderId {order_id!r} already exists")
    offered = False
    cheapest_refused: int | None = None
    for country, provider_id in where:
        price = await conn.fetchval(
            "SELECT amount FROM prices "
            "WHERE country_id = :c AND service_id = :s AND currency = :cur",
            {"c": country.id, "s": service.id, "cur": client.currency},
        )
        if price is None:
            continue
        offered = True
        if max_price is not None and price > max_price:
            cheapest_refused = price if cheapest_refused is None else min(cheapest_refused, price)
            continue
        picked = await pool.pick_number(
            conn,
            country_id=country.id,
            provider_id=provider_id,
            service_id=service.id,
            exclude_prefixes=exclude_prefixes,
        )
        if picked is None:
            continue
        return await lease_picked(conn, client, service, country, picked, price, lease_ms, order_id)
    raise no_lease(where, service, offered=offered, cheapest_refused=cheapest_refused)


def no_lease(
    where: list[Candidate], service: ServiceInfo, *, offered: bool, cheapest_refused: int | None
) -> NoNumbers:
    """Why no candidate gave a number: not offered, above the maximum price, or none free."""
    if not offered:
        names = ", ".join(c.name for c, _ in where) or "any country"
        return ServiceNotOffered(f"service {service.code!r} is not offered in {names}")
    if cheapest_refused is not None:
        return PriceAboveMax("no number at or below the maximum price", cheapest_refused)
    return NoNumbers("no free number fits the request right now")


async def lease_picked(
    conn: Conn,
    client: AuthClient,
    service: ServiceInfo,
    country: CountryInfo,
    picked: tuple[int, int, int, int],
    price: int,
    lease_ms: int,
    order_id: str | None,
) -> Lease:
    """Lease a chosen number (id, phone, provider id, free since): activation, claim, charge."""
    number_id, phone, provider_id, free_since = picked
    # A lease never starts before its number was given back, whatever the clocks of the
    # processes that stamped the two (the doctor checks that leases never overlap).
    now = max(now_ms(), free_since)
    guid = new_guid()
    # A concurrent request with the same orderId inserts nothing here.
    act_id = await conn.fetchval(
        "INSERT INTO activations (guid, client_id, number_id, phone, country_id, provider_id, "
        "service_id, price, currency, state, sms_count, created_at, expires_at, order_id) "
        "VALUES (:g, :c, :n, :phone, :country, :prov, :s, :price, :cur, 'waiting', 0, :now, "
        ":exp, :o) ON CONFLICT (client_id, order_id) WHERE order_id IS NOT NULL DO NOTHING "
        "RETURNING id",
        {
            "g": guid,
            "c": client.id,
            "n": number_id,
            "phone": phone,
            "country": country.id,
            "prov": provider_id,
            "s": service.id,
            "price": price,
            "cur": client.currency,
            "now": now,
            "exp": now + lease_ms,
            "o": order_id,
        },
    )
    if act_id is None:
        raise OrderExists(f"an activation with orderId {order_id!r} already exists")
    if not await pool.claim(conn, number_id, act_id):
        raise InternalError("the picked number was taken concurrently")
    await ledger.debit(conn, client.id, price, client.currency, activation_id=act_id, now=now)
    return Lease(
        act_id,
        guid,
        phone,
        price,
        client.currency,
        country,
        provider_id,
        service,
        now,
        now + lease_ms,
    )


_SELECT = (
    "SELECT id, client_id, state, number_id, price, currency, sms_count, created_at "
    "FROM activations "
)


async def _owned(
    conn: Conn, client_id: str, *, guid: str | None = None, act_id: int | None = None
) -> Any:
    if guid is not None:
        row = await conn.fetchone(_SELECT + "WHERE guid = :g" + conn.for_update, {"g": guid})
    else:
        row = await conn.fetchone(_SELECT + "WHERE id = :i" + conn.for_update, {"i": act_id})
    # Someone else's activation is reported exactly like a missing one.
    if row is None or row[1] != client_id:
        raise ActivationNotFound()
    return row


async def cancel(
    conn: Conn,
    client_id: str,
    *,
    guid: str | None = None,
    act_id: int | None = None,
    min_age_ms: int = 0,
) -> int:
    """Cancel a waiting activation and refund it; return the amount refunded."""
    row = await _owned(conn, client_id, guid=guid, act_id=act_id)
    state = row[2]
    if state == SMS_RECEIVED:
        raise SmsAlreadyReceived()
    if state != WAITING:
        raise ActivationFinished(f"the activation is already {state}")
    now = now_ms()
    if now - int(row[7]) < min_age_ms:
        raise CancelTooEarly(
            f"an activation can be cancelled {min_age_ms / 60_000:g} minutes after it was taken"
        )
    return await finish_refunded(conn, row, CANCELLED, now)


async def confirm(
    conn: Conn, client_id: str, *, guid: str | None = None, act_id: int | None = None
) -> None:
    """End a live lease; the charge stands."""
    row = await _owned(conn, client_id, guid=guid, act_id=act_id)
    if row[2] not in LIVE:
        raise ActivationFinished(f"the activation is already {row[2]}")
    await _finish(conn, row, COMPLETED, now_ms(), told="confirmed")


async def _finish(conn: Conn, row: Any, state: str, now: int, *, told: str | None = None) -> None:
    changed = await conn.execute(
        "UPDATE activations SET state = :st, finished_at = :now WHERE id = :id "
        "AND state IN ('waiting', 'sms_received')",
        {"st": state, "now": now, "id": row[0]},
    )
    if not changed:
        raise ActivationFinished("the activation was finished concurrently")
    await pool.release(conn, row[3], row[0], now)
    await supplier_orders.activation_ended(conn, row[0], state, now)
    await events.record_activation_finished(conn, row[0], told or state, 0, now)


async def finish_refunded(conn: Conn, row: Any, state: str, now: int) -> int:
    """End a waiting lease (a row of `_SELECT`) as `state` and refund its price."""
    changed = await conn.execute(
        "UPDATE activations SET state = :st, finished_at = :now "
        "WHERE id = :id AND state = 'waiting'",
        {"st": state, "now": now, "id": row[0]},
    )
    if not changed:
        raise ActivationFinished("the activation changed concurrently")
    await pool.release(conn, row[3], row[0], now)
    await supplier_orders.activation_ended(conn, row[0], state, now)
    await ledger.credit(conn, row[1], row[4], row[5], activation_id=row[0], now=now)
    await events.record_activation_finished(conn, row[0], state, int(row[4]), now)
    return int(row[4])


async def get_sms(conn: Conn, client_id: str, guid: str) -> list[Any]:
    """Every SMS of the client's activation, oldest first."""
    rows = await conn.fetchall(
        "SELECT a.client_id, s.guid, s.sender, s.phone, s.text, s.code FROM activations a "
        "LEFT JOIN sms_messages s ON s.activation_id = a.id WHERE a.guid = :g ORDER BY s.id",
        {"g": guid},
    )
    if not rows or rows[0][0] != client_id:
        raise ActivationNotFound()
    return [r for r in rows if r[1] is not None]


async def expire_due(conn: Conn, now: int, *, limit: int = 200) -> int:
    """End leases past their lifetime: refund those without SMS, complete the rest."""
    rows = await conn.fetchall(
        _SELECT + "WHERE state IN ('waiting', 'sms_received') AND expires_at <= :now "
        "ORDER BY expires_at LIMIT :lim" + conn.skip_locked,
        {"now": now, "lim": limit},
    )
    for row in rows:
        if row[2] == WAITING:
            await finish_refunded(conn, row, EXPIRED, now)
        else:
            await _finish(conn, row, COMPLETED, now)
    return len(rows)
