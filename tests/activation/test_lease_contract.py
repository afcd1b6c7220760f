"""The lease seam's contract: what leasing from the pool does, on every database.

`dispatch.lease_local` runs one candidate loop over a per-database seam (SQLite: a
multi-statement transaction; PostgreSQL: one statement per candidate). Run this file
with `--backends sqlite` and `--backends postgresql`: both seams must pass it as is.
"""

from __future__ import annotations

from typing import Any

import pytest

from otpvirt.activation import service as activations
from otpvirt.activation.dispatch import cancel_activation, lease_local
from otpvirt.activation.service import LeaseRequest, OrderExists, PriceAboveMax
from otpvirt.clients.service import AuthClient, authenticate
from otpvirt.db import in_transaction
from otpvirt.errors import (
    ActivationFinished,
    InsufficientBalance,
    NoNumbers,
    ServiceNotOffered,
    SmsAlreadyReceived,
)
from otpvirt.ledger.service import mismatched_balances
from otpvirt.runtime import Runtime
from otpvirt.sms.service import ingest
from tests.support import factory


async def _client(rt: Runtime, balance: int = 1000) -> AuthClient:
    c = await factory.client(rt, balance=balance)
    return await authenticate(rt.db, rt.passwords, c.id, c.password)


async def _request(
    rt: Runtime, client: AuthClient, country: str | None = "tajikistan", **extra: Any
) -> LeaseRequest:
    snap = await rt.catalogue.get()
    svc = snap.services[extra.pop("service", "vi")]
    where = activations.candidates(
        snap, client.currency, svc, snap.countries[country] if country else None, None
    )
    return LeaseRequest(client, svc, tuple(where), 60_000, **extra)


async def _state(rt: Runtime, client_id: str) -> tuple[int, int, int]:
    """(balance, ledger entries, leased numbers): what a refused lease must not change."""
    async with rt.db.read() as conn:
        balance = await conn.fetchval("SELECT balance FROM clients WHERE id = :c", {"c": client_id})
        entries = await conn.fetchval(
            "SELECT COUNT(*) FROM ledger_entries WHERE client_id = :c AND kind <> 'topup'",
            {"c": client_id},
        )
        leased = await conn.fetchval(
            "SELECT COUNT(*) FROM numbers WHERE active_activation_id IS NOT NULL"
        )
    return int(balance), int(entries), int(leased)


async def test_a_lease_takes_the_longest_free_number_and_charges_it(rt: Runtime) -> None:
    await factory.price(rt, "tajikistan", "vi", "0.05")
    phones = await factory.numbers(rt, "tajikistan", "indigo", 3)
    async with rt.db.transaction() as conn:
        await conn.execute("UPDATE numbers SET free_since = 5 WHERE phone = :p", {"p": phones[1]})
    client = await _client(rt)
    lease = await lease_local(rt.db, await _request(rt, client))
    assert (lease.phone, lease.price, lease.currency) == (phones[1], 5, "USD")
    assert lease.expires_at == lease.created_at + 60_000
    async with rt.db.read() as conn:
        entry = await conn.fetchone(
            "SELECT kind, amount, balance_after, activation_id FROM ledger_entries "
            "WHERE client_id = :c AND kind = 'charge'",
            {"c": client.id},
        )
        holder = await conn.fetchval(
            "SELECT active_activation_id FROM numbers WHERE phone = :p", {"p": phones[1]}
        )
    assert entry is not None and tuple(entry) == ("charge", -5, 995, lease.id)
    assert holder == lease.id
    assert await _state(rt, client.id) == (995, 1, 1)


async def test_the_first_candidate_with_a_fitting_number_gives_it(rt: Runtime) -> None:
    await factory.price(rt, "tajikistan", "vi", "0.05")
    await factory.price(rt, "iran", "vi", "0.07")
    phones = await factory.numbers(rt, "iran", "mci", 1)
    client = await _client(rt)
    lease = await lease_local(rt.db, await _request(rt, client, country=None))
    assert (lease.phone, lease.price, lease.country.name) == (phones[0], 7, "iran")


