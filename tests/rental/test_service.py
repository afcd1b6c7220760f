"""Rental rules on both databases: money, states, SMS routing, expiry, races."""

from __future__ import annotations

import asyncio

import pytest

from otpvirt.clock import now_ms
from otpvirt.config import Settings
from otpvirt.db import in_transaction
from otpvirt.doctor.service import run_checks
from otpvirt.errors import InsufficientBalance, NoNumbers
from otpvirt.rental import service as rentals
from otpvirt.runtime import Runtime
from otpvirt.sms.service import ingest
from otpvirt.worker.runner import end_rentals
from tests.support import factory

HOUR = 3_600_000


async def _setup(rt: Runtime, count: int = 2, hourly: int = 10) -> list[int]:
    phones = await factory.numbers(rt, "tajikistan", "indigo", count)
    snap = await rt.catalogue.get()
    country = snap.countries["tajikistan"]
    await in_transaction(rt.db, rentals.set_price, country.id, "full", "USD", hourly, now_ms())
    return phones


async def _rent(
    rt: Runtime, client_id: str, hours: int = 4, now: int | None = None
) -> rentals.Rental:
    snap = await rt.catalogue.get()
    country = snap.countries["tajikistan"]
    return await in_transaction(
        rt.db,
        rentals.rent,
        client_id=client_id,
        cur="USD",
        service_code="full",
        service_id=None,
        places=[rentals.Place(country.id, None)],
        hours=hours,
        url=None,
        now=now_ms() if now is None else now,
    )


async def _balance(rt: Runtime, client_id: str) -> int:
    async with rt.db.read() as conn:
        return int(
            await conn.fetchval("SELECT balance FROM clients WHERE id = :c", {"c": client_id})
        )


async def _doctor_clean(rt: Runtime) -> None:
    async with rt.db.read() as conn:
        bad = [c for c in await run_checks(conn) if c["violations"]]
    assert bad == []


async def test_full_rental_two_senders_extend_finish(rt: Runtime) -> None:
    phones = await _setup(rt, 1)
    c = await factory.client(rt, balance=1000)
    r = await _rent(rt, c.id, hours=4)
    assert (r.phone, r.amount, r.state) == (phones[0], 40, "active")
    assert await _balance(rt, c.id) == 960
    for sender, text in (("Telegram", "Telegram code: 12345"), ("WhatsApp", "Your code 654-321")):
        got = await in_transaction(rt.db, ingest, to=r.phone, sender=sender, text=text)
        assert got.activation_id == r.guid and got.client_id == c.id
    async with rt.db.read() as conn:
        row = await rentals.get(conn, c.id, guid=r.guid)
        msgs = await rentals.sms(conn, row)
    assert row.sms_count == 2 and [m.sender for m in msgs] == ["WhatsApp", "Telegram"]
    assert msgs[1].code == "12345"
    extended, charged = await in_transaction(
        rt.db, rentals.prolong, c.id, 10, now=now_ms(), guid=r.guid
    )
    assert charged == 100 and extended.ends_at == r.ends_at + 10 * HOUR and extended.hours == 14
    assert await _balance(rt, c.id) == 860
    done = await in_transaction(rt.db, rentals.finish, c.id, now=now_ms(), guid=r.guid)
    assert done.state == "finished"
    assert await _balance(rt, c.id) == 860  # no refund
    with pytest.raises(rentals.RentalEnded):
        await in_transaction(rt.db, rentals.cancel, c.id, now=now_ms(), guid=r.guid)
    # The number is back in the pool and rentable again.
    again = await _rent(rt, c.id)
    assert again.phone == phones[0]
    await _doctor_clean(rt)


async def test_cancel_refunds_within_window_only_without_sms(rt: Runtime) -> None:
    await _setup(rt, 3)
    c = await factory.client(rt, balance=1000)
    r = await _rent(rt, c.id)
    await in_transaction(rt.db, rentals.cancel, c.id, now=now_ms(), guid=r.guid)
    assert await _balance(rt, c.id) == 1000
    async with rt.db.read() as conn:
        kinds = await conn.fetchall(
            "SELECT kind, amount FROM ledger_entries WHERE rental_id = :r ORDER BY id", {"r": r.id}
        )
    assert [tuple(k) for k in kinds] == [("charge", -40), ("refund", 40)]
    with pytest.raises(rentals.RentalEnded):
        await in_transaction(rt.db, rentals.cancel, c.id, now=now_ms(), guid=r.guid)
    # After an SMS: error 4.
    r2 = await _rent(rt, c.id)
    await in_transaction(rt.db, ingest, to=r2.phone, sender="Bank", text="code 1111")
    with pytest.raises(rentals.CancelAfterSms):
        await in_transaction(rt.db, rentals.cancel, c.id, now=now_ms(), guid=r2.guid)
    # After 20 minutes: refused too.
    r3 = await _rent(rt, c.id, now=now_ms() - 21 * 60_000)
    with pytest.raises(rentals.CancelTooLate):
        await in_transaction(rt.db, rentals.cancel, c.id, now=now_ms(), guid=r3.guid)
    assert await _balance(rt, c.id) == 920
    await _doctor_clean(rt)


