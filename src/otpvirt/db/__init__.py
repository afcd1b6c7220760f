"""Database access: open the configured database; run work in a transaction."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Concatenate, ParamSpec, TypeVar

from otpvirt.config import Settings
from otpvirt.db.base import POOL, Conn, Database, DatabaseUnavailable, IntegrityError, Row

__all__ = [
    "POOL",
    "Conn",
    "Database",
    "DatabaseUnavailable",
    "IntegrityError",
    "Row",
    "in_transaction",
    "is_postgres_url",
    "open_database",
]

P = ParamSpec("P")
T = TypeVar("T")


def is_postgres_url(url: str) -> bool:
    """True for any PostgreSQL URL flavour."""
    return url.startswith(("postgresql", "postgres:"))


def open_database(settings: Settings) -> Database:
    """The database named by the settings (SQLite file by default)."""
    url = settings.effective_database_url
    if is_postgres_url(url):
        from otpvirt.db.postgres import PostgresDatabase

        return PostgresDatabase(url, min_size=settings.pg_pool_min, max_size=settings.pg_pool_max)
    from otpvirt.db.sqlite import SqliteDatabase

    return SqliteDatabase(
        url,
        synchronous=settings.sqlite_synchronous,
        busy_timeout_ms=settings.sqlite_busy_timeout_ms,
    )


def _transient(exc: BaseException) -> bool:
    # Deadlocks and serialization failures on PostgreSQL are safe to retry:
    # the whole transaction was rolled back.
    sqlstate = getattr(exc, "sqlstate", None)
    return sqlstate in {"40001", "40P01"}


async def in_transaction(
    db: Database,
    fn: Callable[Concatenate[Conn, P], Awaitable[T]],
    *args: P.args,
    **kwargs: P.kwargs,
) -> T:
    """Run `fn(conn, ...)` in one transaction, retrying transient conflicts."""
    attempt = 0
    while True:
        try:
            async with db.transaction() as conn:
                return await fn(conn, *args, **kwargs)
        except Exception as exc:
            attempt += 1
            if attempt >= 5 or not _transient(exc):
                raise
            await asyncio.sleep(0.005 * attempt)
