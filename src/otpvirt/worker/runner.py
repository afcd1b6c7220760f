"""The background loops: each wakes up, does a bounded batch in a transaction, sleeps.

All their state is in the database (due-at columns, outbox rows), so a crash or
restart loses nothing: the next run picks up where the last one stopped. Several
workers may run against one PostgreSQL (rows are claimed with SKIP LOCKED).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from otpvirt.activation.service import expire_due
from otpvirt.clock import now_ms
from otpvirt.db import in_transaction
from otpvirt.runtime import Runtime

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


async def sweep_leases(rt: Runtime) -> int:
    """Expire leases past their lifetime (refund or complete them)."""
    done = await in_transaction(rt.db, expire_due, now_ms(), limit=200)
    if done:
        rt.counts.clear()
    return done


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

    async def _run(self, loop: Loop) -> None:
        while not self._stop.is_set():
            try:
                handled = await loop.task(self.rt)
            except Exception:
                log.exception("background task %s failed; retrying", loop.name)
                handled = 0
            if handled >= loop.batch:
                await asyncio.sleep(0)
                continue
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stop.wait(), timeout=loop.interval)


def default_loops(rt: Runtime) -> list[Loop]:
    """The loops every deployment runs."""
    return [Loop("lease-sweeper", sweep_leases, rt.settings.sweep_interval_seconds, 200)]
