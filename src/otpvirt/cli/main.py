"""The `otpvirt` command."""

from __future__ import annotations

import typer

from otpvirt import __version__
from otpvirt.cli import (
    activations,
    admin,
    catalogue,
    client,
    clients,
    code,
    db,
    doctor,
    ingest,
    numbers,
    prices,
    serve,
    smpp,
    sms,
    sources,
    webhooks,
)

app = typer.Typer(
    help="otpvirt: rent phone numbers for receiving one-time codes by SMS.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.command("serve")(serve.serve)
app.command("worker")(serve.worker)
app.command("doctor")(doctor.doctor)
app.command("smpp")(smpp.smpp)
app.add_typer(db.app, name="db")
app.add_typer(catalogue.app, name="catalogue")
app.add_typer(clients.app, name="clients")
app.add_typer(numbers.app, name="numbers")
app.add_typer(prices.app, name="prices")
app.add_typer(sms.app, name="sms")
app.add_typer(sources.app, name="sources")
app.add_typer(ingest.app, name="ingest")
app.add_typer(code.app, name="code")
app.add_typer(client.app, name="client")
app.add_typer(webhooks.app, name="webhooks")
app.add_typer(activations.app, name="activations")
app.add_typer(admin.app, name="admin")


@app.command("version")
def version() -> None:
    """Print the version."""
    typer.echo(__version__)


def main() -> None:
    """Entry point of the `otpvirt` script."""
    app()
