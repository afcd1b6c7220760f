"""Fresh PostgreSQL databases for tests, without a CREATE and a DROP DATABASE per test.

DROP DATABASE waits for a checkpoint (0.1-2 s each on this machine, and they queue up
behind each other across parallel workers), so a used copy is not dropped: an event
loop in a thread puts it back as it came from the template, while the next test runs:
its other sessions are ended, every table is emptied (TRUNCATE … RESTART IDENTITY), the
template's rows (the seed catalogue, `alembic_version`) are copied back and every
sequence is set where the template has it. A copy whose schema no longer matches the
template's (a migration test that failed half-way) is dropped and replaced. A test thus
sees exactly what a fresh `CREATE DATABASE … TEMPLATE` copy would hold.

The copies commit without waiting for the WAL flush (`synchronous_commit = off`): the
tests never crash PostgreSQL itself, and what another session sees is the same.
"""

from __future__ import annotations

import asyncio
import queue
import threading
import uuid
from collections.abc import Coroutine
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

import asyncpg

# Tables, columns, indexes, constraints and the schema revision: equal means same schema.
FINGERPRINT = """
SELECT md5(string_agg(x, ';' ORDER BY x)) FROM (
    SELECT 'c:' || table_name || '.' || column_name || ':' || data_type || ':'
        || coalesce(column_default, '') || ':' || is_nullable AS x
    FROM information_schema.columns WHERE table_schema = 'public'
    UNION ALL SELECT 'i:' || indexdef FROM pg_indexes WHERE schemaname = 'public'
    UNION ALL SELECT 'k:' || conrelid::regclass || ':' || conname || ':'
        || pg_get_constraintdef(oid)
    FROM pg_constraint WHERE connamespace = 'public'::regnamespace
    UNION ALL SELECT 's:' || sequencename FROM pg_sequences WHERE schemaname = 'public'
) parts
"""


@dataclass
class Seed:
    """What a fresh copy holds: the template's rows and sequence positions, its schema."""

    fingerprint: str
    tables: list[str]
    rows: list[tuple[str, list[str], list[tuple[Any, ...]]]]
    sequences: list[tuple[str, int, bool]]


class PgCopies:
    """Hands out fresh copies of `template`; call `close()` before dropping the template."""

    def __init__(self, admin_url: str, template: str) -> None:
        self._base = admin_url.rpartition("/")[0]
        self._template = template
        self._ready: queue.Queue[str | BaseException] = queue.Queue()
        self._pending: list[Future[Any]] = []
        self._made: set[str] = set()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="pg-copies")
        self._thread.daemon = True
        self._thread.start()
        try:
            self._admin: asyncpg.Pool = self._call(_pool(admin_url)).result(30)
            self._seed: Seed = self._call(self._read_seed()).result(60)
        except BaseException:
            self._loop.call_soon_threadsafe(self._loop.stop)
            raise
        self._call(self._create())

    def take(self) -> str:
        """The name of a fresh copy: a reset one if ready, else a new one."""
        if self._ready.empty():
            self._call(self._create())
        got = self._ready.get(timeout=120)
        if isinstance(got, BaseException):
            raise got
        return got

    def give_back(self, name: str) -> None:
        """Reset a used copy for the next test (in the background)."""
        self._call(self._reset(name))

    def settle(self) -> None:
        """Wait for the copies and resets under way."""
        for fut in self._pending:
            fut.exception(timeout=120)

    def close(self) -> None:
        """Wait for the work under way, drop every copy and stop the thread."""
        self.settle()
        drops = [self._call(self._drop(name)) for name in sorted(self._made)]
        for fut in drops:
            fut.exception(timeout=120)
        self._call(self._admin.close()).result(30)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=30)

    def _call(self, coro: Coroutine[Any, Any, Any]) -> Future[Any]:
        fut = asyncio.run_coroutine_threadsafe(coro, self._loop)
        self._pending.append(fut)
        return fut

    async def _read_seed(self) -> Seed:
        con = await asyncpg.connect(f"{self._base}/{self._template}", timeout=10)
        try:
            fingerprint = await con.fetchval(FINGERPRINT)
            tables = [
                r[0]
                for r in await con.fetch(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
                )
            ]
            rows = []
            for table in tables:
                records = await con.fetch(f'SELECT * FROM "{table}"')
                if records:
                    rows.append((table, list(records[0].keys()), [tuple(r) for r in records]))
            sequences = []
            for (seq,) in await con.fetch(
                "SELECT sequencename FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1"
            ):
                last, called = await con.fetchrow(f'SELECT last_value, is_called FROM "{seq}"')
                sequences.append((seq, int(last), bool(called)))
        finally:
            await con.close()
        return Seed(str(fingerprint), tables, rows, sequences)

    async def _create(self) -> None:
        name = f"otpvirt_t_{uuid.uuid4().hex[:12]}"
        try:
            async with self._admin.acquire() as con:
                await con.execute(f'CREATE DATABASE "{name}" TEMPLATE "{self._template}"')
                self._made.add(name)
                await con.execute(f'ALTER DATABASE "{name}" SET synchronous_commit = off')
        except Exception as exc:  # handed to the test that takes it
            self._ready.put(exc)
            return
        self._ready.put(name)

    async def _reset(self, name: str) -> None:
        try:
            async with self._admin.acquire() as admin:
                await admin.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = $1 AND pid <> pg_backend_pid()",
                    name,
                )
            con = await asyncpg.connect(f"{self._base}/{name}", timeout=10)
            try:
                if await con.fetchval(FINGERPRINT) != self._seed.fingerprint:
                    raise RuntimeError("schema changed")
                await self._refill(con)
            finally:
                await con.close()
        except Exception:
            await self._drop(name)  # anything odd: a new copy takes its place
            return
        self._ready.put(name)

    async def _refill(self, con: asyncpg.Connection) -> None:
        seed = self._seed
        async with con.transaction():
            # Foreign keys are not checked while the seed rows go back in any order.
            await con.execute("SET LOCAL session_replication_role = replica")
            await con.execute(
                "TRUNCATE " + ", ".join(f'"{t}"' for t in seed.tables) + " RESTART IDENTITY"
            )
            for table, columns, records in seed.rows:
                await con.copy_records_to_table(table, records=records, columns=columns)
            for seq, last, called in seed.sequences:
                await con.execute("SELECT setval($1::regclass, $2, $3)", f'"{seq}"', last, called)

    async def _drop(self, name: str) -> None:
        async with self._admin.acquire() as con:
            await con.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self._made.discard(name)


async def _pool(url: str) -> asyncpg.Pool:
    return await asyncpg.create_pool(url, min_size=1, max_size=3, timeout=10)
