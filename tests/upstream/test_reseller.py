"""Reseller mode against an upstream provider stub speaking the sms-activate protocol."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest

from otpvirt.clock import now_ms
from otpvirt.config import Settings
from otpvirt.db import in_transaction
from otpvirt.errors import ValidationFailed
from otpvirt.inventory.service import set_number_enabled
from otpvirt.runtime import Runtime
from otpvirt.sources import service as sources
from otpvirt.supply import orders, registry
from otpvirt.supply.base import Want
from otpvirt.supply.repositories import orders as order_rows
from otpvirt.supply.worker import refresh_stock, work_orders
from otpvirt.upstream.supplier import UpstreamSupplier
from tests.conftest import make_settings
from tests.support import factory
from tests.support.httpstub import serve
from tests.support.upstream_stub import API_KEY, Upstream

PHONES = [992700000001, 992700000002, 992700000003]


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    return make_settings(
        database_url,
        tmp_path,
        supplier_timeout_seconds=2.0,
        supplier_retry_max_seconds=0.05,
        upstream_poll_seconds=0.01,
    )


@pytest.fixture
def upstream() -> Iterator[tuple[Upstream, str]]:
    stub = Upstream(PHONES)
    with serve(stub) as url:
        yield stub, url


@pytest.fixture
async def shop(rt: Runtime, upstream: tuple[Upstream, str]) -> dict[str, Any]:
    await factory.price(rt, "tajikistan", "tg", "0.30")
    config = registry.upstream_config(upstream[1], API_KEY, "0.50")
    async with rt.db.transaction() as conn:
        src, _ = await sources.create_source(conn, "up1", kind="upstream", settings=config)
    return {"stub": upstream[0], "source": src, "client": await factory.client(rt, balance=100)}


async def call(api: httpx.AsyncClient, method: str, body: dict[str, Any]) -> dict[str, Any]:
    data: dict[str, Any] = (await api.post(f"/native/{method}", json=body)).json()
    return data


async def buy(api: httpx.AsyncClient, client: factory.TestClient) -> dict[str, Any]:
    return await call(
        api, "GetNumber", client.creds(service="tg", detail={"country": "tajikistan"})
    )


async def settle(rt: Runtime, *, rounds: int = 200) -> str:
    """Run the worker's order task until the single order is done; return its state."""
    state = ""
    for _ in range(rounds):
        await work_orders(rt)
        async with rt.db.read() as conn:
            state = str(await conn.fetchval("SELECT state FROM supplier_orders"))
        if state == "done":
            break
        await asyncio.sleep(0.02)
    return state


async def test_buy_receive_confirm(
    api: httpx.AsyncClient, rt: Runtime, shop: dict[str, Any]
) -> None:
    stub, client = shop["stub"], shop["client"]
    got = await buy(api, client)
    assert got["status"] == 2 and got["number"] == PHONES[0] and got["ammount"] == 0.30
    (asked,) = stub.actions("getNumberV2")
    assert asked["service"] == "tg" and asked["country"] == "143" and asked["maxPrice"] == "0.50"
    assert len(asked["orderId"]) == 32
    (purchase,) = stub.purchases.values()
    text = "Telegram code: 55321. Do not give this code to anyone! 🔐"
    stub.deliver(purchase.id, "55321", text)
    for _ in range(3):  # polled again and again: stored once
        await asyncio.sleep(0.02)
        await work_orders(rt)
    sms = (await call(api, "GetSms", client.creds(activationId=got["activationId"])))["sms"]
    assert [(s["text"], s["code"], s["phoneFrom"]) for s in sms] == [(text, "55321", "Telegram")]
    await call(api, "ConfirmActivation", client.creds(activationId=got["activationId"]))
    assert await settle(rt) == "done"
    assert [(c["id"], c["status"]) for c in stub.actions("setStatus")] == [(str(purchase.id), "6")]
    assert purchase.state == "finished"
    # The provider's number stays out of the pool: it is only leased by buying it again.
    with pytest.raises(ValidationFailed, match="on-demand supplier"):
        async with rt.db.transaction() as conn:
            await set_number_enabled(conn, str(got["number"]), True)


async def test_cancel_is_mirrored_and_retried_until_refunded(
    api: httpx.AsyncClient, rt: Runtime, shop: dict[str, Any]
) -> None:
    stub, client = shop["stub"], shop["client"]
    got = await buy(api, client)
    assert stub.balance == Decimal("9.75")
    await call(api, "CancelActivation", client.creds(activationId=got["activationId"]))
    stub.fail_set_status = 2
    await work_orders(rt)
    async with rt.db.read() as conn:  # what an operator sees meanwhile
        (pending,) = await orders.list_orders(conn, source="up1", pending=True)
    assert pending["state"] == "finishing" and pending["outcome"] == "cancelled"
    assert pending["activationId"] == got["activationId"] and "HTTP 500" in pending["lastError"]
    assert await settle(rt) == "done"
    assert [c["status"] for c in stub.actions("setStatus")] == ["8", "8", "8"]
    assert stub.balance == Decimal("10.00")  # the upstream refund was not lost
    async with rt.db.read() as conn:
        assert await conn.fetchval("SELECT attempts FROM supplier_orders") == 2


