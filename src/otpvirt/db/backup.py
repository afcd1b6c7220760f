"""Consistent online backups: SQLite's backup API, or pg_dump for PostgreSQL."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

from otpvirt.db import is_postgres_url
from otpvirt.db.postgres import asyncpg_dsn
from otpvirt.db.sqlite import sqlite_path
from otpvirt.errors import InvalidRequest
from otpvirt.files import private_dir, private_file


class BackupFailed(InvalidRequest):
    reason = "backup_failed"


def backup(url: str, target: Path) -> str:
    """Write a consistent copy of the database to `target` while it is in use.

    The copy holds every secret the database does: it is created owner-only (0600).
    """
    private_dir(target.parent)
    private_file(target)
    if is_postgres_url(url):
        if shutil.which("pg_dump") is None:
            raise BackupFailed("pg_dump is not installed (PostgreSQL client tools)")
        done = subprocess.run(
            ["pg_dump", "--format=custom", "--no-owner", f"--file={target}", asyncpg_dsn(url)],
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            raise BackupFailed(f"pg_dump failed: {done.stderr.strip()}")
        return f"pg_dump custom archive (restore with pg_restore -d DBNAME {target})"
    source = sqlite3.connect(sqlite_path(url))
    try:
        dest = sqlite3.connect(target)
        try:
            # The backup API copies a consistent snapshot while writers continue.
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    return "SQLite database file (stop the service and copy it over otpvirt.db to restore)"
