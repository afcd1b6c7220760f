"""`otpvirt sms ...`: incoming messages."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from otpvirt.cli.common import DbUrl, JsonOut, console, print_json, print_table, run, settings_for
from otpvirt.clock import iso, parse_iso_ms
from otpvirt.db import in_transaction
from otpvirt.runtime import Runtime
from otpvirt.sms import service
from otpvirt.sms.schemas import sms_json

app = typer.Typer(help="Incoming SMS.", no_args_is_help=True)


@app.command("inject")
def inject(
    to: Annotated[str, typer.Option("--to", help="Receiving number, with country code.")],
    sender: Annotated[str, typer.Option("--from", help="Sender name or number.")],
    text: Annotated[str, typer.Option("--text", help="Message text.")],
    external_id: Annotated[
        str | None, typer.Option("--external-id", help="Peer's message id.")
    ] = None,
    database_url: DbUrl = None,
    json_out: JsonOut = False,
) -> None:
    """Deliver an incoming SMS through the service, exactly as a gateway would."""

    async def work(rt: Runtime) -> service.IngestResult:
        return await in_transaction(
            rt.db, service.ingest, to=to, sender=sender, text=text, external_id=external_id
        )

    res = run(settings_for(database_url), work)
    if json_out:
        print_json(
            {
                "status": res.status,
                "smsId": res.sms_id,
                "phone": res.phone,
                "code": res.code,
                "activationId": res.activation_id,
            }
        )
        return
    if res.status == service.DUPLICATE:
        console.print(f"duplicate of SMS {res.sms_id}; not delivered again", highlight=False)
    elif res.activation_id:
        console.print(
            f"delivered to activation {res.activation_id}; code: {res.code or '(none found)'}",
            highlight=False,
        )
    else:
        console.print(f"stored as unrouted: {res.phone} has no live lease", highlight=False)


@app.command("list")
def list_(
    unrouted: Annotated[
        bool, typer.Option("--unrouted", help="Only SMS no lease received.")
    ] = False,
    number: Annotated[str | None, typer.Option(help="Only SMS to this number.")] = None,
    since: Annotated[str | None, typer.Option(help="Only SMS since (ISO 8601, UTC).")] = None,
    limit: int = 50,
    database_url: DbUrl = None,
    json_out: JsonOut = False,
) -> None:
    """List received SMS, newest first, with the parsed code and where each went."""
    since_ms = parse_iso_ms(since) if since else None

    async def work(rt: Runtime) -> list[dict[str, Any]]:
        async with rt.db.read() as conn:
            found = await service.list_sms(
                conn, unrouted=unrouted, number=number, since=since_ms, limit=limit
            )
        return [sms_json(m) for m in found]

    rows = run(settings_for(database_url), work)
    if json_out:
        print_json(rows)
        return
    print_table(
        "SMS",
        ["received", "number", "from", "code", "activation", "text"],
        [
            (
                iso(r["receivedAt"]),
                r["phone"],
                r["sender"],
                r["code"],
                r["activationId"] or "unrouted",
                str(r["text"]).replace("\n", " ")[:60],
            )
            for r in rows
        ],
    )


@app.command("reparse")
def reparse(
    since: Annotated[
        str | None, typer.Option(help="Only SMS received since (ISO 8601, UTC).")
    ] = None,
    database_url: DbUrl = None,
    json_out: JsonOut = False,
) -> None:
    """Re-read codes with the current parser (codes clients may have seen are kept)."""
    since_ms = parse_iso_ms(since) if since else None

    async def work(rt: Runtime) -> service.ReparseReport:
        total = service.ReparseReport()
        while True:
            batch = await in_transaction(
                rt.db, service.reparse, since=since_ms, after_id=total.last_id
            )
            if not batch.checked:
                return total
            total.checked += batch.checked
            total.changed += batch.changed
            total.kept_delivered += batch.kept_delivered
            total.last_id = batch.last_id

    report = run(settings_for(database_url), work)
    if json_out:
        print_json(
            {
                "checked": report.checked,
                "changed": report.changed,
                "keptDelivered": report.kept_delivered,
            }
        )
    else:
        console.print(
            f"checked {report.checked} SMS: {report.changed} codes updated, "
            f"{report.kept_delivered} differing codes kept (already visible to clients)",
            highlight=False,
        )