async def test_a_crash_between_purchase_and_lease_is_compensated(
    rt: Runtime, shop: dict[str, Any]
) -> None:
    stub = shop["stub"]
    snap = await rt.catalogue.get()
    country, service = snap.countries["tajikistan"], snap.services["tg"]
    key = uuid.uuid4().hex
    # What lease_number does before the lease transaction; then the process dies.
    await in_transaction(
        rt.db,
        order_rows.start,
        source_id=shop["source"].id,
        client_id=shop["client"].id,
        country_id=country.id,
        service_id=service.id,
        order_key=key,
        now=now_ms(),
        deadline_ms=0,
    )
    supplier = UpstreamSupplier(shop["source"], rt.settings)
    offer = await supplier.buy(Want(country, None, service, 30, "USD", (), key))
    assert offer is not None and stub.balance == Decimal("9.75")
    # A restarted worker finds the unrecorded purchase by its order key and gives it back.
    assert await settle(rt) == "done"
    assert len(stub.purchases) == 1 and stub.purchases[int(offer.external_id)].state == "cancelled"
    assert stub.balance == Decimal("10.00")
    assert [c["orderId"] for c in stub.actions("getNumberV2")] == [key, key]


async def test_a_late_answer_is_given_back_not_bought_twice(
    api: httpx.AsyncClient, rt: Runtime, shop: dict[str, Any]
) -> None:
    stub, client = shop["stub"], shop["client"]
    stub.delay = 3.0
    got = await buy(api, client)
    assert got["error"] == 1  # no answer within the deadline: the client hears "no numbers"
    stub.delay = 0
    assert await settle(rt) == "done"
    assert len(stub.purchases) == 1
    assert [p.state for p in stub.purchases.values()] == ["cancelled"]
    assert stub.balance == Decimal("10.00")
    assert (await call(api, "GetBalance", client.creds()))["balance"] == 1.00


async def test_over_the_maximum_price_is_given_back(
    api: httpx.AsyncClient, rt: Runtime, shop: dict[str, Any]
) -> None:
    stub, client = shop["stub"], shop["client"]
    stub.cost, stub.ignore_max_price = Decimal("0.90"), True
    assert (await buy(api, client))["error"] == 1
    assert await settle(rt) == "done"
    assert [p.state for p in stub.purchases.values()] == ["cancelled"]
    assert stub.balance == Decimal("10.00")
    stub.ignore_max_price = False  # a provider that honours maxPrice sells nothing
    assert (await buy(api, client))["error"] == 1
    assert len(stub.purchases) == 1


async def test_a_number_of_another_source_is_given_back(
    api: httpx.AsyncClient, rt: Runtime, shop: dict[str, Any]
) -> None:
    stub, client = shop["stub"], shop["client"]
    # A number of our own pool (taken out of service) that the provider also sells.
    (local,) = await factory.numbers(rt, "tajikistan", "indigo", 1, prefix="99270")
    async with rt.db.transaction() as conn:
        await set_number_enabled(conn, str(local), False)
    stub.phones = [local]
    assert (await buy(api, client))["error"] == 1
    assert await settle(rt) == "done"
    assert [p.state for p in stub.purchases.values()] == ["cancelled"]


async def test_stock_and_an_upstream_that_ends_it_itself(
    api: httpx.AsyncClient, rt: Runtime, shop: dict[str, Any]
) -> None:
    stub, client = shop["stub"], shop["client"]
    await factory.price(rt, "tajikistan", "vi", "0.30")
    stub.prices = {"143": {"tg": {"cost": 0.25, "count": 7}, "vi": {"cost": 0.9, "count": 5}}}
    assert await refresh_stock(rt) == 1
    body = client.creds(country="tajikistan", provider="any")
    assert (await call(api, "GetNumbersCount", {**body, "service": "tg"}))["count"] == 7
    assert (await call(api, "GetNumbersCount", {**body, "service": "vi"}))["count"] == 0
    got = await buy(api, client)
    (purchase,) = stub.purchases.values()
    purchase.state = "cancelled"  # the provider timed it out and refunded us
    assert await settle(rt) == "done"
    assert stub.actions("setStatus") == []
    sms = await call(api, "GetSms", client.creds(activationId=got["activationId"]))
    assert sms["sms"] == []


async def test_an_older_provider_without_v2(
    api: httpx.AsyncClient, rt: Runtime, shop: dict[str, Any]
) -> None:
    stub, client = shop["stub"], shop["client"]
    stub.v2 = False
    got = await buy(api, client)
    assert got["number"] == PHONES[0]
    assert [c["action"] for c in stub.calls] == ["getNumberV2", "getNumber"]