async def test_no_fitting_number_is_no_numbers_and_changes_nothing(rt: Runtime) -> None:
    await factory.price(rt, "tajikistan", "vi", "0.05")
    await factory.numbers(rt, "tajikistan", "indigo", 2, prefix="99255")
    client = await _client(rt)
    req = await _request(rt, client, exclude_prefixes=("99255",))
    with pytest.raises(NoNumbers) as caught:
        await lease_local(rt.db, req)
    assert type(caught.value) is NoNumbers
    assert await _state(rt, client.id) == (1000, 0, 0)


async def test_a_number_used_for_the_service_is_never_leased_for_it_again(rt: Runtime) -> None:
    await factory.price(rt, "tajikistan", "vi", "0.05")
    await factory.price(rt, "tajikistan", "tg", "0.05")
    (phone,) = await factory.numbers(rt, "tajikistan", "indigo", 1)
    client = await _client(rt)
    first = await lease_local(rt.db, await _request(rt, client))
    await in_transaction(rt.db, ingest, to=str(phone), sender="Viber", text="Your code: 123456")
    await in_transaction(rt.db, activations.confirm, client.id, act_id=first.id)
    with pytest.raises(NoNumbers):
        await lease_local(rt.db, await _request(rt, client))
    other = await lease_local(rt.db, await _request(rt, client, service="tg"))
    assert other.phone == phone


async def test_a_service_not_sold_there_is_not_offered(rt: Runtime) -> None:
    await factory.numbers(rt, "tajikistan", "indigo", 1)
    client = await _client(rt)
    with pytest.raises(ServiceNotOffered):
        await lease_local(rt.db, await _request(rt, client))
    assert await _state(rt, client.id) == (1000, 0, 0)


async def test_above_the_maximum_price_names_the_cheapest_refused(rt: Runtime) -> None:
    await factory.price(rt, "tajikistan", "vi", "0.09")
    await factory.price(rt, "iran", "vi", "0.07")
    await factory.numbers(rt, "tajikistan", "indigo", 1)
    await factory.numbers(rt, "iran", "mci", 1)
    client = await _client(rt)
    with pytest.raises(PriceAboveMax) as caught:
        await lease_local(rt.db, await _request(rt, client, country=None, max_price=6))
    assert caught.value.min_price == 7
    assert await _state(rt, client.id) == (1000, 0, 0)
    lease = await lease_local(rt.db, await _request(rt, client, country=None, max_price=7))
    assert lease.price == 7


async def test_a_balance_below_the_price_leases_nothing(rt: Runtime) -> None:
    await factory.price(rt, "tajikistan", "vi", "0.05")
    await factory.numbers(rt, "tajikistan", "indigo", 1)
    client = await _client(rt, balance=4)
    with pytest.raises(InsufficientBalance):
        await lease_local(rt.db, await _request(rt, client))
    assert await _state(rt, client.id) == (4, 0, 0)


async def test_a_reused_order_id_is_refused_and_charged_once(rt: Runtime) -> None:
    await factory.price(rt, "tajikistan", "vi", "0.05")
    await factory.numbers(rt, "tajikistan", "indigo", 2)
    client = await _client(rt)
    await lease_local(rt.db, await _request(rt, client, order_id="o-1"))
    with pytest.raises(OrderExists):
        await lease_local(rt.db, await _request(rt, client, order_id="o-1"))
    assert await _state(rt, client.id) == (995, 1, 1)


async def test_cancel_refunds_once_and_never_after_an_sms(rt: Runtime) -> None:
    await factory.price(rt, "tajikistan", "vi", "0.05")
    phones = await factory.numbers(rt, "tajikistan", "indigo", 2)
    client = await _client(rt)
    a = await lease_local(rt.db, await _request(rt, client))
    b = await lease_local(rt.db, await _request(rt, client))
    assert await cancel_activation(rt.db, client.id, guid=a.guid) == 5
    with pytest.raises(ActivationFinished):
        await cancel_activation(rt.db, client.id, guid=a.guid)
    await in_transaction(rt.db, ingest, to=str(b.phone), sender="Viber", text="code: 654321")
    with pytest.raises(SmsAlreadyReceived):
        await cancel_activation(rt.db, client.id, act_id=b.id)
    assert await _state(rt, client.id) == (995, 3, 1)
    assert b.phone in phones
    async with rt.db.read() as conn:
        assert await mismatched_balances(conn) == []
