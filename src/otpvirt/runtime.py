"""What a running process shares: settings, database, caches."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, cast

from otpvirt.auth.lockout import Policy
from otpvirt.auth.passwords import Passwords
from otpvirt.auth.ratelimit import Limiter
from otpvirt.auth.secret_key import SecretKey
from otpvirt.catalogue.snapshot import Catalogue
from otpvirt.clients.service import ClientCache
from otpvirt.config import Settings
from otpvirt.db import POOL, Database, open_database
from otpvirt.files import tighten_dir
from otpvirt.rates import parse_rate

T = TypeVar("T")


class CountCache:
    """Availability counts, reused for a short TTL and refreshed without waiting.

    Counting a large pool is not free (a million numbers: ~0.1 s), and clients poll
    GetNumbersCount constantly. A fresh value is answered as is; a value at most two
    TTLs old is answered too while one refresh runs in the background (a busy key is
    never waited for); an older one, or a key never counted, waits for the count
    (once, however many ask at the same moment). With a TTL of 0 every call counts.
    """

    def __init__(self, ttl_seconds: float, min_interval_seconds: float | None = None) -> None:
        self._ttl = ttl_seconds
        # A change marks a value stale, but a key is loaded at most once per interval:
        # under constant leasing a count would otherwise be redone on every request.
        self._min_interval = ttl_seconds if min_interval_seconds is None else min_interval_seconds
        # key -> (value, fresh until, loaded at); a key's loader always returns one type.
        self._values: dict[Hashable, tuple[Any, float, float]] = {}
        self._loading: dict[Hashable, asyncio.Task[Any]] = {}

    async def get(self, key: Hashable, load: Callable[[], Awaitable[T]]) -> T:
        """The value for `key`, loading it with `load` when needed."""
        if self._ttl <= 0:
            return await load()
        hit = self._values.get(key)
        now = time.monotonic()
        if hit is not None and hit[1] > now:
            return cast(T, hit[0])
        task = self._loading.get(key)
        if task is None:
            task = self._loading[key] = asyncio.ensure_future(self._load(key, load))
        # An idle key's value may be minutes old: a poller must not get the last
        # poll's answer, so only a recent value stands in while the refresh runs.
        if hit is not None and now - hit[2] <= 2 * self._ttl:
            return cast(T, hit[0])
        return cast(T, await asyncio.shield(task))

    async def _load(self, key: Hashable, load: Callable[[], Awaitable[T]]) -> T:
        try:
            value = await load()
            if len(self._values) > 10_000:
                self._values.clear()
            now = time.monotonic()
            self._values[key] = (value, now + self._ttl, now)
            return value
        finally:
            self._loading.pop(key, None)

    def clear(self) -> None:
        """Mark every count stale once the minimum interval since its load has passed."""
        for key, (value, fresh_until, loaded) in self._values.items():
            self._values[key] = (value, min(fresh_until, loaded + self._min_interval), loaded)


@dataclass
class Runtime:
    """Per-process state, created by `create_app` or a CLI command."""

    settings: Settings
    db: Database
    passwords: Passwords
    catalogue: Catalogue
    counts: CountCache
    clients: ClientCache
    limiter: Limiter
    web_limiter: Limiter
    web_address_limiter: Limiter
    lockout: Policy
    secret: SecretKey
    extras: dict[str, object] = field(default_factory=dict)
    _subscribers: dict[str, list[asyncio.Event]] = field(default_factory=dict, repr=False)
    _closers: list[Callable[[], None]] = field(default_factory=list, repr=False)

    def on_close(self, closer: Callable[[], None]) -> None:
        """Call `closer` first thing in `close` (stops a component's background task)."""
        self._closers.append(closer)

    def subscribe(self, *topics: str) -> asyncio.Event:
        """A wake-up event set whenever one of `topics` is notified (e.g. "sms")."""
        event = asyncio.Event()
        for topic in topics:
            self._subscribers.setdefault(topic, []).append(event)
        return event

    def notify(self, topic: str) -> None:
        """Wake the background loops subscribed to `topic` now, not at their next poll.

        Only a hint, given after the work was committed: the loops also poll the
        database, so work committed by another process is found at the next interval.
        """
        for event in self._subscribers.get(topic, ()):
            event.set()

    @classmethod
    def open(cls, settings: Settings) -> Runtime:
        """Open the database and build the caches (no I/O until first use)."""
        # An older version left the data directory readable by everyone.
        tighten_dir(Path(settings.data_dir))
        db = open_database(settings)
        # On PostgreSQL every process shares the limits (a row per key).
        shared = db.dialect == "postgresql"
        # However long the operator keeps counts, a pool change shows within a second.
        ttl = settings.count_cache_seconds
        counts = CountCache(ttl, min_interval_seconds=min(ttl, 1.0))
        # Repositories report pool changes (`Conn.changed("pool")`): no caller clears by hand.
        db.watch(lambda topic: counts.clear() if topic == POOL else None)
        return cls(
            settings=settings,
            db=db,
            passwords=Passwords(settings),
            catalogue=Catalogue(db, settings.catalogue_cache_seconds),
            counts=counts,
            clients=ClientCache(settings.client_cache_seconds),
            limiter=Limiter(db, parse_rate(settings.rate_limit), shared=shared),
            web_limiter=Limiter(db, parse_rate(settings.web_rate_limit), shared=shared),
            web_address_limiter=Limiter(
                db, parse_rate(settings.web_address_rate_limit), shared=shared
            ),
            lockout=Policy(
                client_attempts=settings.lockout_attempts,
                address_attempts=settings.lockout_address_attempts,
                window_ms=int(settings.lockout_window_minutes * 60_000),
                lock_ms=int(settings.lockout_minutes * 60_000),
            ),
            secret=SecretKey(settings),
        )

    async def close(self) -> None:
        """Stop what registered with `on_close`, then close the database."""
        for closer in self._closers:
            closer()
        await self.db.close()
