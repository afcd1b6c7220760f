"""The worker side of webhooks: claim due deliveries, send them concurrently, record.

Sends run as tasks of this process, bounded globally and per client so one slow
receiver cannot hold up the others; their state lives in the outbox (a claim
lease), so a crash loses nothing: the lease runs out and a worker sends again.
On PostgreSQL a LISTEN connection wakes the worker as soon as any process
queues a delivery; the poll interval covers everything else (and SQLite).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import time
from typing import Any

import asyncpg

from otpvirt.clock import now_ms
from otpvirt.db import in_transaction
from otpvirt.observability import metrics
from otpvirt.runtime import Runtime
from otpvirt.webhook import claim, service, signing
from otpvirt.webhook.sender import Outcome, Sender, redact

log = logging.getLogger("otpvirt.webhooks")
# The delivery's state after an attempt, as the metrics name the attempt's outcome.
_OUTCOMES = {"delivered": "delivered", "pending": "retry", "failed": "failed"}
TOPIC = "webhook"
DISPATCHER_KEY = "webhook_dispatcher"


class Dispatcher:
    """Owns the sender, the in-flight sends and (on PostgreSQL) the wake-up listener."""

    def __init__(self, rt: Runtime, sender: Sender | None = None) -> None:
        s = rt.settings
        self.rt = rt
        self.sender = sender or Sender(
            timeout=s.webhook_timeout_seconds,
            allow_private=s.webhook_allow_private,
            max_connections=s.webhook_concurrency * 2,
        )
        self.delays = s.webhook_retry_delays
        # The send itself is capped at the timeout; the lease leaves room to record it.
        self.lease_ms = int((2 * s.webhook_timeout_seconds + 5) * 1000)
        self.in_flight: set[asyncio.Task[None]] = set()
        self.per_client: dict[str, int] = {}
        self.rng = random.Random()
        self._listener: asyncio.Task[None] | None = None

    async def dispatch(self) -> bool:
        """Claim what is due and start sending it; True when more could go out now."""
        if self._listener is None and self.rt.db.dialect == "postgresql":
            self._listener = asyncio.create_task(self._listen(), name="webhooks:listen")
        s = self.rt.settings
        capacity = s.webhook_concurrency - len(self.in_flight)
        if capacity <= 0:
            return False
        jobs, left = await self._claim(capacity)
        for job in jobs:
            self.per_client[job.client_id] = self.per_client.get(job.client_id, 0) + 1
            task = asyncio.create_task(self._deliver(job), name=f"webhook:{job.message_id}")
            self.in_flight.add(task)
            task.add_done_callback(self.in_flight.discard)
        return left and len(self.in_flight) < s.webhook_concurrency

    async def _claim(self, capacity: int) -> tuple[list[claim.Job], bool]:
        db, now = self.rt.db, now_ms()
        limit = self.rt.settings.webhook_per_client_concurrency
        kw: dict[str, Any] = {
            "limit": capacity,
            "lease_ms": self.lease_ms,
            "free_slots": {c: limit - n for c, n in self.per_client.items()},
            "per_client": limit,
        }
        if db.dialect == "postgresql":
            # One atomic statement: a pooled connection in autocommit is enough.
            async with db.read() as conn:
                return await claim.claim_due(conn, now, **kw)
        # A cheap read first: SQLite's single write lock is taken only for real work.
        async with db.read() as conn:
            if not await claim.has_due(conn, now):
                return [], False
        return await in_transaction(db, claim.claim_due, now, **kw)

    async def _record(self, job: claim.Job, outcome: Outcome) -> str:
        db, now = self.rt.db, now_ms()
        if db.dialect == "postgresql":
            async with db.read() as conn:  # one atomic statement, as above
                return await service.record(
                    conn, job, outcome, now, delays=self.delays, rng=self.rng
                )
        return await in_transaction(
            db, service.record, job, outcome, now, delays=self.delays, rng=self.rng
        )

    async def _deliver(self, job: claim.Job) -> None:
        try:
            body = job.payload.encode("utf-8")
            # Signed at send time: receivers reject timestamps older than 5 minutes.
            headers = signing.headers(job.secrets, job.message_id, int(time.time()), body)
            outcome = await self.sender.post(job.url, body, headers)
            state = await self._record(job, outcome)
            metrics.WEBHOOK_LATENCY.observe(outcome.duration_ms / 1000)
            metrics.WEBHOOKS.labels(_OUTCOMES.get(state, state)).inc()
            if not outcome.ok:
                log.info(
                    "webhook %s to %s: %s (attempt %d, now %s)",
                    job.message_id,
                    redact(job.url),
                    outcome.error,
                    job.attempts + 1,
                    state,
                )
        except Exception:
            # The claim lease runs out and the delivery is tried again.
            log.exception("webhook %s: could not send or record", job.message_id)
        finally:
            left = self.per_client.get(job.client_id, 1) - 1
            if left > 0:
                self.per_client[job.client_id] = left
            else:
                self.per_client.pop(job.client_id, None)
            self.rt.notify(TOPIC)

    async def _listen(self) -> None:
        while True:
            try:
                await self._listen_once()
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.warning("webhooks: LISTEN connection failed (%s); polling meanwhile", exc)
            await asyncio.sleep(5)

    async def _listen_once(self) -> None:
        from otpvirt.db.postgres import asyncpg_dsn

        con = await asyncpg.connect(asyncpg_dsn(self.rt.db.url), timeout=10)
        try:
            gone = asyncio.Event()
            con.add_termination_listener(lambda _c: gone.set())
            await con.add_listener(service.CHANNEL, self._notified)
            await gone.wait()
        finally:
            # Never wait on a dead server while stopping.
            con.terminate()

    def _notified(self, _con: object, _pid: int, _channel: str, payload: str) -> None:
        if payload != service.PROCESS_TOKEN:
            self.rt.notify(TOPIC)

    async def close(self) -> None:
        """Let in-flight sends finish (they are bounded by the timeout), then close."""
        if self._listener is not None:
            self._listener.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._listener
        if self.in_flight:
            _, pending = await asyncio.wait(set(self.in_flight), timeout=self.sender.timeout + 2)
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
        await self.sender.close()


def dispatcher_for(rt: Runtime) -> Dispatcher:
    """This process's dispatcher (created on first use)."""
    found = rt.extras.get(DISPATCHER_KEY)
    if not isinstance(found, Dispatcher):
        found = Dispatcher(rt)
        rt.extras[DISPATCHER_KEY] = found
    return found
