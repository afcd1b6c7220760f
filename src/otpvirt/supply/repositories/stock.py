"""The SQL of the suppliers' reported stock and of the supplier sources themselves."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from otpvirt.db import POOL, Conn
from otpvirt.supply.base import SUPPLIER_KINDS, StockRow

_KINDS = ", ".join(f"'{k}'" for k in SUPPLIER_KINDS)


@dataclass(frozen=True, slots=True)
class SupplierRow:
    """A supplier source as stored (config is its JSON text)."""

    id: int
    name: str
    kind: str
    enabled: bool
    config: str | None


@dataclass(frozen=True, slots=True)
class _Reported:
    rows: int
    total: int


async def replace(conn: Conn, source_id: int, rows: list[StockRow], now: int) -> None:
    """Swap a supplier's stock for what it just reported, and note that it answered."""
    conn.changed(POOL)
    await conn.execute("DELETE FROM supplier_stock WHERE source_id = :s", {"s": source_id})
    if rows:
        await conn.executemany(
            "INSERT INTO supplier_stock (source_id, country_id, provider_id, service_id, count, "
            "updated_at) VALUES (:s, :c, :p, :svc, :n, :now)",
            [
                {
                    "s": source_id,
                    "c": r.country_id,
                    "p": r.provider_id,
                    "svc": r.service_id,
                    "n": r.count,
                    "now": now,
                }
                for r in rows
            ],
        )
    await conn.execute(
        "UPDATE sources SET last_seen_at = :now WHERE id = :s", {"now": now, "s": source_id}
    )


async def count(
    conn: Conn, *, country_id: int, provider_id: int | None, service_id: int, fresh_after: int
) -> int:
    """Numbers the enabled suppliers report for GetNumbersCount (exact operator only)."""
    sql = (
        "SELECT COALESCE(SUM(st.count), 0) FROM supplier_stock st "
        "JOIN sources s ON s.id = st.source_id WHERE s.enabled AND s.online "
        "AND st.country_id = :c AND st.service_id = :svc AND st.updated_at >= :fresh"
    )
    params: dict[str, Any] = {"c": country_id, "svc": service_id, "fresh": fresh_after}
    if provider_id is not None:
        sql += " AND st.provider_id = :p"
        params["p"] = provider_id
    return int(await conn.fetchval(sql, params) or 0)


async def available(
    conn: Conn,
    *,
    source_id: int,
    country_id: int,
    provider_id: int | None,
    service_id: int,
    fresh_after: int,
) -> int | None:
    """What one supplier reported for the request (any-operator rows included); None: nothing."""
    sql = (
        "SELECT COUNT(*), COALESCE(SUM(count), 0) FROM supplier_stock WHERE source_id = :s "
        "AND country_id = :c AND service_id = :svc AND updated_at >= :fresh"
    )
    params: dict[str, Any] = {
        "s": source_id,
        "c": country_id,
        "svc": service_id,
        "fresh": fresh_after,
    }
    if provider_id is not None:
        sql += " AND (provider_id = :p OR provider_id IS NULL)"
        params["p"] = provider_id
    row = await conn.fetch_one_as(_Reported, sql, params)
    if row is None or not row.rows:
        return None
    return int(row.total)


async def online_suppliers(conn: Conn) -> list[SupplierRow]:
    """The enabled, online supplier sources, by id."""
    return await conn.fetch_all_as(
        SupplierRow,
        f"SELECT id, name, kind, enabled, config FROM sources WHERE kind IN ({_KINDS}) "
        "AND enabled AND online ORDER BY id",
    )


async def due_suppliers(conn: Conn, now: int) -> list[SupplierRow]:
    """Enabled supplier sources whose stock is due for a refresh (locked; others skip them)."""
    return await conn.fetch_all_as(
        SupplierRow,
        f"SELECT id, name, kind, enabled, config FROM sources WHERE kind IN ({_KINDS}) "
        "AND enabled AND (supply_due_at IS NULL OR supply_due_at <= :now)" + conn.skip_locked,
        {"now": now},
    )


async def set_due(conn: Conn, source_id: int, due: int) -> None:
    """When a supplier's stock is next refreshed."""
    await conn.execute(
        "UPDATE sources SET supply_due_at = :due WHERE id = :id", {"due": due, "id": source_id}
    )


async def source_name(conn: Conn, source_id: int) -> str | None:
    """A source's name by id."""
    name = await conn.fetchval("SELECT name FROM sources WHERE id = :id", {"id": source_id})
    return None if name is None else str(name)
