"""Running the PostgreSQL client tools (pg_dump, pg_restore) against a service database URL."""

from __future__ import annotations

import os
import subprocess
from urllib.parse import unquote, urlsplit, urlunsplit

from otpvirt.db.postgres import asyncpg_dsn

Completed = subprocess.CompletedProcess[str]

PG_TOOLS_HINT = (
    "pg_dump and pg_restore come with the PostgreSQL client tools; install those of the "
    "server's major version or newer (Debian/Ubuntu: apt-get install postgresql-client-15), "
    "or back up with your own PostgreSQL tooling (pg_basebackup, WAL archiving)"
)


def libpq_env(url: str) -> tuple[str, dict[str, str]]:
    """A libpq URI without its password, and an environment carrying it as PGPASSWORD.

    A password on the command line would be visible to every user in `ps`.
    """
    parts = urlsplit(asyncpg_dsn(url))
    env = dict(os.environ)
    userinfo, at, host = parts.netloc.rpartition("@")
    if at:
        user, colon, password = userinfo.partition(":")
        if colon:
            env["PGPASSWORD"] = unquote(password)
        netloc = f"{user}@{host}"
    else:
        netloc = host
    return urlunsplit(parts._replace(netloc=netloc)), env


def run_tool(args: list[str], env: dict[str, str], stdout: int | None = None) -> Completed:
    """Run a client tool; its stderr (and stdout unless redirected) captured as text."""
    return subprocess.run(
        args,
        env=env,
        stdout=subprocess.PIPE if stdout is None else stdout,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
