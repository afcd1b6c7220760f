"""The demo market's accounts, their top-ups, and fresh numbers for the demo pool.

The market's clients burn numbers (a number that received an SMS for a service is never
leased for it again); the pool is topped up where the market leased, so the demo client
printed for the user still finds numbers after the demo has run all day.
"""

from __future__ import annotations

import asyncio
import logging
import random

from otpvirt.admin import audit
from otpvirt.auth.passwords import generate_password
from otpvirt.catalogue.snapshot import CountryInfo, ServiceInfo
from otpvirt.clients import service as clients
from otpvirt.db import Conn, in_transaction
from otpvirt.demo import repository as repo
from otpvirt.demo.catalogue import NUMBER_PLANS, SIMULATOR_SOURCE
from otpvirt.inventory import service as inventory
from otpvirt.inventory.repositories import pool
from otpvirt.ledger import service as ledger
from otpvirt.money import currency, format_amount, parse_amount
from otpvirt.runtime import Runtime

log = logging.getLogger("otpvirt.demo")

ACTOR = audit.Actor("system:demo-market")
OPENING_BALANCE = 100_000  # 1000.00 USD
TOP_UP, LOW = "500.00", "10.00"
# Fewer free numbers than this for a service where the market leased: add a batch.
RESTOCK_BELOW, RESTOCK = 20, 25


async def ensure_clients(rt: Runtime, names: list[str]) -> list[str]:
    """The demo market's accounts (marked `demo`), created when missing; their ids."""
    async with rt.db.read() as conn:
        found = {r.name: r.id for r in await repo.clients(conn, enabled_only=False)}
    for name in names:
        if name in found:
            continue
        # Nobody needs this password: an operator who wants to look through the
        # portal as a simulated client sets a new one in the console.
        pw_hash = await asyncio.to_thread(rt.passwords.hash, generate_password())

        async def create(conn: Conn, name: str = name, pw_hash: str = pw_hash) -> str:
            out = await clients.create_client(
                conn, password_hash=pw_hash, balance=OPENING_BALANCE, name=name
            )
            await repo.mark_demo(conn, out.client_id)
            return out.client_id

        found[name] = await in_transaction(rt.db, create)
    return [found[n] for n in names]


async def top_up(rt: Runtime, client_id: str) -> None:
    """Top up a demo client that ran low (audited, like an operator's top-up)."""

    async def work(conn: Conn) -> None:
        row = await repo.lock_balance(conn, client_id)
        if row is None:
            return
        cur = currency(row.currency)
        if row.balance >= parse_amount(LOW, cur):
            return  # another process topped it up meanwhile
        note = "demo market top-up"
        out = await clients.change_balance(conn, client_id, TOP_UP, kind=ledger.TOPUP, note=note)
        before = {"balance": format_amount(row.balance, cur)}
        after = {"balance": format_amount(out.balance, cur), "amount": TOP_UP, "note": note}
        await audit.record(conn, ACTOR, "client.topup", client_id, before, after)

    await in_transaction(rt.db, work)


async def restock(
    rt: Runtime, country: CountryInfo, provider_id: int | None, service: ServiceInfo
) -> int:
    """Add simulated numbers where few are left for the service; return how many."""
    plan = NUMBER_PLANS.get(country.name)
    providers = [p for p in country.providers.values() if provider_id in (None, p.id)]
    if plan is None or not providers:
        return 0
    async with rt.db.read() as conn:
        free = await pool.count_available(
            conn, country_id=country.id, provider_id=provider_id, service_id=service.id
        )
    if free >= RESTOCK_BELOW:
        return 0
    prefix, digits = plan
    rng = random.Random()
    rows: list[dict[str, str]] = [
        {
            "number": prefix + "".join(rng.choice("0123456789") for _ in range(digits)),
            "country": country.name,
            "provider": providers[i % len(providers)].name,
            "source": SIMULATOR_SOURCE,
        }
        for i in range(RESTOCK)
    ]
    report = await inventory.import_numbers(rt.db, await rt.catalogue.get(), enumerate(rows, 1))
    if report.added:
        log.info(
            "demo market: %d new numbers in %s (%d were left for %s)",
            report.added,
            country.name,
            free,
            service.code,
        )
    return report.added
