"""`otpvirt db restore`: a backup into a database, never over existing data by accident.

The target is refused when it already has tables, unless the operator says `--force`.
SQLite: the backup API copies the backup into the target file (safe with its WAL and
with other connections, unlike copying files over it). PostgreSQL: `pg_restore` in one
transaction, so a failed restore changes nothing.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import sqlite3
from pathlib import Path

import asyncpg

from otpvirt.db import is_postgres_url
from otpvirt.db.backup import BackupFailed, backup_kind
from otpvirt.db.pgtools import PG_TOOLS_HINT, libpq_env, run_tool
from otpvirt.db.postgres import asyncpg_dsn
from otpvirt.db.sqlite import sqlite_path
from otpvirt.errors import InvalidRequest

_USER_TABLES = (
    "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
)


class RestoreRefused(InvalidRequest):
    reason = "restore_refused"


def restore(backup_path: Path, url: str, *, force: bool = False) -> str:
    """Restore `backup_path` into the database at `url`; say what was replaced."""
    kind = backup_kind(backup_path)
    if is_postgres_url(url):
        if kind != "pg_dump":
            raise RestoreRefused(
                f"{backup_path} is an SQLite backup: restore it into an SQLite database "
                "(--database-url sqlite:///path/otpvirt.db)"
            )
        return _restore_pg(backup_path, url, force)
    if kind != "sqlite":
        raise RestoreRefused(
            f"{backup_path} is a PostgreSQL archive: restore it into a PostgreSQL database "
            "(--database-url postgresql://...)"
        )
    return _restore_sqlite(backup_path, Path(sqlite_path(url)), force)


def _refuse(where: str, tables: int) -> RestoreRefused:
    return RestoreRefused(
        f"the database {where} is not empty ({tables} tables); stop the service and pass "
        "--force to replace everything in it with the backup"
    )


def _readonly(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def _restore_sqlite(backup_path: Path, target: Path, force: bool) -> str:
    try:
        source = _readonly(backup_path)
    except sqlite3.Error as exc:
        raise BackupFailed(f"cannot open the backup {backup_path}: {exc}") from exc
    try:
        check = source.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            raise BackupFailed(f"the backup {backup_path} is damaged: {check}")
        replaced = False
        if target.exists():
            try:
                probe = _readonly(target)
                try:
                    tables = int(probe.execute(_USER_TABLES).fetchone()[0])
                finally:
                    probe.close()
            except sqlite3.DatabaseError as exc:
                raise RestoreRefused(f"{target} is not an SQLite database: {exc}") from exc
            if tables and not force:
                raise _refuse(f"at {target}", tables)
            replaced = bool(tables)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            # Private from the first byte: it holds password hashes and secrets.
            os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        dest = sqlite3.connect(target, isolation_level=None, timeout=30)
        try:
            source.backup(dest)
            dest.execute("PRAGMA journal_mode=WAL")
        finally:
            dest.close()
    except sqlite3.Error as exc:
        raise BackupFailed(f"SQLite restore failed: {exc}") from exc
    finally:
        source.close()
    return f"{'replaced' if replaced else 'restored into'} {target}"


async def _pg_tables(url: str) -> int:
    try:
        con = await asyncpg.connect(asyncpg_dsn(url), timeout=10)
    except asyncpg.InvalidCatalogNameError as exc:
        raise RestoreRefused(f"{exc}; create it first (createdb NAME), then restore") from exc
    except (OSError, asyncpg.PostgresError) as exc:
        raise BackupFailed(f"cannot connect to PostgreSQL: {exc}") from exc
    try:
        found = await con.fetchval(
            "SELECT COUNT(*) FROM pg_tables "
            "WHERE schemaname NOT IN ('pg_catalog', 'information_schema')"
        )
    finally:
        await con.close()
    return int(found)


def _restore_pg(backup_path: Path, url: str, force: bool) -> str:
    if shutil.which("pg_restore") is None:
        raise BackupFailed(f"pg_restore is not installed. {PG_TOOLS_HINT}")
    dsn, env = libpq_env(url)
    listing = run_tool(["pg_restore", "--list", str(backup_path)], env)
    if listing.returncode != 0:
        raise BackupFailed(f"{backup_path} cannot be read: {listing.stderr.strip()}")
    tables = asyncio.run(_pg_tables(url))
    where = dsn.rpartition("@")[2] or dsn
    if tables and not force:
        raise _refuse(where, tables)
    args = ["pg_restore", "--no-owner", "--no-privileges", "--single-transaction"]
    args += ["--exit-on-error", f"--dbname={dsn}"]
    if tables:
        args += ["--clean", "--if-exists"]
    done = run_tool([*args, str(backup_path)], env)
    if done.returncode != 0:
        raise BackupFailed(
            f"pg_restore failed, nothing was changed: {done.stderr.strip()} ({PG_TOOLS_HINT})"
        )
    return f"{'replaced' if tables else 'restored into'} {where}"
