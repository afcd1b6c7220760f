"""The suppliers' reported stock: written by the worker, read by GetNumbersCount and leasing.

Kept in the database (not in a process) so every server process sees the same
numbers; rows older than `supplier_stock_max_age_seconds` are ignored, so a
supplier that stops answering stops being counted and asked.
"""

from __future__ import annotations

import json
import random
from typing import Any

from otpvirt.db import Conn
from otpvirt.errors import ValidationFailed
from otpvirt.sources.service import SourceInfo, get_source, save_config
from otpvirt.supply.base import DEFAULT_PRIORITY, SUPPLIER_KINDS, StockRow

_KINDS = ", ".join(f"'{k}'" for k in SUPPLIER_KINDS)
MAX_PRIORITY = 1_000_000


def _source(row: Any) -> SourceInfo:
    return SourceInfo(int(row[0]), row[1], row[2], bool(row[3]), json.loads(row[4] or "{}"))


async def replace(conn: Conn, source_id: int, rows: list[StockRow], now: int) -> None:
    """Swap a supplier's stock for what it just reported, and note that it answered."""
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
    row = await conn.fetchone(sql, params)
    if row is None or not row[0]:
        return None
    return int(row[1])


async def suppliers(conn: Conn) -> list[SourceInfo]:
    """The enabled, online suppliers, in the order they are asked (priority, then age)."""
    rows = await conn.fetchall(
        f"SELECT id, name, kind, enabled, config FROM sources WHERE kind IN ({_KINDS}) "
        "AND enabled AND online ORDER BY id"
    )
    found = [_source(r) for r in rows]
    return sorted(found, key=lambda s: (priority_of(s), s.id))


def priority_of(source: SourceInfo) -> int:
    """Where a supplier stands in the order of asking (lower is asked first)."""
    return int(source.config.get("priority", DEFAULT_PRIORITY))


async def set_priority(conn: Conn, name: str, priority: int) -> int:
    """Set the order in which a supplier is asked; returns its previous priority."""
    source = await get_source(conn, name)
    if source.kind not in SUPPLIER_KINDS:
        raise ValidationFailed(
            f"{name} is a {source.kind} source: only on-demand suppliers (SMSHub agents, "
            "upstream providers) are asked in an order"
        )
    if not 0 <= priority <= MAX_PRIORITY:
        raise ValidationFailed(f"the priority must be between 0 and {MAX_PRIORITY}")
    before = priority_of(source)
    await save_config(conn, source, {**source.config, "priority": priority})
    return before


async def claim_due_sources(
    conn: Conn, *, now: int, intervals: dict[str, float], rng: random.Random
) -> list[SourceInfo]:
    """Suppliers whose stock is due for a refresh; each is pushed to its next due time."""
    rows = await conn.fetchall(
        f"SELECT id, name, kind, enabled, config FROM sources WHERE kind IN ({_KINDS}) "
        "AND enabled AND (supply_due_at IS NULL OR supply_due_at <= :now)" + conn.skip_locked,
        {"now": now},
    )
    found = [_source(r) for r in rows]
    for src in found:
        base = intervals.get(src.kind, 60.0)
        # +-1/3 jitter: SMSHub's 15 s becomes the protocol's 10-20 s.
        due = now + int(base * rng.uniform(2 / 3, 4 / 3) * 1000)
        await conn.execute(
            "UPDATE sources SET supply_due_at = :due WHERE id = :id", {"due": due, "id": src.id}
        )
    return found
