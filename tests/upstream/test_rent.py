"""Renting through an upstream provider (its sms-activate rent actions) when our pool is empty."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest

from otpvirt.admin import source_ops
from otpvirt.admin.audit import cli_actor
from otpvirt.clock import now_ms
from otpvirt.config import Settings
from otpvirt.db import in_transaction
from otpvirt.inventory.service import set_number_enabled
from otpvirt.rental import service as rentals
from otpvirt.runtime import Runtime
from otpvirt.sources import health
from otpvirt.sources import service as sources
from otpvirt.supply import registry
from otpvirt.upstream.rent_worker import work_rentals
from tests.conftest import make_settings
from tests.smsactivate.conftest import buyer, jsonof
from tests.support import factory
from tests.support.httpstub import serve
from tests.support.upstream_rent_stub import RentingUpstream
from tests.support.upstream_stub import API_KEY
from tests.support.wait import until

PHONES = [992700000011, 992700000012, 992700000013]
CODE_TEXT = "Telegram code: 55321. Do not give this code to anyone!"


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
def upstream() -> Iterator[tuple[RentingUpstream, str]]:
    stub = RentingUpstream(PHONES)
    with serve(stub) as url:
        yield stub, url


@pytest.fixture
async def shop(rt: Runtime, upstream: tuple[RentingUpstream, str]) -> dict[str, Any]:
    snap = await rt.catalogue.get()
    tj = snap.countries["tajikistan"].id
    await in_transaction(rt.db, rentals.set_price, tj, "tg", "USD", 10, now_ms())  # 0.10/h
    config = registry.upstream_config(upstream[1], API_KEY, "0.50", rent=True)
    async with rt.db.transaction() as conn:
        src, _ = await sources.create_source(conn, "up1", kind="upstream", settings=config)
    return {"stub": upstream[0], "source": src, "client": await factory.client(rt, balance=100)}


async def call(api: httpx.AsyncClient, method: str, body: dict[str, Any]) -> dict[str, Any]:
    data: dict[str, Any] = (await api.post(f"/native/{method}", json=body)).json()
    return data


async def rent(api: httpx.AsyncClient, client: factory.TestClient) -> dict[str, Any]:
    body = client.creds(service="tg", hours=4, detail={"country": "tajikistan"})
    return await call(api, "RentNumber", body)


async def balance(api: httpx.AsyncClient, client: factory.TestClient) -> float:
    return float((await call(api, "GetBalance", client.creds()))["balance"])


async def rows(rt: Runtime, sql: str) -> list[tuple[Any, ...]]:
    async with rt.db.read() as conn:
        return [tuple(r) for r in await conn.fetchall(sql)]


async def settle(rt: Runtime) -> None:
    """Run the worker's task until no upstream rental is left to finish or cancel."""

    async def idle() -> bool:
        await work_rentals(rt)
        states = await rows(
            rt,
            "SELECT u.state, r.state FROM upstream_rentals u "
            "LEFT JOIN rentals r ON r.id = u.rental_id",
        )
        return all(u == "done" or r == "active" for u, r in states)

    await until(idle)


async def test_rent_receive_prolong_finish(
    api: httpx.AsyncClient, rt: Runtime, shop: dict[str, Any]
) -> None:
    stub, client = shop["stub"], shop["client"]
    got = await rent(api, client)
    assert got["status"] == 2 and got["number"] == PHONES[0] and got["ammount"] == 0.40, got
    (asked,) = stub.actions("getRentNumber")
    assert (asked["service"], asked["country"], asked["rent_time"]) == ("tg", "143", "4")
    assert stub.balance == Decimal("9.80")  # the provider charged us 4 h x 0.05
    assert await balance(api, client) == 0.60
    (r,) = stub.rents.values()
    stub.deliver_rent(r.id, "Telegram", CODE_TEXT)
    stub.deliver_rent(r.id, "Bank", "Your bank code is 4455")
    body = client.creds(rentId=got["rentId"])

    async def two() -> bool:
        await work_rentals(rt)
        return len((await call(api, "GetRentSms", body))["sms"]) == 2

    await until(two)
    for _ in range(3):  # pulled again and again: stored once
        await work_rentals(rt)
    sms = (await call(api, "GetRentSms", body))["sms"]
    assert [(s["phoneFrom"], s["code"]) for s in sms] == [("Telegram", "55321"), ("Bank", "4455")]
    assert all(s["phone"] == PHONES[0] for s in sms)
    more = await call(api, "ProlongRent", client.creds(rentId=got["rentId"], hours=4))
    assert more["status"] == 2 and more["ammount"] == 0.40 and more["endDate"] > got["endDate"]
    assert [c["rent_time"] for c in stub.actions("continueRentNumber")] == ["4"]
    assert r.hours == 8 and await balance(api, client) == 0.20
    assert (await call(api, "FinishRent", body))["status"] == 2
    await settle(rt)
    assert [c["status"] for c in stub.actions("setRentStatus")] == ["1"] and r.state == "finished"
    assert (await call(api, "GetRentSms", body))["state"] == "finished"
    assert await balance(api, client) == 0.20  # finish: no refund
    kinds = await rows(rt, "SELECT kind, amount FROM ledger_entries WHERE rental_id IS NOT NULL")
    assert sorted(kinds) == [("charge", -40), ("charge", -40)]


