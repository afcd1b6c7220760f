"""Lock out password guessing, per (account, address) and per address.

Every password check that needs the KDF first reserves an attempt on two keys in
the database, in one transaction: the caller's address (IPv6 per /64) and the pair
(account, address). A key at its limit refuses the reservation, so a parallel burst
gets at most the limit checked, in one process or in several, and the rest are
refused without running the KDF. A wrong password turns its reservation into a
failure (and locks the key for `lock_ms` once failures reach the limit); a right one
gives it back.

Unknown accounts are counted exactly like real ones, so lock behaviour tells nothing
about which ids exist. There is no lock per account alone: a stranger's guesses
never lock the owner out from an address that has not failed. Checks a process has
already verified (the password cache) never reach this module.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

from otpvirt.auth import repository
from otpvirt.clock import now_ms
from otpvirt.db import Conn, Database, in_transaction
from otpvirt.errors import InvalidRequest


class LockedOut(InvalidRequest):
    reason = "too_many_attempts"


@dataclass(frozen=True)
class Policy:
    """Thresholds: attempts per (account, address) and per address within a window, and
    how long a lock lasts (ms)."""

    client_attempts: int
    address_attempts: int
    window_ms: int
    lock_ms: int


def address_key(address: str | None) -> str:
    """The lockout key of a client address: IPv4 as is, IPv6 by its /64."""
    if not address:
        return "ip:unknown"
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return f"ip:{address[:64]}"
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return f"ip:{ip.ipv4_mapped}"
        # One subscriber usually holds a whole /64: counting single addresses would
        # give it 2**64 fresh budgets.
        return f"ip:{ipaddress.IPv6Network((ip, 64), strict=False)}"
    return f"ip:{ip}"


class Attempt:
    """One password check by `subject` (e.g. `client:<id>`) from `address`.

    `reserve` before running the KDF, `settle` with its outcome afterwards.
    """

    __slots__ = ("_db", "_keys", "_policy", "scope")

    def __init__(self, db: Database, policy: Policy, subject: str, address: str | None) -> None:
        self._db = db
        self._policy = policy
        self.scope = address_key(address)
        # Always in this order, so concurrent reservations never deadlock on PostgreSQL.
        self._keys = (
            (self.scope, policy.address_attempts),
            (f"{subject}|{self.scope}", policy.client_attempts),
        )

    async def reserve(self) -> None:
        """Count this attempt on both keys, or raise LockedOut (counting nothing)."""
        await in_transaction(self._db, self._reserve, now_ms())

    async def _reserve(self, conn: Conn, now: int) -> None:
        since = now - self._policy.window_ms
        for key, limit in self._keys:
            if not await repository.reserve_attempt(conn, key, now, since, limit):
                # Raising rolls back the reservations made so far in this transaction.
                raise await self._refusal(conn, key, now)

    async def _refusal(self, conn: Conn, key: str, now: int) -> LockedOut:
        until = await repository.locked_until(conn, key)
        ms = until - now if until is not None else self._policy.lock_ms
        minutes = max(1, round(ms / 60_000))
        who = "from this address" if key.startswith("ip:") else "for this account from here"
        return LockedOut(f"too many wrong passwords {who}; try again in {minutes} min")

    async def settle(self, ok: bool) -> None:
        """Give the reservation back after a right password; lock full keys after a wrong one."""
        await in_transaction(self._db, self._settle, ok, now_ms())

    async def _settle(self, conn: Conn, ok: bool, now: int) -> None:
        if not ok:
            for key, limit in self._keys:
                await repository.record_failure(conn, key, limit, now + self._policy.lock_ms)
            return
        (scope, _), (pair, _) = self._keys
        await repository.release_attempt(conn, scope)
        # The right password wipes this pair's earlier typos -- unless other checks of
        # it are still in flight: a burst with the right password in it must not get
        # a fresh budget for the rest of its guesses.
        if not await repository.forget_idle_key(conn, pair):
            await repository.release_attempt(conn, pair)


async def purge(conn: Conn, policy: Policy, now: int) -> int:
    """Forget keys whose window and lock are over (they would start over anyway)."""
    return await repository.purge_failures(conn, now - policy.window_ms, now)
