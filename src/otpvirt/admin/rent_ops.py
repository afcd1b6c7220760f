"""Operator actions on rentals and rent prices, each audited (CLI, admin API)."""

from __future__ import annotations

from typing import Any

from otpvirt.admin.audit import Actor
from otpvirt.admin.client_ops import audited
from otpvirt.clock import now_ms
from otpvirt.db import Conn
from otpvirt.errors import ValidationFailed
from otpvirt.money import currency, format_amount, parse_amount
from otpvirt.rental import service as rentals
from otpvirt.runtime import Runtime


async def set_rent_price(
    rt: Runtime, actor: Actor, country: str, service: str, per_hour: str, currency_code: str
) -> dict[str, Any]:
    """Set the hourly rent price of a service (or `full`, any service) in a country."""
    cur = currency(currency_code.strip().upper())
    amount = parse_amount(per_hour, cur)
    found = await rt.catalogue.country(country)
    code = service.strip().lower()
    if code != rentals.FULL:
        code = (await rt.catalogue.service(code)).code

    async def work(conn: Conn) -> tuple[dict[str, Any], Any, Any]:
        await rentals.set_price(conn, found.id, code, cur.code, amount, now_ms())
        out = {
            "country": found.name,
            "service": code,
            "perHour": format_amount(amount, cur),
            "currency": cur.code,
        }
        return out, None, out

    return await audited(rt, actor, "rent_price.set", f"{found.name}/{code}", work)


async def finish_rental(rt: Runtime, actor: Actor, rental_id: int) -> rentals.Rental:
    """End a live rental now, without a refund (as the client's finish)."""

    async def work(conn: Conn) -> tuple[rentals.Rental, Any, Any]:
        done = await rentals.finish(conn, None, now=now_ms(), rental_id=rental_id)
        return done, {"state": rentals.ACTIVE}, {"state": done.state}

    if rental_id <= 0:
        raise ValidationFailed("a rental id is a positive integer")
    done = await audited(rt, actor, "rental.finish", str(rental_id), work)
    rt.notify("webhook")  # rent.finished, if subscribed
    return done
