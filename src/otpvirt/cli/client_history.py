"""`otpvirt client history` and `otpvirt client reuse`: past activations, a number again."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Annotated

import typer

from otpvirt.cli import client_io as io
from otpvirt.cli.client_io import JsonOut, Password, Url, UserId
from otpvirt.client import HistoryEntry


def _entry_json(h: HistoryEntry) -> dict[str, object]:
    return {
        "activationId": h.id,
        "number": h.number,
        "service": h.service,
        "country": h.country,
        "provider": h.provider,
        "state": h.state,
        "amount": h.amount,
        "createdAt": h.created_at.isoformat(),
        "finishedAt": h.finished_at.isoformat() if h.finished_at else None,
        "sms": [{"sender": m.sender, "text": m.text, "code": m.code} for m in h.sms],
    }


def history(
    days: Annotated[
        float, typer.Option(help="How many days back (the server keeps its default: 30).", min=0)
    ] = 30.0,
    limit: Annotated[int, typer.Option(help="At most this many (1-100).", min=1, max=100)] = 50,
    offset: Annotated[int, typer.Option(help="Skip this many newest ones.", min=0)] = 0,
    url: Url = io.DEFAULT_URL,
    client_id: UserId = None,
    api_password: Password = None,
    json_out: JsonOut = False,
) -> None:
    """List the account's activations, newest first, with their codes."""
    since = datetime.now(UTC) - timedelta(days=days)
    with io.session(url, client_id, api_password, json_out) as otp:
        got = otp.history(since=since, limit=limit, offset=offset)
    if json_out:
        io.print_json([_entry_json(h) for h in got])
        return
    io.print_table(
        "activations",
        ["created (UTC)", "number", "service", "state", "codes", "id"],
        [
            (
                h.created_at.strftime("%Y-%m-%d %H:%M:%S"),
                h.phone,
                h.service,
                h.state,
                ", ".join(m.code for m in h.sms if m.code),
                h.id,
            )
            for h in got
        ],
    )


def reuse(
    activation_id: Annotated[
        str, typer.Argument(metavar="ID", help="An earlier activation that got an SMS.")
    ],
    url: Url = io.DEFAULT_URL,
    client_id: UserId = None,
    api_password: Password = None,
    json_out: JsonOut = False,
) -> None:
    """Lease that activation's number again for the same service (pays today's price)."""
    with io.session(url, client_id, api_password, json_out) as otp:
        act = otp.reuse(activation_id)
    if json_out:
        io.print_json({"activationId": act.id, "number": act.number, "amount": act.amount})
    else:
        io.console.print(
            f"[bold]{act.phone}[/]  activation {act.id}  charged {act.amount}", highlight=False
        )
