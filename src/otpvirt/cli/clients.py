"""`otpvirt clients ...`: accounts, balances, credentials."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from otpvirt.admin import client_ops
from otpvirt.admin.audit import cli_actor
from otpvirt.cli.common import (
    DbUrl,
    JsonOut,
    console,
    err_console,
    fail,
    print_json,
    print_table,
    run,
    settings_for,
)
from otpvirt.clients import service
from otpvirt.clients.schemas import BalanceOut, client_detail_json, client_json
from otpvirt.clock import iso
from otpvirt.events.subscriptions import subscriptions_of
from otpvirt.ledger import service as ledger
from otpvirt.ledger.schemas import ledger_entry_json
from otpvirt.runtime import Runtime
from otpvirt.webhook import targets
from otpvirt.webhook.schemas import SecretRotated, WebhookSet

app = typer.Typer(help="Client accounts.", no_args_is_help=True)


@app.command("create")
def create(
    client_id: Annotated[
        str | None, typer.Option("--client-id", help="GUID (generated if omitted).")
    ] = None,
    password: Annotated[
        str | None, typer.Option(help="API password, 8-128 chars (generated if omitted).")
    ] = None,
    currency: Annotated[str, typer.Option(help="ISO 4217 currency of the account.")] = "USD",
    balance: Annotated[str, typer.Option(help="Opening balance.")] = "0",
    name: Annotated[str | None, typer.Option(help="A label for the operator.")] = None,
    database_url: DbUrl = None,
    json_out: JsonOut = False,
) -> None:
    """Create a client and print its id and API password (shown only now)."""

    async def work(rt: Runtime) -> dict[str, Any]:
        new = await client_ops.create_client(
            rt,
            cli_actor(),
            password=password,
            currency_code=currency,
            balance=balance,
            client_id=client_id,
            name=name,
        )
        return {**BalanceOut.of(new.balance).model_dump(), "apiPassword": new.api_password}

    out = run(settings_for(database_url), work)
    pw = out["apiPassword"]
    if json_out:
        print_json(
            {
                "clientId": out["clientId"],
                "apiPassword": pw,
                "currency": out["currency"],
                "balance": out["balance"],
            }
        )
    else:
        console.print(f"clientId:    {out['clientId']}", highlight=False)
        console.print(f"apiPassword: {pw}", highlight=False)
        console.print(f"balance:     {out['balance']} {out['currency']}", highlight=False)
        console.print("[dim]The password is shown only now; it is stored hashed.[/]")


@app.command("list")
def list_(
    search: Annotated[str | None, typer.Option(help="Filter by id or name.")] = None,
    limit: int = 100,
    offset: int = 0,
    database_url: DbUrl = None,
    json_out: JsonOut = False,
) -> None:
    """List clients, newest first."""

    async def work(rt: Runtime) -> list[dict[str, Any]]:
        async with rt.db.read() as conn:
            found = await service.list_clients(conn, search=search, limit=limit, offset=offset)
        return [client_json(c) for c in found]

    rows = run(settings_for(database_url), work)
    if json_out:
        print_json(rows)
    else:
        print_table(
            "clients",
            ["clientId", "name", "balance", "currency", "enabled"],
            [(r["clientId"], r["name"], r["balance"], r["currency"], r["enabled"]) for r in rows],
        )


@app.command("show")
def show(
    client_id: str,
    entries: Annotated[int, typer.Option(help="How many ledger entries to show.")] = 20,
    database_url: DbUrl = None,
    json_out: JsonOut = False,
) -> None:
    """Show a client, its activation counts and latest ledger entries."""

    async def work(rt: Runtime) -> dict[str, Any]:
        async with rt.db.read() as conn:
            detail = await service.get_client(conn, client_id)
            hook = await targets.get_webhook(conn, client_id)
            data = client_detail_json(detail)
            data["webhook"] = {"url": hook.url, "format": hook.format, "events": hook.events}
            data["lowBalance"] = (await subscriptions_of(conn, client_id)).low_balance_text
            found = await ledger.entries(conn, detail.client.id, limit=entries)
            data["ledger"] = [ledger_entry_json(e) for e in found]
            return data

    data = run(settings_for(database_url), work)
    if json_out:
        print_json(data)
        return
    for key in ("clientId", "name", "currency", "balance", "enabled"):
        value = "-" if data[key] is None else data[key]
        console.print(f"{key + ':':<11} {value}", highlight=False)
    if data["demo"]:
        console.print("demo:       yes (a simulated client of the demo market)", highlight=False)
    acts = ", ".join(f"{k} {v}" for k, v in sorted(data["activations"].items())) or "none"
    console.print(f"activations: {acts}", highlight=False)
    hook = data["webhook"]
    console.print(
        f"webhook:     {hook['url']} ({hook['format']})" if hook["url"] else "webhook:     none",
        highlight=False,
    )
    console.print(f"events:      {hook['events']}", highlight=False)
    console.print(f"lowBalance:  {data['lowBalance'] or 'off'}", highlight=False)
    print_table(
        "ledger",
        ["id", "kind", "amount", "balance after", "activation", "note"],
        [
            (e["id"], e["kind"], e["amount"], e["balanceAfter"], e["activationId"], e["note"])
            for e in data["ledger"]
        ],
    )


def _balance_change(
    client_id: str,
    amount: str,
    kind: str,
    note: str | None,
    database_url: str | None,
    json_out: bool,
) -> None:
    async def work(rt: Runtime) -> dict[str, Any]:
        out = await client_ops.change_balance(
            rt, cli_actor(), client_id, amount, kind=kind, note=note
        )
        return BalanceOut.of(out).model_dump()

    out = run(settings_for(database_url), work)
    if json_out:
        print_json(out)
    else:
        console.print(
            f"{out['clientId']}: balance {out['balance']} {out['currency']}", highlight=False
        )


@app.command("topup")
def topup(
    client_id: str,
    amount: str,
    note: Annotated[str | None, typer.Option(help="Why (kept in the ledger).")] = None,
    database_url: DbUrl = None,
    json_out: JsonOut = False,
) -> None:
    """Add AMOUNT (in the client's currency) to the balance."""
    _balance_change(client_id, amount, ledger.TOPUP, note, database_url, json_out)


# Negative amounts ("-1.50") must not be taken for options.
@app.command("adjust", context_settings={"ignore_unknown_options": True})
def adjust(
    client_id: str,
    amount: Annotated[str, typer.Argument(help="Signed amount, e.g. -1.50.")],
    reason: Annotated[str, typer.Option(help="Why (kept in the ledger).")],
    database_url: DbUrl = None,
    json_out: JsonOut = False,
) -> None:
    """Correct the balance by a signed AMOUNT (never below zero)."""
    _balance_change(client_id, amount, ledger.ADJUSTMENT, reason, database_url, json_out)


def _set_enabled(client_id: str, enabled: bool, database_url: str | None) -> None:
    async def work(rt: Runtime) -> None:
        await client_ops.set_enabled(rt, cli_actor(), client_id, enabled)

    run(settings_for(database_url), work)
    console.print(f"{client_id}: {'enabled' if enabled else 'disabled'}", highlight=False)


@app.command("disable")
def disable(client_id: str, database_url: DbUrl = None) -> None:
    """Disable a client: its API calls are refused (live leases run out normally)."""
    _set_enabled(client_id, False, database_url)


@app.command("enable")
def enable(client_id: str, database_url: DbUrl = None) -> None:
    """Re-enable a disabled client."""
    _set_enabled(client_id, True, database_url)


@app.command("set-password")
def set_password(
    client_id: str,
    password: Annotated[
        str | None, typer.Option(help="New password (generated if omitted).")
    ] = None,
    database_url: DbUrl = None,
    json_out: JsonOut = False,
) -> None:
    """Replace a client's API password and print it (shown only now)."""

    async def work(rt: Runtime) -> str:
        return await client_ops.set_password(rt, cli_actor(), client_id, password)

    pw = run(settings_for(database_url), work)
    if json_out:
        print_json({"clientId": client_id.lower(), "apiPassword": pw})
    else:
        console.print(f"apiPassword: {pw}", highlight=False)


@app.command("api-key")
def api_key(client_id: str, database_url: DbUrl = None, json_out: JsonOut = False) -> None:
    """Issue a new sms-activate API key and print it (shown only now; the old one stops)."""

    async def work(rt: Runtime) -> str:
        return await client_ops.rotate_api_key(rt, cli_actor(), client_id)

    key = run(settings_for(database_url), work)
    if json_out:
        print_json({"apiKey": key})
    else:
        console.print(f"apiKey: {key}", highlight=False)
        console.print(
            "[dim]Use it as api_key on /stubs/handler_api.php; it is shown only now "
            "and stored hashed.[/]"
        )


@app.command("set-webhook")
def set_webhook(
    client_id: str,
    url: Annotated[
        str | None, typer.Argument(help="Where to POST each SMS (omit with --clear).")
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option("--format", help="Payload: native (default) or smsactivate."),
    ] = None,
    clear: Annotated[bool, typer.Option("--clear", help="Stop sending webhooks.")] = False,
    events: Annotated[
        str | None,
        typer.Option(
            "--events",
            help="What to send, comma-separated: sms (default), activation.finished, "
            "rent.ending, rent.finished, balance.low.",
        ),
    ] = None,
    database_url: DbUrl = None,
    json_out: JsonOut = False,
) -> None:
    """Set the URL each SMS (and subscribed event) is pushed to; the first URL gets a
    signing secret (shown once)."""
    if clear == bool(url and url.strip()):
        fail("give a URL, or --clear to remove the webhook")
    settings = settings_for(database_url)

    async def work(rt: Runtime) -> dict[str, Any]:
        out = await client_ops.set_webhook(
            rt, cli_actor(), client_id, None if clear else url, fmt, events
        )
        return WebhookSet.of(out).model_dump()

    out = run(settings, work)
    if json_out:
        print_json(out)
        return
    if out["url"] is None:
        console.print(f"{out['clientId']}: webhook removed", highlight=False)
        return
    console.print(
        f"{out['clientId']}: webhook {out['url']} ({out['format']}; events {out['events']})",
        highlight=False,
    )
    if out["secret"]:
        console.print(f"secret: {out['secret']}", highlight=False)
        console.print("[dim]The signing secret is shown only now.[/]")
    warning = targets.private_target_warning(out["url"], settings.webhook_allow_private)
    if warning:
        err_console.print(f"[yellow]warning:[/] {warning}", highlight=False)


@app.command("set-low-balance")
def set_low_balance(
    client_id: str,
    amount: Annotated[
        str | None, typer.Argument(help="Threshold in the client's currency (omit with --clear).")
    ] = None,
    clear: Annotated[bool, typer.Option("--clear", help="No balance.low webhooks.")] = False,
    database_url: DbUrl = None,
    json_out: JsonOut = False,
) -> None:
    """Send a balance.low webhook when the balance falls below AMOUNT (once per fall)."""
    if clear == (amount is not None):
        fail("give an AMOUNT, or --clear to remove the threshold")

    async def work(rt: Runtime) -> dict[str, Any]:
        await client_ops.set_low_balance(rt, cli_actor(), client_id, None if clear else amount)
        return {"clientId": client_id.lower(), "lowBalance": None if clear else amount}

    out = run(settings_for(database_url), work)
    if json_out:
        print_json(out)
    elif out["lowBalance"] is None:
        console.print(f"{out['clientId']}: no low-balance threshold", highlight=False)
    else:
        console.print(
            f"{out['clientId']}: balance.low below {out['lowBalance']} "
            "(subscribe with set-webhook --events ...,balance.low)",
            highlight=False,
        )


@app.command("webhook-secret")
def webhook_secret(client_id: str, database_url: DbUrl = None, json_out: JsonOut = False) -> None:
    """Rotate the webhook signing secret and print it; the old one co-signs for 24 hours."""

    async def work(rt: Runtime) -> dict[str, Any]:
        out = await client_ops.rotate_webhook_secret(rt, cli_actor(), client_id)
        return SecretRotated.of(out).model_dump()

    out = run(settings_for(database_url), work)
    if json_out:
        print_json({"secret": out["secret"]})
    else:
        console.print(f"secret: {out['secret']}", highlight=False)
        if out["previousSecretValidUntil"]:
            console.print(
                "[dim]Shown only now. Deliveries carry a signature with the old secret too "
                f"until {iso(out['previousSecretValidUntil'])}.[/]"
            )
