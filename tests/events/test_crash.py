"""A real `otpvirt worker` killed with kill -9 while lifecycle events are pending and in
delivery: after a restart each state change arrives exactly once (one `webhook-id`,
the same on the retry of an attempt the kill cut off), signed; on both databases.

Short like tests/e2e's kill -9 loops: a 1 s send timeout gives a 7 s claim lease, so
the attempts cut off by the kill are sent again about 7 s after it.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from standardwebhooks import Webhook

from otpvirt.runtime import Runtime
from tests.events.test_lifecycle import call, subscribe
from tests.support.receiver import Received, Receiver
from tests.support.wait import until
from tests.webhook.conftest import delivery_rows, lease

pytestmark = pytest.mark.slow

WORKER_ENV = {
    "OTPVIRT_WEBHOOK_ALLOW_PRIVATE": "true",
    "OTPVIRT_WEBHOOK_TIMEOUT_SECONDS": "1",
    "OTPVIRT_WEBHOOK_RETRY_SCHEDULE": "200ms,200ms,200ms,200ms,200ms",
    "OTPVIRT_WEBHOOK_POLL_SECONDS": "0.1",
    "OTPVIRT_WEBHOOK_PER_CLIENT_CONCURRENCY": "3",
    "OTPVIRT_ARGON2_MEMORY_KIB": "64",
    "OTPVIRT_ARGON2_TIME_COST": "1",
}


class Workers:
    """`otpvirt worker` processes on the test's database, each killed at the end."""

    def __init__(self, database_url: str, data_dir: Path) -> None:
        self.env = {**os.environ, **WORKER_ENV, "OTPVIRT_DATA_DIR": str(data_dir)}
        self.env["OTPVIRT_DATABASE_URL"] = database_url
        self.log = data_dir / "worker.log"
        self.procs: list[subprocess.Popen[bytes]] = []

    def start(self) -> subprocess.Popen[bytes]:
        proc = subprocess.Popen(
            [sys.executable, "-m", "otpvirt", "worker", "--log-level", "warning"],
            env=self.env,
            stdout=self.log.open("ab"),
            stderr=subprocess.STDOUT,
        )
        self.procs.append(proc)
        return proc

    def close(self) -> None:
        for proc in self.procs:
            if proc.poll() is None:
                proc.kill()
            proc.wait(timeout=10)


@pytest.fixture
def workers(database_url: str, tmp_path: Path) -> Iterator[Workers]:
    w = Workers(database_url, tmp_path)
    yield w
    w.close()


class Holding:
    """A receiver behaviour: hold every request until released, then answer 200."""

    def __init__(self) -> None:
        self.released = asyncio.Event()

    async def __call__(self, _req: Received, _index: int) -> tuple[int, dict[str, str], bytes]:
        await self.released.wait()
        return 200, {}, b'{"status":2}'


async def cancel_leases(rt: Runtime, api: httpx.AsyncClient, first: Any, n: int) -> list[str]:
    """Lease and cancel `n` numbers for `first.client`: one activation.finished each."""
    done = []
    for i in range(n):
        got = first if i == 0 else await lease(rt, api, None, client=first.client)
        answer = await call(
            api, "CancelActivation", first.client.creds(activationId=got.activation_id)
        )
        assert answer["status"] == 2, answer
        done.append(got.activation_id)
    return done


async def test_kill_9_while_delivering_loses_and_repeats_no_event(
    rt: Runtime, api: httpx.AsyncClient, workers: Workers
) -> None:
    hold = Holding()
    async with Receiver(hold) as rx:
        first = await lease(rt, api, None)
        secret = await subscribe(rt, first.client.id, rx.url, "activation.finished")
        before = await cancel_leases(rt, api, first, 8)

        victim = workers.start()
        # Three attempts in flight (the per-client cap), five still pending.
        await rx.wait_count(3, within=60)
        victim.send_signal(signal.SIGKILL)
        victim.wait(timeout=10)
        cut_off = {r.webhook_id for r in rx.received}
        hold.released.set()

        # State changes while no worker runs wait in the outbox too.
        more = await lease(rt, api, None, client=first.client)
        after = await cancel_leases(rt, api, more, 3)
        workers.start()
        await until(lambda: _all_delivered(rt, 11), within=60, every=0.1)

    by_activation: dict[str, set[str]] = {}
    for req in rx.received:
        body = Webhook(secret).verify(req.body, req.headers)
        assert body["type"] == "activation.finished" and body["state"] == "cancelled"
        by_activation.setdefault(body["activationId"], set()).add(req.webhook_id)
    # Every state change arrived, under exactly one webhook-id each.
    assert sorted(by_activation) == sorted(before + after)
    assert all(len(ids) == 1 for ids in by_activation.values())
    # The attempts the kill cut off were sent again with the same webhook-id.
    sent = Counter(r.webhook_id for r in rx.received)
    assert len(cut_off) >= 3 and all(sent[m] >= 2 for m in cut_off)
    rows = await delivery_rows(rt)
    assert len(rows) == 11 and len({row[0] for row in rows}) == 11


async def _all_delivered(rt: Runtime, n: int) -> bool:
    rows = await delivery_rows(rt)
    return len(rows) == n and all(row[1] == "delivered" for row in rows)
