"""Which sources are online, and what the operator sees of them."""

from __future__ import annotations

import json
from typing import Any

from otpvirt.db import Conn
from otpvirt.sources.service import set_online
from otpvirt.supply.base import DEFAULT_PRIORITY, SUPPLIER_KINDS


async def check_health(conn: Conn, now: int) -> int:
    """Flip sources with a heartbeat timeout online/offline by their last contact."""
    changed = 0
    for row in await conn.fetchall(
        "SELECT id, online, last_seen_at, config FROM sources WHERE kind <> 'simulator'"
    ):
        timeout = json.loads(row[3] or "{}").get("heartbeatTimeout")
        if not timeout:
            continue
        alive = row[2] is not None and now - int(row[2]) <= int(timeout) * 1000
        if alive != bool(row[1]):
            await set_online(conn, int(row[0]), alive)
            changed += 1
    return changed


async def list_sources(conn: Conn) -> list[dict[str, Any]]:
    """Every source with its health and how many numbers it holds."""
    rows = await conn.fetchall(
        "SELECT s.id, s.name, s.kind, s.enabled, s.online, s.last_seen_at, s.last_sms_at, "
        "s.config, (SELECT COUNT(*) FROM numbers n WHERE n.source_id = s.id) "
        "FROM sources s ORDER BY s.id"
    )
    out = []
    for r in rows:
        config = json.loads(r[7] or "{}")
        out.append(
            {
                "name": r[1],
                "kind": r[2],
                "enabled": bool(r[3]),
                "online": bool(r[4]) and bool(r[3]),
                "lastSeenAt": r[5],
                "lastSmsAt": r[6],
                "numbers": int(r[8]),
                "heartbeatTimeout": config.get("heartbeatTimeout"),
                "priority": (
                    config.get("priority", DEFAULT_PRIORITY) if r[2] in SUPPLIER_KINDS else None
                ),
                "devices": config.get("devices", {}),
            }
        )
    return out
