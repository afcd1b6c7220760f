"""Availability counts: cached briefly, refreshed in the background, loaded once."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable

from otpvirt.runtime import CountCache, Runtime
from otpvirt.supply.availability import available
from tests.conftest import make_settings
from tests.support import factory, wait


async def _is(count: Awaitable[int], expected: int) -> bool:
    return await count == expected


async def test_count_cache_serves_stale_while_one_refresh_runs() -> None:
    cache = CountCache(ttl_seconds=0.2, min_interval_seconds=0)
    calls = 0
    gate = asyncio.Event()

    async def load() -> int:
        nonlocal calls
        calls += 1
        await gate.wait()
        return calls * 10

    # Never counted: everyone waits for the one load.
    waiting = [asyncio.ensure_future(cache.get("k", load)) for _ in range(5)]
    await asyncio.sleep(0)
    gate.set()
    assert await asyncio.gather(*waiting) == [10] * 5 and calls == 1
    assert await cache.get("k", load) == 10 and calls == 1  # fresh
    gate.clear()
    await asyncio.sleep(0.25)
    # Stale but recent (under two TTLs): answered at once, and one refresh starts.
    assert [await cache.get("k", load) for _ in range(3)] == [10, 10, 10]
    await asyncio.sleep(0)
    assert calls == 2  # one refresh for the three stale answers
    gate.set()
    await asyncio.sleep(0.01)
    assert await cache.get("k", load) == 20
    cache.clear()
    assert await cache.get("k", load) == 20  # stale after clear: answered, refreshing
    await asyncio.sleep(0.01)
    assert calls == 3


async def test_an_idle_key_is_counted_again_not_answered_stale() -> None:
    cache = CountCache(ttl_seconds=0.05)
    calls = 0

    async def load() -> int:
        nonlocal calls
        calls += 1
        return calls * 10

    assert await cache.get("k", load) == 10
    await asyncio.sleep(0.12)  # more than two TTLs without a poll
    assert await cache.get("k", load) == 20 and calls == 2


async def test_ttl_zero_always_counts() -> None:
    cache = CountCache(ttl_seconds=0)
    n = 0

    async def load() -> int:
        nonlocal n
        n += 1
        return n

    assert [await cache.get("k", load) for _ in range(3)] == [1, 2, 3]


async def test_available_counts_off_the_loop_and_reflects_leases(
    database_url: str, tmp_path
) -> None:
    rt = Runtime.open(make_settings(database_url, tmp_path, count_cache_seconds=0.05))
    try:
        await factory.numbers(rt, "tajikistan", "indigo", 30)
        await factory.price(rt, "tajikistan", "vi", "0.05")
        snap = await rt.catalogue.get()
        tj, vi = snap.countries["tajikistan"], snap.services["vi"]
        assert await available(rt, "USD", tj.id, None, vi.id) == 30
        async with rt.db.transaction() as conn:
            await conn.execute("UPDATE numbers SET enabled = FALSE WHERE phone % 3 = 0")
        rt.counts.clear()
        assert await available(rt, "USD", tj.id, None, vi.id) == 30  # stale answer, refresh started
        await asyncio.sleep(0.1)
        assert await available(rt, "USD", tj.id, None, vi.id) == 20
        assert await available(rt, "RUB", tj.id, None, vi.id) == 0  # not sold in RUB
    finally:
        await rt.close()


async def test_a_lease_and_its_cancel_make_the_counts_stale_without_the_caller(
    database_url: str, tmp_path
) -> None:
    from otpvirt.activation import service as activations
    from otpvirt.activation.dispatch import cancel_activation, lease_local
    from otpvirt.activation.service import LeaseRequest
    from otpvirt.clients.service import authenticate

    # Counts stay fresh for a minute unless the database reports a pool change.
    rt = Runtime.open(make_settings(database_url, tmp_path, count_cache_seconds=60))
    try:
        await factory.numbers(rt, "tajikistan", "indigo", 3)
        await factory.price(rt, "tajikistan", "vi", "0.05")
        c = await factory.client(rt)
        client = await authenticate(rt.db, rt.passwords, c.id, c.password)
        snap = await rt.catalogue.get()
        tj, vi = snap.countries["tajikistan"], snap.services["vi"]
        assert await available(rt, "USD", tj.id, None, vi.id) == 3
        where = tuple(activations.candidates(snap, "USD", vi, tj, None))
        lease = await lease_local(rt.db, LeaseRequest(client, vi, where, 60_000))
        # Stale within a second (not a minute), and refreshed by a later poll.
        await wait.until(lambda: _is(available(rt, "USD", tj.id, None, vi.id), 2), within=5)
        await cancel_activation(rt.db, client.id, guid=lease.guid)
        await wait.until(lambda: _is(available(rt, "USD", tj.id, None, vi.id), 3), within=5)
    finally:
        await rt.close()


async def test_a_change_refreshes_a_count_at_most_once_per_interval() -> None:
    cache = CountCache(ttl_seconds=60, min_interval_seconds=0.2)
    calls = 0

    async def load() -> int:
        nonlocal calls
        calls += 1
        return calls

    assert await cache.get("k", load) == 1
    for _ in range(20):  # constant changes: no reload inside the interval
        cache.clear()
        assert await cache.get("k", load) == 1
    assert calls == 1
    await asyncio.sleep(0.25)
    cache.clear()
    assert await cache.get("k", load) == 1  # stale answer while the one reload runs
    await wait.until(lambda: calls == 2)
    assert await cache.get("k", load) == 2


async def test_one_grouped_read_counts_every_place_like_the_per_pair_count(
    database_url: str, tmp_path
) -> None:
    from otpvirt.inventory.repositories import pool

    rt = Runtime.open(make_settings(database_url, tmp_path))
    try:
        await factory.numbers(rt, "tajikistan", "indigo", 12)
        await factory.numbers(rt, "iran", "mci", 5)
        await factory.numbers(rt, "latvia", "xomobile", 4)
        snap = await rt.catalogue.get()
        vi, tg = snap.services["vi"], snap.services["tg"]
        async with rt.db.transaction() as conn:
            await conn.execute("UPDATE numbers SET enabled = FALSE WHERE phone % 5 = 0")
            await conn.execute(
                "INSERT INTO number_services (number_id, service_id, created_at) "
                "SELECT id, :s, 0 FROM numbers WHERE phone % 3 = 0",
                {"s": vi.id},
            )
        counts = await pool.pool_counts_off_loop(rt.db)
        places = [
            (c.id, p)
            for c in snap.countries.values()
            for p in (None, *(x.id for x in c.providers.values()))
        ]
        async with rt.db.read() as conn:
            for country_id, provider_id in places:
                for service in (vi, tg):
                    expected = await pool.count_available(
                        conn, country_id=country_id, provider_id=provider_id, service_id=service.id
                    )
                    got = counts.available(country_id, provider_id, service.id)
                    assert got == expected, (country_id, provider_id, service.code)
        tj = snap.countries["tajikistan"]
        assert counts.available(tj.id, None, tg.id) > counts.available(tj.id, None, vi.id) > 0
    finally:
        await rt.close()
