"""The demo market: simulated clients lease, read codes, confirm, cancel and let leases
expire through the real services; its state is in the database."""

from __future__ import annotations

import random
import time
import uuid
from collections import Counter
from pathlib import Path

import pytest

import otpvirt.clock
from otpvirt.activation.service import SMS_RECEIVED, WAITING
from otpvirt.clock import now_ms
from otpvirt.config import Settings
from otpvirt.db import in_transaction
from otpvirt.demo import market, setup_demo, upkeep
from otpvirt.doctor.service import run_checks
from otpvirt.observability.stats import overview
from otpvirt.runtime import Runtime
from otpvirt.worker.runner import Worker, run_simulator, sweep_leases
from tests.conftest import make_settings


class Clock:
    """`now_ms` everywhere, moved forward by the test instead of by sleeping."""

    def __init__(self) -> None:
        self.offset_ns = 0

    def time_ns(self) -> int:
        return time.time_ns() + self.offset_ns

    def advance(self, seconds: float) -> None:
        self.offset_ns += int(seconds * 1e9)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fake = Clock()
    monkeypatch.setattr(otpvirt.clock, "time", fake)
    return fake


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    return make_settings(database_url, tmp_path, demo_traffic=60, simulator_delay="2-4")


async def _states(rt: Runtime, client_ids: list[str]) -> Counter[str]:
    marks = ", ".join(f":c{i}" for i in range(len(client_ids)))
    async with rt.db.read() as conn:
        rows = await conn.fetchall(
            f"SELECT state, COUNT(*) FROM activations WHERE client_id IN ({marks}) GROUP BY state",
            {f"c{i}": c for i, c in enumerate(client_ids)},
        )
    return Counter({r[0]: int(r[1]) for r in rows})


def test_every_lease_has_one_fate_the_same_everywhere() -> None:
    guids = [str(uuid.uuid5(uuid.NAMESPACE_URL, f"lease-{i}")) for i in range(2000)]
    fates = Counter(market.plan_for(g).fate for g in guids)
    assert [market.plan_for(g) for g in guids[:50]] == [market.plan_for(g) for g in guids[:50]]
    assert 0.72 < fates[market.CONFIRM] / 2000 < 0.84
    assert 0.08 < fates[market.CANCEL] / 2000 < 0.16
    assert 0.06 < fates[market.ABANDON] / 2000 < 0.14
    delays = {market.plan_for(g).delay_ms for g in guids if market.plan_for(g).fate != "abandon"}
    assert min(delays) >= 1_500 and max(delays) < 7_500


def test_next_step() -> None:
    confirm, cancel = market.Plan(market.CONFIRM, 2_000), market.Plan(market.CANCEL, 2_000)
    abandon = market.Plan(market.ABANDON, 0)
    step = market.next_step
    # The code came: read it and confirm once the client has "looked".
    assert step(confirm, SMS_RECEIVED, 0, 10_000, 11_999) == ""
    assert step(confirm, SMS_RECEIVED, 0, 10_000, 12_000) == market.CONFIRM
    # No code yet: wait, and give up (cancel, refunded) after a while.
    assert step(confirm, WAITING, 0, None, market.GIVE_UP_MS - 1) == ""
    assert step(confirm, WAITING, 0, None, market.GIVE_UP_MS) == market.CANCEL
    # A client that changes its mind cancels; if the SMS beat it, it confirms instead.
    assert step(cancel, WAITING, 0, None, 1_999) == ""
    assert step(cancel, WAITING, 0, None, 2_000) == market.CANCEL
    assert step(cancel, SMS_RECEIVED, 0, 1_000, 3_000) == market.CONFIRM
    # An abandoned lease is left to run out.
    assert step(abandon, SMS_RECEIVED, 0, 1_000, 10**9) == ""
    assert step(abandon, WAITING, 0, None, 10**9) == ""


