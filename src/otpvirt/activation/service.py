"""The lease rules: charge on GetNumber, refund on cancel unless an SMS came.

State machine: waiting -> sms_received -> completed | cancelled | expired.
Every change that moves money or a number happens in the caller's transaction;
conditional UPDATEs on the state make each transition happen at most once.
"""

from __future__ import annotations

from dataclasses import dataclass

from otpvirt.activation.repositories import leases
from otpvirt.activation.repositories.leases import ActivationRow
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
from otpvirt.inventory.repositories import pool
from otpvirt.inventory.repositories.pool import PickedNumber
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


@dataclass(frozen=True, slots=True)
class LeaseRequest:
    """What a GetNumber asks for, whichever API it came through."""

    client: AuthClient
    service: ServiceInfo
    # Where to look, in order (see `candidates`).
    where: tuple[Candidate, ...]
    lease_ms: int
    max_price: int | None = None
    # sms-activate `phoneException`: phone prefixes the client refuses.
    exclude_prefixes: tuple[str, ...] = ()
    order_id: str | None = None
    # One number for several services (getMultiServiceNumber): these too, one
    # activation each, on a number never used for any of them (activation.bundles).
    also: tuple[ServiceInfo, ...] = ()


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
    conn: Conn, req: LeaseRequest, country: CountryInfo, picked: PickedNumber, price: int
) -> Lease:
    """Lease a chosen number: record the activation, claim the number, charge the price."""
    # A lease never starts before its number was given back, whatever the clocks of the
    # processes that stamped the two (the doctor checks that leases never overlap).
    now = max(now_ms(), picked.free_since)
    guid = new_guid()
    client = req.client
    # A concurrent request with the same orderId inserts nothing here.
    act_id = await leases.insert(
        conn,
        guid=guid,
        client_id=client.id,
        number_id=picked.id,
        phone=picked.phone,
        country_id=country.id,
        provider_id=picked.provider_id,
        service_id=req.service.id,
        price=price,
        currency=client.currency,
        now=now,
        expires_at=now + req.lease_ms,
        order_id=req.order_id,
    )
    if act_id is None:
        raise OrderExists(f"an activation with orderId {req.order_id!r} already exists")
    if not await pool.claim(conn, picked.id, act_id):
        raise InternalError("the picked number was taken concurrently")
    await ledger.debit(conn, client.id, price, client.currency, activation_id=act_id, now=now)
    return Lease(
        act_id,
        guid,
        picked.phone,
        price,
        client.currency,
        country,
        picked.provider_id,
        req.service,
        now,
        now + req.lease_ms,
    )


async def _owned(
    conn: Conn, client_id: str, *, guid: str | None = None, act_id: int | None = None
) -> ActivationRow:
    row = await leases.locked(conn, guid=guid, act_id=act_id)
    # Someone else's activation is reported exactly like a missing one.
    if row is None or row.client_id != client_id:
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
    state = row.state
    if state == SMS_RECEIVED:
        raise SmsAlreadyReceived()
    if state != WAITING:
        raise ActivationFinished(f"the activation is already {state}")
    now = now_ms()
    if now - row.created_at < min_age_ms:
        raise CancelTooEarly(
            f"an activation can be cancelled {min_age_ms / 60_000:g} minutes after it was taken"
        )
    return await finish_refunded(conn, row, CANCELLED, now)


async def confirm(
    conn: Conn, client_id: str, *, guid: str | None = None, act_id: int | None = None
) -> None:
    """End a live lease; the charge stands."""
    row = await _owned(conn, client_id, guid=guid, act_id=act_id)
    if row.state not in LIVE:
        raise ActivationFinished(f"the activation is already {row.state}")
    await _finish(conn, row, COMPLETED, now_ms(), told="confirmed")


async def _finish(
    conn: Conn, row: ActivationRow, state: str, now: int, *, told: str | None = None
) -> None:
    if not await leases.finish(conn, row.id, state, now, waiting_only=False):
        raise ActivationFinished("the activation was finished concurrently")
    await release(conn, row, now)
    await supplier_orders.activation_ended(conn, row.id, state, now)
    await events.record_activation_finished(conn, row.id, told or state, 0, now)


async def release(conn: Conn, row: ActivationRow, now: int) -> None:
    """Give an ended lease's number back; a bundle's stays held while one of it is live."""
    if row.bundle_id is not None:
        # The number's row lock orders the bundle's endings (PostgreSQL): the last one frees it.
        holder = await pool.holder(conn, row.number_id)
        heir = await leases.bundle_heir(conn, row.number_id, row.bundle_id, row.id)
        if heir is not None:
            if holder == row.id:
                await pool.hand_over(conn, row.number_id, row.id, heir)
            return
    await pool.release(conn, row.number_id, row.id, now)


async def finish_refunded(conn: Conn, row: ActivationRow, state: str, now: int) -> int:
    """End a waiting lease as `state` and refund its price."""
    if not await leases.finish(conn, row.id, state, now, waiting_only=True):
        raise ActivationFinished("the activation changed concurrently")
    await release(conn, row, now)
    await supplier_orders.activation_ended(conn, row.id, state, now)
    await ledger.credit(conn, row.client_id, row.price, row.currency, activation_id=row.id, now=now)
    await events.record_activation_finished(conn, row.id, state, row.price, now)
    return row.price


@dataclass(frozen=True, slots=True)
class ReceivedSms:
    """An SMS of an activation as its client sees it."""

    guid: str
    sender: str
    phone: int
    text: str
    code: str | None


async def get_sms(conn: Conn, client_id: str, guid: str) -> list[ReceivedSms]:
    """Every SMS of the client's activation, oldest first."""
    rows = await leases.sms_of(conn, guid)
    if not rows or rows[0].client_id != client_id:
        raise ActivationNotFound()
    return [
        ReceivedSms(r.guid, r.sender or "", int(r.phone or 0), r.text or "", r.code)
        for r in rows
        if r.guid is not None
    ]


async def expire_due(conn: Conn, now: int, *, limit: int = 200) -> int:
    """End leases past their lifetime: refund those without SMS, complete the rest."""
    rows = await leases.due(conn, now, limit)
    for row in rows:
        if row.state == WAITING:
            await finish_refunded(conn, row, EXPIRED, now)
        else:
            await _finish(conn, row, COMPLETED, now)
    return len(rows)
