"""SMSHub-protocol agents supplying numbers, with this service as the hub.

The agent is a real HTTP server on 127.0.0.1 (tests/support/smshub_agent.py); the
worker's tasks are run directly so each step can be checked.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from otpvirt.activation.service import expire_due
from otpvirt.clock import now_ms
from otpvirt.config import Settings
from otpvirt.db import in_transaction
from otpvirt.runtime import Runtime
from otpvirt.smshub.client import AgentClient
from otpvirt.sources import service as sources
from otpvirt.supply import registry
from otpvirt.supply.base import Want
from otpvirt.supply.worker import refresh_stock, work_orders
from tests.conftest import make_settings
from tests.support import factory
from tests.support.httpstub import serve
from tests.support.smshub_agent import Agent, Sim

KEY = "agent-key-1234"
SIMS = [Sim(992900000001, "tajikistan", "indigo"), Sim(992900000002, "tajikistan", "indigo")]


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    return make_settings(
        database_url, tmp_path, supplier_timeout_seconds=2.0, supplier_retry_max_seconds=0.05
    )


@pytest.fixture
def agent() -> Iterator[tuple[Agent, str]]:
    a = Agent(KEY, list(SIMS))
    with serve(a) as url:
        yield a, url + "/smshub"


async def add_agent(rt: Runtime, name: str, url: str, key: str = KEY) -> sources.SourceInfo:
    async with rt.db.transaction() as conn:
        info, _ = await sources.create_source(
            conn, name, kind="smshub", settings=registry.smshub_config(url, key)
        )
    return info


@pytest.fixture
async def hub(rt: Runtime, agent: tuple[Agent, str]) -> dict[str, Any]:
    await factory.price(rt, "tajikistan", "vi", "0.05")
    src = await add_agent(rt, "bank1", agent[1])
    assert await refresh_stock(rt) == 1
    return {"agent": agent[0], "source": src, "client": await factory.client(rt, balance=100)}


async def call(api: httpx.AsyncClient, method: str, body: dict[str, Any]) -> dict[str, Any]:
    data: dict[str, Any] = (await api.post(f"/native/{method}", json=body)).json()
    return data


async def get_number(api: httpx.AsyncClient, client: factory.TestClient, **detail: str) -> Any:
    return await call(api, "GetNumber", client.creds(service="vi", detail=detail))


async def settle(rt: Runtime) -> None:
    """Run the worker's order task until no order is left to finish."""
    for _ in range(200):
        await work_orders(rt)
        async with rt.db.read() as conn:
            sql = "SELECT COUNT(*) FROM supplier_orders WHERE state IN ('buying', 'finishing')"
            if not await conn.fetchval(sql):
                return
        await asyncio.sleep(0.02)
    raise AssertionError("supplier orders still pending")


async def push(
    api: httpx.AsyncClient, agent: Agent, *args: Any, path: str = "/agent/api/sms"
) -> Any:
    headers, body = agent.push(*args)
    resp = await api.post(path, content=body, headers=headers)
    assert resp.status_code == 200
    return resp.json()


async def test_stock_is_counted_without_asking_the_agent(
    api: httpx.AsyncClient, rt: Runtime, hub: dict[str, Any]
) -> None:
    agent, client = hub["agent"], hub["client"]
    request = agent.requests[0]
    assert request["payload"] == {"action": "GET_SERVICES", "key": KEY}
    assert request["gzip"] and request["ua"].startswith("otpvirt/")
    body = client.creds(service="vi", country="tajikistan", provider="indigo")
    assert (await call(api, "GetNumbersCount", body))["count"] == 2
    assert (await call(api, "GetNumbersCount", {**body, "provider": "any"}))["count"] == 2
    assert len(agent.requests) == 1  # counting asked nobody


async def test_lease_sms_and_sold(api: httpx.AsyncClient, rt: Runtime, hub: dict[str, Any]) -> None:
    agent, client = hub["agent"], hub["client"]
    got = await get_number(api, client, country="tajikistan", provider="indigo")
    assert got["status"] == 2 and got["number"] == 992900000001 and got["ammount"] == 0.05
    (asked,) = agent.payloads("GET_NUMBER")
    assert asked == {
        "action": "GET_NUMBER",
        "key": KEY,
        "country": "tajikistan",
        "operator": "indigo",
        "service": "vi",
        "sum": 0.05,
        "currency": 840,
    }
    assert isinstance(asked["sum"], float) and isinstance(asked["currency"], int)
    balance = await call(api, "GetBalance", client.creds())
    assert balance["balance"] == 0.95

    text = "Ваш код Viber: 482915 🔐"
    assert await push(api, agent, 7001, got["number"], "Viber", text) == {"status": "SUCCESS"}
    # The agent did not hear SUCCESS (say) and pushes again: stored once, SUCCESS again.
    assert await push(api, agent, 7001, got["number"], "Viber", text) == {"status": "SUCCESS"}
    sms = (await call(api, "GetSms", client.creds(activationId=got["activationId"])))["sms"]
    assert [(s["text"], s["code"], s["phoneFrom"]) for s in sms] == [(text, "482915", "Viber")]

    assert (await call(api, "ConfirmActivation", client.creds(activationId=got["activationId"])))[
        "error"
    ] == 0
    assert await work_orders(rt) == 1
    (finish,) = agent.payloads("FINISH_ACTIVATION")
    assert finish == {"action": "FINISH_ACTIVATION", "key": KEY, "activationId": 356, "status": 3}
    assert await work_orders(rt) == 0  # told once, not again


