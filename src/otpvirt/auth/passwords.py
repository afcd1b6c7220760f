"""argon2id password hashes, with a short in-memory cache of successful checks.

The KDF is deliberately slow, so a client polling GetSms several times a second
would otherwise pay it on every call. A success is remembered per client as an
HMAC of the password under a per-process random key (never the password
itself), bound to the stored hash so a password change invalidates it at once.
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
from hashlib import sha256

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from otpvirt.config import Settings

_ALPHABET = string.ascii_letters + string.digits


def generate_password(length: int = 24) -> str:
    """A random password of letters and digits."""
    return "".join(secrets.choice(_ALPHABET) for _ in range(length))


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
        # Checks run on two threads of their own: a burst of logins (or of guesses)
        # queues there instead of taking every worker thread and, at the KDF's
        # memory cost per check, bounding the memory it can take at once.
        self._kdf = ThreadPoolExecutor(max_workers=2, thread_name_prefix="kdf")
        # Concurrent checks of the same credentials share one KDF run.
        self._inflight: dict[tuple[str, str, bytes], asyncio.Future[bool]] = {}

    def hash(self, password: str) -> str:
        """The argon2id hash of a password (blocking; ~tens of ms)."""
        return self._hasher.hash(password)

    def _digest(self, password: str) -> bytes:
        return hmac.new(self._key, password.encode("utf-8", "surrogatepass"), sha256).digest()

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

    async def verify(self, key: str, stored_hash: str, password: str) -> bool:
        """Check a password against its hash, using the cache when possible."""
        if self.cached(key, stored_hash, password):
            return True
        flight = (key, stored_hash, self._digest(password))
        pending = self._inflight.get(flight)
        if pending is not None:
            return await asyncio.shield(pending)
        future: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        self._inflight[flight] = future
        try:
            loop = asyncio.get_running_loop()
            ok = await loop.run_in_executor(self._kdf, self._check, stored_hash, password)
        except BaseException as exc:
            future.set_exception(exc)
            future.exception()  # mark retrieved: waiters may be gone
            raise
        else:
            future.set_result(ok)
        finally:
            del self._inflight[flight]
        if ok and self._ttl > 0:
            self._cache[key] = (stored_hash, self._digest(password), time.monotonic() + self._ttl)
            self._cache.move_to_end(key)
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return ok

    async def verify_dummy(self, password: str) -> None:
        """Spend the time of a real check, so unknown ids answer no faster than wrong passwords."""
        if self._dummy is None:
            self._dummy = await asyncio.to_thread(self.hash, generate_password())
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(self._kdf, self._check, self._dummy, password)

    def forget(self, key: str) -> None:
        """Drop a cached success (after a password change or disable)."""
        self._cache.pop(key, None)
