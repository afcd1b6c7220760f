"""`otpvirt prices ...`: the price list."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from otpvirt.admin import price_ops, rent_ops
from otpvirt.admin.audit import cli_actor
from otpvirt.cli.common import (
    DbUrl,
    JsonOut,
    console,
    fail,
    print_json,
    print_table,
    run,
    settings_for,
)
from otpvirt.pricing import service
from otpvirt.pricing.repository import ListedPrice
from otpvirt.pricing.schemas import price_json
from otpvirt.runtime import Runtime

app = typer.Typer(help="What each service costs in each country.", no_args_is_help=True)
Free = Annotated[bool, typer.Option("--free", help="Allow a price of 0 (numbers given away).")]


@app.command("set")
def set_(
    country: str,
    service_code: Annotated[str, typer.Argument(metavar="SERVICE")],
    price: str,
    currency: Annotated[str, typer.Option(help="ISO 4217 code.")] = "USD",
    free: Free = False,
    database_url: DbUrl = None,
    json_out: JsonOut = False,
) -> None:
    """Set the price of SERVICE in COUNTRY (e.g. `prices set tajikistan vi 0.05`)."""

    async def work(rt: Runtime) -> ListedPrice:
        return await price_ops.set_price(
            rt, cli_actor(), country, service_code, price, currency, free=free
        )

    out = price_json(run(settings_for(database_url), work))
    if json_out:
        print_json(out)
    else:
        console.print(f"{out['country']} {out['service']}: {out['price']} {out['currency']}")


@app.command("set-rent")
def set_rent(
    country: str,
    service_code: Annotated[str, typer.Argument(metavar="SERVICE")],
    per_hour: Annotated[str, typer.Argument(metavar="AMOUNT_PER_HOUR")],
    currency: Annotated[str, typer.Option(help="ISO 4217 code.")] = "USD",
    database_url: DbUrl = None,
    json_out: JsonOut = False,
) -> None:
    """Set the hourly rent price of SERVICE (`full` = any service) in COUNTRY."""

    async def work(rt: Runtime) -> dict[str, Any]:
        return await rent_ops.set_rent_price(
            rt, cli_actor(), country, service_code, per_hour, currency
        )

    out = run(settings_for(database_url), work)
    if json_out:
        print_json(out)
    else:
        console.print(
            f"rent {out['country']} {out['service']}: {out['perHour']} {out['currency']} per hour"
        )


@app.command("remove")
def remove(
    country: str,
    service_code: Annotated[str, typer.Argument(metavar="SERVICE")],
    currency: Annotated[str, typer.Option(help="ISO 4217 code.")] = "USD",
    database_url: DbUrl = None,
) -> None:
    """Stop offering SERVICE in COUNTRY (in one currency)."""

    async def work(rt: Runtime) -> bool:
        return await price_ops.remove_price(rt, cli_actor(), country, service_code, currency)

    if not run(settings_for(database_url), work):
        fail(f"no {currency} price for {service_code} in {country}")
    console.print(f"removed the {currency} price of {service_code} in {country}")


@app.command("import")
def import_(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True)],
    free: Free = False,
    database_url: DbUrl = None,
    json_out: JsonOut = False,
) -> None:
    """Import prices from a CSV with header `country,service,price[,currency]`."""
    text = file.read_text(encoding="utf-8-sig")

    async def work(rt: Runtime) -> service.ImportReport:
        return await price_ops.import_prices(rt, cli_actor(), text, free=free)

    report = run(settings_for(database_url), work)
    if json_out:
        print_json(
            {"set": report.set, "errors": [{"line": n, "reason": r} for n, r in report.errors]}
        )
    else:
        console.print(f"set {report.set} prices")
        for line, reason in report.errors:
            console.print(f"  line {line}: {reason}", highlight=False)
    if report.errors:
        raise typer.Exit(1)


@app.command("list")
def list_(
    currency: Annotated[str | None, typer.Option(help="Only this currency.")] = None,
    database_url: DbUrl = None,
    json_out: JsonOut = False,
) -> None:
    """List every price."""

    async def work(rt: Runtime) -> list[ListedPrice]:
        async with rt.db.read() as conn:
            return await service.list_prices(conn, currency_code=currency)

    rows = [price_json(p) for p in run(settings_for(database_url), work)]
    if json_out:
        print_json(rows)
    else:
        print_table(
            "prices",
            ["country", "service", "price", "currency"],
            [(r["country"], r["service"], r["price"], r["currency"]) for r in rows],
        )
