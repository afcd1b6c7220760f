"""Shared CLI plumbing: settings from flags, a runtime per command, output, errors."""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import Awaitable, Callable, Sequence
from typing import Annotated, Any, NoReturn, TypeVar

import typer
from rich.console import Console
from rich.table import Table

from otpvirt import adapters  # noqa: F401  (registers the supplier adapters)
from otpvirt.config import Settings
from otpvirt.db import DatabaseUnavailable
from otpvirt.errors import OtpVirtError
from otpvirt.runtime import Runtime

T = TypeVar("T")

console = Console()
err_console = Console(stderr=True)

DbUrl = Annotated[
    str | None,
    typer.Option(
        "--database-url",
        envvar="OTPVIRT_DATABASE_URL",
        help="Database URL (default: SQLite file in ./otpvirt-data).",
        show_envvar=True,
    ),
]
JsonOut = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]


def settings_for(database_url: str | None = None, **overrides: Any) -> Settings:
    """Settings from the environment, with command-line flags on top."""
    values = {k: v for k, v in overrides.items() if v is not None}
    if database_url:
        values["database_url"] = database_url
    return Settings(**values)


def fail(message: str, code: int = 1) -> NoReturn:
    """Print one clear error line and exit."""
    err_console.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def ensure_schema(settings: Settings, *, isolated: bool = False) -> None:
    """Apply pending migrations first, unless auto-migration is switched off.

    `isolated` runs them in a child process, so a long-lived server never loads
    Alembic and SQLAlchemy (about 25 MB it would keep for nothing). A database already
    at the newest revision needs neither (checked without importing them).
    """
    from otpvirt.db.revision import is_current

    url = settings.effective_database_url
    if is_current(url):
        return
    if isolated:
        _ensure_schema_in_child(settings)
        return
    from otpvirt.db import migrate

    try:
        if settings.auto_migrate:
            migrate.upgrade(url)
        elif migrate.current_revision(url) != migrate.head_revision():
            fail("the database schema is not current; run `otpvirt db upgrade`")
    except typer.Exit:
        raise
    except Exception as exc:
        fail(f"cannot prepare the database at {_safe_url(url)}: {exc}")


def _ensure_schema_in_child(settings: Settings) -> None:
    import os
    import subprocess

    env = {
        **os.environ,
        "OTPVIRT_DATABASE_URL": settings.effective_database_url,
        "OTPVIRT_DATA_DIR": str(settings.data_dir),
        "OTPVIRT_AUTO_MIGRATE": "true" if settings.auto_migrate else "false",
    }
    code = (
        "from otpvirt.cli.common import ensure_schema, settings_for; ensure_schema(settings_for())"
    )
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    if done.returncode != 0:
        err_console.print(done.stderr.strip(), highlight=False, soft_wrap=True)
        raise typer.Exit(1)


def _safe_url(url: str) -> str:
    # Never print a password that is part of a database URL.
    scheme, sep, rest = url.partition("://")
    if sep and "@" in rest:
        creds, _, host = rest.rpartition("@")
        user = creds.split(":", 1)[0]
        return f"{scheme}://{user}:***@{host}" if ":" in creds else url
    return url


def run(settings: Settings, work: Callable[[Runtime], Awaitable[T]], *, migrate: bool = True) -> T:
    """Run `work(runtime)` to completion; project errors become one line and exit 1."""
    if migrate:
        ensure_schema(settings)

    async def main() -> T:
        rt = Runtime.open(settings)
        try:
            return await work(rt)
        finally:
            await rt.close()

    try:
        return asyncio.run(main())
    except OtpVirtError as exc:
        fail(exc.message)
    except DatabaseUnavailable as exc:
        fail(str(exc))


def print_json(data: Any) -> None:
    """Machine-readable output on stdout."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def print_table(title: str | None, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """A Rich table; an empty listing says so."""
    if not rows:
        console.print(f"[dim]no {title or 'rows'}[/]")
        return
    table = Table(title=title, show_lines=False)
    for col in columns:
        table.add_column(col)
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row))
    console.print(table)
