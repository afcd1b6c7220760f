"""The SQL of the catalogue: countries, their operators, services, and the price list."""

from __future__ import annotations

from dataclasses import dataclass

from otpvirt.db import Conn


@dataclass(frozen=True, slots=True)
class CountryRow:
    """A country as stored."""

    id: int
    name: str
    title: str
    calling_code: int
    iso2: str | None
    smsactivate_id: int | None
    enabled: bool


@dataclass(frozen=True, slots=True)
class ProviderRow:
    """An operator of a country."""

    id: int
    name: str
    title: str
    country_id: int


@dataclass(frozen=True, slots=True)
class ServiceRow:
    """A service as stored."""

    id: int
    code: str
    name: str
    enabled: bool


@dataclass(frozen=True, slots=True)
class PriceRow:
    """One price of the price list, by ids."""

    currency: str
    country_id: int
    service_id: int
    amount: int


async def countries(conn: Conn) -> list[CountryRow]:
    """Every country, by id."""
    return await conn.fetch_all_as(
        CountryRow,
        "SELECT id, name, title, calling_code, iso2, smsactivate_id, enabled "
        "FROM countries ORDER BY id",
    )


async def providers(conn: Conn) -> list[ProviderRow]:
    """Every operator, by id."""
    return await conn.fetch_all_as(
        ProviderRow, "SELECT id, name, title, country_id FROM providers ORDER BY id"
    )


async def services(conn: Conn) -> list[ServiceRow]:
    """Every service, by id."""
    return await conn.fetch_all_as(
        ServiceRow, "SELECT id, code, name, enabled FROM services ORDER BY id"
    )


async def prices(conn: Conn) -> list[PriceRow]:
    """The whole price list."""
    return await conn.fetch_all_as(
        PriceRow,
        "SELECT currency, country_id, service_id, amount FROM prices "
        "ORDER BY country_id, service_id",
    )


async def country_id(conn: Conn, name: str) -> int | None:
    """A country's id by its (lower-case) name."""
    found = await conn.fetchval("SELECT id FROM countries WHERE name = :n", {"n": name})
    return None if found is None else int(found)


async def service_id(conn: Conn, code: str) -> int | None:
    """A service's id by its (lower-case) code."""
    found = await conn.fetchval("SELECT id FROM services WHERE code = :c", {"c": code})
    return None if found is None else int(found)


async def insert_country(
    conn: Conn,
    name: str,
    title: str,
    calling_code: int,
    iso2: str | None,
    smsactivate_id: int | None,
) -> int:
    """Add an enabled country (IntegrityError: the name or sms-activate id is taken)."""
    return int(
        await conn.fetchval(
            "INSERT INTO countries (name, title, calling_code, iso2, smsactivate_id, enabled) "
            "VALUES (:name, :title, :cc, :iso2, :said, TRUE) RETURNING id",
            {
                "name": name,
                "title": title,
                "cc": calling_code,
                "iso2": iso2,
                "said": smsactivate_id,
            },
        )
    )


async def set_smsactivate_id(conn: Conn, name: str, smsactivate_id: int | None) -> bool:
    """Set a country's sms-activate id; False for no such country."""
    return bool(
        await conn.execute(
            "UPDATE countries SET smsactivate_id = :said WHERE name = :name",
            {"said": smsactivate_id, "name": name},
        )
    )


async def insert_provider(conn: Conn, country_id: int, name: str, title: str) -> int:
    """Add an operator (IntegrityError: the country already has it)."""
    return int(
        await conn.fetchval(
            "INSERT INTO providers (country_id, name, title) VALUES (:c, :n, :t) RETURNING id",
            {"c": country_id, "n": name, "t": title},
        )
    )


async def insert_service(conn: Conn, code: str, name: str) -> int:
    """Add an enabled service (IntegrityError: the code is taken)."""
    return int(
        await conn.fetchval(
            "INSERT INTO services (code, name, enabled) VALUES (:c, :n, TRUE) RETURNING id",
            {"c": code, "n": name},
        )
    )


@dataclass(frozen=True, slots=True)
class AliasRow:
    """An operator's extra name of a service (folded)."""

    service_id: int
    code: str
    alias: str


async def aliases(conn: Conn, service_ids: list[int] | None = None) -> list[AliasRow]:
    """The operators' aliases, of the given services or of every service, by service."""
    sql = (
        "SELECT a.service_id, s.code, a.alias FROM service_aliases a "
        "JOIN services s ON s.id = a.service_id"
    )
    params: dict[str, object] = {}
    if service_ids is not None:
        if not service_ids:
            return []
        names = [f":s{i}" for i in range(len(service_ids))]
        sql += f" WHERE a.service_id IN ({', '.join(names)})"
        params = {f"s{i}": sid for i, sid in enumerate(service_ids)}
    return await conn.fetch_all_as(AliasRow, sql + " ORDER BY s.code, a.alias", params)


async def insert_alias(conn: Conn, service_id: int, alias: str, now: int) -> bool:
    """Add an alias; False when the service already has it."""
    return (
        await conn.fetchval(
            "INSERT INTO service_aliases (service_id, alias, created_at) VALUES (:s, :a, :now) "
            "ON CONFLICT DO NOTHING RETURNING id",
            {"s": service_id, "a": alias, "now": now},
        )
        is not None
    )


async def delete_alias(conn: Conn, service_id: int, alias: str) -> bool:
    """Remove an alias; False when the service had no such alias."""
    return bool(
        await conn.execute(
            "DELETE FROM service_aliases WHERE service_id = :s AND alias = :a",
            {"s": service_id, "a": alias},
        )
    )
