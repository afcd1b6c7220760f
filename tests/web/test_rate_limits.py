"""The console and the portal are rate-limited per session and per address, under
parallel bursts, on both databases."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx

from tests.auth.burst import process, web
from tests.support import factory
from tests.web.conftest import console_login, make_operator, portal_login

# Per session 2/s (burst 4), per address 5/s (burst 10).
LIMITS = {"web_rate_limit": "2/s", "web_address_rate_limit": "5/s"}


def _tally(answers: list[httpx.Response]) -> tuple[int, int]:
    ok = sum(a.status_code == 200 for a in answers)
    limited = [a for a in answers if a.status_code == 429]
    assert ok + len(limited) == len(answers), {a.status_code for a in answers}
    assert all("too many requests" in a.text and a.headers["retry-after"] for a in limited)
    return ok, len(limited)


async def test_a_portal_session_is_limited(database_url: str, tmp_path: Path) -> None:
    async with process(database_url, tmp_path, **LIMITS) as rt:
        await factory.price(rt, "tajikistan", "vi", "0.05")
        c = await factory.client(rt)
        async with web(rt, "198.51.100.1") as browser:
            assert (await portal_login(browser, c.id, c.password)).status_code == 303
            answers = await asyncio.gather(
                *(browser.get("/portal/quote", params={"service": "vi"}) for _ in range(40))
            )
        ok, limited = _tally(answers)
        assert ok <= 4 + 4 and limited >= 32  # the burst, and what 2 s could refill
        # Another client's session, from another address, is not affected.
        other = await factory.client(rt)
        async with web(rt, "198.51.100.2") as browser:
            assert (await portal_login(browser, other.id, other.password)).status_code == 303
            assert (await browser.get("/portal")).status_code == 200


async def test_a_console_session_is_limited(database_url: str, tmp_path: Path) -> None:
    async with process(database_url, tmp_path, **LIMITS) as rt:
        await make_operator(rt)
        async with web(rt, "198.51.100.1") as browser:
            assert (await console_login(browser)).status_code == 303
            answers = await asyncio.gather(*(browser.get("/console/clients") for _ in range(40)))
        ok, limited = _tally(answers)
        assert ok <= 4 + 4 and limited >= 32


async def test_an_address_is_limited_with_or_without_a_session(
    database_url: str, tmp_path: Path
) -> None:
    async with process(database_url, tmp_path, **LIMITS) as rt:
        async with web(rt, "2001:db8:0:9::1") as one, web(rt, "2001:db8:0:9::2") as two:
            answers = await asyncio.gather(
                *(one.get("/portal/login") for _ in range(30)),
                *(two.get("/console/login") for _ in range(30)),
            )
        ok, limited = _tally(answers)
        assert ok <= 10 + 10 and limited >= 40  # one /64, one budget for both areas
        async with web(rt, "2001:db8:0:10::1") as elsewhere:
            assert (await elsewhere.get("/portal/login")).status_code == 200
