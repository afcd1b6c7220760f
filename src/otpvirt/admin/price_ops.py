"""Operator actions on prices, each audited (CLI, admin API, console).

Like `client_ops`: each action runs its own transaction and writes its audit entry in it.
"""

from __future__ import annotations

from typing import Any

from otpvirt.admin.audit import Actor
from otpvirt.admin.client_ops import audited
from otpvirt.db import Conn
from otpvirt.pricing import service as pricing
from otpvirt.pricing.repository import ListedPrice
from otpvirt.pricing.schemas import PriceOut
from otpvirt.runtime import Runtime


async def _price(conn: Conn, country: str, service: str, cur: str) -> str | None:
    for row in await pricing.list_prices(conn, currency_code=cur):
        if row.country == country.strip().lower() and row.service == service.strip().lower():
            return PriceOut.of(row).price
    return None


async def set_price(
    rt: Runtime,
    actor: Actor,
    country: str,
    service: str,
    price: str,
    currency_code: str = "USD",
    *,
    free: bool = False,
) -> ListedPrice:
    """Set the price of a service in a country (a price of 0 only with `free`)."""

    async def work(conn: Conn) -> tuple[ListedPrice, Any, Any]:
        before = await _price(conn, country, service, currency_code)
        out = await pricing.set_price(conn, country, service, price, currency_code, free=free)
        return out, {"price": before}, {"price": PriceOut.of(out).price, "currency": out.currency}

    out = await audited(rt, actor, "price.set", f"{country}/{service}", work)
    rt.catalogue.invalidate()
    return out


async def remove_price(
    rt: Runtime, actor: Actor, country: str, service: str, currency_code: str = "USD"
) -> bool:
    """Stop offering a service in a country (in one currency)."""

    async def work(conn: Conn) -> tuple[bool, Any, Any]:
        before = await _price(conn, country, service, currency_code)
        done = await pricing.remove_price(conn, country, service, currency_code)
        return done, {"price": before, "currency": currency_code}, None

    done = await audited(rt, actor, "price.remove", f"{country}/{service}", work)
    rt.catalogue.invalidate()
    return done


async def import_prices(
    rt: Runtime, actor: Actor, text: str, *, free: bool = False
) -> pricing.ImportReport:
    """Import a `country,service,price[,currency]` CSV in one transaction."""

    async def work(conn: Conn) -> tuple[pricing.ImportReport, Any, Any]:
        report = await pricing.import_prices(conn, text, free=free)
        return report, None, {"set": report.set, "errors": len(report.errors)}

    report = await audited(rt, actor, "prices.import", None, work)
    rt.catalogue.invalidate()
    return report
