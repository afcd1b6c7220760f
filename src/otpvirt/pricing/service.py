"""Setting, importing and listing prices."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from otpvirt.catalogue import repository as catalogue
from otpvirt.clock import now_ms
from otpvirt.db import Conn
from otpvirt.errors import OtpVirtError, ValidationFailed
from otpvirt.money import currency, parse_amount
from otpvirt.pricing import repository as repo
from otpvirt.pricing.repository import ListedPrice


async def _ids(conn: Conn, country: str, service: str) -> tuple[int, int]:
    cid = await catalogue.country_id(conn, country.strip().lower())
    if cid is None:
        raise ValidationFailed(f"unknown country {country!r}", reason="unknown_country")
    sid = await catalogue.service_id(conn, service.strip().lower())
    if sid is None:
        raise ValidationFailed(f"unknown service {service!r}", reason="unknown_service")
    return cid, sid


class FreePrice(ValidationFailed):
    """A price of 0 gives numbers away: only when the operator says so."""

    reason = "free_price"


async def set_price(
    conn: Conn,
    country: str,
    service: str,
    price: str,
    currency_code: str = "USD",
    *,
    free: bool = False,
) -> ListedPrice:
    """Set (insert or replace) the price of a service in a country (0 only when `free`)."""
    cur = currency(currency_code)
    amount = parse_amount(price, cur)
    if amount == 0 and not free:
        raise FreePrice(
            f"a price of {price.strip()} gives {service.strip()} numbers away: "
            'say so explicitly (--free, `"free": true`, or tick "free")'
        )
    cid, sid = await _ids(conn, country, service)
    await repo.upsert(conn, cid, sid, cur.code, amount, now_ms())
    return ListedPrice(country.strip().lower(), service.strip().lower(), cur.code, amount)


async def remove_price(conn: Conn, country: str, service: str, currency_code: str) -> bool:
    """Stop offering a service in a country in one currency."""
    cur = currency(currency_code)
    cid, sid = await _ids(conn, country, service)
    return await repo.delete(conn, cid, sid, cur.code)


@dataclass
class ImportReport:
    """What a CSV import did, row by row."""

    set: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)


async def import_prices(conn: Conn, text: str, *, free: bool = False) -> ImportReport:
    """Import `country,service,price[,currency]` rows (header required; 0 only when `free`)."""
    report = ImportReport()
    reader = csv.DictReader(io.StringIO(text))
    needed = {"country", "service", "price"}
    if reader.fieldnames is None or not needed <= {f.strip().lower() for f in reader.fieldnames}:
        raise ValidationFailed("the CSV header must name country,service,price[,currency]")
    for line, raw in enumerate(reader, start=2):
        if None in raw:
            # More fields than the header names: typically "1,000" written unquoted.
            report.errors.append((line, "more fields than the header (no ',' in prices)"))
            continue
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items()}
        try:
            await set_price(
                conn,
                row["country"],
                row["service"],
                row["price"],
                row.get("currency") or "USD",
                free=free,
            )
            report.set += 1
        except OtpVirtError as exc:
            report.errors.append((line, exc.message))
    return report


async def list_prices(conn: Conn, *, currency_code: str | None = None) -> list[ListedPrice]:
    """Every price, ordered by country then service."""
    code = currency(currency_code).code if currency_code else None
    return await repo.listed(conn, code)
