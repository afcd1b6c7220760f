"""What a running process shares: settings, database, caches."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

from otpvirt.auth.lockout import Policy
from otpvirt.auth.passwords import Passwords
from otpvirt.auth.ratelimit import Limiter, parse_rate
from otpvirt.catalogue.snapshot import Catalogue
from otpvirt.clients.service import ClientCache
from otpvirt.config import Settings
from otpvirt.db import Database, open_database


class CountCache:
    """Short-lived GetNumbersCount answers: counting a large pool is not free."""

    def __init__(self, ttl_seconds: float) -> None:
        self._ttl = ttl_seconds
        self._values: dict[tuple[int, int | None, int], tuple[int, float]] = {}

    def get(self, key: tuple[int, int | None, int]) -> int | None:
        """A fresh cached count, or None."""
        hit = self._values.get(key)
        if hit is None or hit[1] < time.monotonic():
            return None
        return hit[0]

    def put(self, key: tuple[int, int | None, int], value: int) -> None:
        """Remember a count for the TTL."""
        if self._ttl > 0:
            if len(self._values) > 10_000:
                self._values.clear()
            self._values[key] = (value, time.monotonic() + self._ttl)

    def clear(self) -> None:
        """Forget everything (this process leased or released a number)."""
        if self._values:
            self._values.clear()


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
    lockout: Policy
    extras: dict[str, object] = field(default_factory=dict)
    _subscribers: dict[str, list[asyncio.Event]] = field(default_factory=dict, repr=False)

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
        db = open_database(settings)
        return cls(
            settings=settings,
            db=db,
            passwords=Passwords(settings),
            catalogue=Catalogue(db, settings.catalogue_cache_seconds),
            counts=CountCache(settings.count_cache_seconds),
            clients=ClientCache(settings.client_cache_seconds),
            limiter=Limiter(db, parse_rate(settings.rate_limit), shared=db.dialect == "postgresql"),
            lockout=Policy(
                client_attempts=settings.lockout_attempts,
                address_attempts=settings.lockout_address_attempts,
                window_ms=int(settings.lockout_window_minutes * 60_000),
                lock_ms=int(settings.lockout_minutes * 60_000),
            ),
        )

    async def close(self) -> None:
        """Close the database."""
        await self.db.close()