async def test_cancel_and_expiry_are_told(
    api: httpx.AsyncClient, rt: Runtime, hub: dict[str, Any]
) -> None:
    agent, client = hub["agent"], hub["client"]
    first = await get_number(api, client, country="tajikistan")
    second = await get_number(api, client, country="tajikistan")
    assert {first["number"], second["number"]} == {992900000001, 992900000002}
    assert (await get_number(api, client, country="tajikistan"))["error"] == 1  # both SIMs busy
    await call(api, "CancelActivation", client.creds(activationId=first["activationId"]))
    async with rt.db.transaction() as conn:  # the second lease's time runs out
        await conn.execute(
            "UPDATE activations SET expires_at = :t WHERE guid = :g",
            {"t": now_ms() - 1, "g": second["activationId"]},
        )
    await in_transaction(rt.db, expire_due, now_ms())
    await settle(rt)
    statuses = {p["activationId"]: p["status"] for p in agent.payloads("FINISH_ACTIVATION")}
    assert statuses == {356: 4, 357: 5}
    assert (await call(api, "GetBalance", client.creds()))["balance"] == 1.00


async def test_finish_is_retried_until_the_agent_accepts(
    api: httpx.AsyncClient, rt: Runtime, hub: dict[str, Any]
) -> None:
    agent, client = hub["agent"], hub["client"]
    got = await get_number(api, client, country="tajikistan")
    await call(api, "CancelActivation", client.creds(activationId=got["activationId"]))
    agent.fail_finish = 2
    await settle(rt)
    assert [p["status"] for p in agent.payloads("FINISH_ACTIVATION")] == [4, 4, 4]
    assert agent.activations[356].status == 4


async def test_no_numbers_slow_agents_and_the_next_source(
    api: httpx.AsyncClient, rt: Runtime, hub: dict[str, Any]
) -> None:
    agent, client = hub["agent"], hub["client"]
    agent.sims.clear()
    assert (await get_number(api, client, country="tajikistan"))["error"] == 1
    async with rt.db.read() as conn:
        assert await conn.fetchval("SELECT COUNT(*) FROM supplier_orders") == 0
    slow = Agent(KEY, [Sim(992900000009, "tajikistan", "indigo")], delay=3.5)
    fast = Agent("other-key", [Sim(992900000003, "tajikistan", "indigo")])
    with serve(slow) as slow_url, serve(fast) as fast_url:
        await add_agent(rt, "slow", slow_url)
        await add_agent(rt, "fast", fast_url, "other-key")
        await refresh_stock(rt)
        got = await get_number(api, client, country="tajikistan")
        assert got["number"] == 992900000003
        assert len(slow.payloads("GET_NUMBER")) == 1
    # The slow agent's unanswered request cannot be found again: it is closed with a note.
    await settle(rt)
    async with rt.db.read() as conn:
        row = await conn.fetchone(
            "SELECT o.state, o.last_error FROM supplier_orders o JOIN sources s "
            "ON s.id = o.source_id WHERE s.name = 'slow'"
        )
    assert row is not None and row[0] == "done" and "order key" in row[1]


async def test_a_number_used_for_the_service_is_refused_for_good(
    api: httpx.AsyncClient, rt: Runtime, hub: dict[str, Any]
) -> None:
    agent, client = hub["agent"], hub["client"]
    agent.sims[:] = [SIMS[0]]
    got = await get_number(api, client, country="tajikistan")
    await push(api, agent, 1, got["number"], "Viber", "Viber code: 111222")
    await call(api, "ConfirmActivation", client.creds(activationId=got["activationId"]))
    await settle(rt)
    # The agent offers the same SIM for Viber again: it must never be sold twice for it.
    assert (await get_number(api, client, country="tajikistan"))["error"] == 1
    await settle(rt)
    statuses = [(p["activationId"], p["status"]) for p in agent.payloads("FINISH_ACTIVATION")]
    assert statuses == [(356, 3), (357, 1)]
    assert (await call(api, "GetBalance", client.creds()))["balance"] == 0.95


async def test_excluded_prefixes_are_passed_on(rt: Runtime, hub: dict[str, Any]) -> None:
    snap = await rt.catalogue.get()
    want = Want(
        snap.countries["tajikistan"], None, snap.services["vi"], 5, "USD", ("99290000000",), "k1"
    )
    assert await AgentClient(hub["source"], rt.settings).buy(want) is None
    (asked,) = hub["agent"].payloads("GET_NUMBER")
    assert asked["exceptionPhoneSet"] == ["99290000000"] and asked["operator"] == "any"


async def test_nothing_is_bought_for_a_client_who_cannot_pay(
    api: httpx.AsyncClient, rt: Runtime, hub: dict[str, Any]
) -> None:
    poor = await factory.client(rt, balance=4)
    got = await get_number(api, poor, country="tajikistan")
    assert got["error"] == 3 and got["reason"] == "insufficient_balance"
    assert hub["agent"].payloads("GET_NUMBER") == []


async def test_push_refusals(api: httpx.AsyncClient, rt: Runtime, hub: dict[str, Any]) -> None:
    agent = hub["agent"]
    bad = Agent("wrong-key", [])
    assert (await push(api, bad, 1, 992900000001, "x", "y"))["status"] == "ERROR"
    unknown = await push(api, agent, 2, 992111111111, "Viber", "code 1", path="/gateway/v1/smshub")
    assert unknown["status"] == "ERROR" and "not a number of this service" in unknown["error"]
    got = await get_number(api, hub["client"], country="tajikistan")
    plain = await api.post(
        "/gateway/v1/smshub",
        json={
            "action": "PUSH_SMS",
            "key": KEY,
            "smsId": "9",
            "phone": str(got["number"]),
            "phoneFrom": "Bank",
            "text": "Code 4455",
        },
    )
    assert plain.json() == {"status": "SUCCESS"}  # digit strings are accepted, not lost
    async with rt.db.read() as conn:
        assert await conn.fetchval("SELECT text FROM sms_messages") == "Code 4455"
