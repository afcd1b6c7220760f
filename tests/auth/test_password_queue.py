"""The queue of password checks is bounded; a cached verification never waits in it."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

from tests.auth.burst import balance, process, web
from tests.support import factory


async def test_past_the_queue_checks_are_refused_at_once(database_url: str, tmp_path: Path) -> None:
    async with process(
        database_url, tmp_path, password_check_queue=4, lockout_address_attempts=1000
    ) as rt:
        regular = await factory.client(rt)
        newcomers = [await factory.client(rt) for _ in range(24)]
        async with web(rt) as api:
            assert await balance(api, regular.id, regular.password) == "ok"  # now cached
            # Every KDF run from now on blocks until released: the queue fills up.
            release, entered = threading.Event(), [0]
            real = rt.passwords._check

            def stuck(stored_hash: str, password: str) -> bool:
                entered[0] += 1
                release.wait(30)
                return real(stored_hash, password)

            rt.passwords._check = stuck  # type: ignore[method-assign]
            tasks = [asyncio.ensure_future(balance(api, c.id, c.password)) for c in newcomers]
            try:
                for _ in range(500):
                    if entered[0] >= 2:  # both KDF threads are busy
                        break
                    await asyncio.sleep(0.01)
                done, waiting = await asyncio.wait(tasks, timeout=2)
                # Four checks are queued or running; the other twenty were told at once.
                assert len(waiting) == 4
                assert [t.result() for t in done] == ["rate_limited"] * 20
                # A verification this process remembers does not queue at all.
                answer = await asyncio.wait_for(
                    balance(api, regular.id, regular.password), timeout=2
                )
                assert answer == "ok"
            finally:
                release.set()
            assert [await t for t in waiting] == ["ok"] * 4
