"""`otpvirt sources ...`: where numbers and SMS come from."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from otpvirt.admin import source_ops
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
from otpvirt.clock import iso
from otpvirt.errors import ValidationFailed
from otpvirt.runtime import Runtime
from otpvirt.sources import health, service
from otpvirt.sources.schemas import source_json
from otpvirt.sources.service import DeviceMap
from otpvirt.supply import orders, registry

app = typer.Typer(
    help="SMS sources: gateways, Android phones, modems, SMSCs, Jasmin, SMSHub agents, "
    "upstream providers, the simulator.",
    no_args_is_help=True,
)


def _settings(
    kind: str,
    smshub_agent: str | None,
    key: str | None,
    upstream: str | None,
    api_key: str | None,
    max_price: str | None,
    rent: bool = False,
) -> tuple[str, dict[str, Any] | None]:
    if smshub_agent and upstream:
        raise typer.BadParameter("give --smshub-agent or --upstream-smsactivate, not both")
    if smshub_agent:
        return "smshub", registry.smshub_config(smshub_agent, key)
    if upstream:
        return "upstream", registry.upstream_config(upstream, api_key, max_price, rent=rent)
    if rent:
        raise typer.BadParameter("--rent is for an upstream provider (--upstream-smsactivate)")
    return kind, None


@app.command("create")
def create(
    name: str,
    kind: Annotated[str, typer.Option(help="gateway, android, gammu, smpp or jasmin.")] = "gateway",
    simulator: Annotated[bool, typer.Option("--simulator", help="A simulated SIM bank.")] = False,
    signing_key: Annotated[
        str | None,
        typer.Option(help="Android: the app's webhook signing key (generated if omitted)."),
    ] = None,
    heartbeat_timeout: Annotated[
        int | None, typer.Option(help="Seconds of silence after which the source is offline.")
    ] = None,
    smshub_agent: Annotated[
        str | None, typer.Option(help="An SMSHub-protocol agent's URL (we act as the hub).")
    ] = None,
    key: Annotated[str | None, typer.Option(help="SMSHub: the protocol key shared.")] = None,
    upstream_smsactivate: Annotated[
        str | None, typer.Option(help="Upstream provider (sms-activate protocol) base URL.")
    ] = None,
    api_key: Annotated[str | None, typer.Option(help="Upstream: the API key.")] = None,
    max_price: Annotated[
        str | None, typer.Option(help="Upstream: the most to pay for one number.")
    ] = None,
    rent: Annotated[
        bool,
        typer.Option(
            "--rent/--no-rent",
            help="Upstream: clients may rent numbers through it too (its rent actions).",
        ),
    ] = False,
    database_url: DbUrl = None,
    json_out: JsonOut = False,
) -> None:
    """Create a source and print its token (shown only now)."""
    try:
        kind, extra = _settings(
            kind, smshub_agent, key, upstream_smsactivate, api_key, max_price, rent
        )
    except ValidationFailed as exc:
        fail(exc.message)

    async def work(rt: Runtime) -> tuple[service.SourceInfo, str]:
        return await source_ops.create_source(
            rt,
            cli_actor(),
            name,
            kind="simulator" if simulator else kind,
            signing_key=signing_key,
            heartbeat_timeout=heartbeat_timeout,
            settings=extra,
        )

    info, token = run(settings_for(database_url), work)
    out: dict[str, Any] = {"name": info.name, "kind": info.kind, "token": token}
    if info.kind == "android":
        out["signingKey"] = info.config["signingKey"]
    if json_out:
        print_json(out)
        return
    console.print(f"source {info.name} ({info.kind})", highlight=False)
    console.print(f"token: {token}", highlight=False)
    if info.kind == "android":
        console.print(
            f"signing key: {out['signingKey']}  (set it in the app: Settings → Webhooks)",
            highlight=False,
        )
        console.print(f"webhook URL: <base URL>/gateway/v1/android/{token}", highlight=False)
    elif info.kind == "jasmin":
        console.print(
            f"Jasmin callback: <base URL>/gateway/v1/jasmin?token={token}", highlight=False
        )
    elif info.kind == "smshub":
        console.print(
            "agent pushes SMS (PUSH_SMS) to: <base URL>/agent/api/sms (or /gateway/v1/smshub)",
            highlight=False,
        )
    console.print("[dim]The token is shown only now; it is stored hashed.[/]")


@app.command("list")
def list_(database_url: DbUrl = None, json_out: JsonOut = False) -> None:
    """List sources with their health, last contact and last SMS."""

    async def work(rt: Runtime) -> list[dict[str, Any]]:
        async with rt.db.read() as conn:
            return [source_json(s) for s in await health.list_sources(conn)]

    rows = run(settings_for(database_url), work)
    if json_out:
        print_json(rows)
        return
    print_table(
        "sources",
        ["name", "kind", "state", "numbers", "rent", "last seen", "last SMS"],
        [
            (
                r["name"],
                r["kind"],
                "disabled" if not r["enabled"] else ("online" if r["online"] else "offline"),
                r["numbers"],
                "" if r["rent"] is None else ("on" if r["rent"] else "off"),
                iso(r["lastSeenAt"]) or "never",
                iso(r["lastSmsAt"]) or "never",
            )
            for r in rows
        ],
    )


@app.command("orders")
def orders_(
    source: Annotated[str | None, typer.Option(help="Only this supplier.")] = None,
    pending: Annotated[
        bool, typer.Option("--pending", help="Only orders still to be finished or given back.")
    ] = False,
    limit: Annotated[int, typer.Option(help="How many, newest first.")] = 50,
    database_url: DbUrl = None,
    json_out: JsonOut = False,
) -> None:
    """Numbers bought from SMSHub agents and upstream providers, and what is left to tell them."""

    async def work(rt: Runtime) -> list[dict[str, Any]]:
        async with rt.db.read() as conn:
            return await orders.list_orders(conn, source=source, pending=pending, limit=limit)

    rows = run(settings_for(database_url), work)
    if json_out:
        print_json(rows)
        return
    print_table(
        "supplier orders",
        ["source", "number", "state", "outcome", "supplier id", "attempts", "last error"],
        [
            (
                r["source"],
                r["phone"],
                r["state"],
                r["outcome"],
                r["externalId"],
                r["attempts"],
                r["lastError"],
            )
            for r in rows
        ],
    )


@app.command("rotate-token")
def rotate_token(name: str, database_url: DbUrl = None, json_out: JsonOut = False) -> None:
    """Give a source a new token; the old one stops working at once."""

    async def work(rt: Runtime) -> str:
        return await source_ops.rotate_source_token(rt, cli_actor(), name)

    token = run(settings_for(database_url), work)
    print_json({"token": token}) if json_out else console.print(f"token: {token}", highlight=False)


@app.command("priority")
def priority(
    name: str,
    value: Annotated[
        int, typer.Argument(metavar="PRIORITY", help="Lower is asked first (default 100).")
    ],
    database_url: DbUrl = None,
) -> None:
    """Set the order in which on-demand suppliers are asked when the pool has no number."""

    async def work(rt: Runtime) -> None:
        await source_ops.set_supplier_priority(rt, cli_actor(), name, value)

    run(settings_for(database_url), work)
    console.print(f"{name}: priority {value}", highlight=False)


@app.command("rent")
def rent_(
    name: str,
    on: Annotated[
        bool, typer.Option("--on/--off", help="Rent numbers through this provider, or not.")
    ],
    database_url: DbUrl = None,
) -> None:
    """Let clients rent numbers through an upstream provider when our pool has none."""

    async def work(rt: Runtime) -> None:
        await source_ops.set_upstream_rent(rt, cli_actor(), name, on)

    run(settings_for(database_url), work)
    console.print(f"{name}: rent {'on' if on else 'off'}", highlight=False)


@app.command("map")
def map_(
    name: str,
    device: Annotated[str, typer.Argument(help="Device id (Android deviceId, Gammu PhoneID).")],
    number: Annotated[str, typer.Argument(help="The number of that SIM, with country code.")],
    sim: Annotated[
        int | None, typer.Option(help="SIM slot (1-based) on a dual-SIM device.")
    ] = None,
    database_url: DbUrl = None,
) -> None:
    """Say which number a device (or one SIM of it) is, for peers that do not report it."""

    async def work(rt: Runtime) -> DeviceMap:
        return await source_ops.map_device(rt, cli_actor(), name, device, number, sim=sim)

    out = run(settings_for(database_url), work)
    console.print(f"{out.source}: {out.device} → {out.number}", highlight=False)


def _set(name: str, enabled: bool, database_url: str | None) -> None:
    async def work(rt: Runtime) -> None:
        await source_ops.set_source_enabled(rt, cli_actor(), name, enabled)

    run(settings_for(database_url), work)
    console.print(f"{name}: {'enabled' if enabled else 'disabled'}", highlight=False)


@app.command("disable")
def disable(name: str, database_url: DbUrl = None) -> None:
    """Refuse a source's SMS and stop leasing its numbers."""
    _set(name, False, database_url)


@app.command("enable")
def enable(name: str, database_url: DbUrl = None) -> None:
    """Accept a source again."""
    _set(name, True, database_url)
