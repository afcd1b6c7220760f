"""The suppliers' reported stock: written by the worker, read by GetNumbersCount and leasing.

Kept in the database (not in a process) so every server process sees the same
numbers; rows older than `supplier_stock_max_age_seconds` are ignored, so a
supplier that stops answering stops being counted and asked.
"""

from __future__ import annotations

import json
import random

from otpvirt.db import Conn
from otpvirt.errors import ValidationFailed
from otpvirt.sources.service import SourceInfo, get_source, save_config
from otpvirt.supply.base import DEFAULT_PRIORITY, SUPPLIER_KINDS
from otpvirt.supply.repositories import stock as repo
from otpvirt.supply.repositories.stock import SupplierRow

MAX_PRIORITY = 1_000_000
# Writing and reading the reported stock is pure SQL: callers use these directly.
replace = repo.replace
count = repo.count
available = repo.available


def _source(row: SupplierRow) -> SourceInfo:
    return SourceInfo(
        int(row.id), row.name, row.kind, bool(row.enabled), json.loads(row.config or "{}")
    )


async def suppliers(conn: Conn) -> list[SourceInfo]:
    """The enabled, online suppliers, in the order they are asked (priority, then age)."""
    found = [_source(r) for r in await repo.online_suppliers(conn)]
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
    found = [_source(r) for r in await repo.due_suppliers(conn, now)]
    for src in found:
        base = intervals.get(src.kind, 60.0)
        # +-1/3 jitter: SMSHub's 15 s becomes the protocol's 10-20 s.
        due = now + int(base * rng.uniform(2 / 3, 4 / 3) * 1000)
        await repo.set_due(conn, src.id, due)
    return found
