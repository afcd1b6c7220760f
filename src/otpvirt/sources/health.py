"""Which sources are online, and what the operator sees of them."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from otpvirt.db import Conn
from otpvirt.sources import repository as repo
from otpvirt.sources.kinds import DEFAULT_PRIORITY, SUPPLIER_KINDS, UPSTREAM
from otpvirt.sources.service import set_online


@dataclass(frozen=True, slots=True)
class SourceHealth:
    """A source with its health and how many numbers it holds."""

    name: str
    kind: str
    enabled: bool
    online: bool
    last_seen_at: int | None
    last_sms_at: int | None
    numbers: int
    heartbeat_timeout: int | None
    # Only for on-demand suppliers: the order in which they are asked (lower first).
    priority: int | None
    devices: dict[str, Any]
    # Only for upstream providers: whether clients may rent numbers through it.
    rent: bool | None = None


async def check_health(conn: Conn, now: int) -> int:
    """Flip sources with a heartbeat timeout online/offline by their last contact."""
    changed = 0
    for row in await repo.watched(conn):
        timeout = json.loads(row.config or "{}").get("heartbeatTimeout")
        if not timeout:
            continue
        alive = row.last_seen_at is not None and now - int(row.last_seen_at) <= int(timeout) * 1000
        if alive != bool(row.online):
            await set_online(conn, int(row.id), alive)
            changed += 1
    return changed


async def list_sources(conn: Conn) -> list[SourceHealth]:
    """Every source with its health and how many numbers it holds."""
    out = []
    for r in await repo.listed(conn):
        config = json.loads(r.config or "{}")
        out.append(
            SourceHealth(
                name=r.name,
                kind=r.kind,
                enabled=r.enabled,
                online=r.online and r.enabled,
                last_seen_at=r.last_seen_at,
                last_sms_at=r.last_sms_at,
                numbers=int(r.numbers),
                heartbeat_timeout=config.get("heartbeatTimeout"),
                priority=(
                    config.get("priority", DEFAULT_PRIORITY) if r.kind in SUPPLIER_KINDS else None
                ),
                devices=config.get("devices", {}),
                rent=bool(config.get("rent", False)) if r.kind == UPSTREAM else None,
            )
        )
    return out
