"""SQLite through the stdlib driver, called directly on the event loop.

Statements take microseconds, so running them on the loop beats a thread hop; only a
durable COMMIT (synchronous=FULL, the default: the WAL is flushed to disk before it
returns) runs in a thread, so the loop keeps serving while the disk works.
Within a process one writer connection serialises transactions behind an
asyncio lock; across processes (`serve --workers N`) an advisory lock on a
side file hands the write lock over the moment its holder commits (a waiter
blocks in a thread, not in a sleep-and-retry loop), and `BEGIN IMMEDIATE` with
a retried busy begin covers any other writer, so no "database is locked"
reaches a client.
"""

from __future__ import annotations

import asyncio
import fcntl
import os
import random
import sqlite3
import threading
import time
from collections.abc import AsyncIterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractAsyncContextManager, asynccontextmanager, suppress
from pathlib import Path
from typing import Any

from otpvirt.db.base import Conn, Database, DatabaseUnavailable, IntegrityError, Params, Row
from otpvirt.db.durability import SQLITE_LEVELS
from otpvirt.files import private_dir, private_file, tighten_file


def sqlite_path(url: str) -> str:
    """The file path of a `sqlite:///path` URL (':memory:' is refused: no sharing)."""
    for prefix in ("sqlite+pysqlite:///", "sqlite+aiosqlite:///", "sqlite:///"):
        if url.startswith(prefix):
            path = url[len(prefix) :].split("?", 1)[0]
            if not path or path == ":memory:":
                raise ValueError("an in-memory SQLite database cannot be shared; use a file")
            return path
    raise ValueError(f"not an SQLite URL: {url}")


def connect(
    path: str, *, synchronous: str = "FULL", busy_timeout_ms: int = 10_000
) -> sqlite3.Connection:
    """Open a connection configured for this service (WAL, foreign keys).

    The file and its WAL companions are owner-only (SQLite gives the WAL and shared
    memory files the database file's mode when it creates them).
    """
    private_dir(Path(path).parent)
    private_file(Path(path))
    for suffix in ("-wal", "-shm", "-journal"):
        tighten_file(Path(path + suffix))
    con = sqlite3.connect(
        path,
        isolation_level=None,
        check_same_thread=False,
        timeout=busy_timeout_ms / 1000,
        # Prepared statements kept per connection (the default 128 is less than the
        # service's distinct statements: evicted ones were prepared again on next use).
        cached_statements=512,
    )
    con.row_factory = sqlite3.Row
    con.execute("PRAGMA journal_mode=WAL")
    con.execute(f"PRAGMA synchronous={synchronous}")
    con.execute("PRAGMA foreign_keys=ON")
    con.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
    con.execute("PRAGMA cache_size=-32000")
    con.execute("PRAGMA temp_store=MEMORY")
    return con


class SqliteConn(Conn):
    dialect = "sqlite"

    __slots__ = ("_con",)

    def __init__(self, con: sqlite3.Connection) -> None:
        self._con = con

    async def fetchone(self, sql: str, params: Params = None) -> Row | None:
        try:
            cur = self._con.execute(sql, params or {})
            row: Row | None = cur.fetchone()
            cur.close()
        except sqlite3.IntegrityError as exc:
            raise IntegrityError(str(exc)) from exc
        return row

    async def fetchval(self, sql: str, params: Params = None) -> Any:
        # The base class's, without the extra coroutine (balance reads are hot).
        try:
            cur = self._con.execute(sql, params or {})
            row = cur.fetchone()
            cur.close()
        except sqlite3.IntegrityError as exc:
            raise IntegrityError(str(exc)) from exc
        return None if row is None else row[0]

    async def fetchall(self, sql: str, params: Params = None) -> list[Row]:
        try:
            rows: list[Row] = self._con.execute(sql, params or {}).fetchall()
            return rows
        except sqlite3.IntegrityError as exc:
            raise IntegrityError(str(exc)) from exc

    async def execute(self, sql: str, params: Params = None) -> int:
        try:
            return self._con.execute(sql, params or {}).rowcount
        except sqlite3.IntegrityError as exc:
            raise IntegrityError(str(exc)) from exc

    async def executemany(self, sql: str, seq: Sequence[Mapping[str, Any]]) -> None:
        try:
            self._con.executemany(sql, seq)
        except sqlite3.IntegrityError as exc:
            raise IntegrityError(str(exc)) from exc


