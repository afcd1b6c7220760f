"""Rentals across our pool and outside suppliers (upstream providers that rent numbers).

The rules live in `rental.service` (one transaction each). This module is the seam
where an outside supplier joins in: rent from it when our pool has no fitting number,
and let it act first (over HTTP, outside any transaction) on the rentals it supplied
when they are cancelled, extended or finished. Suppliers register themselves
(`register`, from `otpvirt.adapters`), so rentals depend on none of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from otpvirt.clock import now_ms
from otpvirt.db import Conn, in_transaction
from otpvirt.errors import NoNumbers, ValidationFailed
from otpvirt.ids import new_guid
from otpvirt.ledger import service as ledger
from otpvirt.money import MAX_MINOR
from otpvirt.rental import repository as repo
from otpvirt.rental import service as rentals
from otpvirt.rental.repository import Picked
from otpvirt.rental.service import Place, Rental
from otpvirt.runtime import Runtime

SuppliedNumber = Picked


@dataclass(frozen=True, slots=True)
class RentRequest:
    """What a client asks to rent."""

    client_id: str
    cur: str
    service_code: str
    service_id: int | None
    places: list[Place]
    hours: int
    url: str | None


class RentSupplier(Protocol):
    """An outside source of rented numbers."""

    async def rent(self, rt: Runtime, req: RentRequest) -> Rental | None:
        """A rental of one of its numbers (charged), or None when it has none."""

    async def cancel(self, rt: Runtime, rental: Rental) -> Rental | None:
        """Cancel a rental it supplied (None: not one of its rentals)."""

    async def prolong(self, rt: Runtime, rental: Rental, hours: int) -> tuple[Rental, int] | None:
        """Extend a rental it supplied (None: not one of its rentals)."""

    async def ended(self, rt: Runtime, rental: Rental) -> None:
        """A rental just ended here (finished): tell the supplier soon, if it is one of its."""


_SUPPLIERS: list[RentSupplier] = []


def register(supplier: RentSupplier) -> None:
    """Add an outside source of rentals (called by the adapter's module on import)."""
    if not any(type(s) is type(supplier) for s in _SUPPLIERS):
        _SUPPLIERS.append(supplier)


async def rent(rt: Runtime, req: RentRequest) -> Rental:
    """Rent from our pool; when it has no fitting number, from the first supplier that has."""
    try:
        return await in_transaction(
            rt.db,
            rentals.rent,
            client_id=req.client_id,
            cur=req.cur,
            service_code=req.service_code,
            service_id=req.service_id,
            places=req.places,
            hours=req.hours,
            url=req.url,
            now=now_ms(),
        )
    except NoNumbers as exc:
        if type(exc) is not NoNumbers:
            raise  # not offered for rent there: no supplier changes that
        miss = exc
    for supplier in _SUPPLIERS:
        found = await supplier.rent(rt, req)
        if found is not None:
            return found
    raise miss


async def _read(
    rt: Runtime, client_id: str | None, guid: str | None, rental_id: int | None
) -> Rental:
    async with rt.db.read() as conn:
        return await rentals.get(conn, client_id, guid=guid, rental_id=rental_id)


async def cancel(
    rt: Runtime, client_id: str, *, guid: str | None = None, rental_id: int | None = None
) -> Rental:
    """Cancel with a full refund (the supplier first, for a supplied rental)."""
    row = await _read(rt, client_id, guid, rental_id)
    for supplier in _SUPPLIERS:
        done = await supplier.cancel(rt, row)
        if done is not None:
            return done
    return await in_transaction(rt.db, rentals.cancel, client_id, now=now_ms(), rental_id=row.id)


async def prolong(
    rt: Runtime,
    client_id: str,
    hours: int,
    *,
    guid: str | None = None,
    rental_id: int | None = None,
) -> tuple[Rental, int]:
    """Extend and charge (the supplier extends first, for a supplied rental)."""
    row = await _read(rt, client_id, guid, rental_id)
    for supplier in _SUPPLIERS:
        done = await supplier.prolong(rt, row, hours)
        if done is not None:
            return done
    return await in_transaction(
        rt.db, rentals.prolong, client_id, hours, now=now_ms(), rental_id=row.id
    )


async def finish(
    rt: Runtime, client_id: str | None, *, guid: str | None = None, rental_id: int | None = None
) -> Rental:
    """End now, no refund; a supplier of the rental is told right after."""
    row = await _read(rt, client_id, guid, rental_id)
    done = await in_transaction(rt.db, rentals.finish, client_id, now=now_ms(), rental_id=row.id)
    for supplier in _SUPPLIERS:
        await supplier.ended(rt, done)
    return done


async def rent_supplied(
    conn: Conn,
    *,
    req: RentRequest,
    country_id: int,
    number: SuppliedNumber,
    now: int,
) -> Rental:
    """Record a rental of a number a supplier just rented to us, and charge our price.

    Our price is our hourly rent price (API-extensions §1), whatever the supplier took.
    """
    rentals.check_hours(req.hours)
    hourly = await repo.rent_price(conn, country_id, req.service_code, req.cur)
    if hourly is None:
        raise rentals.RentNotOffered(f"{req.service_code} is not offered for rent there")
    amount = hourly * req.hours
    if amount > MAX_MINOR:
        raise ValidationFailed("the rent of that many hours is beyond any balance")
    rental_id = await repo.insert(
        conn,
        {
            "guid": new_guid(),
            "client": req.client_id,
            "number": number.id,
            "phone": number.phone,
            "country": country_id,
            "provider": number.provider_id,
            "service": req.service_code,
            "cur": req.cur,
            "hourly": hourly,
            "hours": req.hours,
            "amount": amount,
            "now": now,
            "ends": now + req.hours * rentals.HOUR_MS,
            "url": req.url,
        },
    )
    if not await repo.hold_number(conn, number.id, rental_id, pooled=False):
        raise NoNumbers(f"{number.phone} is held by another lease here")
    await ledger.debit(
        conn,
        req.client_id,
        amount,
        req.cur,
        rental_id=rental_id,
        note=f"rent {req.hours} h",
        now=now,
    )
    return await rentals.get(conn, None, rental_id=rental_id)


async def hourly_price(conn: Conn, country_id: int, service_code: str, cur: str) -> int | None:
    """Our hourly rent price of the service (else of `full`) in the country, if any."""
    return await repo.rent_price(conn, country_id, service_code, cur)
