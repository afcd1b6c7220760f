"""kill -9 of a worker process loses no webhook: the claim lease runs out, another sends."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
import pytest
from standardwebhooks import Webhook

from otpvirt.runtime import Runtime
from tests.support.receiver import Received, Receiver, fail_first
from tests.support.wait import until
from tests.webhook.conftest import delivery_rows, lease, sms, state_is

# Worker processes killed and restarted: slow (make test runs them; make quick does not).
pytestmark = pytest.mark.slow


@asynccontextmanager
async def worker_process(
    rt: Runtime, tmp_path: Path, schedule: str = "1s"
) -> AsyncIterator[Callable[[], asyncio.subprocess.Process]]:
    """Runs `otpvirt worker` on the test database; yields a getter for the process."""
    env = {
        **os.environ,
        "OTPVIRT_DATABASE_URL": rt.settings.effective_database_url,
        "OTPVIRT_DATA_DIR": str(tmp_path),
        "OTPVIRT_AUTO_MIGRATE": "false",
        "OTPVIRT_WEBHOOK_ALLOW_PRIVATE": "true",
        "OTPVIRT_WEBHOOK_TIMEOUT_SECONDS": "1.5",
        "OTPVIRT_WEBHOOK_POLL_SECONDS": "0.1",
        "OTPVIRT_WEBHOOK_RETRY_SCHEDULE": schedule,
    }
    procs: list[asyncio.subprocess.Process] = []

    async def start() -> asyncio.subprocess.Process:
        log = (tmp_path / f"worker{len(procs)}.log").open("wb")
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "otpvirt", "worker", env=env, stdout=log, stderr=log
        )
        procs.append(proc)
        return proc

    await start()
    try:
        yield lambda: procs[-1]
    finally:
        for proc in procs:
            if proc.returncode is None:
                proc.kill()
                await proc.wait()


async def test_worker_killed_mid_delivery_still_delivers_after_restart(
    rt: Runtime, api: httpx.AsyncClient, tmp_path: Path
) -> None:
    killed = asyncio.Event()

    async def hold_first(_r: Received, index: int) -> tuple[int, dict[str, str], bytes]:
        if index == 0:
            await killed.wait()  # the sender dies while waiting for this answer
        return 200, {}, b'{"status":2}'

    async with Receiver(hold_first) as rx:
        got = await lease(rt, api, rx.url)
        await sms(rt, got.phone, "Your code 606060")
        async with worker_process(rt, tmp_path) as current:
            await rx.wait_count(1, within=30)
            current().send_signal(signal.SIGKILL)
            await current().wait()
            killed.set()
            (row,) = await delivery_rows(rt)
            assert row[1] == "pending"  # the attempt was never recorded
        async with worker_process(rt, tmp_path):
            reqs = await rx.wait_for(lambda _r: 200 in rx.answered[1:], within=40)
            await until(lambda: state_is(rt, "delivered"))
    assert len({r.webhook_id for r in reqs}) == 1 and len(reqs) >= 2
    for r in reqs:
        Webhook(got.secret or "").verify(r.body, r.headers)
    (row,) = await delivery_rows(rt)
    assert row[1] == "delivered"


async def test_worker_killed_between_retries_delivers_after_restart(
    rt: Runtime, api: httpx.AsyncClient, tmp_path: Path
) -> None:
    async def attempt_recorded() -> bool:
        return bool((await delivery_rows(rt))[0][2] == 1)

    async with Receiver(fail_first(1)) as rx:
        got = await lease(rt, api, rx.url)
        await sms(rt, got.phone, "Your code 717171")
        async with worker_process(rt, tmp_path, schedule="3s") as current:
            await rx.wait_for(lambda _r: rx.answered == [500], within=30)
            await until(attempt_recorded)
            current().send_signal(signal.SIGKILL)
            await current().wait()
        (row,) = await delivery_rows(rt)
        assert (row[1], row[2], row[3]) == ("pending", 1, 500)
        async with worker_process(rt, tmp_path, schedule="3s"):
            await rx.wait_for(lambda _r: rx.answered == [500, 200], within=40)
            await until(lambda: state_is(rt, "delivered"))
    assert len({r.webhook_id for r in rx.received}) == 1
    (row,) = await delivery_rows(rt)
    assert (row[1], row[2]) == ("delivered", 2)


async def test_two_worker_processes_share_the_queue_without_double_sends(
    rt: Runtime, api: httpx.AsyncClient, tmp_path: Path
) -> None:
    async with Receiver() as rx:
        leases = [await lease(rt, api, rx.url) for _ in range(8)]
        (tmp_path / "a").mkdir()
        (tmp_path / "b").mkdir()
        async with worker_process(rt, tmp_path / "a"), worker_process(rt, tmp_path / "b"):
            for round_ in range(5):
                for i, got in enumerate(leases):
                    await sms(rt, got.phone, f"round {round_} code {400000 + 10 * i + round_}")
                await asyncio.sleep(0.1)
            await rx.wait_count(40, within=40)
            await asyncio.sleep(1.0)  # a double send would arrive by now
    ids = [r.webhook_id for r in rx.received]
    assert len(ids) == len(set(ids)) == 40
    assert {row[1] for row in await delivery_rows(rt)} == {"delivered"}
