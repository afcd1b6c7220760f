"""argon2id password hashes, with a short in-memory cache of successful checks.

The KDF is deliberately slow, so a client polling GetSms several times a second
would otherwise pay it on every call. A success is remembered per client as an
HMAC of the password under a per-process random key (never the password
itself), bound to the stored hash so a password change invalidates it at once.

Checks that need the KDF run on two threads of their own, behind a bounded queue:
past `OTPVIRT_PASSWORD_CHECK_QUEUE` checks waiting or running, a new one is
refused at once (`rate_limited`) instead of making every later login wait behind a
burst of guesses. A check already cached never enters the queue.
"""

from __future__ import annotations

import asyncio
import hmac
import os
import secrets
import string
import time
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from hashlib import blake2b
from typing import Protocol

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from otpvirt.config import Settings
from otpvirt.errors import RateLimited

_ALPHABET = string.ascii_letters + string.digits


def generate_password(length: int = 24) -> str:
    """A random password of letters and digits."""
    return "".join(secrets.choice(_ALPHABET) for _ in range(length))


class Guard(Protocol):
    """What a check must clear before its KDF runs (the lockout: `lockout.Attempt`)."""

    scope: str

    async def reserve(self) -> None: ...

    async def settle(self, ok: bool) -> None: ...


class Busy(RateLimited):
    def __init__(self) -> None:
        super().__init__("the server is busy checking passwords; try again in a moment")


Flight = tuple[str, str, str | None, bytes]


class Passwords:
    """Hash and verify client passwords."""

    def __init__(self, settings: Settings, *, cache_size: int = 100_000) -> None:
        self._hasher = PasswordHasher(
            time_cost=settings.argon2_time_cost,
            memory_cost=settings.argon2_memory_kib,
            parallelism=settings.argon2_parallelism,
        )
        self._ttl = settings.auth_cache_seconds
        self._key = os.urandom(32)
        self._cache: OrderedDict[str, tuple[str, bytes, float]] = OrderedDict()
        self._cache_size = cache_size
        self._dummy: str | None = None
        # Two threads of their own: at the KDF's memory cost per check, this also
        # bounds the memory checks can take at once.
        self._kdf = ThreadPoolExecutor(max_workers=2, thread_name_prefix="kdf")
        self._queue_limit = settings.password_check_queue
        self._queued = 0
        # Concurrent checks of the same credentials from the same address share one run.
        self._inflight: dict[Flight, asyncio.Task[bool]] = {}

    def hash(self, password: str) -> str:
        """The argon2id hash of a password (blocking; ~tens of ms)."""
        return self._hasher.hash(password)

    def _digest(self, password: str) -> bytes:
        # Keyed BLAKE2b is a MAC like HMAC-SHA256 and one C call (~0.8 µs against ~2).
        return blake2b(
            password.encode("utf-8", "surrogatepass"), key=self._key, digest_size=32
        ).digest()

    def _check(self, stored_hash: str, password: str) -> bool:
        try:
            return self._hasher.verify(stored_hash, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False

    def cached(self, key: str, stored_hash: str, password: str) -> bool:
        """True when this exact password was verified for `key` recently."""
        entry = self._cache.get(key)
        if entry is None:
            return False
        cached_hash, digest, expires = entry
        return (
            cached_hash == stored_hash
            and expires > time.monotonic()
            and hmac.compare_digest(digest, self._digest(password))
        )

    async def verify(
        self, key: str, stored_hash: str | None, password: str, *, guard: Guard | None = None
    ) -> bool:
        """Check a password against its hash (None: an unknown account, checked against a
        dummy hash so it takes as long), using the cache when possible.

        The guard reserves the attempt before the KDF runs and settles it after.
        """
        if stored_hash is not None and self.cached(key, stored_hash, password):
            return True
        flight = (key, guard.scope if guard else "", stored_hash, self._digest(password))
        task = self._inflight.get(flight)
        if task is None:
            # A task, not this request's own coroutine: a caller that disconnects
            # must not cancel the check others are waiting for, or leave its
            # reservation unsettled.
            task = asyncio.ensure_future(self._run(key, stored_hash, password, guard))
            self._inflight[flight] = task
            task.add_done_callback(lambda done: self._landed(flight, done))
        return await asyncio.shield(task)

    def _landed(self, flight: Flight, task: asyncio.Task[bool]) -> None:
        self._inflight.pop(flight, None)
        if not task.cancelled():
            task.exception()  # retrieved: every waiter may be gone

    async def _run(
        self, key: str, stored_hash: str | None, password: str, guard: Guard | None
    ) -> bool:
        if self._queued >= self._queue_limit:
            raise Busy()
        self._queued += 1
        try:
            if guard is not None:
                await guard.reserve()
            ok = await self._kdf_check(stored_hash, password)
        finally:
            self._queued -= 1
        if guard is not None:
            await guard.settle(ok)
        if ok and stored_hash is not None and self._ttl > 0:
            self._cache[key] = (stored_hash, self._digest(password), time.monotonic() + self._ttl)
            self._cache.move_to_end(key)
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return ok

    async def _kdf_check(self, stored_hash: str | None, password: str) -> bool:
        loop = asyncio.get_running_loop()
        if stored_hash is None:
            if self._dummy is None:
                self._dummy = await loop.run_in_executor(self._kdf, self.hash, generate_password())
            await loop.run_in_executor(self._kdf, self._check, self._dummy, password)
            return False
        return await loop.run_in_executor(self._kdf, self._check, stored_hash, password)

    def forget(self, key: str) -> None:
        """Drop a cached success (after a password change or disable)."""
        self._cache.pop(key, None)
