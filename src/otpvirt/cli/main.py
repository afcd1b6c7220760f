"""The `otpvirt` command.

Each noun's module is imported only when that command runs: `otpvirt client balance`
does not load Alembic, the code parser or the web app. The listing in `otpvirt --help`
comes from COMMANDS (tests/cli/test_main.py checks it matches the modules' own help).
"""

from __future__ import annotations

import importlib
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

from otpvirt import __version__

# name -> (module in otpvirt.cli, attribute: a Typer app or a command function, help line)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "serve": (
        "serve",
        "serve",
        "Run the API server (and, unless --no-worker, the background work).",
    ),
    "worker": (
        "serve",
        "worker",
        "Run only the background work (for deployments that separate it from serve).",
    ),
    "doctor": (
        "doctor",
        "doctor",
        "Check every invariant (money, leases, SMS); exit 1 on any violation.",
    ),
    "smpp": (
        "smpp",
        "smpp",
        "Receive SMS over SMPP (deliver_sm) and store each before answering the SMSC.",
    ),
    "version": ("main", "version", "Print the version."),
    "db": ("db", "app", "Database schema."),
    "catalogue": ("catalogue", "app", "Countries, operators (providers) and services."),
    "clients": ("clients", "app", "Client accounts."),
    "numbers": ("numbers", "app", "The pool of phone numbers."),
    "rentals": ("rentals", "app", "Numbers rented for hours."),
    "prices": ("prices", "app", "What each service costs in each country."),
    "sms": ("sms", "app", "Incoming SMS."),
    "sources": (
        "sources",
        "app",
        "SMS sources: gateways, Android phones, modems, SMSCs, Jasmin, SMSHub agents, "
        "upstream providers, the simulator.",
    ),
    "ingest": ("ingest", "app", "Adapters run by SMS peers (e.g. gammu-smsd RunOnReceive)."),
    "code": ("code", "app", "The one-time-code parser."),
    "client": ("client", "app", "Use an OTP-virt service: balance, prices, numbers, SMS."),
    "webhooks": ("webhooks", "app", "Webhook deliveries (automatic SMS receipt)."),
    "activations": ("activations", "app", "Activations (leases) of every client."),
    "admin": ("admin", "app", "Operators: admin tokens, console users, audit log."),
}


def load_command(name: str) -> Any:
    """The real (click) command of COMMANDS[name]; imports its module."""
    module_name, attr, _ = COMMANDS[name]
    target = getattr(importlib.import_module(f"otpvirt.cli.{module_name}"), attr)
    # Built as a part of a parent app, so it is exactly what add_typer/command would add.
    parent = typer.Typer(add_completion=False)
    if isinstance(target, typer.Typer):
        parent.add_typer(target, name=name)
        return typer.main.get_command(parent).commands[name]  # type: ignore[attr-defined]
    parent.command(name)(target)
    return typer.main.get_command(parent)  # one command: Typer returns it alone


class LazyGroup(TyperGroup):
    """Lists every command from COMMANDS; imports one only to run (or fully describe) it."""

    # Typer's click contexts and commands are typed by a module of its own that is
    # private: Any stands for them here.
    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name in self.commands or cmd_name not in COMMANDS:
            return super().get_command(ctx, cmd_name)  # loaded, or None
        # A stand-in for listings (`otpvirt --help`, completion); resolve_command loads.
        return TyperCommand(cmd_name, help=COMMANDS[cmd_name][2])

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        name = args[0] if args else ""
        if name in COMMANDS and name not in self.commands:
            self.add_command(load_command(name), name)
        return super().resolve_command(ctx, args)


app = typer.Typer(
    cls=LazyGroup,
    help="otpvirt: rent phone numbers for receiving one-time codes by SMS.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root() -> None:
    pass  # a callback makes Typer build a group, whatever COMMANDS holds


def version() -> None:
    """Print the version."""
    typer.echo(__version__)


def main() -> None:
    """Entry point of the `otpvirt` script."""
    app()
