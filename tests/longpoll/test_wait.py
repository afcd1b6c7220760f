"""GetSms `wait` and `after` (API-extensions §5), in-process, on both databases."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import httpx
import pytest

from otpvirt.db import in_transaction
from otpvirt.longpoll.hub import close_hub, hub_for
from otpvirt.runtime import Runtime
from otpvirt.sms.service import ingest
from tests.support import factory
from tests.support.wait import until


async def get_sms(api: httpx.AsyncClient, c: factory.TestClient, **body: Any) -> dict[str, Any]:
    resp = await api.post("/native/GetSms", json=c.creds(**body), timeout=90)
    assert resp.status_code == 200
    data: dict[str, Any] = resp.json()
    return data


@pytest.fixture
async def lease(api: httpx.AsyncClient, rt: Runtime) -> tuple[factory.TestClient, dict[str, Any]]:
    await factory.numbers(rt, "tajikistan", "indigo", 2)
    return await factory.leased(api, rt)


async def deliver(rt: Runtime, phone: int, text: str, *, tell: bool = True) -> None:
    """Store an SMS as an adapter does: commit, then (optionally) notify this process."""
    await in_transaction(rt.db, ingest, to=str(phone), sender="Viber", text=text)
    if tell:
        rt.notify("sms")


async def held(rt: Runtime, n: int = 1) -> None:
    await until(lambda: hub_for(rt).held == n and len(hub_for(rt).waiters) >= 1)


@pytest.mark.parametrize("tell", [True, False], ids=["notified", "watched"])
async def test_answered_when_the_sms_arrives(
    api: httpx.AsyncClient,
    rt: Runtime,
    lease: tuple[factory.TestClient, dict[str, Any]],
    tell: bool,
) -> None:
    c, got = lease
    waiting = asyncio.create_task(get_sms(api, c, activationId=got["activationId"], wait=30))
    await held(rt)
    assert not waiting.done()
    started = time.monotonic()
    # Without the in-process hint the process's watch finds it (data_version / NOTIFY).
    await deliver(rt, got["number"], "Your Viber code: 905526", tell=tell)
    answer = await asyncio.wait_for(waiting, 10)
    assert time.monotonic() - started < 5
    assert answer["status"] == 2 and [m["code"] for m in answer["sms"]] == ["905526"]
    assert hub_for(rt).held == 0 and not hub_for(rt).waiters


async def test_times_out_with_an_empty_list(
    api: httpx.AsyncClient, rt: Runtime, lease: tuple[factory.TestClient, dict[str, Any]]
) -> None:
    c, got = lease
    started = time.monotonic()
    answer = await get_sms(api, c, activationId=got["activationId"], wait=1)
    assert time.monotonic() - started >= 0.95
    assert answer == {"sms": [], "status": 2, "error": 0}
    assert hub_for(rt).held == 0


async def test_after_waits_for_a_newer_sms(
    api: httpx.AsyncClient, rt: Runtime, lease: tuple[factory.TestClient, dict[str, Any]]
) -> None:
    c, got = lease
    act = got["activationId"]
    await deliver(rt, got["number"], "Your Viber code: 111111")
    # An SMS is there: without `after` the wait ends at once.
    first = await get_sms(api, c, activationId=act, wait=30)
    [sms] = first["sms"]
    waiting = asyncio.create_task(get_sms(api, c, activationId=act, wait=30, after=sms["id"]))
    await held(rt)
    await deliver(rt, got["number"], "Your Viber code: 222222")
    answer = await asyncio.wait_for(waiting, 10)
    assert [m["code"] for m in answer["sms"]] == ["111111", "222222"]
    # Nothing newer than the last one: held until the time runs out.
    last = answer["sms"][-1]["id"]
    again = await get_sms(api, c, activationId=act, wait=1, after=last)
    assert len(again["sms"]) == 2


async def test_bad_wait_and_after_are_refused(
    api: httpx.AsyncClient, rt: Runtime, lease: tuple[factory.TestClient, dict[str, Any]]
) -> None:
    c, got = lease
    act = got["activationId"]
    for bad in (61, -1, "soon"):
        answer = await get_sms(api, c, activationId=act, wait=bad)
        assert (answer["status"], answer["error"], answer["reason"]) == (
            4,
            3,
            "validation_failed",
        ), bad
    answer = await get_sms(api, c, activationId=act, wait=5, after="not-an-sms-of-this")
    assert answer["reason"] == "bad_after"
    assert hub_for(rt).held == 0


async def test_a_finished_activation_is_answered_at_once(
    api: httpx.AsyncClient, rt: Runtime, lease: tuple[factory.TestClient, dict[str, Any]]
) -> None:
    c, got = lease
    act = got["activationId"]
    cancel = await api.post("/native/CancelActivation", json=c.creds(activationId=act))
    assert cancel.json()["status"] == 2
    started = time.monotonic()
    assert (await get_sms(api, c, activationId=act, wait=30))["sms"] == []
    assert time.monotonic() - started < 5


async def test_limits_per_client_and_per_process(
    api: httpx.AsyncClient, rt: Runtime, lease: tuple[factory.TestClient, dict[str, Any]]
) -> None:
    c, got = lease
    act = got["activationId"]
    rt.settings.wait_max_per_client = 2
    waiting = [asyncio.create_task(get_sms(api, c, activationId=act, wait=30)) for _ in range(2)]
    await held(rt, 2)
    refused = await get_sms(api, c, activationId=act, wait=30)
    assert (refused["status"], refused["reason"]) == (4, "rate_limited")
    # Without wait the same client is served as ever.
    assert (await get_sms(api, c, activationId=act))["status"] == 2
    # Another client is refused by the process-wide limit.
    rt.settings.wait_max_per_client, rt.settings.wait_max_held = 10, 2
    other, other_got = await factory.leased(api, rt)
    refused = await get_sms(api, other, activationId=other_got["activationId"], wait=30)
    assert refused["reason"] == "rate_limited"
    await deliver(rt, got["number"], "Your Viber code: 905526")
    for answer in await asyncio.wait_for(asyncio.gather(*waiting), 10):
        assert [m["code"] for m in answer["sms"]] == ["905526"]
    assert hub_for(rt).held == 0 and not hub_for(rt).per_client


async def test_held_requests_are_answered_when_the_server_stops(
    api: httpx.AsyncClient, rt: Runtime, lease: tuple[factory.TestClient, dict[str, Any]]
) -> None:
    c, got = lease
    waiting = [
        asyncio.create_task(get_sms(api, c, activationId=got["activationId"], wait=60))
        for _ in range(3)
    ]
    await held(rt, 3)
    close_hub(rt)
    for answer in await asyncio.wait_for(asyncio.gather(*waiting), 10):
        assert answer == {"sms": [], "status": 2, "error": 0}
    # Stopping: a new wait is answered at once.
    assert (await get_sms(api, c, activationId=got["activationId"], wait=60))["sms"] == []
