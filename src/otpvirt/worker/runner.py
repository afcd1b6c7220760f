"""The background loops: each wakes up, does a bounded batch in a transaction, sleeps.

All their state is in the database (due-at columns, outbox rows), so a crash or
restart loses nothing: the next run picks up where the last one stopped. Several
workers may run against one PostgreSQL (rows are claimed with SKIP LOCKED).
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from otpvirt import adapters  # noqa: F401  (registers the supplier adapters)
from otpvirt.activation.service import expire_due
from otpvirt.auth import lockout, ratelimit, sessions
from otpvirt.clock import now_ms
from otpvirt.db import Conn, in_transaction
from otpvirt.rental import service as rentals
from otpvirt.runtime import Runtime
from otpvirt.simulator import service as simulator
from otpvirt.smpp import service as smpp
from otpvirt.sources.health import check_health
from otpvirt.supply import worker as supply
from otpvirt.upstream import rent_worker as upstream_rentals
from otpvirt.webhook.dispatcher import DISPATCHER_KEY, Dispatcher, dispatcher_for
from otpvirt.webhook.dispatcher import TOPIC as WEBHOOK_TOPIC

log = logging.getLogger("otpvirt.worker")

# A task does one batch and returns how many items it handled; a full batch
# means "call me again at once", anything less means "sleep for the interval".
Task = Callable[[Runtime], Awaitable[int]]


@dataclass
class Loop:
    name: str
    task: Task
    interval: float
    batch: int
    # Woken at once by `Runtime.notify(topic)` instead of waiting for the interval.
    topic: str | tuple[str, ...] | None = None
    # Called once when the worker stops, after the loop has ended.
    stop: Callable[[Runtime], Awaitable[None]] | None = None


async def sweep_leases(rt: Runtime) -> int:
    """Expire leases past their lifetime (refund or complete them)."""
    done = await in_transaction(rt.db, expire_due, now_ms(), limit=200)
    if done:
        rt.notify("webhook")  # activation.finished, if subscribed
    return done


async def end_rentals(rt: Runtime) -> int:
    """End the rentals past their end date and give their numbers back."""
    done = await in_transaction(rt.db, rentals.expire_due, now_ms(), limit=200)
    return done


async def run_simulator(rt: Runtime) -> int:
    """Queue SMS for new leases on simulator numbers; deliver the due ones."""
    rng = rt.extras.setdefault("simulator_rng", random.Random())
    assert isinstance(rng, random.Random)
    read = await in_transaction(rt.db, simulator.schedule, rt.settings, rng=rng, limit=500)
    sent = await in_transaction(rt.db, simulator.deliver, limit=100)
    sent += await in_transaction(rt.db, simulator.chat_to_rentals, rt.settings, rng=rng)
    if sent:
        rt.notify("sms")
    # A full batch of either kind means there is more: report a full batch.
    return 100 if read >= 500 or sent >= 100 else sent


async def check_sources(rt: Runtime) -> int:
    """Mark sources without a recent heartbeat offline (and back online)."""
    changed = await in_transaction(rt.db, check_health, now_ms())
    return changed


async def flush_smpp_parts(rt: Runtime) -> int:
    """Deliver concatenated SMPP messages whose missing parts did not come in time."""
    s = rt.settings
    done = await in_transaction(
        rt.db,
        smpp.flush_stale,
        older_than_ms=int(s.smpp_part_timeout_seconds * 1000),
        window_ms=int(s.sms_dedup_window_seconds * 1000),
    )
    if done:
        rt.notify("sms")
    return done


async def housekeeping(rt: Runtime) -> int:
    """Forget expired sessions and lockout or rate-limit state that has run out."""
    now = now_ms()

    async def purge(conn: Conn) -> int:
        done = await sessions.purge(conn, now)
        done += await lockout.purge(conn, rt.lockout, now)
        return done + await ratelimit.purge(conn, now * 1000)

    return await in_transaction(rt.db, purge)


# "Call again at once": the webhook loop has no natural batch size.
WEBHOOK_MORE = 1_000_000


async def send_webhooks(rt: Runtime) -> int:
    """Claim due webhook deliveries and start sending them."""
    return WEBHOOK_MORE if await dispatcher_for(rt).dispatch() else 0


async def stop_webhooks(rt: Runtime) -> None:
    """Let in-flight webhook sends finish and record them."""
    found = rt.extras.pop(DISPATCHER_KEY, None)
    if isinstance(found, Dispatcher):
        await found.close()


class Worker:
    """Runs the loops until stopped."""

    def __init__(self, rt: Runtime, loops: list[Loop] | None = None) -> None:
        self.rt = rt
        self.loops = loops if loops is not None else default_loops(rt)
        self._stop = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []

    def start(self) -> None:
        """Start every loop as a task on the running event loop."""
        for loop in self.loops:
            self._tasks.append(asyncio.create_task(self._run(loop), name=f"worker:{loop.name}"))

    async def stop(self) -> None:
        """Ask the loops to finish their current batch, then wait for them."""
        self._stop.set()
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)
        self._tasks.clear()
        for loop in self.loops:
            if loop.stop is not None:
                try:
                    await loop.stop(self.rt)
                except Exception:
                    log.exception("stopping %s failed", loop.name)

    async def _run(self, loop: Loop) -> None:
        topics = (loop.topic,) if isinstance(loop.topic, str) else loop.topic or ()
        wake = self.rt.subscribe(*topics)
        while not self._stop.is_set():
            wake.clear()
            try:
                handled = await loop.task(self.rt)
            except Exception:
                log.exception("background task %s failed; retrying", loop.name)
                handled = 0
            if handled >= loop.batch:
                await asyncio.sleep(0)
                continue
            await self._pause(wake, loop.interval)

    async def _pause(self, wake: asyncio.Event, interval: float) -> None:
        waits = [asyncio.ensure_future(self._stop.wait()), asyncio.ensure_future(wake.wait())]
        try:
            await asyncio.wait(waits, timeout=interval, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for w in waits:
                w.cancel()


def default_loops(rt: Runtime) -> list[Loop]:
    """The loops every deployment runs (and the demo market under `serve --demo`)."""
    loops = [
        Loop("lease-sweeper", sweep_leases, rt.settings.sweep_interval_seconds, 200),
        Loop("rental-ends", end_rentals, rt.settings.sweep_interval_seconds, 200),
        Loop("simulator", run_simulator, 0.25, 100),
        Loop("source-health", check_sources, 5.0, 1_000_000),
        Loop("supplier-stock", supply.refresh_stock, 1.0, 1_000_000),
        Loop("supplier-orders", supply.work_orders, 1.0, 50, topic="supplier"),
        Loop("upstream-rentals", upstream_rentals.work_rentals, 1.0, 50, topic="supplier"),
        Loop("smpp-parts", flush_smpp_parts, 30.0, 50),
        Loop("housekeeping", housekeeping, 60.0, 1_000_000),
        # New SMS ("sms") and finished sends ("webhook") wake it; the poll finds
        # deliveries queued by other processes and retries that fell due.
        Loop(
            "webhooks",
            send_webhooks,
            rt.settings.webhook_poll_seconds,
            WEBHOOK_MORE,
            topic=("sms", WEBHOOK_TOPIC),
            stop=stop_webhooks,
        ),
    ]
    if rt.settings.demo_traffic > 0:
        from otpvirt.demo.market import run_market

        loops.append(Loop("demo-market", run_market, 0.5, 1_000_000))
    return loops
