"""Lease rules: concurrency, expiry, refunds, the ledger invariant."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest

from otpvirt.activation import service as activations
from otpvirt.activation.dispatch import lease_in_transaction
from otpvirt.activation.service import LeaseRequest
from otpvirt.clock import now_ms
from otpvirt.db import in_transaction
from otpvirt.errors import ActivationFinished, InsufficientBalance, NoNumbers
from otpvirt.ledger.service import mismatched_balances
from otpvirt.runtime import Runtime
from otpvirt.sms.service import UnknownNumber, ingest
from otpvirt.worker.runner import sweep_leases
from tests.conftest import make_settings
from tests.support import factory


async def _get_number(
    api: httpx.AsyncClient, c: factory.TestClient, service: str = "vi"
) -> dict[str, Any]:
    resp = await api.post(
        "/native/GetNumber", json=c.creds(service=service, detail={"country": "tajikistan"})
    )
    data: dict[str, Any] = resp.json()
    return data


async def _invariants(rt: Runtime) -> None:
    async with rt.db.read() as conn:
        assert await mismatched_balances(conn) == []
        dup = await conn.fetchall(
            "SELECT number_id FROM activations WHERE state IN ('waiting', 'sms_received') "
            "GROUP BY number_id HAVING COUNT(*) > 1"
        )
        assert dup == []
        held = await conn.fetchall(
            "SELECT n.id FROM numbers n LEFT JOIN activations a ON a.id = n.active_activation_id "
            "WHERE n.active_activation_id IS NOT NULL "
            "AND a.state NOT IN ('waiting', 'sms_received')"
        )
        assert held == []


async def test_100_concurrent_get_number_on_20_numbers(api: httpx.AsyncClient, rt: Runtime) -> None:
    await factory.price(rt, "tajikistan", "vi", "0.05")
    await factory.numbers(rt, "tajikistan", "indigo", 20)
    c = await factory.client(rt, balance=1000)
    results = await asyncio.gather(*(_get_number(api, c) for _ in range(100)))
    ok = [r for r in results if r["status"] == 2]
    assert len(ok) == 20
    assert len({r["number"] for r in ok}) == 20
    assert all((r["error"], r["reason"]) == (1, "no_numbers") for r in results if r["status"] != 2)
    balance = (await api.post("/native/GetBalance", json=c.creds())).json()["balance"]
    assert balance == 9.0  # 10.00 - 20 x 0.05
    await _invariants(rt)


async def test_two_processes_never_double_lease(rt: Runtime, settings: Any, tmp_path: Any) -> None:
    """Two independent runtimes (separate pools/connections), as two `serve` processes."""
    await factory.price(rt, "tajikistan", "vi", "0.05")
    await factory.numbers(rt, "tajikistan", "indigo", 15)
    c = await factory.client(rt, balance=100)
    other = Runtime.open(make_settings(settings.database_url, tmp_path))
    try:
        snaps = [await rt.catalogue.get(), await other.catalogue.get()]
        client = await _auth(rt, c)

        async def one(r: Runtime, snap: Any) -> str:
            svc = snap.services["vi"]
            where = activations.candidates(snap, "USD", svc, snap.countries["tajikistan"], None)
            try:
                lease = await in_transaction(
                    r.db, lease_in_transaction, LeaseRequest(client, svc, tuple(where), 60_000)
                )
            except NoNumbers:
                return "none"
            except InsufficientBalance:
                return "poor"
            return str(lease.phone)

        outcomes = await asyncio.gather(*(one([rt, other][i % 2], snaps[i % 2]) for i in range(40)))
    finally:
        await other.close()
    leased = [o for o in outcomes if o not in ("none", "poor")]
    # 1.00 USD buys 20 at 0.05, but only 15 numbers exist.
    assert len(leased) == 15 and len(set(leased)) == 15
    await _invariants(rt)


async def _auth(rt: Runtime, c: factory.TestClient) -> Any:
    from otpvirt.clients.service import authenticate

    return await authenticate(rt.db, rt.passwords, c.id, c.password)


async def test_expiry_refunds_waiting_and_completes_with_sms(rt: Runtime) -> None:
    await factory.price(rt, "tajikistan", "vi", "0.05")
    phones = await factory.numbers(rt, "tajikistan", "indigo", 2)
    c = await factory.client(rt, balance=100)
    client = await _auth(rt, c)
    snap = await rt.catalogue.get()
    svc = snap.services["vi"]
    where = activations.candidates(snap, "USD", svc, snap.countries["tajikistan"], None)
    a = await in_transaction(
        rt.db, lease_in_transaction, LeaseRequest(client, svc, tuple(where), 1)
    )
    b = await in_transaction(
        rt.db, lease_in_transaction, LeaseRequest(client, svc, tuple(where), 1)
    )
    await in_transaction(rt.db, ingest, to=b.phone, sender="Viber", text="Your code: 123456")
    await asyncio.sleep(0.01)
    assert await sweep_leases(rt) == 2
    assert await sweep_leases(rt) == 0
    async with rt.db.read() as conn:
        states = {r[0]: r[1] for r in await conn.fetchall("SELECT guid, state FROM activations")}
        balance = await conn.fetchval("SELECT balance FROM clients WHERE id = :c", {"c": c.id})
        free = await conn.fetchval(
            "SELECT COUNT(*) FROM numbers WHERE active_activation_id IS NULL"
        )
    assert states == {a.guid: "expired", b.guid: "completed"}
    assert balance == 95  # a refunded, b charged
    assert free == len(phones)
    await _invariants(rt)


async def test_sweeper_and_cancel_race_refund_once(rt: Runtime) -> None:
    await factory.price(rt, "tajikistan", "vi", "0.05")
    await factory.numbers(rt, "tajikistan", "indigo", 10)
    c = await factory.client(rt, balance=100)
    client = await _auth(rt, c)
    snap = await rt.catalogue.get()
    svc = snap.services["vi"]
    where = activations.candidates(snap, "USD", svc, snap.countries["tajikistan"], None)
    leases = [
        await in_transaction(
            rt.db, lease_in_transaction, LeaseRequest(client, svc, tuple(where), 1)
        )
        for _ in range(10)
    ]
    await asyncio.sleep(0.01)

    async def cancel(guid: str) -> str:
        try:
            await in_transaction(rt.db, activations.cancel, c.id, guid=guid)
            return "cancelled"
        except ActivationFinished:
            return "finished"

    await asyncio.gather(sweep_leases(rt), *(cancel(lease.guid) for lease in leases))
    async with rt.db.read() as conn:
        refunds = await conn.fetchval("SELECT COUNT(*) FROM ledger_entries WHERE kind = 'refund'")
        balance = await conn.fetchval("SELECT balance FROM clients WHERE id = :c", {"c": c.id})
    assert refunds == 10 and balance == 100
    await _invariants(rt)


async def test_sms_for_a_number_without_lease_is_kept_unrouted(rt: Runtime) -> None:
    [phone] = await factory.numbers(rt, "tajikistan", "indigo", 1)
    res = await in_transaction(rt.db, ingest, to=f"+{phone}", sender="Bank", text="Your code 4455")
    assert res.status == "accepted" and res.activation_id is None
    async with rt.db.read() as conn:
        row = await conn.fetchone("SELECT activation_id, code FROM sms_messages")
    assert row is not None and row[0] is None and row[1] == "4455"
    again = await in_transaction(rt.db, ingest, to=str(phone), sender="Bank", text="Your code 4455")
    assert again.status == "duplicate"


async def test_unknown_number_is_refused(rt: Runtime) -> None:
    with pytest.raises(UnknownNumber):
        await in_transaction(rt.db, ingest, to="99200000000", sender="X", text="code 1234")


async def test_lease_lifetime_comes_from_settings(rt: Runtime) -> None:
    await factory.price(rt, "tajikistan", "vi", "0.05")
    await factory.numbers(rt, "tajikistan", "indigo", 1)
    c = await factory.client(rt, balance=100)
    client = await _auth(rt, c)
    snap = await rt.catalogue.get()
    svc = snap.services["vi"]
    where = activations.candidates(snap, "USD", svc, snap.countries["tajikistan"], None)
    before = now_ms()
    lease = await in_transaction(
        rt.db,
        lease_in_transaction,
        LeaseRequest(client, svc, tuple(where), rt.settings.lease_ms),
    )
    assert rt.settings.lease_ms == 20 * 60_000
    assert before + rt.settings.lease_ms <= lease.expires_at <= now_ms() + rt.settings.lease_ms
