"""PostgreSQL through asyncpg (prepared statements cached per connection)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import asynccontextmanager
from typing import Any

import asyncpg

from otpvirt.db.base import (
    Conn,
    Database,
    DatabaseUnavailable,
    IntegrityError,
    Params,
    Row,
    to_numbered,
)


def asyncpg_dsn(url: str) -> str:
    """A libpq DSN from a SQLAlchemy-style PostgreSQL URL."""
    scheme, sep, rest = url.partition("://")
    if not sep or not scheme.startswith(("postgresql", "postgres")):
        raise ValueError(f"not a PostgreSQL URL: {url}")
    return f"postgresql://{rest}"


def _args(sql: str, params: Params) -> tuple[str, list[Any]]:
    text, names = to_numbered(sql)
    if not names:
        return text, []
    assert params is not None, f"statement needs parameters {names}"
    return text, [params[n] for n in names]


# Connection lost, out of resources, shut down by an operator, I/O failure: the work
# was not done, and asking again later may succeed (40xxx stay as they are: retried).
_UNAVAILABLE_CLASSES = ("08", "53", "57", "58")


def unavailable(exc: BaseException) -> bool:
    """Whether a driver error means "the database cannot do this now" rather than a bug."""
    if isinstance(exc, OSError):
        return True
    state = getattr(exc, "sqlstate", None) or ""
    return isinstance(exc, asyncpg.PostgresError) and state[:2] in _UNAVAILABLE_CLASSES


def _rowcount(status: str) -> int:
    # asyncpg returns the command tag, e.g. "UPDATE 3" or "INSERT 0 1".
    tail = status.rsplit(" ", 1)[-1]
    return int(tail) if tail.isdigit() else 0


async def _keep_session(con: asyncpg.Connection) -> None:
    """Skip asyncpg's reset query on release (a round trip per request).

    The service never changes session state (no SET, LISTEN, advisory locks or
    cursors), and asyncpg still rolls back any transaction left open.
    """


class PgConn(Conn):
    dialect = "postgresql"
    skip_locked = " FOR UPDATE SKIP LOCKED"
    for_update = " FOR UPDATE"

    __slots__ = ("_con",)

    def __init__(self, con: asyncpg.Connection) -> None:
        self._con = con

    async def fetchone(self, sql: str, params: Params = None) -> Row | None:
        text, args = _args(sql, params)
        try:
            row: Row | None = await self._con.fetchrow(text, *args)
            return row
        except asyncpg.IntegrityConstraintViolationError as exc:
            raise IntegrityError(str(exc)) from exc
        except (asyncpg.PostgresError, OSError) as exc:
            if unavailable(exc):
                raise DatabaseUnavailable(f"PostgreSQL: {exc}") from exc
            raise

    async def fetchall(self, sql: str, params: Params = None) -> list[Row]:
        text, args = _args(sql, params)
        try:
            rows: list[Row] = await self._con.fetch(text, *args)
            return rows
        except asyncpg.IntegrityConstraintViolationError as exc:
            raise IntegrityError(str(exc)) from exc
        except (asyncpg.PostgresError, OSError) as exc:
            if unavailable(exc):
                raise DatabaseUnavailable(f"PostgreSQL: {exc}") from exc
            raise

    async def execute(self, sql: str, params: Params = None) -> int:
        text, args = _args(sql, params)
        try:
            return _rowcount(await self._con.execute(text, *args))
        except asyncpg.IntegrityConstraintViolationError as exc:
            raise IntegrityError(str(exc)) from exc
        except (asyncpg.PostgresError, OSError) as exc:
            if unavailable(exc):
                raise DatabaseUnavailable(f"PostgreSQL: {exc}") from exc
            raise

    async def executemany(self, sql: str, seq: Sequence[Mapping[str, Any]]) -> None:
        text, names = to_numbered(sql)
        try:
            await self._con.executemany(text, [[p[n] for n in names] for p in seq])
        except asyncpg.IntegrityConstraintViolationError as exc:
            raise IntegrityError(str(exc)) from exc
        except (asyncpg.PostgresError, OSError) as exc:
            if unavailable(exc):
                raise DatabaseUnavailable(f"PostgreSQL: {exc}") from exc
            raise


class PostgresDatabase(Database):
    """An asyncpg pool; created lazily on first use inside the running loop."""

    dialect = "postgresql"

    def __init__(self, url: str, *, min_size: int = 2, max_size: int = 20) -> None:
        self.url = url
        self._dsn = asyncpg_dsn(url)
        self._min = min_size
        self._max = max_size
        self._pool: asyncpg.Pool | None = None
        self._opening: asyncio.Future[asyncpg.Pool] | None = None

    def _conn(self, con: asyncpg.Connection) -> PgConn:
        conn = PgConn(con)
        conn.watchers = self.watchers
        return conn

    async def pool(self) -> asyncpg.Pool:
        """The connection pool, opened on first call."""
        if self._pool is not None:
            return self._pool
        # The first requests of a fresh process arrive together: they must share one
        # pool, not each open their own (which exhausts the server's max_connections).
        if self._opening is None:
            self._opening = asyncio.ensure_future(self._open())
        try:
            return await asyncio.shield(self._opening)
        finally:
            if self._opening is not None and self._opening.done():
                self._opening = None

    async def _open(self) -> asyncpg.Pool:
        try:
            self._pool = await asyncpg.create_pool(
                self._dsn,
                min_size=self._min,
                max_size=self._max,
                statement_cache_size=1024,
                server_settings={"jit": "off", "application_name": "otpvirt"},
                reset=_keep_session,
            )
        except (OSError, asyncpg.PostgresError) as exc:
            raise DatabaseUnavailable(f"cannot connect to PostgreSQL: {exc}") from exc
        return self._pool

    @asynccontextmanager
    async def read(self) -> AsyncIterator[Conn]:
        pool = await self.pool()
        async with pool.acquire() as con:
            yield self._conn(con)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Conn]:
        pool = await self.pool()
        async with pool.acquire() as con:
            done = False
            try:
                async with con.transaction():
                    yield self._conn(con)
                    done = True
            except (asyncpg.PostgresError, OSError) as exc:
                if getattr(exc, "sqlstate", None) in {"40001", "40P01"}:
                    raise  # deadlock, serialization failure: in_transaction retries
                if done:
                    # The work ran but its COMMIT failed: nothing was stored, and whoever
                    # waits for an answer must hear "not done".
                    raise DatabaseUnavailable(f"PostgreSQL commit failed: {exc}") from exc
                if unavailable(exc):  # e.g. the rollback after a lost connection
                    raise DatabaseUnavailable(f"PostgreSQL: {exc}") from exc
                raise

    async def durability_settings(self) -> dict[str, str]:
        async with self.read() as conn:
            row = await conn.fetchone(
                "SELECT current_setting('synchronous_commit'), current_setting('fsync'), "
                "current_setting('full_page_writes')"
            )
        assert row is not None
        return {"synchronous_commit": row[0], "fsync": row[1], "full_page_writes": row[2]}

    async def close(self) -> None:
        if self._pool is not None:
            await self._pool.close()
            self._pool = None
