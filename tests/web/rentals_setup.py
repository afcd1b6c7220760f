"""Shared set-up for the console and portal rental tests: numbers, rent prices, rentals."""

from __future__ import annotations

from otpvirt.clock import now_ms
from otpvirt.db import in_transaction
from otpvirt.rental import service as rentals
from otpvirt.runtime import Runtime
from tests.support import factory


async def rent_prices(rt: Runtime, *, hourly: int = 10) -> None:
    """`full` at `hourly` minor units in tajikistan, `vi` at 20 in laos (USD)."""
    snap = await rt.catalogue.get()
    taj, laos = snap.countries["tajikistan"].id, snap.countries["laos"].id
    await in_transaction(rt.db, rentals.set_price, taj, "full", "USD", hourly, now_ms())
    await in_transaction(rt.db, rentals.set_price, laos, "vi", "USD", 20, now_ms())


async def rent(
    rt: Runtime,
    client_id: str,
    country: str = "tajikistan",
    service: str = "full",
    hours: int = 4,
    now: int | None = None,
) -> rentals.Rental:
    """A rental made through the service, as the APIs make them."""
    snap = await rt.catalogue.get()
    service_id = None if service == "full" else snap.services[service].id
    return await in_transaction(
        rt.db,
        rentals.rent,
        client_id=client_id,
        cur="USD",
        service_code=service,
        service_id=service_id,
        places=[rentals.Place(snap.countries[country].id, None)],
        hours=hours,
        url=None,
        now=now_ms() if now is None else now,
    )


async def balance(rt: Runtime, client_id: str) -> int:
    async with rt.db.read() as conn:
        return int(
            await conn.fetchval("SELECT balance FROM clients WHERE id = :c", {"c": client_id})
        )


async def state(rt: Runtime, rental_id: int) -> str:
    async with rt.db.read() as conn:
        return str(await conn.fetchval("SELECT state FROM rentals WHERE id = :i", {"i": rental_id}))


async def pool(rt: Runtime, tajikistan: int = 3, laos: int = 2) -> list[int]:
    """Numbers to rent; returns the Tajik ones."""
    phones = await factory.numbers(rt, "tajikistan", "indigo", tajikistan)
    await factory.numbers(rt, "laos", "any", laos)
    return phones
