"""`otpvirt catalogue ...`: countries, operators, services."""

from __future__ import annotations

from typing import Annotated

import typer

from otpvirt.admin import catalogue_ops
from otpvirt.admin.audit import cli_actor
from otpvirt.catalogue import aliases, service
from otpvirt.catalogue.schemas import (
    CountryAddedOut,
    ProviderAddedOut,
    ServiceAddedOut,
    catalogue_json,
)
from otpvirt.cli.common import DbUrl, JsonOut, console, print_json, print_table, run, settings_for
from otpvirt.runtime import Runtime

app = typer.Typer(help="Countries, operators (providers) and services.", no_args_is_help=True)


@app.command("list")
def list_(database_url: DbUrl = None, json_out: JsonOut = False) -> None:
    """List countries with their operators, and services."""

    async def work(rt: Runtime) -> service.Catalogue:
        async with rt.db.read() as conn:
            return await service.list_catalogue(conn)

    data = catalogue_json(run(settings_for(database_url), work))
    if json_out:
        print_json(data)
        return
    print_table(
        "countries",
        ["name", "title", "calling code", "sms-activate id", "providers"],
        [
            (c["name"], c["title"], c["callingCode"], c["smsactivateId"], ", ".join(c["providers"]))
            for c in data["countries"]
        ],
    )
    print_table("services", ["code", "name"], [(s["code"], s["name"]) for s in data["services"]])


@app.command("add-country")
def add_country(
    name: Annotated[str, typer.Argument(help="Name clients send, e.g. 'kyrgyzstan'.")],
    calling_code: Annotated[int, typer.Option("--calling-code", help="E.g. 996.")],
    title: Annotated[str | None, typer.Option(help="Display name.")] = None,
    iso2: Annotated[str | None, typer.Option(help="ISO 3166 alpha-2 code.")] = None,
    smsactivate_id: Annotated[
        int | None,
        typer.Option("--smsactivate-id", help="Country id in the sms-activate protocol."),
    ] = None,
    database_url: DbUrl = None,
    json_out: JsonOut = False,
) -> None:
    """Add a country."""

    async def work(rt: Runtime) -> service.AddedCountry:
        return await catalogue_ops.add_country(
            rt,
            cli_actor(),
            name,
            calling_code=calling_code,
            title=title,
            iso2=iso2,
            smsactivate_id=smsactivate_id,
        )

    out = run(settings_for(database_url), work)
    print_json(CountryAddedOut.of(out).model_dump()) if json_out else console.print(
        f"added country {out.name}"
    )


@app.command("set-smsactivate-id")
def set_smsactivate_id(
    country: str,
    smsactivate_id: Annotated[int, typer.Argument(help="Numeric id; -1 clears it.")],
    database_url: DbUrl = None,
) -> None:
    """Set the numeric id the sms-activate dialect uses for a country."""

    async def work(rt: Runtime) -> None:
        await catalogue_ops.set_smsactivate_id(
            rt, cli_actor(), country, None if smsactivate_id < 0 else smsactivate_id
        )

    run(settings_for(database_url), work)
    console.print(
        f"{country}: sms-activate id {smsactivate_id if smsactivate_id >= 0 else 'cleared'}"
    )


@app.command("add-provider")
def add_provider(
    country: str,
    name: str,
    title: Annotated[str | None, typer.Option(help="Display name.")] = None,
    database_url: DbUrl = None,
    json_out: JsonOut = False,
) -> None:
    """Add an operator (provider) to a country."""

    async def work(rt: Runtime) -> service.AddedProvider:
        return await catalogue_ops.add_provider(rt, cli_actor(), country, name, title=title)

    out = run(settings_for(database_url), work)
    print_json(ProviderAddedOut.of(out).model_dump()) if json_out else console.print(
        f"added provider {out.name} to {out.country}"
    )


@app.command("add-service")
def add_service(
    code: Annotated[str, typer.Argument(help="Code clients send, e.g. 'tg'.")],
    name: Annotated[str, typer.Argument(help="Display name, e.g. 'Telegram'.")],
    database_url: DbUrl = None,
    json_out: JsonOut = False,
) -> None:
    """Add a service."""

    async def work(rt: Runtime) -> service.AddedService:
        return await catalogue_ops.add_service(rt, cli_actor(), code, name)

    out = run(settings_for(database_url), work)
    print_json(ServiceAddedOut.of(out).model_dump()) if json_out else console.print(
        f"added service {out.code} ({out.name})"
    )


@app.command("alias")
def alias(
    service_code: Annotated[
        str, typer.Argument(metavar="SERVICE", help="Service code, e.g. 'fb'.")
    ],
    name: Annotated[str, typer.Argument(help="Another name: a sender ID or brand, e.g. 'Meta'.")],
    database_url: DbUrl = None,
    json_out: JsonOut = False,
) -> None:
    """Give a service another name: an SMS to a number leased for several services whose
    sender or text says it goes to that service's activation."""

    async def work(rt: Runtime) -> dict[str, str]:
        return await catalogue_ops.add_alias(rt, cli_actor(), service_code, name)

    out = run(settings_for(database_url), work)
    print_json(out) if json_out else console.print(f"{out['service']}: alias {out['alias']!r}")


@app.command("aliases")
def aliases_(
    service_code: Annotated[
        str | None, typer.Argument(metavar="[SERVICE]", help="Only this service's.")
    ] = None,
    database_url: DbUrl = None,
    json_out: JsonOut = False,
) -> None:
    """List the operators' service aliases."""

    async def work(rt: Runtime) -> list[dict[str, str]]:
        async with rt.db.read() as conn:
            return await aliases.list_aliases(conn, service_code)

    out = run(settings_for(database_url), work)
    if json_out:
        print_json(out)
        return
    print_table("service aliases", ["service", "alias"], [(a["service"], a["alias"]) for a in out])


@app.command("remove-alias")
def remove_alias(
    service_code: Annotated[str, typer.Argument(metavar="SERVICE")],
    name: str,
    database_url: DbUrl = None,
    json_out: JsonOut = False,
) -> None:
    """Take an alias away from a service."""

    async def work(rt: Runtime) -> dict[str, str]:
        return await catalogue_ops.remove_alias(rt, cli_actor(), service_code, name)

    out = run(settings_for(database_url), work)
    print_json(out) if json_out else console.print(f"{out['service']}: removed {out['alias']!r}")
