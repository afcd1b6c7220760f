"""The audit log: every operator change, who made it, and the state before and after.

Entries are written in the same transaction as the change they describe, so the log
never claims a change that did not happen nor misses one that did. Values are plain
JSON and never hold a secret (passwords, tokens and keys are recorded as "changed").
"""

from __future__ import annotations

import getpass
import json
from dataclasses import dataclass
from typing import Any

from otpvirt.clock import now_ms
from otpvirt.db import Conn


@dataclass(frozen=True, slots=True)
class Actor:
    """Who acts: `user:alice`, `token:deploy-bot`, `cli:root`; with the request id."""

    name: str
    request_id: str | None = None


def cli_actor() -> Actor:
    """The operator running a CLI command (the OS user)."""
    try:
        user = getpass.getuser()
    except Exception:
        user = "unknown"
    return Actor(f"cli:{user}")


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, default=str)


async def record(
    conn: Conn,
    actor: Actor,
    action: str,
    target: str | None,
    before: Any = None,
    after: Any = None,
) -> None:
    """Append one entry (in the caller's transaction)."""
    await conn.execute(
        "INSERT INTO audit_log (at, actor, action, target, before, after, request_id) "
        "VALUES (:at, :actor, :action, :target, :before, :after, :rid)",
        {
            "at": now_ms(),
            "actor": actor.name[:200],
            "action": action[:100],
            "target": None if target is None else str(target)[:200],
            "before": _json(before),
            "after": _json(after),
            "rid": actor.request_id,
        },
    )


async def list_entries(
    conn: Conn,
    *,
    actor: str | None = None,
    action: str | None = None,
    target: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Entries, newest first, optionally for one actor, action or target."""
    where: list[str] = []
    params: dict[str, Any] = {"lim": max(1, min(limit, 1000)), "off": max(0, offset)}
    for column, value in (("actor", actor), ("action", action), ("target", target)):
        if value:
            where.append(f"{column} = :{column}")
            params[column] = value.strip()
    sql = "SELECT id, at, actor, action, target, before, after, request_id FROM audit_log"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY id DESC LIMIT :lim OFFSET :off"
    return [
        {
            "id": int(r[0]),
            "at": int(r[1]),
            "actor": r[2],
            "action": r[3],
            "target": r[4],
            "before": None if r[5] is None else json.loads(r[5]),
            "after": None if r[6] is None else json.loads(r[6]),
            "requestId": r[7],
        }
        for r in await conn.fetchall(sql, params)
    ]
