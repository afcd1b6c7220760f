"""`otpvirt code parse`: what code the parser reads from a message."""

from __future__ import annotations

from typing import Annotated

import typer

from otpvirt.otp import extract_code

app = typer.Typer(help="The one-time-code parser.", no_args_is_help=True)


@app.command("parse")
def parse(
    text: Annotated[str, typer.Argument(help="The SMS text (quote it).")],
    sender: Annotated[str | None, typer.Option(help="Sender name or number.")] = None,
    service: Annotated[str | None, typer.Option(help="Service code, e.g. vi or wa.")] = None,
) -> None:
    """Print the code in TEXT; print nothing and exit 1 when there is none."""
    code = extract_code(text, sender=sender, service=service)
    if code is None:
        raise typer.Exit(1)
    typer.echo(code)
