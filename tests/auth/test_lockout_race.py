"""Password guessing under parallel bursts, on both databases.

Attempts are reserved in the database before the password is checked, so a burst
gets at most the limit verified however it is timed, in one process or several;
the rest are refused without running the KDF. Locks are per (client, address) and
per address (IPv6 per /64), unknown ids count like known ones, and the owner is
never locked out by a stranger's guesses from elsewhere.
"""

from __future__ import annotations

import asyncio
import uuid
from pathlib import Path

import pytest

from otpvirt.runtime import Runtime
from tests.auth.burst import (
    balance,
    console_attempt,
    count_kdf,
    login_form,
    portal_attempt,
    process,
    web,
)
from tests.support import factory
from tests.web.conftest import OPERATOR_PASSWORD, make_operator

ATTACKER = "203.0.113.5"
OWNER = "198.51.100.7"


async def used_up(rt: Runtime, key: str, limit: int) -> None:
    """Wait until `key` has `limit` attempts failed or in flight."""
    for _ in range(500):
        async with rt.db.read() as conn:
            used = await conn.fetchval(
                "SELECT failures + pending FROM auth_failures WHERE key = :k", {"k": key}
            )
        if used is not None and used >= limit:
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"{key} never reached {limit} attempts")


async def test_a_burst_of_wrong_passwords_gets_at_most_the_limit_checked(
    database_url: str, tmp_path: Path
) -> None:
    async with process(database_url, tmp_path) as rt:
        victim = await factory.client(rt)
        runs = count_kdf(rt)
        async with web(rt, ATTACKER) as api:

            async def right_one_late() -> str:
                # Still part of the burst, once its guesses have used up the budget.
                await used_up(rt, f"client:{victim.id}|ip:{ATTACKER}", 10)
                return await balance(api, victim.id, victim.password)

            guesses = [f"wrong-password-{i}" for i in range(59)]
            outcomes = await asyncio.gather(
                *(balance(api, victim.id, pw) for pw in guesses), right_one_late()
            )
    assert runs[0] <= 10  # OTPVIRT_LOCKOUT_ATTEMPTS
    assert outcomes.count("too_many_attempts") == 60 - runs[0]
    # The right password, sent with the burst, does not get through.
    assert outcomes[-1] == "too_many_attempts"


async def test_a_burst_from_one_address_gets_at_most_its_limit_checked(
    database_url: str, tmp_path: Path
) -> None:
    async with process(database_url, tmp_path) as rt:
        real = [await factory.client(rt) for _ in range(3)]
        ids = [c.id for c in real] * 10 + [str(uuid.uuid4()) for _ in range(120)]
        runs = count_kdf(rt)
        async with web(rt, ATTACKER) as api:
            outcomes = await asyncio.gather(
                *(balance(api, cid, f"guess-number-{i}") for i, cid in enumerate(ids))
            )
    assert runs[0] <= 50  # OTPVIRT_LOCKOUT_ADDRESS_ATTEMPTS
    assert outcomes.count("too_many_attempts") == 150 - runs[0]


async def test_processes_share_the_reservations(database_url: str, tmp_path: Path) -> None:
    async with (
        process(database_url, tmp_path) as one,
        process(database_url, tmp_path) as two,
    ):
        victim = await factory.client(one)
        runs_one, runs_two = count_kdf(one), count_kdf(two)
        async with web(one, ATTACKER) as a, web(two, ATTACKER) as b:
            outcomes = await asyncio.gather(
                *(balance(a, victim.id, f"wrong-password-{i}") for i in range(30)),
                *(balance(b, victim.id, f"other-password-{i}") for i in range(30)),
            )
    assert runs_one[0] + runs_two[0] <= 10
    assert outcomes.count("too_many_attempts") == 60 - runs_one[0] - runs_two[0]