async def test_turns_are_booked_in_the_database_without_catch_up_bursts(rt: Runtime) -> None:
    now = now_ms()

    async def claim(at: int, gap: int = 1_000) -> bool:
        # As run_market books them: the longest gap at a rate is 1.5 times the mean.
        return bool(await in_transaction(rt.db, market.claim_lease, at, gap, gap * 3 // 2))

    assert await claim(now)  # the first lease is at once
    assert not await claim(now + 999)
    assert await claim(now + 1_000)
    assert not await claim(now + 1_999)
    # Back after a minute's pause (a restart): only MAX_BEHIND_MS worth is made up.
    later, made = now + 60_000, 0
    while await claim(later):
        made += 1
    assert made == 1 + market.MAX_BEHIND_MS // 1_000
    # A turn booked at a slower rate (ten minutes ahead) is taken at once when the
    # rate goes up, instead of ten silent minutes.
    assert await claim(later + 1_000, gap=600_000)
    assert not await claim(later + 1_100, gap=600_000)
    assert await claim(later + 1_100)
    assert not await claim(later + 1_200)


async def test_market_clients_are_created_once_and_are_not_the_demo_client(rt: Runtime) -> None:
    demo = await setup_demo(rt, per_provider=1)
    ids = await market.setup_market(rt)
    assert len(ids) == len(market.PERSONAS) and demo.client_id not in ids
    assert await market.setup_market(rt) == ids
    async with rt.db.read() as conn:
        rows = await conn.fetchall("SELECT id, demo, balance FROM clients ORDER BY id")
    assert {r[0] for r in rows if r[1]} == set(ids)
    assert all(int(r[2]) == upkeep.OPENING_BALANCE for r in rows if r[1])


async def test_the_market_trades_through_the_real_services(rt: Runtime, clock: Clock) -> None:
    demo = await setup_demo(rt, per_provider=20)
    ids = await market.setup_market(rt)
    rt.extras[market.RNG_KEY] = random.Random(21)
    for _ in range(120):  # two minutes, one pass a second, as the worker runs them
        clock.advance(1)
        await market.run_market(rt)
        await run_simulator(rt)
        await sweep_leases(rt)
    states = await _states(rt, ids)
    # About one lease a second (60 a minute), most confirmed, some cancelled, some live.
    assert 90 <= sum(states.values()) <= 150, states
    assert states["completed"] > states["cancelled"] > 0, states
    assert states[WAITING] + states[SMS_RECEIVED] > 0, states
    assert await _states(rt, [demo.client_id]) == Counter()
    async with rt.db.read() as conn:
        spread = await conn.fetchone(
            "SELECT COUNT(DISTINCT country_id), COUNT(DISTINCT service_id), "
            "SUM(CASE WHEN state = 'completed' AND sms_count = 0 THEN 1 ELSE 0 END) "
            "FROM activations"
        )
        ov = await overview(conn)
        checks = await run_checks(conn)
        assert [c for c in checks if c["violations"]] == [], checks
    # Across countries and services; nothing was confirmed without its code.
    assert spread is not None
    assert spread[0] >= 5 and spread[1] >= 8 and spread[2] == 0, tuple(spread)
    # What the console's overview shows: leases, SMS, revenue, success rates.
    assert sum(ov.series["leases"]) == sum(states.values())
    assert sum(ov.series["sms"]) > 0 and ov.sms_last_minute > 0
    assert sum(ov.series["revenueMinor"]) > 0 and ov.success_by_country
    # Later, every abandoned lease has run out: the sweeper ended them.
    clock.advance(rt.settings.lease_minutes * 60 + 1)
    await sweep_leases(rt)
    after = await _states(rt, ids)
    assert after[WAITING] == after[SMS_RECEIVED] == 0
    assert after["completed"] > states["completed"]


async def test_a_restarted_market_settles_the_leases_of_the_last_run(
    settings: Settings, rt: Runtime, clock: Clock
) -> None:
    await setup_demo(rt, per_provider=10)
    ids = await market.setup_market(rt)
    for _ in range(10):
        clock.advance(1)
        await market.run_market(rt)
    await rt.close()  # the process dies with live leases
    clock.advance(market.GIVE_UP_MS / 1000 + 10)
    again = Runtime.open(settings)
    try:
        await market.settle(again)
        async with again.db.read() as conn:
            rows = await conn.fetchall(
                "SELECT guid, state FROM activations WHERE state IN ('waiting', 'sms_received')"
            )
        # Only the leases their clients mean to abandon are still live.
        assert all(market.plan_for(r[0]).fate == market.ABANDON for r in rows)
        assert sum((await _states(again, ids)).values()) >= 5
    finally:
        await again.close()


async def test_a_demo_client_short_of_money_is_topped_up_once(rt: Runtime) -> None:
    await setup_demo(rt, per_provider=1)
    client_id = (await market.setup_market(rt))[0]
    async with rt.db.transaction() as conn:
        from otpvirt.clients import service as clients

        await clients.change_balance(conn, client_id, "-995.00", kind="adjustment", note="test")
    await upkeep.top_up(rt, client_id)
    await upkeep.top_up(rt, client_id)
    async with rt.db.read() as conn:
        balance = await conn.fetchval("SELECT balance FROM clients WHERE id = :c", {"c": client_id})
        audited = await conn.fetchall(
            "SELECT actor, action FROM audit_log WHERE target = :c", {"c": client_id}
        )
    assert int(balance) == 500 + 50_000
    assert [tuple(r) for r in audited] == [("system:demo-market", "client.topup")]


async def test_the_pool_is_restocked_where_the_market_ran_it_low(rt: Runtime) -> None:
    await setup_demo(rt, per_provider=3)
    snap = await rt.catalogue.get()
    latvia, tg = snap.countries["latvia"], snap.services["tg"]
    added = await upkeep.restock(rt, latvia, None, tg)
    assert added == upkeep.RESTOCK
    assert await upkeep.restock(rt, latvia, None, tg) == 0  # 28 free now: enough
    async with rt.db.read() as conn:
        rows = await conn.fetchall(
            "SELECT n.phone, s.name FROM numbers n JOIN sources s ON s.id = n.source_id "
            "WHERE n.country_id = :c",
            {"c": latvia.id},
        )
    assert len(rows) == 3 + upkeep.RESTOCK
    assert all(str(r[0]).startswith("3712") and r[1] == "simulator" for r in rows)


async def test_only_a_demo_start_runs_the_market(sqlite_database_url: str, tmp_path: Path) -> None:
    for rate, expected in ((0.0, False), (5.0, True)):
        rt = Runtime.open(make_settings(sqlite_database_url, tmp_path, demo_traffic=rate))
        try:
            names = [loop.name for loop in Worker(rt).loops]
        finally:
            await rt.close()
        assert ("demo-market" in names) is expected
