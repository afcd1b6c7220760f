"""`otpvirt numbers ...`: the number pool."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from otpvirt.admin import number_ops
from otpvirt.admin.audit import cli_actor
from otpvirt.cli.common import DbUrl, JsonOut, console, print_json, print_table, run, settings_for
from otpvirt.inventory import service
from otpvirt.inventory.schemas import import_report_json, number_json
from otpvirt.runtime import Runtime

app = typer.Typer(help="The pool of phone numbers.", no_args_is_help=True)


def _count_rows(path: Path) -> int:
    with path.open("rb") as fh:
        lines = sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
    return max(lines - 1, 0)


@app.command("import")
def import_(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True)],
    database_url: DbUrl = None,
    json_out: JsonOut = False,
) -> None:
    """Import numbers from a CSV with header `number,country,provider[,source]` (idempotent)."""
    total = _count_rows(file)
    show_progress = not json_out and total >= 5000

    async def work(rt: Runtime) -> service.ImportReport:
        actor = cli_actor()
        with file.open(encoding="utf-8-sig", newline="") as fh:
            if not show_progress:
                return await number_ops.import_numbers(
                    rt, actor, service.read_csv(fh), filename=file.name
                )
            with Progress(
                TextColumn("importing"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=console,
                transient=True,
            ) as bar:
                task = bar.add_task("import", total=total)
                return await number_ops.import_numbers(
                    rt,
                    actor,
                    service.read_csv(fh),
                    progress=lambda n: bar.advance(task, n),
                    filename=file.name,
                )

    report = run(settings_for(database_url), work)
    if json_out:
        print_json(import_report_json(report))
        return
    console.print(
        f"added {report.added}, skipped {len(report.skipped)}, invalid {len(report.invalid)}",
        highlight=False,
    )
    for label, items in (("skipped", report.skipped), ("invalid", report.invalid)):
        for line, reason in items[:50]:
            console.print(f"  line {line}: {label}: {reason}", highlight=False)
        if len(items) > 50:
            console.print(f"  … and {len(items) - 50} more {label} rows (use --json for all)")


@app.command("list")
def list_(
    country: Annotated[str | None, typer.Option(help="Only this country.")] = None,
    provider: Annotated[str | None, typer.Option(help="Only this operator.")] = None,
    state: Annotated[
        str | None, typer.Option(help="free, leased, rented, disabled or offline.")
    ] = None,
    limit: int = 100,
    offset: int = 0,
    database_url: DbUrl = None,
    json_out: JsonOut = False,
) -> None:
    """List numbers with their state and how often they received an SMS."""

    async def work(rt: Runtime) -> list[service.PoolNumber]:
        async with rt.db.read() as conn:
            return await service.list_numbers(
                conn, country=country, provider=provider, state=state, limit=limit, offset=offset
            )

    rows = [number_json(n) for n in run(settings_for(database_url), work)]
    if json_out:
        print_json(rows)
        return
    print_table(
        "numbers",
        ["number", "country", "provider", "source", "state", "leases", "with SMS"],
        [
            (
                r["number"],
                r["country"],
                r["provider"],
                r["source"],
                r["state"],
                r["leases"],
                r["leasesWithSms"],
            )
            for r in rows
        ],
    )


def _set(number: str, enabled: bool, database_url: str | None) -> None:
    async def work(rt: Runtime) -> None:
        await number_ops.set_number_enabled(rt, cli_actor(), number, enabled)

    run(settings_for(database_url), work)
    console.print(f"{number}: {'enabled' if enabled else 'disabled'}", highlight=False)


@app.command("disable")
def disable(number: str, database_url: DbUrl = None) -> None:
    """Take a number out of the pool (a live lease on it runs to its end)."""
    _set(number, False, database_url)


@app.command("enable")
def enable(number: str, database_url: DbUrl = None) -> None:
    """Put a disabled number back into the pool."""
    _set(number, True, database_url)
