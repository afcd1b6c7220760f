"""Per-client rate limits and password-guessing lockouts, on both databases."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from otpvirt.app import create_app
from otpvirt.auth.ratelimit import Rate, parse_rate
from otpvirt.config import Settings
from otpvirt.runtime import Runtime
from tests.conftest import make_settings
from tests.support import factory


@pytest.mark.parametrize(
    ("spec", "rate"),
    [
        ("100/s", Rate(10_000, 200)),
        ("60/m", Rate(1_000_000, 120)),
        ("off", None),
        (" 2 / sec ", Rate(500_000, 4)),
    ],
)
def test_parse_rate(spec: str, rate: Rate | None) -> None:
    assert parse_rate(spec) == rate


@pytest.mark.parametrize("spec", ["100", "fast", "-1/s", "0/s", "5/day"])
def test_parse_rate_refuses(spec: str) -> None:
    with pytest.raises(ValueError, match="rate limit must look like"):
        parse_rate(spec)


async def _client_for(settings: Settings) -> AsyncIterator[tuple[Runtime, httpx.AsyncClient]]:
    rt = Runtime.open(settings)
    app = create_app(runtime=rt)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://t"
    ) as api:
        yield rt, api
    await rt.close()


@pytest.fixture
async def limited(
    database_url: str, tmp_path: Path
) -> AsyncIterator[tuple[Runtime, httpx.AsyncClient]]:
    async for pair in _client_for(make_settings(database_url, tmp_path, rate_limit="5/s")):
        yield pair


async def _balance(api: httpx.AsyncClient, c: factory.TestClient, **kw: Any) -> dict[str, Any]:
    data: dict[str, Any] = (await api.post("/native/GetBalance", json=c.creds(**kw))).json()
    return data


async def test_over_the_rate_is_refused_then_allowed_again(
    limited: tuple[Runtime, httpx.AsyncClient],
) -> None:
    rt, api = limited
    c = await factory.client(rt)
    answers = [await _balance(api, c) for _ in range(15)]
    ok = [a for a in answers if a["status"] == 2]
    refused = [a for a in answers if a["status"] == 4]
    assert 10 <= len(ok) <= 11  # the burst (2 x 5), plus what refilled meanwhile
    assert refused and all((a["error"], a["reason"]) == (3, "rate_limited") for a in refused)
    other = await factory.client(rt)
    assert (await _balance(api, other))["status"] == 2  # per client
    await asyncio.sleep(0.45)
    assert (await _balance(api, c))["status"] == 2


async def test_processes_share_the_limit_on_postgresql(settings: Settings, tmp_path: Path) -> None:
    """On PostgreSQL a second process sees the first one's usage; on SQLite (one host,
    documented) each process keeps its own count."""
    # 5 a minute (burst 10): no token comes back while a loaded machine runs the test.
    per_minute = make_settings(settings.database_url, tmp_path, rate_limit="5/m")
    async for rt, api in _client_for(per_minute):
        c = await factory.client(rt)
        async for _, second in _client_for(per_minute):
            for _ in range(10):
                assert (await _balance(api, c))["status"] == 2
            answer = await _balance(second, c)
            if rt.db.dialect == "postgresql":
                assert answer["reason"] == "rate_limited"
            else:
                assert answer["status"] == 2


@pytest.fixture
async def guarded(
    database_url: str, tmp_path: Path
) -> AsyncIterator[tuple[Runtime, httpx.AsyncClient]]:
    settings = make_settings(
        database_url, tmp_path, lockout_attempts=3, lockout_address_attempts=5, rate_limit="off"
    )
    async for pair in _client_for(settings):
        yield pair


async def test_wrong_passwords_lock_the_client_id(
    guarded: tuple[Runtime, httpx.AsyncClient], database_url: str, tmp_path: Path
) -> None:
    rt, api = guarded
    victim = await factory.client(rt)
    attacker = factory.TestClient(victim.id, "wrong-password-1")
    for _ in range(3):
        assert (await _balance(api, attacker))["reason"] == "bad_credentials"
    locked = await _balance(api, attacker)
    assert (locked["error"], locked["reason"]) == (3, "too_many_attempts")
    # The right password is refused too while locked, when it would need the KDF...
    fresh = Runtime.open(
        make_settings(database_url, tmp_path, lockout_attempts=3, rate_limit="off")
    )
    try:
        app = create_app(runtime=fresh)
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://t"
        ) as api2:
            assert (await _balance(api2, victim))["reason"] == "too_many_attempts"
    finally:
        await fresh.close()


async def test_a_cached_correct_password_keeps_working_during_a_lock(
    guarded: tuple[Runtime, httpx.AsyncClient],
) -> None:
    rt, api = guarded
    victim = await factory.client(rt)
    assert (await _balance(api, victim))["status"] == 2
    attacker = factory.TestClient(victim.id, "wrong-password-1")
    for _ in range(4):
        await _balance(api, attacker)
    assert (await _balance(api, attacker))["reason"] == "too_many_attempts"
    assert (await _balance(api, victim))["status"] == 2


async def test_one_address_guessing_many_ids_is_locked(
    guarded: tuple[Runtime, httpx.AsyncClient],
) -> None:
    rt, api = guarded
    real = await factory.client(rt)
    ghosts = [str(uuid.uuid4()) for _ in range(5)]
    for ghost_id in ghosts:
        ghost = factory.TestClient(ghost_id, "some-password")
        assert (await _balance(api, ghost))["reason"] == "bad_credentials"
    assert (await _balance(api, real))["reason"] == "too_many_attempts"
    async with rt.db.read() as conn:
        keys = {r[0] for r in await conn.fetchall("SELECT key FROM auth_failures")}
    # Unknown ids are counted like known ones (their lock must not tell them apart),
    # per (id, address); the address is counted too.
    assert keys == {"ip:127.0.0.1"} | {f"client:{g}|ip:127.0.0.1" for g in ghosts}


async def test_success_clears_earlier_failures(guarded: tuple[Runtime, httpx.AsyncClient]) -> None:
    rt, api = guarded
    c = await factory.client(rt)
    for i in range(2):
        await _balance(api, factory.TestClient(c.id, f"wrong-password-{i}"))
    pair = {"k": f"client:{c.id}|ip:127.0.0.1"}
    async with rt.db.read() as conn:
        assert await conn.fetchval("SELECT failures FROM auth_failures WHERE key = :k", pair) == 2
    assert (await _balance(api, c))["status"] == 2
    async with rt.db.read() as conn:
        assert await conn.fetchval("SELECT COUNT(*) FROM auth_failures WHERE key = :k", pair) == 0
