"""`otpvirt db ...`: schema migrations."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from otpvirt.cli.common import DbUrl, JsonOut, fail, print_json, settings_for
from otpvirt.db import migrate

app = typer.Typer(help="Database schema.", no_args_is_help=True)


@app.command("upgrade")
def upgrade(database_url: DbUrl = None, revision: str = "head") -> None:
    """Apply the migrations (creates the database and the seed catalogue)."""
    url = settings_for(database_url).effective_database_url
    try:
        migrate.upgrade(url, revision)
        current = migrate.current_revision(url)
    except Exception as exc:
        fail(f"migration failed: {exc}")
    typer.echo(f"database at revision {current}")


@app.command("current")
def current(database_url: DbUrl = None, json_out: JsonOut = False) -> None:
    """Show the schema revision of the database and of this code."""
    url = settings_for(database_url).effective_database_url
    try:
        rev = migrate.current_revision(url)
    except Exception as exc:
        fail(f"cannot read the database: {exc}")
    head = migrate.head_revision()
    if json_out:
        print_json({"current": rev, "head": head, "upToDate": rev == head})
    else:
        typer.echo(
            f"database: {rev or 'empty'}; code: {head}"
            + ("" if rev == head else " (run `otpvirt db upgrade`)")
        )


@app.command("backup")
def backup_(
    target: Path,
    database_url: DbUrl = None,
) -> None:
    """Write a consistent backup of the live database to TARGET (a private file, 0600).

    Safe while the service runs. SQLite uses its online backup API; PostgreSQL needs
    pg_dump (the PostgreSQL client tools). Restore with `otpvirt db restore TARGET`.
    """
    from otpvirt.db.backup import backup
    from otpvirt.errors import OtpVirtError

    url = settings_for(database_url).effective_database_url
    try:
        kind = backup(url, target)
    except OtpVirtError as exc:
        fail(exc.message)
    typer.echo(f"backup written to {target}: {kind}")


@app.command("restore")
def restore_(
    backup_file: Annotated[Path, typer.Argument(metavar="BACKUP", help="A file from db backup.")],
    database_url: DbUrl = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace a database that already has tables.")
    ] = False,
) -> None:
    """Restore BACKUP into the configured database (or --database-url).

    A database that already has tables is refused unless --force is given (stop the
    service first). Afterwards run `otpvirt doctor`.
    """
    from otpvirt.db.restore import restore
    from otpvirt.errors import OtpVirtError

    url = settings_for(database_url).effective_database_url
    try:
        done = restore(backup_file, url, force=force)
        rev = migrate.current_revision(url)
    except OtpVirtError as exc:
        fail(exc.message)
    head = migrate.head_revision()
    note = "" if rev == head else f"; this code expects {head}: run `otpvirt db upgrade`"
    typer.echo(f"{done}: schema revision {rev}{note}")
