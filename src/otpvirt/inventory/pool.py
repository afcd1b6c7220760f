"""Picking a free number and giving it back: the indexed hot path of GetNumber.

Picking walks the partial index `ix_numbers_pick_*` (only pickable numbers are
in it) in free-since order, skipping numbers already used for the service, so
its cost does not grow with the size of the pool.
"""

from __future__ import annotations

from otpvirt.db import Conn

# A number can be handed out when this holds; the picking indexes are partial on
# exactly this predicate (models/inventory.py), and the picking query repeats it
# verbatim so SQLite and PostgreSQL use them.
PICKABLE = "enabled AND source_online AND active_activation_id IS NULL AND rental_id IS NULL"

_NOT_USED = (
    "NOT EXISTS (SELECT 1 FROM number_services ns "
    "WHERE ns.number_id = numbers.id AND ns.service_id = :service)"
)


def _where(provider: bool, exclude: int) -> str:
    sql = f"numbers.country_id = :country AND {PICKABLE} AND {_NOT_USED}"
    if provider:
        sql += " AND numbers.provider_id = :provider"
    for i in range(exclude):
        sql += f" AND CAST(numbers.phone AS TEXT) NOT LIKE :ex{i}"
    return sql


def _params(
    country_id: int, provider_id: int | None, service_id: int, exclude: tuple[str, ...]
) -> dict[str, object]:
    params: dict[str, object] = {"country": country_id, "service": service_id}
    if provider_id is not None:
        params["provider"] = provider_id
    for i, prefix in enumerate(exclude):
        params[f"ex{i}"] = prefix + "%"
    return params


def pickable_where(
    *, country_id: int, provider_id: int | None, service_id: int, exclude_prefixes: tuple[str, ...]
) -> tuple[str, dict[str, object]]:
    """WHERE clause (on `numbers`) and parameters: numbers that could be leased for the service."""
    where = _where(provider_id is not None, len(exclude_prefixes))
    return where, _params(country_id, provider_id, service_id, exclude_prefixes)


async def pick_number(
    conn: Conn,
    *,
    country_id: int,
    provider_id: int | None,
    service_id: int,
    exclude_prefixes: tuple[str, ...] = (),
) -> tuple[int, int, int, int] | None:
    """Claim-ready (id, phone, provider_id, free_since) of the longest-free fitting number."""
    sql = (
        "SELECT numbers.id, numbers.phone, numbers.provider_id, numbers.free_since "
        "FROM numbers WHERE "
        + _where(provider_id is not None, len(exclude_prefixes))
        + " ORDER BY numbers.free_since LIMIT 1"
        + conn.skip_locked
    )
    row = await conn.fetchone(sql, _params(country_id, provider_id, service_id, exclude_prefixes))
    return None if row is None else (int(row[0]), int(row[1]), int(row[2]), int(row[3]))


async def claim(conn: Conn, number_id: int, activation_id: int) -> bool:
    """Mark a picked number as held by an activation (False if someone was faster)."""
    return bool(
        await conn.execute(
            "UPDATE numbers SET active_activation_id = :a, lease_count = lease_count + 1 "
            "WHERE id = :n AND active_activation_id IS NULL",
            {"a": activation_id, "n": number_id},
        )
    )


async def release(conn: Conn, number_id: int, activation_id: int, now: int) -> None:
    """Give a number back to the pool (to the end of the free queue)."""
    await conn.execute(
        "UPDATE numbers SET active_activation_id = NULL, free_since = :now "
        "WHERE id = :n AND active_activation_id = :a",
        {"now": now, "n": number_id, "a": activation_id},
    )


def count_query(
    *, country_id: int, provider_id: int | None, service_id: int
) -> tuple[str, dict[str, object]]:
    """SQL and parameters counting the numbers that could be leased for the service."""
    sql = "SELECT COUNT(*) FROM numbers WHERE " + _where(provider_id is not None, 0)
    return sql, _params(country_id, provider_id, service_id, ())


async def count_available(
    conn: Conn, *, country_id: int, provider_id: int | None, service_id: int
) -> int:
    """How many numbers could be leased right now for the service."""
    sql, params = count_query(country_id=country_id, provider_id=provider_id, service_id=service_id)
    return int(await conn.fetchval(sql, params) or 0)
