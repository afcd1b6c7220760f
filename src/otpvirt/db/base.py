"""The lean data layer every service uses: parameterised SQL on a raw driver.

SQLAlchemy describes the schema and runs the migrations; the request path talks
to the driver directly (stdlib sqlite3 on the event loop, or asyncpg), because
the ORM costs about 4x on the hot methods. SQL is written once with `:name`
parameters and portable syntax; `Conn` translates it for the driver.
"""

from __future__ import annotations

import abc
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractAsyncContextManager
from functools import lru_cache
from typing import Any, Protocol, TypeVar

Params = Mapping[str, Any] | None
# The `Conn.changed` topic of the number pool: availability counts go stale.
POOL = "pool"
T = TypeVar("T")


class Row(Protocol):
    """A result row: both sqlite3.Row and asyncpg.Record support these."""

    def __getitem__(self, key: int | str, /) -> Any: ...

    def __iter__(self) -> Iterator[Any]: ...

    def __len__(self) -> int: ...

    def keys(self) -> Iterable[str]: ...


class IntegrityError(Exception):
    """A unique/foreign-key/check constraint refused the statement."""


class DatabaseUnavailable(Exception):
    """The database cannot be reached or answered with a transient failure."""


_NAMED = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")


@lru_cache(maxsize=4096)
def to_numbered(sql: str) -> tuple[str, tuple[str, ...]]:
    """Rewrite `:name` parameters as `$1, $2, ...` (asyncpg) and list the names."""
    names: list[str] = []
    index: dict[str, int] = {}

    def repl(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in index:
            names.append(name)
            index[name] = len(names)
        return f"${index[name]}"

    return _NAMED.sub(repl, sql), tuple(names)


class Conn(abc.ABC):
    """One connection, inside or outside a transaction."""

    dialect: str
    # Appended to a SELECT that claims rows a concurrent worker must skip.
    skip_locked: str = ""
    # Appended to a SELECT that must lock the rows it reads until commit.
    for_update: str = ""
    # Who is told of `changed` topics: its Database's watchers (see `Database.watch`).
    watchers: tuple[Callable[[str], None], ...] = ()

    def changed(self, topic: str) -> None:
        """Tell the process's caches that this unit of work changes `topic` ("pool": counts)."""
        for watcher in self.watchers:
            watcher(topic)

    def skip_locked_of(self, alias: str) -> str:
        """Like `skip_locked`, locking only the rows of `alias` in a join."""
        return f" FOR UPDATE OF {alias} SKIP LOCKED" if self.skip_locked else ""

    @abc.abstractmethod
    async def fetchone(self, sql: str, params: Params = None) -> Row | None:
        """First row of the result, or None."""

    @abc.abstractmethod
    async def fetchall(self, sql: str, params: Params = None) -> list[Row]:
        """Every row of the result."""

    @abc.abstractmethod
    async def execute(self, sql: str, params: Params = None) -> int:
        """Run a statement; return the number of rows it changed."""

    @abc.abstractmethod
    async def executemany(self, sql: str, seq: Sequence[Mapping[str, Any]]) -> None:
        """Run a statement once per parameter set."""

    async def fetchval(self, sql: str, params: Params = None) -> Any:
        """First column of the first row, or None."""
        row = await self.fetchone(sql, params)
        return None if row is None else row[0]

    async def fetch_one_as(
        self, factory: Callable[..., T], sql: str, params: Params = None
    ) -> T | None:
        """The first row as `factory(*columns)` (a NamedTuple or dataclass), or None."""
        row = await self.fetchone(sql, params)
        return None if row is None else factory(*row)

    async def fetch_all_as(
        self, factory: Callable[..., T], sql: str, params: Params = None
    ) -> list[T]:
        """Every row as `factory(*columns)`: typed rows, in the SELECT's column order."""
        return [factory(*row) for row in await self.fetchall(sql, params)]


class Database(abc.ABC):
    """A pool of connections to one database."""

    dialect: str
    url: str
    watchers: tuple[Callable[[str], None], ...] = ()

    def watch(self, watcher: Callable[[str], None]) -> None:
        """Call `watcher(topic)` whenever a repository reports a change (`Conn.changed`)."""
        self.watchers = (*self.watchers, watcher)
        self._watchers_changed()

    def _watchers_changed(self) -> None:
        """Hand the watchers to long-lived connections (connections made later copy them)."""
        return None

    @abc.abstractmethod
    def read(self) -> AbstractAsyncContextManager[Conn]:
        """A connection for reads outside a transaction (sees committed data)."""

    @abc.abstractmethod
    def transaction(self) -> AbstractAsyncContextManager[Conn]:
        """A connection inside a write transaction: commit on exit, roll back on error."""

    async def fetch_all_slow(self, sql: str, params: Params = None) -> list[tuple[Any, ...]]:
        """Rows of a read that may take long (grouped counts): never blocks the loop."""
        async with self.read() as conn:
            return [tuple(row) for row in await conn.fetchall(sql, params)]

    @abc.abstractmethod
    async def durability_settings(self) -> dict[str, str]:
        """The settings deciding whether a returned commit is on disk (see `durability`)."""

    @abc.abstractmethod
    async def close(self) -> None:
        """Release every connection."""
