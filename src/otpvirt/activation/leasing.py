"""GetNumber across the local pool and the on-demand suppliers.

1. The local pool, in one transaction. 2. If it has nothing, each supplier in turn
(SMSHub agents, upstream providers), over HTTP outside any transaction, each within
its deadline, and only once the client is known to be able to pay. 3. An offered
number is leased in a second transaction (its number row created on first sight).
An outbox row written before the supplier is asked makes the purchase durable: if
the lease fails, or the process dies in between, the purchase is given back by the
worker, so an upstream refund is never lost.
"""

from __future__ import annotations

import asyncio
import logging
import uuid

from otpvirt.activation import service as activations
from otpvirt.activation.dispatch import lease_local
from otpvirt.activation.repositories import leases
from otpvirt.activation.service import Lease, LeaseRequest, OrderExists
from otpvirt.catalogue.snapshot import CountryInfo
from otpvirt.clients.service import AuthClient
from otpvirt.clock import now_ms
from otpvirt.db import Conn, in_transaction
from otpvirt.errors import InsufficientBalance, InternalError, NoNumbers
from otpvirt.inventory.repositories import numbers
from otpvirt.inventory.repositories.pool import PickedNumber
from otpvirt.ledger import repository as balances
from otpvirt.money import currency, format_amount
from otpvirt.runtime import Runtime
from otpvirt.supply import stock
from otpvirt.supply.base import CANCELLED, REFUSED, SMSHUB, Offer, Supplier, SupplierError, Want
from otpvirt.supply.registry import supplier_for
from otpvirt.supply.repositories import orders

log = logging.getLogger("otpvirt.supply")

# A purchase whose answer is not recorded by then is given back by the worker.
BUYING_DEADLINE_MS = 120_000


class Rejected(Exception):
    """An offered number we cannot lease: give it back with `outcome`."""

    def __init__(self, outcome: str, reason: str) -> None:
        super().__init__(reason)
        self.outcome = outcome
        self.reason = reason


async def lease_number(rt: Runtime, req: LeaseRequest) -> Lease:
    """Lease from the pool, else from the first supplier that has a number."""
    try:
        return await lease_local(rt.db, req)
    except NoNumbers as exc:
        if type(exc) is not NoNumbers:
            raise  # not offered, or above the maximum price: no supplier changes that
        local_miss = exc
    async with rt.db.read() as conn:
        found = await stock.suppliers(conn)
    if not found:
        raise local_miss
    snap = await rt.catalogue.get()
    client, service, max_price = req.client, req.service, req.max_price
    prices = snap.prices.get(client.currency, {})
    fresh_after = now_ms() - int(rt.settings.supplier_stock_max_age_seconds * 1000)
    for country, provider_id in req.where:
        price = prices.get((country.id, service.id))
        if price is None or (max_price is not None and price > max_price):
            continue
        for source in found:
            async with rt.db.read() as conn:
                have = await stock.available(
                    conn,
                    source_id=source.id,
                    country_id=country.id,
                    provider_id=provider_id,
                    service_id=service.id,
                    fresh_after=fresh_after,
                )
            # An agent is asked only for what it reported; a provider also when unknown.
            if have == 0 or (have is None and source.kind == SMSHUB):
                continue
            await _check_balance(rt, client, price)
            want = Want(
                country,
                snap.providers_by_id.get(provider_id) if provider_id else None,
                service,
                price,
                client.currency,
                req.exclude_prefixes,
                uuid.uuid4().hex,
            )
            supplier = supplier_for(source, rt.settings)
            lease = await _from_supplier(rt, supplier, want, req)
            if lease is not None:
                return lease
    raise local_miss


async def _check_balance(rt: Runtime, client: AuthClient, price: int) -> None:
    # Before buying anything upstream: the charge itself is checked again on lease.
    async with rt.db.read() as conn:
        balance = await balances.balance(conn, client.id)
    if balance is None or int(balance) < price:
        cur = currency(client.currency)
        have = format_amount(int(balance or 0), cur)
        raise InsufficientBalance(
            f"balance {have} {cur.code} is less than {format_amount(price, cur)}"
        )


