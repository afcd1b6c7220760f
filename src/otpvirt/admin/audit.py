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

from otpvirt.admin import repository
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
    await repository.insert_audit(
        conn,
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


@dataclass(frozen=True, slots=True)
class Entry:
    """One audit log entry, its before and after states decoded."""

    id: int
    at: int
    actor: str
    action: str
    target: str | None
    before: Any
    after: Any
    request_id: str | None


async def list_entries(
    conn: Conn,
    *,
    actor: str | None = None,
    action: str | None = None,
    target: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[Entry]:
    """Entries, newest first, optionally for one actor, action or target."""
    filters = {
        column: value.strip()
        for column, value in (("actor", actor), ("action", action), ("target", target))
        if value
    }
    rows = await repository.audit_entries(conn, filters, max(1, min(limit, 1000)), max(0, offset))
    return [
        Entry(
            int(r.id),
            int(r.at),
            r.actor,
            r.action,
            r.target,
            None if r.before is None else json.loads(r.before),
            None if r.after is None else json.loads(r.after),
            r.request_id,
        )
        for r in rows
    ]
