"""Leasing from the local pool and cancelling: one candidate loop, one seam per database.

The loop (`_lease`) walks the request's candidates the same way on every database:
skip where the service is not sold, note a price above the maximum, take the first
country that has a fitting number. What one attempt does is the seam:

- SQLite (`_attempt_portable`): the whole loop runs in one `BEGIN IMMEDIATE`
  transaction of portable statements (they cost microseconds there).
- PostgreSQL (`_attempt_pg`): each attempt is one atomic statement
  (`repositories.pg`), holding row locks for the shortest time; cancelling falls
  back to the portable path only to name the precise reason when nothing was done.

tests/activation/test_lease_contract.py holds both seams to the same contract.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from otpvirt.activation import service as rules
from otpvirt.activation.repositories import leases, pg
from otpvirt.activation.service import Lease, LeaseRequest, OrderExists
from otpvirt.catalogue.snapshot import CountryInfo
from otpvirt.clock import now_ms
from otpvirt.db import Conn, Database, IntegrityError, in_transaction
from otpvirt.errors import InsufficientBalance
from otpvirt.events import service as events
from otpvirt.ids import new_guid
from otpvirt.inventory.repositories import pool
from otpvirt.ledger import repository as balances
from otpvirt.money import currency, format_amount
from otpvirt.pricing import repository as prices


@dataclass(frozen=True, slots=True)
class Attempt:
    """One candidate tried: its price (None: not sold there) and the lease, if any."""

    price: int | None
    lease: Lease | None = None
    # A bundle's other activations (one number for several services), with `lease`.
    more: tuple[Lease, ...] = ()
    # PostgreSQL's statement charged without the ledger's hook: whether the balance
    # crossed the client's low-balance threshold (balance.low to queue).
    crossed: bool = False


Seam = Callable[[Conn, LeaseRequest, CountryInfo, int | None], Awaitable[Attempt]]


async def lease_local(db: Database, req: LeaseRequest) -> Lease:
    """Lease a number from the local pool and charge it, or raise why not."""
    if db.dialect == "postgresql":
        crossed = False

        async def attempt(
            conn: Conn, req: LeaseRequest, country: CountryInfo, provider_id: int | None
        ) -> Attempt:
            nonlocal crossed
            tried = await _attempt_pg(conn, req, country, provider_id)
            crossed = crossed or tried.crossed
            return tried

        async with db.read() as conn:
            lease = await _lease(conn, req, attempt)
        # balance.low: a transaction only when the statement says the balance crossed.
        if crossed:
            await in_transaction(db, events.balance_changed, req.client.id, now_ms())
        return lease
    return await in_transaction(db, lease_in_transaction, req)


async def lease_in_transaction(conn: Conn, req: LeaseRequest) -> Lease:
    """The portable lease, in the caller's transaction (any database)."""
    if req.order_id is not None and await leases.order_taken(conn, req.client.id, req.order_id):
        raise OrderExists(f"an activation with orderId {req.order_id!r} already exists")
    return await _lease(conn, req, _attempt_portable)


async def _lease(conn: Conn, req: LeaseRequest, attempt: Seam) -> Lease:
    got = await candidate_loop(conn, req, attempt)
    assert got.lease is not None
    return got.lease


async def candidate_loop(conn: Conn, req: LeaseRequest, attempt: Seam) -> Attempt:
    """The candidate loop: the first country with a fitting number at an acceptable price."""
    offered = False
    cheapest_refused: int | None = None
    for country, provider_id in req.where:
        got = await attempt(conn, req, country, provider_id)
        if got.price is None:
            continue
        offered = True
        if req.max_price is not None and got.price > req.max_price:
            refused = got.price
            cheapest_refused = (
                refused if cheapest_refused is None else min(cheapest_refused, refused)
            )
            continue
        if got.lease is not None:
            return got
    raise rules.no_lease(
        list(req.where), req.service, offered=offered, cheapest_refused=cheapest_refused
    )


async def _attempt_portable(
    conn: Conn, req: LeaseRequest, country: CountryInfo, provider_id: int | None
) -> Attempt:
    price = await prices.amount(conn, country.id, req.service.id, req.client.currency)
    if price is None or (req.max_price is not None and price > req.max_price):
        return Attempt(price)
    picked = await pool.pick_number(
        conn,
        country_id=country.id,
        provider_id=provider_id,
        service_id=req.service.id,
        exclude_prefixes=req.exclude_prefixes,
    )
    if picked is None:
        return Attempt(price)
    return Attempt(price, await rules.lease_picked(conn, req, country, picked, price))


async def _attempt_pg(
    conn: Conn, req: LeaseRequest, country: CountryInfo, provider_id: int | None
) -> Attempt:
    client = req.client
    guid = new_guid()
    try:
        row = await pg.lease_once(
            conn,
            client_id=client.id,
            currency=client.currency,
            country_id=country.id,
            provider_id=provider_id,
            service_id=req.service.id,
            exclude_prefixes=req.exclude_prefixes,
            max_price=req.max_price,
            guid=guid,
            order_id=req.order_id,
            now=now_ms(),
            lease_ms=req.lease_ms,
        )
    except IntegrityError:
        if req.order_id is None:
            raise
        raise OrderExists(f"an activation with orderId {req.order_id!r} already exists") from None
    price = row.price
    if price is None or (req.max_price is not None and price > req.max_price):
        return Attempt(price)
    if row.number_id is None:
        return Attempt(price)
    if row.activation_id is None:
        have = await balances.balance(conn, client.id)
        cur = currency(client.currency)
        raise InsufficientBalance(
            f"balance {format_amount(int(have or 0), cur)} {cur.code} is less than "
            f"{format_amount(int(price), cur)}"
        )
    assert row.phone is not None and row.provider_id is not None
    assert row.charged is not None and row.created_at is not None
    return Attempt(
        price,
        Lease(
            row.activation_id,
            guid,
            row.phone,
            row.charged,
            client.currency,
            country,
            row.provider_id,
            req.service,
            row.created_at,
            row.created_at + req.lease_ms,
        ),
        crossed=bool(row.crossed),
    )


async def cancel_activation(
    db: Database,
    client_id: str,
    *,
    guid: str | None = None,
    act_id: int | None = None,
    min_age_ms: int = 0,
) -> int:
    """Cancel a waiting activation and refund it; return the amount refunded."""
    if db.dialect == "postgresql":
        now = now_ms()
        latest = now - min_age_ms
        # Most clients have nothing to be told: one statement, committed on its own.
        async with db.read() as conn:
            refunded = await pg.cancel_once(
                conn, client_id, guid=guid, act_id=act_id, latest=latest, now=now, quiet_only=True
            )
        if refunded is not None:
            return refunded
        # A transaction, so the lifecycle webhooks are queued with the cancel.
        async with db.transaction() as conn:
            refunded = await pg.cancel_once(
                conn, client_id, guid=guid, act_id=act_id, latest=latest, now=now
            )
            if refunded is not None:
                await events.record_cancelled(conn, guid or act_id or 0, refunded, now)
                await events.balance_changed(conn, client_id, now)
        if refunded is not None:
            return refunded
    # SQLite, or nothing was cancellable: the portable path applies (or explains) it.
    return await in_transaction(
        db, rules.cancel, client_id, guid=guid, act_id=act_id, min_age_ms=min_age_ms
    )
