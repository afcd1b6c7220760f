"""The SQL of pool administration: importing, listing and disabling numbers."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from otpvirt.db import POOL, Conn


@dataclass(frozen=True, slots=True)
class ListedNumber:
    """A number with where it stands, for operators."""

    phone: int
    country: str
    provider: str
    source: str | None
    enabled: bool
    source_online: bool
    active_activation_id: int | None
    lease_count: int
    sms_lease_count: int
    last_sms_at: int | None
    rental_id: int | None


@dataclass(frozen=True, slots=True)
class SupplierNumber:
    """A number of the pool as an offer from a supplier sees it."""

    id: int
    source_id: int | None
    provider_id: int
    active_activation_id: int | None
    free_since: int


@dataclass(frozen=True, slots=True)
class _Phone:
    phone: int


@dataclass(frozen=True, slots=True)
class _NamedId:
    name: str
    id: int


# The states an operator filters by.
STATES = {
    "free": "n.enabled AND n.source_online AND n.active_activation_id IS NULL "
    "AND n.rental_id IS NULL",
    "leased": "n.active_activation_id IS NOT NULL",
    "rented": "n.rental_id IS NOT NULL",
    "disabled": "NOT n.enabled",
    "offline": "NOT n.source_online",
}


async def source_ids(conn: Conn) -> dict[str, int]:
    """Every source's id by name."""
    rows = await conn.fetch_all_as(_NamedId, "SELECT name, id FROM sources")
    return {r.name: int(r.id) for r in rows}


async def existing_phones(conn: Conn, phones: list[int]) -> list[int]:
    """Which of these phones are already in the pool."""
    marks = ", ".join(f":p{i}" for i in range(len(phones)))
    rows = await conn.fetch_all_as(
        _Phone,
        f"SELECT phone FROM numbers WHERE phone IN ({marks})",
        {f"p{i}": p for i, p in enumerate(phones)},
    )
    return [int(r.phone) for r in rows]


async def insert_many(conn: Conn, rows: Sequence[Mapping[str, Any]]) -> None:
    """Add enabled numbers (keys phone, c, p, s, now); existing phones are left alone."""
    conn.changed(POOL)
    await conn.executemany(
        "INSERT INTO numbers (phone, country_id, provider_id, source_id, enabled, "
        "source_online, free_since, created_at, lease_count, sms_lease_count) "
        "VALUES (:phone, :c, :p, :s, TRUE, TRUE, :now, :now, 0, 0) "
        "ON CONFLICT (phone) DO NOTHING",
        rows,
    )


async def listed(
    conn: Conn,
    *,
    country: str | None,
    provider: str | None,
    state: str | None,
    limit: int,
    offset: int,
) -> list[ListedNumber]:
    """Numbers with their country, operator and source, by id."""
    where = []
    params: dict[str, Any] = {"lim": limit, "off": offset}
    if country:
        where.append("c.name = :country")
        params["country"] = country
    if provider:
        where.append("p.name = :provider")
        params["provider"] = provider
    if state:
        where.append(STATES[state])
    sql = (
        "SELECT n.phone, c.name, p.name, s.name, n.enabled, n.source_online, "
        "n.active_activation_id, n.lease_count, n.sms_lease_count, n.last_sms_at, n.rental_id "
        "FROM numbers n JOIN countries c ON c.id = n.country_id "
        "JOIN providers p ON p.id = n.provider_id LEFT JOIN sources s ON s.id = n.source_id"
    )
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY n.id LIMIT :lim OFFSET :off"
    return await conn.fetch_all_as(ListedNumber, sql, params)


async def source_kind(conn: Conn, phone: int) -> str | None:
    """The kind of source a number belongs to (None: no number or no source)."""
    kind = await conn.fetchval(
        "SELECT s.kind FROM numbers n JOIN sources s ON s.id = n.source_id WHERE n.phone = :p",
        {"p": phone},
    )
    return None if kind is None else str(kind)


async def set_enabled(conn: Conn, phone: int, enabled: bool) -> bool:
    """Take a number out of (or back into) the pool; False for no such number."""
    conn.changed(POOL)
    return bool(
        await conn.execute(
            "UPDATE numbers SET enabled = :e WHERE phone = :p", {"e": enabled, "p": phone}
        )
    )


async def by_phone(conn: Conn, phone: int) -> SupplierNumber | None:
    """A number of the pool by phone."""
    return await conn.fetch_one_as(
        SupplierNumber,
        "SELECT id, source_id, provider_id, active_activation_id, free_since FROM numbers "
        "WHERE phone = :p",
        {"p": phone},
    )


async def insert_supplied(
    conn: Conn, phone: int, country_id: int, provider_id: int, source_id: int, now: int
) -> int:
    """Add a supplier's number, disabled: it is only ever leased through its supplier."""
    return int(
        await conn.fetchval(
            "INSERT INTO numbers (phone, country_id, provider_id, source_id, enabled, "
            "source_online, free_since, created_at, lease_count, sms_lease_count) VALUES (:p, "
            ":c, :prov, :s, FALSE, TRUE, :now, :now, 0, 0) RETURNING id",
            {"p": phone, "c": country_id, "prov": provider_id, "s": source_id, "now": now},
        )
    )


async def used_for(conn: Conn, number_id: int, service_id: int) -> bool:
    """Whether the number already received an SMS for the service."""
    return bool(
        await conn.fetchval(
            "SELECT 1 FROM number_services WHERE number_id = :n AND service_id = :s",
            {"n": number_id, "s": service_id},
        )
    )
