"""Operator actions on the pool, prices, catalogue, sources, webhooks and leases, audited.

Like `client_ops`, shared by the CLI, the admin API and the console.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from otpvirt.activation import operator as activations
from otpvirt.admin import audit
from otpvirt.admin.audit import Actor
from otpvirt.admin.client_ops import audited
from otpvirt.catalogue import service as catalogue
from otpvirt.clock import now_ms
from otpvirt.db import Conn
from otpvirt.inventory import service as inventory
from otpvirt.pricing import service as pricing
from otpvirt.runtime import Runtime
from otpvirt.sources import service as sources
from otpvirt.supply import stock
from otpvirt.webhook import service as webhooks


async def import_numbers(
    rt: Runtime,
    actor: Actor,
    rows: Iterable[tuple[int, dict[str, str]]],
    *,
    progress: Callable[[int], None] | None = None,
    filename: str | None = None,
) -> inventory.ImportReport:
    """Import numbers (committed per chunk); the summary is audited at the end."""
    snap = await rt.catalogue.get()
    report = await inventory.import_numbers(rt.db, snap, rows, progress=progress)
    rt.counts.clear()
    summary = {
        "added": report.added,
        "skipped": len(report.skipped),
        "invalid": len(report.invalid),
    }
    async with rt.db.transaction() as conn:
        await audit.record(conn, actor, "numbers.import", filename, None, summary)
    return report


async def set_number_enabled(rt: Runtime, actor: Actor, number: str, enabled: bool) -> None:
    """Take a number out of the pool, or put it back."""
    phone = inventory.normalize_phone(number)

    async def work(conn: Conn) -> tuple[None, Any, Any]:
        before = await conn.fetchval("SELECT enabled FROM numbers WHERE phone = :p", {"p": phone})
        await inventory.set_number_enabled(conn, str(phone), enabled)
        return None, {"enabled": None if before is None else bool(before)}, {"enabled": enabled}

    await audited(rt, actor, "number.enable" if enabled else "number.disable", str(phone), work)
    rt.counts.clear()


async def _price(conn: Conn, country: str, service: str, cur: str) -> str | None:
    for row in await pricing.list_prices(conn, currency_code=cur):
        if row["country"] == country.strip().lower() and row["service"] == service.strip().lower():
            return str(row["price"])
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
) -> dict[str, Any]:
    """Set the price of a service in a country (a price of 0 only with `free`)."""

    async def work(conn: Conn) -> tuple[dict[str, Any], Any, Any]:
        before = await _price(conn, country, service, currency_code)
        out = await pricing.set_price(conn, country, service, price, currency_code, free=free)
        return out, {"price": before}, {"price": out["price"], "currency": out["currency"]}

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


async def add_country(rt: Runtime, actor: Actor, name: str, **kw: Any) -> dict[str, Any]:
    """Add a country (`calling_code`, `title`, `iso2`, `smsactivate_id`)."""

    async def work(conn: Conn) -> tuple[dict[str, Any], Any, Any]:
        out = await catalogue.add_country(conn, name, **kw)
        return out, None, {**kw, "name": out["name"]}

    out = await audited(rt, actor, "catalogue.add_country", name.strip().lower(), work)
    rt.catalogue.invalidate()
    return out


async def add_provider(
    rt: Runtime, actor: Actor, country: str, name: str, title: str | None = None
) -> dict[str, Any]:
    """Add an operator to a country."""

    async def work(conn: Conn) -> tuple[dict[str, Any], Any, Any]:
        out = await catalogue.add_provider(conn, country, name, title=title)
        return out, None, out

    out = await audited(rt, actor, "catalogue.add_provider", f"{country}/{name}", work)
    rt.catalogue.invalidate()
    return out


async def add_service(rt: Runtime, actor: Actor, code: str, name: str) -> dict[str, Any]:
    """Add a service."""

    async def work(conn: Conn) -> tuple[dict[str, Any], Any, Any]:
        out = await catalogue.add_service(conn, code, name)
        return out, None, out

    out = await audited(rt, actor, "catalogue.add_service", code.strip().lower(), work)
    rt.catalogue.invalidate()
    return out


async def set_smsactivate_id(
    rt: Runtime, actor: Actor, country: str, smsactivate_id: int | None
) -> None:
    """Set or clear a country's sms-activate id."""

    async def work(conn: Conn) -> tuple[None, Any, Any]:
        before = await conn.fetchval(
            "SELECT smsactivate_id FROM countries WHERE name = :n", {"n": country.strip().lower()}
        )
        await catalogue.set_smsactivate_id(conn, country, smsactivate_id)
        return None, {"smsactivateId": before}, {"smsactivateId": smsactivate_id}

    await audited(rt, actor, "catalogue.smsactivate_id", country.strip().lower(), work)
    rt.catalogue.invalidate()


