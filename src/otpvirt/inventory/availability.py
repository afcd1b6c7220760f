"""How many numbers could be leased right now: the local pool plus suppliers' stock."""

from __future__ import annotations

from otpvirt.clock import now_ms
from otpvirt.inventory import pool
from otpvirt.runtime import Runtime
from otpvirt.supply import stock


async def available(rt: Runtime, country_id: int, provider_id: int | None, service_id: int) -> int:
    """The count GetNumbersCount and getNumbersStatus answer (cached, see CountCache)."""

    async def load() -> int:
        sql, params = pool.count_query(
            country_id=country_id, provider_id=provider_id, service_id=service_id
        )
        local = int(await rt.db.fetchval_slow(sql, params) or 0)
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
        return local + supplied

    return await rt.counts.get((country_id, provider_id, service_id), load)