async def _from_supplier(
    rt: Runtime,
    supplier: Supplier,
    want: Want,
    req: LeaseRequest,
) -> Lease | None:
    name = supplier.source.name
    order = await in_transaction(
        rt.db,
        orders.start,
        source_id=supplier.source.id,
        client_id=req.client.id,
        country_id=want.country.id,
        service_id=want.service.id,
        order_key=want.order_key,
        now=now_ms(),
        deadline_ms=BUYING_DEADLINE_MS,
    )
    try:
        offer = await asyncio.wait_for(supplier.buy(want), rt.settings.supplier_timeout_seconds)
    except (SupplierError, TimeoutError) as exc:
        # Maybe bought, maybe not: the worker finds out (by order key) and gives it back.
        reason = str(exc) or "no answer in time"
        log.warning("supplier %s: %s; trying the next one", name, reason)
        await _give_back(rt, order, None, CANCELLED, reason)
        return None
    if offer is None:
        await in_transaction(rt.db, orders.discard, order)
        return None
    try:
        if offer.problem:
            raise Rejected(CANCELLED, offer.problem)
        return await in_transaction(
            rt.db,
            _lease_offer,
            order=order,
            supplier=supplier,
            offer=offer,
            want=want,
            req=req,
            poll_ms=int(rt.settings.upstream_poll_seconds * 1000),
        )
    except Rejected as exc:
        log.warning("supplier %s: giving back %s: %s", name, offer.phone, exc.reason)
        await _give_back(rt, order, offer, exc.outcome, exc.reason)
        return None
    except BaseException as exc:
        await _give_back(rt, order, offer, CANCELLED, f"lease failed: {exc!r}")
        raise


async def _give_back(
    rt: Runtime, order: int, offer: Offer | None, outcome: str, reason: str
) -> None:
    try:
        await in_transaction(
            rt.db,
            orders.give_back,
            order,
            offer=offer,
            outcome=outcome,
            reason=reason,
            now=now_ms(),
        )
    except Exception as exc:
        # The row is still `buying`: past its deadline the worker gives the purchase back.
        log.error("supplier order %d: could not schedule the give-back now: %s", order, exc)
    rt.notify("supplier")


async def _number_id(conn: Conn, supplier: Supplier, offer: Offer, want: Want) -> PickedNumber:
    """An offered number as a pick, added to the pool if new."""
    country: CountryInfo = want.country
    if not str(offer.phone).startswith(str(country.calling_code)):
        raise Rejected(CANCELLED, f"{offer.phone} is not a number of {country.name}")
    row = await numbers.by_phone(conn, offer.phone)
    if row is not None:
        if row.source_id != supplier.source.id:
            raise Rejected(CANCELLED, f"{offer.phone} belongs to another source")
        if row.active_activation_id is not None:
            raise Rejected(CANCELLED, f"{offer.phone} is still leased here")
        return PickedNumber(row.id, offer.phone, row.provider_id, row.free_since)
    provider = want.provider or country.providers.get((offer.operator or "").lower())
    if provider is None and country.providers:
        provider = min(country.providers.values(), key=lambda p: p.id)
    if provider is None:
        raise Rejected(CANCELLED, f"{country.name} has no operators in the catalogue")
    now = now_ms()
    # Disabled: a supplier's number is never picked from the pool, only leased through it.
    number_id = await numbers.insert_supplied(
        conn, offer.phone, country.id, provider.id, supplier.source.id, now
    )
    return PickedNumber(number_id, offer.phone, provider.id, now)


async def _lease_offer(
    conn: Conn,
    *,
    order: int,
    supplier: Supplier,
    offer: Offer,
    want: Want,
    req: LeaseRequest,
    poll_ms: int,
) -> Lease:
    # The supplier path leases through the same portable seam as the pool on SQLite.
    picked = await _number_id(conn, supplier, offer, want)
    if await numbers.used_for(conn, picked.id, want.service.id):
        raise Rejected(REFUSED, f"{offer.phone} already received an SMS for {want.service.code}")
    if req.order_id is not None and await leases.order_taken(conn, req.client.id, req.order_id):
        raise OrderExists(f"an activation with orderId {req.order_id!r} already exists")
    lease = await activations.lease_picked(conn, req, want.country, picked, want.price)
    next_poll = now_ms() + poll_ms if supplier.polls else None
    if not await orders.opened(
        conn, order, activation_id=lease.id, offer=offer, next_poll=next_poll
    ):
        raise InternalError("the supplier order was given back while it was being leased")
    return lease
