"""Plumbing of `otpvirt client`: options, credentials, output, exit codes."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.table import Table

from otpvirt.client import (
    Client,
    InvalidRequestError,
    NoNumbersError,
    OtpVirtError,
    ServerError,
    SmsAlreadyReceivedError,
    TransportError,
    WaitTimeout,
)

DEFAULT_URL = "http://127.0.0.1:8080"

EXIT_OK = 0
EXIT_API_ERROR = 1
EXIT_USAGE = 2
EXIT_NO_NUMBERS = 3
EXIT_SMS_RECEIVED = 4
EXIT_WAIT_TIMEOUT = 5
EXIT_TRANSPORT = 6
EXIT_INTERRUPTED = 130
EXIT_CODES_HELP = (
    "Exit codes: 0 success; 1 API error (invalid request, bad credentials, insufficient "
    "balance...); 2 usage error; 3 no numbers available; 4 SMS already received (cannot "
    "cancel); 5 no SMS in time (lease cancelled, refunded); 6 connection or server error; "
    "130 interrupted (lease cancelled, refunded)."
)

console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)

Url = Annotated[
    str,
    typer.Option("--url", envvar="OTPVIRT_URL", show_envvar=True, help="The service's URL."),
]
UserId = Annotated[
    str | None,
    typer.Option(
        "--client-id", envvar="OTPVIRT_CLIENT_ID", show_envvar=True, help="Your client id."
    ),
]
Password = Annotated[
    str | None,
    typer.Option(
        "--api-password",
        envvar="OTPVIRT_API_PASSWORD",
        show_envvar=True,
        help="Your API password.",
    ),
]
JsonOut = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]


def exit_code(exc: OtpVirtError) -> int:
    """The documented exit code for an SDK error."""
    codes: list[tuple[type[OtpVirtError], int]] = [
        (NoNumbersError, EXIT_NO_NUMBERS),
        (SmsAlreadyReceivedError, EXIT_SMS_RECEIVED),
        (WaitTimeout, EXIT_WAIT_TIMEOUT),
        (TransportError, EXIT_TRANSPORT),
        (ServerError, EXIT_TRANSPORT),
        (InvalidRequestError, EXIT_API_ERROR),
    ]
    return next((code for cls, code in codes if isinstance(exc, cls)), EXIT_API_ERROR)


def fail(message: str, code: int, *, json_out: bool = False, reason: str | None = None) -> NoReturn:
    """One error line on stderr (and a JSON error object on stdout with --json); exit."""
    if json_out:
        print_json({"error": {"reason": reason, "message": message, "exitCode": code}})
    err_console.print(f"[bold red]error:[/] {message}", soft_wrap=True)
    raise typer.Exit(code)


def note(message: str) -> None:
    """A remark for the person at the terminal (stderr, so stdout stays clean)."""
    err_console.print(f"[dim]{message}[/]", soft_wrap=True)


def _demo_credentials() -> tuple[str, str] | None:
    # `make run` keeps the demo client's credentials here; handy on a developer's machine.
    path = Path(os.environ.get("OTPVIRT_DATA_DIR") or "otpvirt-data") / "demo-client.json"
    try:
        saved = json.loads(path.read_text())
        found = (str(saved["clientId"]), str(saved["apiPassword"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    note(f"using the demo client from {path}")
    return found


def credentials(client_id: str | None, api_password: str | None) -> tuple[str, str]:
    """The client id and password from flags/environment, else the local demo client's."""
    if client_id and api_password:
        return client_id, api_password
    if not client_id and not api_password:
        demo = _demo_credentials()
        if demo:
            return demo
    missing = "--client-id (OTPVIRT_CLIENT_ID)" if not client_id else ""
    if not api_password:
        missing += (" and " if missing else "") + "--api-password (OTPVIRT_API_PASSWORD)"
    fail(f"missing {missing}", EXIT_USAGE)


@contextmanager
def session(
    url: str, client_id: str | None, api_password: str | None, json_out: bool
) -> Iterator[Client]:
    """A `Client` whose errors become one line and the documented exit code."""
    cid, password = credentials(client_id, api_password)
    try:
        with Client(url, cid, password) as otp:
            yield otp
    except OtpVirtError as exc:
        fail(exc.message, exit_code(exc), json_out=json_out, reason=exc.reason)
    except KeyboardInterrupt:
        fail("interrupted", EXIT_INTERRUPTED, json_out=json_out, reason="interrupted")


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)  # exact, as the server printed it
    raise TypeError(f"cannot serialise {type(value).__name__}")


def print_json(data: Any) -> None:
    """Machine-readable output on stdout (amounts as exact decimal strings)."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=_plain) + "\n")
    sys.stdout.flush()


def print_table(title: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """A Rich table; an empty one says so."""
    if not rows:
        console.print(f"[dim]no {title}[/]")
        return
    table = Table(show_lines=False)
    for col in columns:
        table.add_column(col)
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row))
    console.print(table)
