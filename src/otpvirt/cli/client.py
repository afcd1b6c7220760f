"""`otpvirt client ...`: use an OTP-virt service from the shell, through the Python SDK."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

import typer

from otpvirt.cli import client_history, client_rent
from otpvirt.cli import client_io as io
from otpvirt.cli.client_io import JsonOut, Password, Url, UserId
from otpvirt.cli.client_wait import wait_and_finish
from otpvirt.client import Activation, Sms

app = typer.Typer(
    help="Use an OTP-virt service: balance, prices, numbers, SMS.\n\n"
    "Credentials: --client-id / --api-password or OTPVIRT_CLIENT_ID / OTPVIRT_API_PASSWORD "
    "(else the demo client of ./otpvirt-data); service URL: --url or OTPVIRT_URL "
    f"(default {io.DEFAULT_URL}).\n\n{io.EXIT_CODES_HELP}",
    no_args_is_help=True,
)


def _sms_json(sms: Sms) -> dict[str, object]:
    return {
        "id": sms.id,
        "sender": sms.sender,
        "phone": sms.phone,
        "text": sms.text,
        "code": sms.code,
    }


def _activation_json(act: Activation) -> dict[str, object]:
    return {"activationId": act.id, "number": act.number, "amount": act.amount}


@app.command("balance", epilog=io.EXIT_CODES_HELP)
def balance(
    url: Url = io.DEFAULT_URL,
    client_id: UserId = None,
    api_password: Password = None,
    json_out: JsonOut = False,
) -> None:
    """Print the account's balance."""
    with io.session(url, client_id, api_password, json_out) as otp:
        got = otp.get_balance()
    if json_out:
        io.print_json({"balance": got.amount, "currency": got.currency})
    else:
        io.console.print(f"{got.amount} {got.currency}", highlight=False)


@app.command("prices", epilog=io.EXIT_CODES_HELP)
def prices(
    country: Annotated[str | None, typer.Option(help="Only this country.")] = None,
    service: Annotated[str | None, typer.Option(help="Only this service code.")] = None,
    url: Url = io.DEFAULT_URL,
    client_id: UserId = None,
    api_password: Password = None,
    json_out: JsonOut = False,
) -> None:
    """Print the price list (a table), optionally for one country and/or service."""
    with io.session(url, client_id, api_password, json_out) as otp:
        got = otp.get_prices()
    rows = got.filter(country=country, service=service)
    if json_out:
        io.print_json(
            {
                "currency": got.currency,
                "prices": [
                    {"country": p.country, "service": p.service, "price": p.amount} for p in rows
                ],
            }
        )
        return
    io.print_table(
        "prices",
        ["country", "service", f"price ({got.currency})"],
        [(p.country, p.service, p.amount) for p in rows],
    )


@app.command("count", epilog=io.EXIT_CODES_HELP)
def count(
    service: Annotated[str, typer.Argument(help="Service code, e.g. vi.")],
    country: Annotated[str, typer.Argument(help="Country, e.g. tajikistan.")],
    provider: Annotated[str, typer.Argument(help="Operator, or any.")] = "any",
    url: Url = io.DEFAULT_URL,
    client_id: UserId = None,
    api_password: Password = None,
    json_out: JsonOut = False,
) -> None:
    """How many numbers could be leased right now."""
    with io.session(url, client_id, api_password, json_out) as otp:
        n = otp.get_numbers_count(service, country, provider)
    if json_out:
        io.print_json({"service": service, "country": country, "provider": provider, "count": n})
    else:
        io.console.print(str(n), highlight=False)


@app.command("number", epilog=io.EXIT_CODES_HELP)
def number(
    service: Annotated[str, typer.Argument(help="Service code, e.g. vi (Viber).")],
    country: Annotated[
        str | None, typer.Option(help="Country (default: the cheapest offering it).")
    ] = None,
    provider: Annotated[str | None, typer.Option(help="Operator (default: any).")] = None,
    wait: Annotated[
        bool,
        typer.Option(
            "--wait",
            help="Wait for the SMS, print its code, then confirm; on timeout or Ctrl-C "
            "cancel the lease so the price is refunded.",
        ),
    ] = False,
    timeout: Annotated[
        float, typer.Option(help="Seconds to wait for the SMS with --wait.", min=0)
    ] = 300.0,
    url: Url = io.DEFAULT_URL,
    client_id: UserId = None,
    api_password: Password = None,
    json_out: JsonOut = False,
) -> None:
    """Lease a number for SERVICE (and with --wait, receive the code)."""
    with io.session(url, client_id, api_password, json_out) as otp:
        act = otp.get_number(service, country=country, provider=provider)
        if not wait:
            if json_out:
                io.print_json(_activation_json(act))
            else:
                io.console.print(
                    f"[bold]{act.phone}[/]  activation {act.id}  charged {act.amount}",
                    highlight=False,
                )
            return
        outcome = wait_and_finish(otp, act, service, timeout=timeout, json_out=json_out)
    if json_out:
        io.print_json(
            {
                **_activation_json(act),
                "status": outcome.status,
                "code": outcome.code,
                "sms": [_sms_json(s) for s in outcome.sms],
                "refunded": act.amount if outcome.refunded else Decimal(0),
            }
        )
    raise typer.Exit(outcome.exit_code)


@app.command("sms", epilog=io.EXIT_CODES_HELP)
def sms(
    activation_id: Annotated[str, typer.Argument(metavar="ID", help="Activation id.")],
    url: Url = io.DEFAULT_URL,
    client_id: UserId = None,
    api_password: Password = None,
    json_out: JsonOut = False,
) -> None:
    """Print the SMS received for an activation so far."""
    with io.session(url, client_id, api_password, json_out) as otp:
        got = otp.get_sms(activation_id)
    if json_out:
        io.print_json([_sms_json(s) for s in got])
        return
    io.print_table("SMS yet", ["from", "code", "text"], [(s.sender, s.code, s.text) for s in got])


@app.command("confirm", epilog=io.EXIT_CODES_HELP)
def confirm(
    activation_id: Annotated[str, typer.Argument(metavar="ID", help="Activation id.")],
    url: Url = io.DEFAULT_URL,
    client_id: UserId = None,
    api_password: Password = None,
    json_out: JsonOut = False,
) -> None:
    """End a lease; the charge stands."""
    with io.session(url, client_id, api_password, json_out) as otp:
        otp.confirm(activation_id)
    if json_out:
        io.print_json({"activationId": activation_id, "status": "confirmed"})
    else:
        io.console.print(f"activation {activation_id} confirmed", highlight=False)


@app.command("cancel", epilog=io.EXIT_CODES_HELP)
def cancel(
    activation_id: Annotated[str, typer.Argument(metavar="ID", help="Activation id.")],
    url: Url = io.DEFAULT_URL,
    client_id: UserId = None,
    api_password: Password = None,
    json_out: JsonOut = False,
) -> None:
    """End a lease and get the price back (refused once an SMS came: exit 4)."""
    with io.session(url, client_id, api_password, json_out) as otp:
        otp.cancel(activation_id)
    if json_out:
        io.print_json({"activationId": activation_id, "status": "cancelled"})
    else:
        io.console.print(f"activation {activation_id} cancelled and refunded", highlight=False)


client_rent.register(app)
app.command("history", epilog=io.EXIT_CODES_HELP)(client_history.history)
app.command("reuse", epilog=io.EXIT_CODES_HELP)(client_history.reuse)