async def test_cancel_refunds_after_the_provider_did(
    api: httpx.AsyncClient, rt: Runtime, shop: dict[str, Any]
) -> None:
    stub, client = shop["stub"], shop["client"]
    got = await rent(api, client)
    assert await balance(api, client) == 0.60
    assert (await call(api, "CancelRent", client.creds(rentId=got["rentId"])))["status"] == 2
    (r,) = stub.rents.values()
    assert r.state == "cancelled" and stub.balance == Decimal("10.00")
    assert await balance(api, client) == 1.00
    assert await rows(rt, "SELECT state FROM upstream_rentals") == [("done",)]
    # The number is free again here: a second rental takes the provider's next number.
    assert (await rent(api, client))["number"] == PHONES[1]


async def test_an_sms_waiting_at_the_provider_refuses_the_cancel(
    api: httpx.AsyncClient, rt: Runtime, shop: dict[str, Any]
) -> None:
    stub, client = shop["stub"], shop["client"]
    got = await rent(api, client)
    (r,) = stub.rents.values()
    stub.deliver_rent(r.id, "Telegram", CODE_TEXT)  # not pulled yet
    cancel = await call(api, "CancelRent", client.creds(rentId=got["rentId"]))
    assert cancel["error"] == 4 and cancel["reason"] == "rent_sms_received", cancel
    assert r.state == "active" and stub.actions("setRentStatus") == []
    sms = (await call(api, "GetRentSms", client.creds(rentId=got["rentId"])))["sms"]
    assert [s["code"] for s in sms] == ["55321"] and await balance(api, client) == 0.60


async def test_provider_errors_charge_nothing(
    api: httpx.AsyncClient, rt: Runtime, shop: dict[str, Any]
) -> None:
    stub, client = shop["stub"], shop["client"]
    stub.rent_error = "NO_BALANCE"
    assert (await rent(api, client))["error"] == 1
    stub.rent_error, stub.rent_http_error = None, 1
    assert (await rent(api, client))["error"] == 1
    assert stub.rents == {} and await balance(api, client) == 1.00
    assert await rows(rt, "SELECT id FROM rentals") == []
    assert await rows(rt, "SELECT id FROM ledger_entries WHERE rental_id IS NOT NULL") == []


async def _own_number_rented_out(rt: Runtime, stub: RentingUpstream) -> None:
    # The provider rents out a number of our own pool (taken out of service): we
    # cannot take it, so the provider's rental must be cancelled (its refund to us).
    (local,) = await factory.numbers(rt, "tajikistan", "indigo", 1, prefix="99270")
    async with rt.db.transaction() as conn:
        await set_number_enabled(conn, str(local), False)
    stub.phones = [local]


async def test_a_number_we_cannot_take_is_cancelled_there(
    api: httpx.AsyncClient, rt: Runtime, shop: dict[str, Any]
) -> None:
    stub, client = shop["stub"], shop["client"]
    await _own_number_rented_out(rt, stub)
    assert (await rent(api, client))["error"] == 1
    (r,) = stub.rents.values()
    assert r.state == "cancelled" and stub.balance == Decimal("10.00")
    assert await balance(api, client) == 1.00
    assert await rows(rt, "SELECT id FROM rentals") == []


async def test_a_failed_cancel_there_is_retried_by_the_worker(
    api: httpx.AsyncClient, rt: Runtime, shop: dict[str, Any]
) -> None:
    stub, client = shop["stub"], shop["client"]
    await _own_number_rented_out(rt, stub)
    stub.fail_rent_status = 3  # the cancel now, and the worker's first two retries
    assert (await rent(api, client))["error"] == 1
    (r,) = stub.rents.values()
    assert r.state == "active" and stub.balance == Decimal("9.80")
    (pending,) = await rows(rt, "SELECT state, rental_id, last_error FROM upstream_rentals")
    assert pending[:2] == ("cancelling", None) and "HTTP 500" in pending[2]
    await settle(rt)
    assert [c["status"] for c in stub.actions("setRentStatus")] == ["2", "2", "2", "2"]
    assert r.state == "cancelled" and stub.balance == Decimal("10.00")
    assert await balance(api, client) == 1.00


async def test_switched_off_rents_from_the_pool_only(
    api: httpx.AsyncClient, rt: Runtime, shop: dict[str, Any]
) -> None:
    stub, client = shop["stub"], shop["client"]
    await source_ops.set_upstream_rent(rt, cli_actor(), "up1", False)
    async with rt.db.read() as conn:
        (listed,) = [s for s in await health.list_sources(conn) if s.name == "up1"]
    assert listed.rent is False
    got = await rent(api, client)
    assert got["error"] == 1 and got["reason"] == "no_numbers", got
    assert stub.actions("getRentNumber") == []
    b = await buyer(rt, balance=1000)
    answer = await jsonof(api, b.key, "getRentNumber", service="tg", rent_time=4, country=143)
    assert answer == {"status": "error", "message": "NO_NUMBERS"}
    await source_ops.set_upstream_rent(rt, cli_actor(), "up1", True)
    answer = await jsonof(api, b.key, "getRentNumber", service="tg", rent_time=4, country=143)
    assert answer["status"] == "success" and answer["phone"]["number"] == str(PHONES[0])


async def test_the_end_date_finishes_it_at_the_provider(
    api: httpx.AsyncClient, rt: Runtime, shop: dict[str, Any]
) -> None:
    stub, client = shop["stub"], shop["client"]
    got = await rent(api, client)
    await work_rentals(rt)
    async with rt.db.transaction() as conn:  # four hours later
        await conn.execute("UPDATE rentals SET ends_at = :t", {"t": now_ms() - 1})
    assert await in_transaction(rt.db, rentals.expire_due, now_ms()) == 1
    await settle(rt)
    (r,) = stub.rents.values()
    assert r.state == "finished" and [c["status"] for c in stub.actions("setRentStatus")] == ["1"]
    assert (await call(api, "GetRentSms", client.creds(rentId=got["rentId"])))["state"] == (
        "expired"
    )
