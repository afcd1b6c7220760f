"""Bundles (one number for several services) in the lease engine: pick, expiry, hand-over."""

from __future__ import annotations

import pytest

from otpvirt.activation import service as activations
from otpvirt.activation.bundles import lease_bundle
from otpvirt.activation.service import LeaseRequest
from otpvirt.clients.service import AuthClient, authenticate
from otpvirt.clock import now_ms
from otpvirt.db import in_transaction
from otpvirt.doctor.service import CHECKS, run_checks
from otpvirt.errors import InsufficientBalance, NoNumbers
from otpvirt.runtime import Runtime
from otpvirt.sms.service import ingest
from tests.support import factory


async def _setup(rt: Runtime, count: int, balance: int = 1000) -> tuple[AuthClient, list[int]]:
    await factory.price(rt, "tajikistan", "vi", "0.05")
    await factory.price(rt, "tajikistan", "fb", "0.06")
    phones = await factory.numbers(rt, "tajikistan", "indigo", count)
    c = await factory.client(rt, balance=balance)
    return await authenticate(rt.db, rt.passwords, c.id, c.password), phones


async def _request(
    rt: Runtime, client: AuthClient, codes: list[str], lease_ms: int = 60_000
) -> LeaseRequest:
    snap = await rt.catalogue.get()
    services = [snap.services[c] for c in codes]
    where = activations.candidates(snap, "USD", services[0], snap.countries["tajikistan"], None)
    return LeaseRequest(client, services[0], tuple(where), lease_ms, also=tuple(services[1:]))


async def _clean(rt: Runtime) -> None:
    async with rt.db.read() as conn:
        assert {r["name"]: r["violations"] for r in await run_checks(conn)} == {
            c.name: 0 for c in CHECKS
        }


async def test_pick_skips_numbers_used_for_any_service(rt: Runtime) -> None:
    client, phones = await _setup(rt, 2)
    # The longest-free number got a Facebook SMS once (a completed lease of fb).
    first = await lease_bundle(rt.db, await _request(rt, client, ["fb"]))
    assert first[0].phone == phones[0]
    await in_transaction(rt.db, ingest, to=phones[0], sender="Facebook", text="FB-12345 code")
    await in_transaction(rt.db, activations.confirm, client.id, act_id=first[0].id)
    bundle = await lease_bundle(rt.db, await _request(rt, client, ["vi", "fb"]))
    assert {lease.phone for lease in bundle} == {phones[1]}
    assert [lease.service.code for lease in bundle] == ["vi", "fb"]
    # No third number fits both: nothing is charged for the refusal.
    with pytest.raises(NoNumbers):
        await lease_bundle(rt.db, await _request(rt, client, ["fb", "vi"]))
    # The first number is still good for Viber alone.
    (viber,) = await lease_bundle(rt.db, await _request(rt, client, ["vi"]))
    assert viber.phone == phones[0]
    await _clean(rt)


async def test_all_or_nothing_on_balance(rt: Runtime) -> None:
    client, _ = await _setup(rt, 1, balance=8)
    with pytest.raises(InsufficientBalance):
        await lease_bundle(rt.db, await _request(rt, client, ["vi", "fb"]))
    async with rt.db.read() as conn:
        assert await conn.fetchval("SELECT COUNT(*) FROM activations") == 0
        assert await conn.fetchval("SELECT COUNT(*) FROM ledger_entries WHERE kind = 'charge'") == 0
        assert (
            await conn.fetchval("SELECT COUNT(*) FROM numbers WHERE active_activation_id IS NULL")
            == 1
        )
    await _clean(rt)


async def test_expiry_ends_each_and_frees_the_number_last(rt: Runtime) -> None:
    client, (phone,) = await _setup(rt, 1)
    vi, fb = await lease_bundle(rt.db, await _request(rt, client, ["vi", "fb"]))
    await in_transaction(rt.db, ingest, to=phone, sender="Viber", text="Your Viber code: 905526")
    # The holder (the first activation) ends first: the number passes to the other.
    await in_transaction(rt.db, activations.confirm, client.id, act_id=vi.id)
    async with rt.db.read() as conn:
        held = await conn.fetchval("SELECT active_activation_id FROM numbers")
    assert int(held) == fb.id
    await _clean(rt)
    ended = await in_transaction(rt.db, activations.expire_due, now_ms() + 120_000)
    assert ended == 1
    async with rt.db.read() as conn:
        states = await conn.fetchall("SELECT id, state FROM activations ORDER BY id")
        held = await conn.fetchval("SELECT active_activation_id FROM numbers")
        kinds = await conn.fetchall(
            "SELECT kind, amount FROM ledger_entries WHERE client_id = :c ORDER BY id",
            {"c": client.id},
        )
    assert [(int(r[0]), r[1]) for r in states] == [(vi.id, "completed"), (fb.id, "expired")]
    assert held is None
    assert [(r[0], int(r[1])) for r in kinds] == [
        ("topup", 1000),
        ("charge", -5),
        ("charge", -6),
        ("refund", 6),
    ]
    await _clean(rt)