async def create_source(
    rt: Runtime, actor: Actor, name: str, **kw: Any
) -> tuple[sources.SourceInfo, str]:
    """Create a source; the token is in the answer only."""

    async def work(conn: Conn) -> tuple[tuple[sources.SourceInfo, str], Any, Any]:
        info, token = await sources.create_source(conn, name, **kw)
        return (info, token), None, {"kind": info.kind}

    return await audited(rt, actor, "source.create", name, work)


async def rotate_source_token(rt: Runtime, actor: Actor, name: str) -> str:
    """A new token for a source (the old one stops)."""

    async def work(conn: Conn) -> tuple[str, Any, Any]:
        return await sources.rotate_token(conn, name), None, {"token": "rotated"}

    return await audited(rt, actor, "source.rotate_token", name, work)


async def set_source_enabled(rt: Runtime, actor: Actor, name: str, enabled: bool) -> None:
    """Disable or re-enable a source (and so its numbers)."""

    async def work(conn: Conn) -> tuple[None, Any, Any]:
        before = (await sources.get_source(conn, name)).enabled
        await sources.set_enabled(conn, name, enabled)
        return None, {"enabled": before}, {"enabled": enabled}

    await audited(rt, actor, "source.enable" if enabled else "source.disable", name, work)
    rt.counts.clear()


async def set_supplier_priority(rt: Runtime, actor: Actor, name: str, priority: int) -> None:
    """Set the order in which an on-demand supplier is asked (lower first)."""

    async def work(conn: Conn) -> tuple[None, Any, Any]:
        before = await stock.set_priority(conn, name, priority)
        return None, {"priority": before}, {"priority": priority}

    await audited(rt, actor, "source.priority", name, work)


async def map_device(
    rt: Runtime, actor: Actor, name: str, device: str, number: str, sim: int | None = None
) -> dict[str, Any]:
    """Say which number a device (or SIM) of a source is."""

    async def work(conn: Conn) -> tuple[dict[str, Any], Any, Any]:
        out = await sources.map_device(conn, name, device, number, sim=sim)
        return out, None, out

    return await audited(rt, actor, "source.map", name, work)


async def redeliver_webhook(rt: Runtime, actor: Actor, message_id: str) -> dict[str, Any]:
    """Send a webhook delivery again now."""

    async def work(conn: Conn) -> tuple[dict[str, Any], Any, Any]:
        out = await webhooks.redeliver(conn, message_id, now_ms())
        return out, None, {"state": out["state"]}

    out = await audited(rt, actor, "webhook.redeliver", message_id.strip(), work)
    rt.notify("webhook")
    return out


async def force_cancel(rt: Runtime, actor: Actor, guid: str) -> dict[str, Any]:
    """Cancel any client's waiting activation and refund it."""

    async def work(conn: Conn) -> tuple[dict[str, Any], Any, Any]:
        out = await activations.force_cancel(conn, guid)
        return out, {"state": "waiting"}, {"state": out["state"], "refunded": out["refunded"]}

    result = await audited(rt, actor, "activation.cancel", guid.strip().lower(), work)
    rt.counts.clear()
    return result