async def test_a_console_burst_does_not_log_in(database_url: str, tmp_path: Path) -> None:
    async with process(database_url, tmp_path) as rt:
        await make_operator(rt)
        runs = count_kdf(rt)
        async with web(rt, ATTACKER) as api:
            csrf = await login_form(api, "console")

            async def right_one_late() -> str:
                await used_up(rt, f"admin:alice|ip:{ATTACKER}", 10)
                return await console_attempt(api, csrf, "alice", OPERATOR_PASSWORD)

            outcomes = await asyncio.gather(
                *(console_attempt(api, csrf, "alice", f"not-the-password-{i}") for i in range(30)),
                right_one_late(),
            )
    assert runs[0] <= 10
    assert outcomes.count("too_many_attempts") == 31 - runs[0]
    assert outcomes[-1] == "too_many_attempts"


async def test_a_stranger_cannot_lock_the_owner_out(database_url: str, tmp_path: Path) -> None:
    async with process(database_url, tmp_path) as rt:
        victim = await factory.client(rt)
        async with web(rt, ATTACKER) as attacker:
            await asyncio.gather(
                *(balance(attacker, victim.id, f"wrong-password-{i}") for i in range(20))
            )
            assert await balance(attacker, victim.id, victim.password) == "too_many_attempts"
    # Another process (no cached verification) and the owner's own address.
    async with process(database_url, tmp_path) as fresh, web(fresh, OWNER) as owner:
        assert await balance(owner, victim.id, victim.password) == "ok"
        csrf = await login_form(owner, "portal")
        assert await portal_attempt(owner, csrf, victim.id, victim.password) == "ok"


async def test_unknown_ids_lock_exactly_like_known_ones(database_url: str, tmp_path: Path) -> None:
    async with process(database_url, tmp_path) as rt:
        known = await factory.client(rt)
        unknown = str(uuid.uuid4())
        seen = {}
        for cid, address in ((known.id, "203.0.113.10"), (unknown, "203.0.113.11")):
            async with web(rt, address) as api:
                burst = await asyncio.gather(
                    *(balance(api, cid, f"wrong-password-{i}") for i in range(15))
                )
                after = await balance(api, cid, "wrong-password-x")
            seen[cid] = (sorted(burst), after)
    assert seen[known.id] == seen[unknown]
    assert seen[unknown][1] == "too_many_attempts"


async def test_console_names_lock_exactly_like_known_ones(
    database_url: str, tmp_path: Path
) -> None:
    async with process(database_url, tmp_path) as rt:
        await make_operator(rt)
        seen = {}
        for name, address in (("alice", "203.0.113.10"), ("nobody", "203.0.113.11")):
            async with web(rt, address) as api:
                csrf = await login_form(api, "console")
                burst = await asyncio.gather(
                    *(console_attempt(api, csrf, name, f"wrong-password-{i}") for i in range(12))
                )
                after = await console_attempt(api, csrf, name, "wrong-password-x")
            seen[name] = (sorted(burst), after)
    assert seen["alice"] == seen["nobody"]
    assert seen["nobody"][1] == "too_many_attempts"


async def test_an_ipv6_slash_64_is_one_address(database_url: str, tmp_path: Path) -> None:
    async with process(database_url, tmp_path) as rt:
        runs = count_kdf(rt)

        async def guess(i: int) -> str:
            async with web(rt, f"2001:db8:0:7::{i + 1:x}") as api:
                return await balance(api, str(uuid.uuid4()), "guess-password")

        outcomes = await asyncio.gather(*(guess(i) for i in range(60)))
        assert runs[0] <= 50
        assert outcomes.count("too_many_attempts") == 60 - runs[0]
        # The next /64 is another address.
        async with web(rt, "2001:db8:0:8::1") as api:
            assert await balance(api, str(uuid.uuid4()), "guess-password") == "bad_credentials"


@pytest.mark.parametrize(
    ("address", "key"),
    [
        ("192.0.2.7", "ip:192.0.2.7"),
        ("2001:db8:0:7::1", "ip:2001:db8:0:7::/64"),
        ("2001:DB8:0:7:ffff:1:2:3", "ip:2001:db8:0:7::/64"),
        ("::ffff:192.0.2.7", "ip:192.0.2.7"),
        (None, "ip:unknown"),
        ("not-an-address", "ip:not-an-address"),
    ],
)
def test_address_keys(address: str | None, key: str) -> None:
    from otpvirt.auth.lockout import address_key

    assert address_key(address) == key
