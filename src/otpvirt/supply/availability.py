"""How many numbers a client could get now for a service in a country (GetNumbersCount)."""

from __future__ import annotations

from otpvirt.clock import now_ms
from otpvirt.inventory.repositories import pool
from otpvirt.runtime import Runtime
from otpvirt.supply import stock

# The key of the whole pool's counts in the runtime's CountCache.
POOL_COUNTS = ("pool",)


async def available(
    rt: Runtime, currency_code: str, country_id: int, provider_id: int | None, service_id: int
) -> int:
    """Free pool numbers plus suppliers' fresh stock; 0 where the service is not sold.

    Cached per process (see CountCache): the pool is counted for every place at once,
    off the event loop, and a stale count is answered while one refresh runs.
    """
    snap = await rt.catalogue.get()
    if (country_id, service_id) not in snap.prices.get(currency_code, {}):
        return 0

    async def load_pool() -> pool.PoolCounts:
        return await pool.pool_counts_off_loop(rt.db)

    async def load_supplied() -> int:
        fresh_after = now_ms() - int(rt.settings.supplier_stock_max_age_seconds * 1000)
        # On-demand suppliers' last reported stock: stored values, no HTTP here.
        async with rt.db.read() as conn:
            supplied = await stock.count(
                conn,
                country_id=country_id,
                provider_id=provider_id,
                service_id=service_id,
                fresh_after=fresh_after,
            )
        return supplied

    local = (await rt.counts.get(POOL_COUNTS, load_pool)).available(
        country_id, provider_id, service_id
    )
    return local + await rt.counts.get(
        ("stock", country_id, provider_id, service_id), load_supplied
    )
