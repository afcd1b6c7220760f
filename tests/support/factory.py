"""Builders for test data, going through the real service functions."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

import httpx

from otpvirt.clients import service as clients
from otpvirt.demo import ensure_source
from otpvirt.inventory import service as inventory
from otpvirt.pricing.service import set_price
from otpvirt.runtime import Runtime

PASSWORD = "correct-horse-battery"


@dataclass
class TestClient:
    id: str
    password: str

    def creds(self, **extra: Any) -> dict[str, Any]:
        """The credentials part of a native request body, plus `extra`."""
        return {"clientId": self.id, "apiPassword": self.password, **extra}


async def client(
    rt: Runtime, *, balance: int = 10_000, currency: str = "USD", password: str = PASSWORD
) -> TestClient:
    """A client with `balance` minor units."""
    pw_hash = await asyncio.to_thread(rt.passwords.hash, password)
    async with rt.db.transaction() as conn:
        out = await clients.create_client(
            conn, password_hash=pw_hash, currency_code=currency, balance=balance
        )
    return TestClient(out.client_id, password)


async def price(
    rt: Runtime, country: str, service: str, amount: str, currency: str = "USD"
) -> None:
    """Offer `service` in `country`."""
    async with rt.db.transaction() as conn:
        await set_price(conn, country, service, amount, currency)
    rt.catalogue.invalidate()


async def numbers(
    rt: Runtime,
    country: str,
    provider: str,
    count: int,
    *,
    prefix: str | None = None,
    source: str | None = None,
) -> list[int]:
    """Add `count` numbers to the pool; return them."""
    snap = await rt.catalogue.get()
    c = snap.countries[country]
    start = prefix or f"{c.calling_code}55"
    phones = [f"{start}{i:06d}" for i in range(count)]
    if source:
        async with rt.db.transaction() as conn:
            await ensure_source(conn, source, "gateway")
    rows = [
        (i + 2, {"number": p, "country": country, "provider": provider, "source": source or ""})
        for i, p in enumerate(phones)
    ]
    report = await inventory.import_numbers(rt.db, snap, rows)
    assert report.added == count, report
    return [int(p) for p in phones]


async def leased(
    api: httpx.AsyncClient,
    rt: Runtime,
    *,
    service: str = "vi",
    country: str = "tajikistan",
    amount: str = "0.05",
    balance: int = 10_000,
) -> tuple[TestClient, dict[str, Any]]:
    """A new client who leased a number for `service` in `country` (priced at `amount`
    first; the numbers must be there): the client and the GetNumber answer."""
    await price(rt, country, service, amount)
    c = await client(rt, balance=balance)
    got: dict[str, Any] = (
        await api.post(
            "/native/GetNumber", json=c.creds(service=service, detail={"country": country})
        )
    ).json()
    assert got["status"] == 2, got
    return c, got
