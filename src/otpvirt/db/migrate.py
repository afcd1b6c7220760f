"""Apply the Alembic migrations programmatically (`otpvirt db upgrade`)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, pool

from otpvirt.db import is_postgres_url
from otpvirt.db.sqlite import sqlite_path
from otpvirt.files import private_dir, private_file

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


def sqlalchemy_url(url: str) -> str:
    """The SQLAlchemy URL (with driver) for a service database URL."""
    if is_postgres_url(url):
        return "postgresql+asyncpg://" + url.partition("://")[2]
    path = Path(sqlite_path(url))
    private_dir(path.parent)
    private_file(path)
    return f"sqlite:///{path.as_posix()}"


def alembic_config(url: str) -> Config:
    """An Alembic config pointing at the packaged migrations and this database."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", sqlalchemy_url(url).replace("%", "%%"))
    return cfg


def upgrade(url: str, revision: str = "head") -> None:
    """Bring the database schema up to `revision` (blocking; not on the event loop)."""
    command.upgrade(alembic_config(url), revision)


def head_revision() -> str | None:
    """The newest migration shipped with this code."""
    return ScriptDirectory(str(MIGRATIONS)).get_current_head()


def current_revision(url: str) -> str | None:
    """The revision the database is at (None when never migrated)."""
    sa_url = sqlalchemy_url(url)
    if sa_url.startswith("postgresql+asyncpg"):
        return asyncio.run(_pg_current(sa_url))
    engine = create_engine(sa_url, poolclass=pool.NullPool)
    with engine.connect() as conn:
        rev = MigrationContext.configure(conn).get_current_revision()
    engine.dispose()
    return rev


async def _pg_current(sa_url: str) -> str | None:
    from sqlalchemy.ext.asyncio import create_async_engine

    engine = create_async_engine(sa_url, poolclass=pool.NullPool)
    async with engine.connect() as conn:
        rev = await conn.run_sync(
            lambda sync: MigrationContext.configure(sync).get_current_revision()
        )
    await engine.dispose()
    return rev
