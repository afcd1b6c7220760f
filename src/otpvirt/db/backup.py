"""Consistent online backups and one-command restores.

SQLite: the online backup API copies one consistent snapshot while the service keeps
writing (WAL readers never block writers), into a single self-contained file. PostgreSQL:
`pg_dump` (custom archive) and `pg_restore`, the PostgreSQL client tools. A backup is
written to a private temporary file (0600: it holds password hashes and secrets),
flushed, and only then renamed over the target, so a failed run never leaves a partial
file where the last good backup was.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

from otpvirt.db import is_postgres_url
from otpvirt.db.pgtools import PG_TOOLS_HINT, libpq_env, run_tool
from otpvirt.db.sqlite import sqlite_path
from otpvirt.errors import InvalidRequest
from otpvirt.files import private_dir

SQLITE_MAGIC = b"SQLite format 3\x00"
PGDUMP_MAGIC = b"PGDMP"


class BackupFailed(InvalidRequest):
    reason = "backup_failed"


def backup(url: str, target: Path) -> str:
    """Write a consistent copy of the database to `target` while it is in use.

    The copy holds every secret the database does: it is created owner-only (0600).
    """
    private_dir(target.parent)
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    partial.unlink(missing_ok=True)
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        if is_postgres_url(url):
            with os.fdopen(fd, "wb") as out:
                _pg_dump(url, out.fileno())
                out.flush()
                os.fsync(out.fileno())
            kind = f"pg_dump custom archive (restore: otpvirt db restore {target})"
        else:
            os.close(fd)
            _sqlite_backup(sqlite_path(url), partial)
            kind = f"SQLite database (restore: otpvirt db restore {target})"
        os.replace(partial, target)
        _fsync_dir(target.parent)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return kind


def _sqlite_backup(path: str, dest_path: Path) -> None:
    if not Path(path).is_file():
        raise BackupFailed(f"there is no SQLite database at {path}")
    source = sqlite3.connect(path, timeout=30)
    try:
        dest = sqlite3.connect(dest_path, isolation_level=None)
        try:
            # One step: a single read snapshot, so the copy is consistent however
            # much the service writes meanwhile.
            source.backup(dest)
            # A single self-contained file (no -wal beside it), checked before it counts.
            dest.execute("PRAGMA journal_mode=DELETE")
            check = dest.execute("PRAGMA quick_check").fetchone()[0]
            if check != "ok":
                raise BackupFailed(f"the copy failed its integrity check: {check}")
        finally:
            dest.close()
    except sqlite3.Error as exc:
        raise BackupFailed(f"SQLite backup failed: {exc}") from exc
    finally:
        source.close()
    with dest_path.open("rb") as written:
        os.fsync(written.fileno())


def _pg_dump(url: str, out: int) -> None:
    if shutil.which("pg_dump") is None:
        raise BackupFailed(f"pg_dump is not installed. {PG_TOOLS_HINT}")
    dsn, env = libpq_env(url)
    done = run_tool(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", dsn], env, out)
    if done.returncode != 0:
        raise BackupFailed(f"pg_dump failed: {done.stderr.strip()} ({PG_TOOLS_HINT})")


def _fsync_dir(directory: Path) -> None:
    # The rename itself is durable only once the directory is flushed.
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def backup_kind(path: Path) -> str:
    """ "sqlite" or "pg_dump" by the file's first bytes (else BackupFailed)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise BackupFailed(f"cannot read the backup {path}: {exc.strerror}") from exc
    if head.startswith(SQLITE_MAGIC):
        return "sqlite"
    if head.startswith(PGDUMP_MAGIC):
        return "pg_dump"
    raise BackupFailed(f"{path} is neither an SQLite backup nor a pg_dump custom archive")
