"""`otpvirt webhooks ...`: the delivery outbox (list, show, redeliver)."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from otpvirt.admin import webhook_ops
from otpvirt.admin.audit import cli_actor
from otpvirt.cli.common import DbUrl, JsonOut, console, print_json, print_table, run, settings_for
from otpvirt.clock import iso
from otpvirt.runtime import Runtime
from otpvirt.webhook import history
from otpvirt.webhook.schemas import delivery_detail_json, delivery_json

app = typer.Typer(help="Webhook deliveries (automatic SMS receipt).", no_args_is_help=True)


def _last(d: dict[str, Any]) -> str:
    if d["lastError"]:
        return str(d["lastError"])[:60]
    return "" if d["lastStatus"] is None else f"HTTP {d['lastStatus']}"


@app.command("list")
def list_(
    client: Annotated[str | None, typer.Option(help="Only this client's deliveries.")] = None,
    state: Annotated[
        str | None, typer.Option(help="Only deliveries in this state: pending|delivered|failed.")
    ] = None,
    activation: Annotated[str | None, typer.Option(help="Only this activation's.")] = None,
    limit: int = 50,
    database_url: DbUrl = None,
    json_out: JsonOut = False,
) -> None:
    """List webhook deliveries, newest first."""

    async def work(rt: Runtime) -> list[dict[str, Any]]:
        async with rt.db.read() as conn:
            rows = await history.deliveries(
                conn, client_id=client, state=state, activation_id=activation, limit=limit
            )
        return [delivery_json(r) for r in rows]

    rows = run(settings_for(database_url), work)
    if json_out:
        print_json(rows)
        return
    print_table(
        "webhook deliveries",
        ["id", "client", "activation", "state", "attempts", "last", "created", "next attempt"],
        [
            (
                d["id"],
                d["clientId"],
                d["activationId"],
                d["state"],
                d["attempts"],
                _last(d),
                iso(d["createdAt"]),
                iso(d["nextAttemptAt"]),
            )
            for d in rows
        ],
    )


@app.command("show")
def show(message_id: str, database_url: DbUrl = None, json_out: JsonOut = False) -> None:
    """Show one delivery: its payload and every attempt."""

    async def work(rt: Runtime) -> dict[str, Any]:
        async with rt.db.read() as conn:
            found = await history.delivery(conn, message_id)
        return delivery_detail_json(found.delivery, found.attempts)

    d = run(settings_for(database_url), work)
    if json_out:
        print_json(d)
        return
    for key in ("id", "clientId", "activationId", "smsId", "state", "attempts"):
        console.print(f"{key + ':':<14} {d[key]}", highlight=False)
    if d["nextAttemptAt"]:
        console.print(f"{'next attempt:':<14} {iso(d['nextAttemptAt'])}", highlight=False)
    if d["deliveredAt"]:
        console.print(f"{'delivered:':<14} {iso(d['deliveredAt'])}", highlight=False)
    console.print(f"{'payload:':<14} {d['payload']}", highlight=False, soft_wrap=True)
    print_table(
        "attempts",
        ["at", "status", "error", "ms", "response"],
        [
            (
                iso(a["at"]),
                a["status"],
                a["error"],
                a["durationMs"],
                (a["response"] or "").replace("\n", " ")[:60],
            )
            for a in d["attemptLog"]
        ],
    )


@app.command("redeliver")
def redeliver(message_id: str, database_url: DbUrl = None, json_out: JsonOut = False) -> None:
    """Send a delivery again now (same webhook-id, fresh retry schedule)."""

    async def work(rt: Runtime) -> dict[str, Any]:
        found = await webhook_ops.redeliver_webhook(rt, cli_actor(), message_id)
        return delivery_detail_json(found.delivery, found.attempts)

    d = run(settings_for(database_url), work)
    if json_out:
        print_json(d)
    else:
        console.print(f"{d['id']}: queued for delivery again", highlight=False)
