"""`otpvirt rentals ...`: numbers rented for hours (list, show, finish)."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from otpvirt.admin import rent_ops
from otpvirt.admin.audit import cli_actor
from otpvirt.cli.common import DbUrl, JsonOut, console, print_json, print_table, run, settings_for
from otpvirt.rental import service as rentals
from otpvirt.rental.schemas import rental_json
from otpvirt.runtime import Runtime

app = typer.Typer(help="Numbers rented for hours.", no_args_is_help=True)


@app.command("list")
def list_(
    client: Annotated[str | None, typer.Option(help="Only this client's rentals.")] = None,
    state: Annotated[
        str | None, typer.Option(help="active, finished, cancelled or expired.")
    ] = None,
    limit: Annotated[int, typer.Option(min=1, max=1000)] = 50,
    database_url: DbUrl = None,
    json_out: JsonOut = False,
) -> None:
    """Rentals, newest first."""

    async def work(rt: Runtime) -> list[rentals.Rental]:
        async with rt.db.read() as conn:
            return await rentals.listing(conn, client_id=client, state=state, limit=limit)

    rows = [rental_json(r) for r in run(settings_for(database_url), work)]
    if json_out:
        print_json(rows)
        return
    cols = ["id", "phone", "service", "state", "hours", "amount", "currency", "smsCount", "endsAt"]
    print_table("rentals", cols, [[r[c] for c in cols] for r in rows])


@app.command("show")
def show(
    rental_id: Annotated[int, typer.Argument(metavar="ID", min=1)],
    database_url: DbUrl = None,
    json_out: JsonOut = False,
) -> None:
    """One rental with its SMS (newest first)."""

    async def work(rt: Runtime) -> dict[str, Any]:
        async with rt.db.read() as conn:
            r = await rentals.get(conn, None, rental_id=rental_id)
            msgs = await rentals.sms(conn, r, limit=100)
        return rental_json(r, msgs)

    out = run(settings_for(database_url), work)
    if json_out:
        print_json(out)
        return
    for key, value in out.items():
        if key != "sms":
            console.print(f"{key}: {value}")
    print_table(
        "SMS",
        ["from", "code", "receivedAt", "text"],
        [[m["sender"], m["code"], m["receivedAt"], m["text"]] for m in out["sms"]],
    )


@app.command("finish")
def finish(
    rental_id: Annotated[int, typer.Argument(metavar="ID", min=1)],
    database_url: DbUrl = None,
    json_out: JsonOut = False,
) -> None:
    """End a live rental now (no refund) and give its number back to the pool."""

    async def work(rt: Runtime) -> rentals.Rental:
        return await rent_ops.finish_rental(rt, cli_actor(), rental_id)

    out = rental_json(run(settings_for(database_url), work))
    if json_out:
        print_json(out)
    else:
        console.print(f"rental {out['id']} ({out['phone']}) is {out['state']}")
