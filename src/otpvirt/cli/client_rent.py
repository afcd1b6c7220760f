"""`otpvirt client rent|rent-sms|prolong-rent|finish-rent|cancel-rent`: rentals from the shell."""

from __future__ import annotations

from typing import Annotated

import typer

from otpvirt.cli import client_io as io
from otpvirt.cli.client_io import JsonOut, Password, Url, UserId
from otpvirt.client import Rental

RentId = Annotated[str, typer.Argument(metavar="RENT_ID", help="Rental id.")]


def _rental_json(r: Rental) -> dict[str, object]:
    return {"rentId": r.id, "number": r.number, "endsAt": r.ends_at.isoformat(), "amount": r.amount}


def rent(
    service: Annotated[str, typer.Argument(help="Service code, or `full` for any service.")],
    hours: Annotated[int, typer.Argument(help="Whole hours, 4 to 1344.")],
    country: Annotated[str | None, typer.Option(help="Country name.")] = None,
    provider: Annotated[str | None, typer.Option(help="Operator name.")] = None,
    url: Url = io.DEFAULT_URL,
    client_id: UserId = None,
    api_password: Password = None,
    json_out: JsonOut = False,
) -> None:
    """Rent a number for whole hours and pay for them."""
    with io.session(url, client_id, api_password, json_out) as otp:
        got = otp.rent_number(service, hours, country=country, provider=provider)
    if json_out:
        io.print_json(_rental_json(got))
    else:
        io.console.print(
            f"{got.phone} until {got.ends_at:%Y-%m-%d %H:%M} UTC for {got.amount} "
            f"(rental {got.id})",
            highlight=False,
        )


def rent_sms(
    rent_id: RentId,
    url: Url = io.DEFAULT_URL,
    client_id: UserId = None,
    api_password: Password = None,
    json_out: JsonOut = False,
) -> None:
    """Print the SMS a rented number received so far."""
    with io.session(url, client_id, api_password, json_out) as otp:
        got = otp.rent_sms(rent_id)
    if json_out:
        io.print_json([{"sender": s.sender, "code": s.code, "text": s.text} for s in got])
        return
    io.print_table("SMS yet", ["from", "code", "text"], [(s.sender, s.code, s.text) for s in got])


def prolong_rent(
    rent_id: RentId,
    hours: Annotated[int, typer.Argument(help="Whole hours to add, 4 to 1344.")],
    url: Url = io.DEFAULT_URL,
    client_id: UserId = None,
    api_password: Password = None,
    json_out: JsonOut = False,
) -> None:
    """Extend a rental and pay for the added hours."""
    with io.session(url, client_id, api_password, json_out) as otp:
        got = otp.prolong_rent(rent_id, hours)
    if json_out:
        io.print_json({"rentId": rent_id, "endsAt": got.ends_at.isoformat(), "amount": got.amount})
    else:
        io.console.print(f"until {got.ends_at:%Y-%m-%d %H:%M} UTC for {got.amount}")


def finish_rent(
    rent_id: RentId,
    url: Url = io.DEFAULT_URL,
    client_id: UserId = None,
    api_password: Password = None,
    json_out: JsonOut = False,
) -> None:
    """End a rental now; no refund."""
    with io.session(url, client_id, api_password, json_out) as otp:
        otp.finish_rent(rent_id)
    if json_out:
        io.print_json({"rentId": rent_id, "status": "finished"})
    else:
        io.console.print(f"rental {rent_id} finished", highlight=False)


def cancel_rent(
    rent_id: RentId,
    url: Url = io.DEFAULT_URL,
    client_id: UserId = None,
    api_password: Password = None,
    json_out: JsonOut = False,
) -> None:
    """End a rental with a full refund (within 20 minutes, before any SMS: else exit 4/3)."""
    with io.session(url, client_id, api_password, json_out) as otp:
        otp.cancel_rent(rent_id)
    if json_out:
        io.print_json({"rentId": rent_id, "status": "cancelled"})
    else:
        io.console.print(f"rental {rent_id} cancelled and refunded", highlight=False)


def register(app: typer.Typer) -> None:
    """Add the rental commands to `otpvirt client`."""
    for name, fn in (
        ("rent", rent),
        ("rent-sms", rent_sms),
        ("prolong-rent", prolong_rent),
        ("finish-rent", finish_rent),
        ("cancel-rent", cancel_rent),
    ):
        app.command(name, epilog=io.EXIT_CODES_HELP)(fn)
