"""`otpvirt activations ...`: what clients leased, and cancelling for them."""

from __future__ import annotations

from typing import Annotated

import typer

from otpvirt.activation import supervision as operator
from otpvirt.activation.repositories.views import OperatorRow
from otpvirt.activation.schemas import ForcedCancelOut, activation_detail_json, activation_json
from otpvirt.admin import lease_ops
from otpvirt.admin.audit import cli_actor
from otpvirt.cli.common import DbUrl, JsonOut, console, print_json, print_table, run, settings_for
from otpvirt.clock import iso
from otpvirt.runtime import Runtime

app = typer.Typer(help="Activations (leases) of every client.", no_args_is_help=True)


@app.command("list")
def list_(
    client: Annotated[str | None, typer.Option(help="Only this client.")] = None,
    state: Annotated[str | None, typer.Option(help="waiting, sms_received, completed, …")] = None,
    service: Annotated[str | None, typer.Option(help="Only this service code.")] = None,
    country: Annotated[str | None, typer.Option(help="Only this country.")] = None,
    number: Annotated[str | None, typer.Option(help="Only this number.")] = None,
    live: Annotated[bool, typer.Option("--live", help="Only live leases.")] = False,
    limit: int = 50,
    offset: int = 0,
    database_url: DbUrl = None,
    json_out: JsonOut = False,
) -> None:
    """List activations, newest first."""

    async def work(rt: Runtime) -> list[OperatorRow]:
        async with rt.db.read() as conn:
            return await operator.list_activations(
                conn,
                client_id=client,
                state=state,
                service=service,
                country=country,
                number=number,
                live=live,
                limit=limit,
                offset=offset,
            )

    rows = [activation_json(r) for r in run(settings_for(database_url), work)]
    if json_out:
        print_json(rows)
        return
    print_table(
        "activations",
        ["id", "created", "client", "number", "service", "country", "price", "state", "SMS"],
        [
            (
                r["id"],
                iso(r["createdAt"]),
                r["clientId"],
                r["number"],
                r["service"],
                r["country"],
                f"{r['price']} {r['currency']}",
                r["state"],
                r["smsCount"],
            )
            for r in rows
        ],
    )


@app.command("show")
def show(activation_id: str, database_url: DbUrl = None, json_out: JsonOut = False) -> None:
    """One activation with its SMS, ledger entries and webhook deliveries."""

    async def work(rt: Runtime) -> operator.ActivationDetail:
        async with rt.db.read() as conn:
            return await operator.get_activation(conn, activation_id)

    data = activation_detail_json(run(settings_for(database_url), work))
    if json_out:
        print_json(data)
        return
    for key in ("id", "clientId", "number", "service", "country", "provider", "state"):
        console.print(f"{key + ':':<10} {data[key]}", highlight=False)
    console.print(f"{'price:':<10} {data['price']} {data['currency']}", highlight=False)
    print_table(
        "SMS",
        ["received", "from", "code", "text"],
        [(iso(s["receivedAt"]), s["sender"], s["code"], s["text"][:60]) for s in data["sms"]],
    )
    print_table(
        "ledger",
        ["kind", "amount", "note"],
        [(e["kind"], e["amount"], e["note"]) for e in data["ledger"]],
    )


@app.command("cancel")
def cancel(activation_id: str, database_url: DbUrl = None, json_out: JsonOut = False) -> None:
    """Cancel a client's waiting activation and refund it (not once an SMS came)."""

    async def work(rt: Runtime) -> operator.ForcedCancel:
        return await lease_ops.force_cancel(rt, cli_actor(), activation_id)

    out = ForcedCancelOut.of(run(settings_for(database_url), work)).model_dump()
    if json_out:
        print_json(out)
    else:
        console.print(
            f"{out['id']}: cancelled, {out['refunded']} {out['currency']} refunded to "
            f"{out['clientId']}",
            highlight=False,
        )
