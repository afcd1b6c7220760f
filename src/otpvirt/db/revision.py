"""Is the database already at the newest migration? Answered without loading Alembic.

Every CLI command and server start checks the schema first; Alembic, SQLAlchemy and the
ORM models cost about 0.5 s to import, so they are loaded (`otpvirt.db.migrate`) only
when this says a migration may be due. Any doubt answers False: Alembic decides then.
"""

from __future__ import annotations

import asyncio
import re
import sqlite3
from pathlib import Path

from otpvirt.db import is_postgres_url
from otpvirt.db.sqlite import sqlite_path

VERSIONS = Path(__file__).resolve().parent.parent / "migrations" / "versions"
_REVISION = re.compile(r"^revision(?:: str)? = [\"']([^\"']+)[\"']", re.M)
_DOWN = re.compile(r"^down_revision(?:: [^=]+)? = [\"']([^\"']+)[\"']", re.M)


def shipped_head() -> str | None:
    """The newest revision in migrations/versions (None unless there is exactly one head)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in VERSIONS.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        if found := _REVISION.search(text):
            revisions.add(found.group(1))
        parents.update(_DOWN.findall(text))
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def database_revision(url: str) -> str | None:
    """The revision recorded in the database (None: none, or it could not be read)."""
    try:
        if is_postgres_url(url):
            return asyncio.run(_pg_revision(url))
        path = Path(sqlite_path(url))
        if not path.exists():
            return None
        con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            rows = con.execute("SELECT version_num FROM alembic_version").fetchall()
        finally:
            con.close()
    except Exception:
        return None  # no table, no server, no file: let Alembic say what is wrong
    return str(rows[0][0]) if len(rows) == 1 else None


async def _pg_revision(url: str) -> str | None:
    import asyncpg

    from otpvirt.db.postgres import asyncpg_dsn

    con = await asyncpg.connect(asyncpg_dsn(url), timeout=10)
    try:
        rows = await con.fetch("SELECT version_num FROM alembic_version")
    finally:
        await con.close()
    return str(rows[0][0]) if len(rows) == 1 else None


def is_current(url: str) -> bool:
    """True only when the database is certainly at the newest shipped migration."""
    head = shipped_head()
    return head is not None and database_revision(url) == head
