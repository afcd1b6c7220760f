"""The SQL of the price list."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from otpvirt.db import Conn


@dataclass(frozen=True, slots=True)
class ListedPrice:
    """A price by country name and service code."""

    country: str
    service: str
    currency: str
    amount: int


async def amount(conn: Conn, country_id: int, service_id: int, currency: str) -> int | None:
    """The price of a service in a country, or None where it is not sold."""
    found = await conn.fetchval(
        "SELECT amount FROM prices WHERE country_id = :c AND service_id = :s AND currency = :cur",
        {"c": country_id, "s": service_id, "cur": currency},
    )
    return None if found is None else int(found)


async def upsert(
    conn: Conn, country_id: int, service_id: int, currency: str, amount: int, now: int
) -> None:
    """Insert or replace a price."""
    await conn.execute(
        "INSERT INTO prices (country_id, service_id, currency, amount, updated_at) "
        "VALUES (:c, :s, :cur, :a, :t) "
        "ON CONFLICT (country_id, service_id, currency) "
        "DO UPDATE SET amount = excluded.amount, updated_at = excluded.updated_at",
        {"c": country_id, "s": service_id, "cur": currency, "a": amount, "t": now},
    )


async def delete(conn: Conn, country_id: int, service_id: int, currency: str) -> bool:
    """Remove a price; False if there was none."""
    return bool(
        await conn.execute(
            "DELETE FROM prices WHERE country_id = :c AND service_id = :s AND currency = :cur",
            {"c": country_id, "s": service_id, "cur": currency},
        )
    )


async def listed(conn: Conn, currency: str | None) -> list[ListedPrice]:
    """Every price (in one currency if given), by country then service."""
    sql = (
        "SELECT c.name, s.code, p.currency, p.amount FROM prices p "
        "JOIN countries c ON c.id = p.country_id JOIN services s ON s.id = p.service_id"
    )
    params: dict[str, Any] = {}
    if currency:
        sql += " WHERE p.currency = :cur"
        params["cur"] = currency
    sql += " ORDER BY c.id, s.id, p.currency"
    return await conn.fetch_all_as(ListedPrice, sql, params)
