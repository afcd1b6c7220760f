"""How many numbers a client could get now for a service in a country (GetNumbersCount)."""

from __future__ import annotations

from otpvirt.clock import now_ms
from otpvirt.inventory import pool
from otpvirt.runtime import Runtime
from otpvirt.supply import stock


async def available(
    rt: Runtime, currency_code: str, country_id: int, provider_id: int | None, service_id: int
) -> int:
    """Free pool numbers plus suppliers' fresh stock; 0 where the service is not sold.

    Cached per process for `count_cache_seconds`: counting a large pool is not free.
    """
    snap = await rt.catalogue.get()
    if (country_id, service_id) not in snap.prices.get(currency_code, {}):
        return 0
    key = (country_id, provider_id, service_id)
    cached = rt.counts.get(key)
    if cached is None:
        fresh = now_ms() - int(rt.settings.supplier_stock_max_age_seconds * 1000)
        async with rt.db.read() as conn:
            cached = await pool.count_available(
                conn, country_id=country_id, provider_id=provider_id, service_id=service_id
            )
            # On-demand suppliers' last reported stock: stored values, no HTTP here.
            cached += await stock.count(
                conn,
                country_id=country_id,
                provider_id=provider_id,
                service_id=service_id,
                fresh_after=fresh,
            )
        rt.counts.put(key, cached)
    return cached
