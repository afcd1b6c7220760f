"""Password guessing against a real `serve --workers 2`: the lockout holds across
processes, on both databases."""

from __future__ import annotations

import asyncio
from collections import Counter
from pathlib import Path

import httpx

from tests.support.server import start_server, stop_server


async def _burst(base: str, client_id: str, passwords: list[str]) -> Counter[str]:
    # One connection per guess, so the kernel spreads them over both processes.
    async def one(password: str) -> str:
        async with httpx.AsyncClient(base_url=base, timeout=30) as web:
            body = {"clientId": client_id, "apiPassword": password}
            data = (await web.post("/native/GetBalance", json=body)).json()
            return "ok" if data["status"] == 2 else str(data["reason"])

    return Counter(await asyncio.gather(*(one(pw) for pw in passwords)))


def test_a_burst_over_two_processes_gets_at_most_the_limit_checked(
    database_url: str, tmp_path: Path
) -> None:
    env = {"OTPVIRT_RATE_LIMIT": "off", "OTPVIRT_PASSWORD_CHECK_QUEUE": "1000"}
    server = start_server(tmp_path, "--workers", "2", env=env, database_url=database_url)
    try:
        guesses = [f"wrong-password-{i}" for i in range(60)]
        seen = asyncio.run(_burst(server.base, server.client_id, guesses))
        # Each bad_credentials is a password that was checked: at most the limit.
        assert seen["bad_credentials"] <= 10
        assert seen["too_many_attempts"] == 60 - seen["bad_credentials"]
        # The right password from the same address is locked out too (not cached).
        after = asyncio.run(_burst(server.base, server.client_id, [server.password]))
        assert after == Counter({"too_many_attempts": 1})
    finally:
        stop_server(server)