class _Reading:
    """`async with db.read()` on SQLite: the reader connection, nothing to release."""

    __slots__ = ("conn",)

    def __init__(self, conn: Conn) -> None:
        self.conn = conn

    async def __aenter__(self) -> Conn:
        return self.conn

    async def __aexit__(self, *exc: object) -> None:
        return None


_MAX_BATCH = 64  # units per group commit, so a steady stream still commits promptly


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    msg = str(exc)
    return "locked" in msg or "busy" in msg


class _Batch:
    """Units of work sharing one SQLite transaction until it commits."""

    __slots__ = ("done", "loop", "size")

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.done: asyncio.Future[None] = loop.create_future()
        self.size = 0


class SqliteDatabase(Database):
    """One writer and one reader connection to an SQLite file in WAL mode."""

    dialect = "sqlite"

    def __init__(
        self, url: str, *, synchronous: str = "FULL", busy_timeout_ms: int = 10_000
    ) -> None:
        self.url = url
        self.path = sqlite_path(url)
        self._busy_timeout_ms = busy_timeout_ms
        # The writer never waits inside the driver (its busy handler sleeps with the
        # event loop blocked, for up to 25 ms at a time): another process holding the
        # write lock is waited for in _begin, with the loop free to serve reads.
        self._writer = connect(self.path, synchronous=synchronous, busy_timeout_ms=0)
        self._reader = connect(self.path, synchronous=synchronous, busy_timeout_ms=busy_timeout_ms)
        self._write = SqliteConn(self._writer)
        self._read = SqliteConn(self._reader)
        self._reading = _Reading(self._read)
        self._lock = asyncio.Lock()
        self._batch: _Batch | None = None
        self._queued = 0  # units waiting for the writer lock
        self._synchronous = synchronous
        # Slow reads run in worker threads, each with its own connection (sqlite3
        # releases the GIL while a query runs, so the event loop keeps serving).
        self._local = threading.local()
        self._thread_cons: list[sqlite3.Connection] = []
        # Held from BEGIN to COMMIT by the writer of every otpvirt process on this file;
        # the kernel drops it if the process dies, so a kill -9 never wedges the others.
        self._lock_fd = os.open(
            private_file(Path(f"{self.path}-writer.lock")), os.O_RDWR | os.O_CREAT, 0o600
        )
        self._locked = False
        self._lock_waiter = ThreadPoolExecutor(1, thread_name_prefix="sqlite-writer-lock")
        # FULL/EXTRA: COMMIT waits for the disk (an fsync of the WAL, 0.5-8 ms here). It
        # runs in a thread, so the loop keeps serving reads and the units arriving
        # meanwhile gather for the next group commit instead of everything stalling.
        self._flush_in_thread = synchronous.upper() in {"FULL", "EXTRA"}
        self._committer = ThreadPoolExecutor(1, thread_name_prefix="sqlite-commit")
        # Set while a COMMIT runs in that thread: nothing else may use the writer.
        self._flushing: asyncio.Future[None] | None = None
        # Opened on first use by `data_version` (long-poll waiters' change watch).
        self._watch: sqlite3.Connection | None = None

    def _watchers_changed(self) -> None:
        self._write.watchers = self._read.watchers = self.watchers

    def read(self) -> AbstractAsyncContextManager[Conn]:
        # A ready-made object, not an @asynccontextmanager generator: a read on the
        # hot path costs one statement, not a generator frame and its resumptions.
        return self._reading

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Conn]:
        """A unit of work, group-committed with the others of the same loop iteration.

        Each unit runs inside its own SAVEPOINT of a shared write transaction, so a
        failing unit rolls back alone; the transaction is committed once the units
        that were ready together have run, and only then does each unit return. A
        commit writes the WAL pages every unit touched once instead of once per unit.
        """
        self._queued += 1
        try:
            await self._lock.acquire()
        finally:
            self._queued -= 1
        try:
            batch = self._batch
            if batch is None:
                if self._flushing is not None:
                    # Holding the lock: no other batch can begin, so one wait is enough.
                    await asyncio.wait({self._flushing})
                await self._begin()
                loop = asyncio.get_running_loop()
                batch = self._batch = _Batch(loop)
                loop.call_soon(self._commit, batch)
            batch.size += 1
            # One name for every unit: units never nest (the lock is held from here to
            # RELEASE), and one text keeps both statements in the driver's cache where
            # `unit0`..`unit63` pushed the units' own statements out of it.
            self._writer.execute("SAVEPOINT unit")
            try:
                yield self._write
            except BaseException:
                self._undo(batch)
                raise
            self._writer.execute("RELEASE unit")
        finally:
            self._lock.release()
        await asyncio.shield(batch.done)

    def _undo(self, batch: _Batch) -> None:
        if self._writer.in_transaction:
            self._writer.execute("ROLLBACK TO unit")
            self._writer.execute("RELEASE unit")
            return
        # SQLite already rolled the whole transaction back (e.g. disk full):
        # every unit of the batch is lost and must fail.
        self._fail(batch, DatabaseUnavailable("SQLite rolled back the transaction"))

    def _commit(self, batch: _Batch) -> None:
        if self._batch is not batch:
            return
        if self._lock.locked() or (self._queued and batch.size < _MAX_BATCH):
            # A unit is between statements (it awaited something real), or units are
            # queued behind the lock: let them join rather than pay another begin, which
            # across processes means another hand-over of the write lock.
            batch.loop.call_soon(self._commit, batch)
            return
        if self._flush_in_thread:
            self._flush(batch)
        else:
            self._finish(batch)

    def _flush(self, batch: _Batch) -> None:
        # The lock is free and this runs on the loop: no unit is using the writer, and
        # none will until `_flushing` is done (transaction() waits for it before BEGIN).
        self._batch = None
        self._flushing = batch.loop.create_future()
        running = batch.loop.run_in_executor(self._committer, self._commit_or_roll_back)
        running.add_done_callback(lambda fut: self._flushed(batch, fut))

    def _commit_or_roll_back(self) -> None:
        try:
            self._writer.execute("COMMIT")
        except sqlite3.Error:
            if self._writer.in_transaction:
                self._writer.execute("ROLLBACK")
            raise

    def _flushed(self, batch: _Batch, fut: asyncio.Future[None]) -> None:
        exc = fut.exception() if not fut.cancelled() else DatabaseUnavailable("commit cancelled")
        if exc is None:
            self._unlock()
            batch.done.set_result(None)
        else:
            self._fail(batch, DatabaseUnavailable(f"SQLite commit failed: {exc}"))
        flushing, self._flushing = self._flushing, None
        if flushing is not None:
            flushing.set_result(None)

    def _finish(self, batch: _Batch) -> None:
        self._batch = None
        try:
            self._writer.execute("COMMIT")
        except sqlite3.Error as exc:
            if self._writer.in_transaction:
                self._writer.execute("ROLLBACK")
            self._fail(batch, DatabaseUnavailable(f"SQLite commit failed: {exc}"))
            return
        self._unlock()
        batch.done.set_result(None)

    def _fail(self, batch: _Batch, exc: Exception) -> None:
        if self._batch is batch:
            self._batch = None
        self._unlock()
        if not batch.done.done():
            batch.done.set_exception(exc)
            batch.done.exception()  # retrieved: every waiter re-raises it

    async def _begin(self) -> None:
        deadline = time.monotonic() + self._busy_timeout_ms / 1000
        await self._lock_file(deadline)
        try:
            await self._begin_immediate(deadline)
        except BaseException:
            self._unlock()
            raise

    async def _lock_file(self, deadline: float) -> None:
        try:
            fcntl.flock(self._lock_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            loop = asyncio.get_running_loop()
            fut = loop.run_in_executor(self._lock_waiter, fcntl.flock, self._lock_fd, fcntl.LOCK_EX)
            try:
                await asyncio.wait_for(asyncio.shield(fut), max(0.0, deadline - time.monotonic()))
            except BaseException as exc:
                # The thread may still get the lock later: give it straight back.
                fut.add_done_callback(self._release_late)
                if isinstance(exc, TimeoutError):
                    raise DatabaseUnavailable("SQLite writer busy: lock wait timed out") from exc
                raise
        self._locked = True

    def _release_late(self, fut: asyncio.Future[None]) -> None:
        if not fut.cancelled() and fut.exception() is None:
            fcntl.flock(self._lock_fd, fcntl.LOCK_UN)

    def _unlock(self) -> None:
        if self._locked:
            self._locked = False
            fcntl.flock(self._lock_fd, fcntl.LOCK_UN)

    async def _begin_immediate(self, deadline: float) -> None:
        # Another process commits a group within a few hundred microseconds: poll
        # fast at first, with jitter so two waiting processes do not move in step.
        delay = 0.0002
        while True:
            try:
                self._writer.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if not _is_busy(exc) or time.monotonic() > deadline:
                    raise DatabaseUnavailable(f"SQLite writer busy: {exc}") from exc
            await asyncio.sleep(delay * (0.5 + random.random()))
            delay = min(delay * 1.5, 0.005)

    async def durability_settings(self) -> dict[str, str]:
        # The writer's own connection: its commits are the ones acknowledged.
        while self._flushing is not None:
            await asyncio.wait({self._flushing})
        mode = self._writer.execute("PRAGMA journal_mode").fetchone()[0]
        level = int(self._writer.execute("PRAGMA synchronous").fetchone()[0])
        return {"journal_mode": str(mode), "synchronous": SQLITE_LEVELS.get(level, str(level))}

    async def fetch_all_slow(self, sql: str, params: Params = None) -> list[tuple[Any, ...]]:
        return await asyncio.to_thread(self._fetch_all_in_thread, sql, params)

    def _fetch_all_in_thread(self, sql: str, params: Params) -> list[tuple[Any, ...]]:
        return [tuple(row) for row in self._thread_con().execute(sql, params or {}).fetchall()]

    def _thread_con(self) -> sqlite3.Connection:
        """This thread's own reading connection (sqlite3 connections stay in one thread)."""
        con: sqlite3.Connection | None = getattr(self._local, "con", None)
        if con is None:
            con = connect(
                self.path, synchronous=self._synchronous, busy_timeout_ms=self._busy_timeout_ms
            )
            self._local.con = con
            self._thread_cons.append(con)
        return con

    def data_version(self) -> int:
        """A number that changes whenever any connection of any process commits.

        Its own connection (the pragma ignores the caller's own commits); a read of
        the shared-memory WAL index, microseconds, so it runs on the event loop.
        """
        if self._watch is None:
            self._watch = connect(self.path, busy_timeout_ms=self._busy_timeout_ms)
            self._thread_cons.append(self._watch)
        row = self._watch.execute("PRAGMA data_version").fetchone()
        return int(row[0])

    async def close(self) -> None:
        while self._flushing is not None:
            await asyncio.wait({self._flushing})
        # A unit that failed last (a CLI command's error) leaves its batch's commit
        # scheduled: settle it now, not later on a closed connection.
        if self._batch is not None and not self._lock.locked():
            self._finish(self._batch)
        for con in (self._reader, self._writer, *self._thread_cons):
            with suppress(sqlite3.Error):
                con.close()
        self._unlock()
        self._lock_waiter.shutdown(wait=False, cancel_futures=True)
        self._committer.shutdown(wait=False)
        with suppress(OSError):
            os.close(self._lock_fd)
