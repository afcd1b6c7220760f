"""What a running process shares: settings, database, caches."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from otpvirt.auth.passwords import Passwords
from otpvirt.catalogue.snapshot import Catalogue
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
    extras: dict[str, object] = field(default_factory=dict)

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
        )

    async def close(self) -> None:
        """Close the database."""
        await self.db.close()