async def test_bad_input_changes_nothing(rt: Runtime) -> None:
    await _setup(rt, 1)
    c = await factory.client(rt, balance=50)
    other = await factory.client(rt, balance=1000)
    for hours in (3, 1345):
        with pytest.raises(rentals.BadRentTime):
            await _rent(rt, c.id, hours=hours)
    with pytest.raises(InsufficientBalance):
        await _rent(rt, c.id, hours=6)
    assert await _balance(rt, c.id) == 50
    r = await _rent(rt, other.id, hours=4)
    # Another client's rental is answered like a missing one.
    with pytest.raises(rentals.RentalNotFound):
        await in_transaction(rt.db, rentals.finish, c.id, now=now_ms(), guid=r.guid)
    with pytest.raises(rentals.MaxHoursExceeded):
        await in_transaction(rt.db, rentals.prolong, other.id, 1341, now=now_ms(), guid=r.guid)
    with pytest.raises(NoNumbers):
        await _rent(rt, c.id)
    assert await _balance(rt, c.id) == 50 and await _balance(rt, other.id) == 960
    await _doctor_clean(rt)


async def test_two_clients_race_for_the_last_number(rt: Runtime) -> None:
    await _setup(rt, 1)
    a = await factory.client(rt, balance=1000)
    b = await factory.client(rt, balance=1000)
    results = await asyncio.gather(_rent(rt, a.id), _rent(rt, b.id), return_exceptions=True)
    won = [x for x in results if isinstance(x, rentals.Rental)]
    lost = [x for x in results if isinstance(x, NoNumbers)]
    assert len(won) == 1 and len(lost) == 1, results
    assert await _balance(rt, a.id) + await _balance(rt, b.id) == 1960
    await _doctor_clean(rt)


async def test_rented_number_never_leased(rt: Runtime) -> None:
    await _setup(rt, 1)
    await factory.price(rt, "tajikistan", "vi", "0.05")
    c = await factory.client(rt, balance=1000)
    await _rent(rt, c.id)
    async with rt.db.read() as conn:
        free = await conn.fetchval(
            "SELECT COUNT(*) FROM numbers WHERE enabled AND source_online "
            "AND active_activation_id IS NULL AND rental_id IS NULL"
        )
    assert free == 0


async def test_expiry_by_worker_returns_number(rt: Runtime) -> None:
    phones = await _setup(rt, 1)
    c = await factory.client(rt, balance=1000)
    r = await _rent(rt, c.id, now=now_ms() - 5 * HOUR)
    assert await end_rentals(rt) == 1
    assert await end_rentals(rt) == 0  # never ended twice
    async with rt.db.read() as conn:
        row = await rentals.get(conn, c.id, guid=r.guid)
    assert row.state == "expired"
    got = await in_transaction(rt.db, ingest, to=phones[0], sender="X", text="late 9999")
    assert got.activation_id is None  # stored, not given to the ended rental
    with pytest.raises(rentals.RentalEnded):
        await in_transaction(rt.db, rentals.prolong, c.id, 4, now=now_ms(), guid=r.guid)
    assert await _balance(rt, c.id) == 960
    await _doctor_clean(rt)


async def test_cancel_and_sms_race_never_both(rt: Runtime) -> None:
    await _setup(rt, 1)
    c = await factory.client(rt, balance=1000)
    for _ in range(3):
        r = await _rent(rt, c.id)
        out = await asyncio.gather(
            in_transaction(rt.db, rentals.cancel, c.id, now=now_ms(), guid=r.guid),
            in_transaction(rt.db, ingest, to=r.phone, sender="S", text=f"code {r.id}1234"),
            return_exceptions=True,
        )
        cancelled = isinstance(out[0], rentals.Rental)
        delivered = not isinstance(out[1], BaseException) and out[1].activation_id is not None
        assert cancelled != delivered, out
        if delivered:
            await in_transaction(rt.db, rentals.finish, c.id, now=now_ms(), guid=r.guid)
    await _doctor_clean(rt)


async def test_simulator_writes_to_quiet_rented_sims(rt: Runtime) -> None:
    import random

    from otpvirt.demo import ensure_source
    from otpvirt.simulator.service import chat_to_rentals

    async with rt.db.transaction() as conn:
        await ensure_source(conn, "simulator", "simulator")
    await factory.numbers(rt, "tajikistan", "indigo", 1, source="simulator")
    snap = await rt.catalogue.get()
    tj = snap.countries["tajikistan"].id
    await in_transaction(rt.db, rentals.set_price, tj, "full", "USD", 10, now_ms())
    c = await factory.client(rt, balance=1000)
    r = await _rent(rt, c.id, hours=4, now=now_ms() - HOUR)
    rng = random.Random(7)
    assert await in_transaction(rt.db, chat_to_rentals, rt.settings, rng=rng) == 1
    # It just got one: quiet again only after a while.
    assert await in_transaction(rt.db, chat_to_rentals, rt.settings, rng=rng) == 0
    async with rt.db.read() as conn:
        row = await rentals.get(conn, c.id, guid=r.guid)
        msgs = await rentals.sms(conn, row)
    assert row.sms_count == 1 and msgs[0].code != ""
    await _doctor_clean(rt)


async def test_expiry_survives_a_restart(settings: Settings) -> None:
    """The end date is a column: a worker of a new process ends the rental."""
    first = Runtime.open(settings)
    try:
        await _setup(first, 1)
        c = await factory.client(first, balance=1000)
        r = await _rent(first, c.id, hours=4, now=now_ms() - 4 * HOUR - 1000)
    finally:
        await first.close()
    second = Runtime.open(settings)
    try:
        assert await end_rentals(second) == 1
        async with second.db.read() as conn:
            assert (await rentals.get(conn, c.id, guid=r.guid)).state == "expired"
        again = await _rent(second, c.id)  # the number is back in the pool
        assert again.phone == r.phone
        await _doctor_clean(second)
    finally:
        await second.close()
