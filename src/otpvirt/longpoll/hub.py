"""The waiters of one process and the one watch that wakes them.

A held GetSms is an `asyncio.Event` in a dict keyed by activation: no thread and
no query while it waits. One task per process watches for stored SMS:

- SQLite: woken at once by `Runtime.notify("sms")` (this process's ingest, after
  its commit) and every `wait_check_seconds` it reads `PRAGMA data_version`, which
  changes when any process commits; on a change, one query lists the routed SMS
  past an id cursor (ids follow commit order: SQLite has one writer at a time).
- PostgreSQL: a LISTEN connection; ingest NOTIFYs the activation's guid in the
  transaction that stores the SMS, so every process learns of it at its commit.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import threading
from collections.abc import Callable, Iterator
from types import FrameType
from typing import Any

import asyncpg

from otpvirt.errors import RateLimited
from otpvirt.longpoll import repository as repo
from otpvirt.runtime import Runtime
from otpvirt.sms.service import ARRIVALS_CHANNEL

log = logging.getLogger("otpvirt.longpoll")
HUB_KEY = "longpoll_hub"
BATCH = 1000


class Hub:
    """Held requests of this process, by activation guid, and the watch that wakes them."""

    def __init__(self, rt: Runtime) -> None:
        self.rt = rt
        self.waiters: dict[str, set[asyncio.Event]] = {}
        self.per_client: dict[str, int] = {}
        self.held = 0
        self.closed = False
        self._task: asyncio.Task[None] | None = None
        self._ready = asyncio.Event()
        self._cursor = 0

    def reserve(self, client_id: str) -> None:
        """Count one more held request, or refuse it beyond the limits (no await: atomic)."""
        s = self.rt.settings
        if self.held >= s.wait_max_held:
            raise RateLimited("too many requests are waiting on this server; retry without wait")
        if self.per_client.get(client_id, 0) >= s.wait_max_per_client:
            raise RateLimited(
                f"at most {s.wait_max_per_client} GetSms requests of a client may wait at once"
            )
        self.held += 1
        self.per_client[client_id] = self.per_client.get(client_id, 0) + 1

    def release(self, client_id: str) -> None:
        """Give back what `reserve` counted."""
        self.held -= 1
        left = self.per_client.get(client_id, 1) - 1
        if left > 0:
            self.per_client[client_id] = left
        else:
            self.per_client.pop(client_id, None)

    async def ready(self) -> None:
        """Start the watch if needed; returns once it would see any SMS stored from now on."""
        if self._task is None:
            watch = self._listen if self.rt.db.dialect == "postgresql" else self._poll
            self._task = asyncio.create_task(watch(), name="longpoll:watch")
        if not self._ready.is_set():
            # PostgreSQL unreachable: the request waits out its time (or a reconnect).
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(5):
                    await self._ready.wait()

    @contextlib.contextmanager
    def register(self, guid: str) -> Iterator[asyncio.Event]:
        """An event set when an SMS for `guid` may have arrived (or the server stops)."""
        event = asyncio.Event()
        if self.closed:
            event.set()
        self.waiters.setdefault(guid, set()).add(event)
        try:
            yield event
        finally:
            found = self.waiters.get(guid)
            if found is not None:
                found.discard(event)
                if not found:
                    del self.waiters[guid]

    def wake(self, guid: str) -> None:
        """Wake the requests waiting for `guid`."""
        for event in self.waiters.get(guid, ()):
            event.set()

    def wake_all(self) -> None:
        """Wake every held request (each reads again and answers or waits on)."""
        for events in self.waiters.values():
            for event in events:
                event.set()

    def close(self) -> None:
        """Answer every held request now and hold no more (server stopping)."""
        self.closed = True
        self.wake_all()
        if self._task is not None:
            self._task.cancel()

    async def _poll(self) -> None:
        db = self.rt.db
        version_of: Callable[[], int] = db.data_version  # type: ignore[attr-defined]
        wake = self.rt.subscribe("sms")
        version = version_of()
        async with db.read() as conn:
            self._cursor = await repo.last_sms_id(conn)
        self._ready.set()
        interval = self.rt.settings.wait_check_seconds
        while True:
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(interval):
                    await wake.wait()
            changed = wake.is_set()
            wake.clear()
            now = version_of()
            if now != version:
                version, changed = now, True
            if changed:
                try:
                    await self._catch_up()
                except Exception:  # the next change or tick tries again
                    log.exception("long-poll watch: could not read new SMS")

    async def _catch_up(self) -> None:
        async with self.rt.db.read() as conn:
            if not self.waiters:
                self._cursor = await repo.last_sms_id(conn)
                return
            while True:
                found = await repo.arrivals_since(conn, self._cursor, BATCH)
                for arrival in found:
                    self.wake(arrival.activation_guid)
                if found:
                    self._cursor = found[-1].id
                if len(found) < BATCH:
                    return

    async def _listen(self) -> None:
        while True:
            try:
                await self._listen_once()
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.warning("long-poll: LISTEN connection failed (%s); retrying", exc)
            finally:
                self._ready.clear()
            await asyncio.sleep(1)

    async def _listen_once(self) -> None:
        from otpvirt.db.postgres import asyncpg_dsn

        con = await asyncpg.connect(asyncpg_dsn(self.rt.db.url), timeout=10)
        try:
            gone = asyncio.Event()
            con.add_termination_listener(lambda _c: gone.set())
            await con.add_listener(ARRIVALS_CHANNEL, self._notified)
            self._ready.set()
            # What arrived while no connection listened: everyone reads again.
            self.wake_all()
            await gone.wait()
        finally:
            # Never wait on a dead server while stopping.
            con.terminate()

    def _notified(self, _con: object, _pid: int, _channel: str, payload: str) -> None:
        self.wake(payload)


def hub_for(rt: Runtime) -> Hub:
    """This process's hub (created on first use)."""
    found = rt.extras.get(HUB_KEY)
    if not isinstance(found, Hub):
        found = Hub(rt)
        rt.extras[HUB_KEY] = found
        rt.on_close(found.close)
    return found


def close_hub(rt: Runtime) -> None:
    """Answer the held requests of this process (if it ever held any)."""
    found = rt.extras.get(HUB_KEY)
    if isinstance(found, Hub):
        found.close()


@contextlib.contextmanager
def answer_on_signal(rt: Runtime) -> Iterator[None]:
    """While open, SIGTERM/SIGINT first answer the held requests, then do what they did.

    The server waits for requests in flight before it stops: held ones would make
    it wait their full time, or be cut off by the graceful-shutdown timeout.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    loop = asyncio.get_running_loop()
    previous: dict[int, Any] = {}

    def handler(sig: int, frame: FrameType | None) -> None:
        loop.call_soon_threadsafe(close_hub, rt)
        before = previous.get(sig)
        if callable(before):
            before(sig, frame)
        elif before == signal.SIG_DFL:
            signal.signal(sig, signal.SIG_DFL)
            signal.raise_signal(sig)

    for stop in (signal.SIGINT, signal.SIGTERM):
        previous[stop] = signal.signal(stop, handler)
    try:
        yield
    finally:
        for number, before in previous.items():
            with contextlib.suppress(ValueError, TypeError):
                signal.signal(number, before)
