"""Sources: health decides whether their numbers are leased."""

from __future__ import annotations

import json

import httpx
import pytest

from otpvirt.clock import now_ms
from otpvirt.errors import Conflict, NotFound, ValidationFailed
from otpvirt.runtime import Runtime
from otpvirt.sources import health, service
from otpvirt.worker.runner import check_sources
from tests.support import factory
from tests.support.gateway import source


async def _count(api: httpx.AsyncClient, client: factory.TestClient) -> int:
    body = client.creds(service="vi", country="tajikistan", provider="any")
    return int((await api.post("/native/GetNumbersCount", json=body)).json()["count"])


async def test_heartbeat_timeout_takes_numbers_out_and_back(
    api: httpx.AsyncClient, rt: Runtime
) -> None:
    _, token = await source(rt, "bank", heartbeat_timeout=30)
    await factory.numbers(rt, "tajikistan", "indigo", 4, source="bank")
    await factory.price(rt, "tajikistan", "vi", "0.05")
    client = await factory.client(rt)
    assert await _count(api, client) == 4
    # Never seen: offline at the first health check.
    assert await check_sources(rt) == 1
    assert await _count(api, client) == 0
    got = (
        await api.post(
            "/native/GetNumber", json=client.creds(service="vi", detail={"country": "tajikistan"})
        )
    ).json()
    assert got["error"] == 1
    await api.post("/gateway/v1/heartbeat", headers={"Authorization": f"Bearer {token}"})
    assert await check_sources(rt) == 1
    assert await _count(api, client) == 4
    async with rt.db.transaction() as conn:
        await conn.execute("UPDATE sources SET last_seen_at = :t", {"t": now_ms() - 31_000})
    assert await check_sources(rt) == 1
    assert await _count(api, client) == 0
    async with rt.db.read() as conn:
        [row] = await health.list_sources(conn)
    assert (row.name, row.online, row.numbers, row.heartbeat_timeout) == (
        "bank",
        False,
        4,
        30,
    )


async def test_disabling_a_source_rests_its_numbers(api: httpx.AsyncClient, rt: Runtime) -> None:
    await source(rt, "bank")
    await factory.numbers(rt, "tajikistan", "indigo", 3, source="bank")
    await factory.price(rt, "tajikistan", "vi", "0.05")
    client = await factory.client(rt)
    async with rt.db.transaction() as conn:
        await service.set_enabled(conn, "bank", False)
    assert await _count(api, client) == 0
    async with rt.db.transaction() as conn:
        await service.set_enabled(conn, "bank", True)
    assert await _count(api, client) == 3


async def test_create_rules(rt: Runtime) -> None:
    info, token = await source(rt, "phone", kind="android")
    assert token.startswith("src_") and len(info.config["signingKey"]) >= 16
    with pytest.raises(Conflict):
        await source(rt, "phone")
    with pytest.raises(ValidationFailed):
        await source(rt, "x", kind="carrier-pigeon")
    with pytest.raises(ValidationFailed):
        await source(rt, "y", heartbeat_timeout=1)
    async with rt.db.transaction() as conn:
        with pytest.raises(NotFound):
            await service.map_device(conn, "phone", "dev", "992000000000")
        stored = await conn.fetchval("SELECT token_hash FROM sources WHERE name = 'phone'")
    assert stored == service.token_digest(token) and token not in json.dumps(info.config)
