"""`otpvirt ingest ...`: programs that SMS peers run to hand us their messages."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import Annotated

import httpx
import typer

from otpvirt.gateway import gammu

app = typer.Typer(
    help="Adapters run by SMS peers (e.g. gammu-smsd RunOnReceive).", no_args_is_help=True
)

DEFAULT_SPOOL = Path.home() / ".cache" / "otpvirt" / "gammu-spool"


@app.command("gammu", context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def gammu_cmd(
    ctx: typer.Context,
    url: Annotated[
        str, typer.Option(envvar="OTPVIRT_URL", help="Base URL of the server.")
    ] = "http://127.0.0.1:8080",
    token: Annotated[
        str, typer.Option(envvar="OTPVIRT_SOURCE_TOKEN", help="The source's token.")
    ] = "",
    number: Annotated[
        str | None, typer.Option(help="This modem's number (else `sources map` its PhoneID).")
    ] = None,
    spool_dir: Annotated[
        Path, typer.Option("--spool", envvar="OTPVIRT_GAMMU_SPOOL", help="Where unsent SMS wait.")
    ] = DEFAULT_SPOOL,
) -> None:
    """RunOnReceive program for gammu-smsd: post the received SMS to the server.

    In /etc/gammu-smsdrc: `RunOnReceive = /path/to/otpvirt ingest gammu` with
    OTPVIRT_URL and OTPVIRT_SOURCE_TOKEN in the daemon's environment, and `PhoneID`
    set per modem (map it with `otpvirt sources map SOURCE PHONEID NUMBER`).
    """
    if not token:
        typer.echo("error: no source token (--token or OTPVIRT_SOURCE_TOKEN)", err=True)
        raise typer.Exit(2)
    item = gammu.item_from_env(os.environ, list(ctx.args), number=number)
    # Still unreachable? Then the current SMS joins the spool below.
    with contextlib.suppress(httpx.HTTPError, ValueError):
        gammu.flush(spool_dir, url, token)
    if item is None:
        typer.echo("binary SMS without text: ignored")
        return
    try:
        answer = gammu.post(url, token, [item])
    except (httpx.HTTPError, ValueError) as exc:
        path = gammu.spool(spool_dir, item)
        typer.echo(f"server unreachable ({exc}); kept in {path}", err=True)
        return
    result = answer.get("results", [{}])[0]
    if result.get("status") == "rejected":
        typer.echo(f"rejected: {result.get('reason')}: {result.get('message')}", err=True)
        sys.exit(1)
    typer.echo(f"{result.get('status')}: {result.get('smsId')}")
