"""Claiming due deliveries: in order per activation, capped per client, never twice.

A claim sets a lease (`claimed_until`); a worker that dies mid-send simply lets it
run out and another worker sends again. On PostgreSQL one statement claims
(`FOR UPDATE SKIP LOCKED`, so several workers share the queue); on SQLite the
single writer serialises a short SELECT-then-UPDATE transaction.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import orjson

from otpvirt.db import Conn

NO_URL = "the client has no webhook URL"
# Fails deliveries that have nowhere to go; the caller appends which (":err" = NO_URL).
FAIL_WITHOUT_URL = (
    "UPDATE webhook_deliveries SET state = 'failed', claimed_until = NULL, last_error = :err WHERE "
)

# Due now and not leased by a live worker.
_DUE = (
    "d.state = 'pending' AND d.next_attempt_at <= :now "
    "AND (d.claimed_until IS NULL OR d.claimed_until < :now)"
)
# Deliveries of one activation go out in order: never overtake a pending one.
_IN_ORDER = (
    "NOT EXISTS (SELECT 1 FROM webhook_deliveries e WHERE e.activation_id = d.activation_id "
    "AND e.state = 'pending' AND e.id < d.id)"
)
_TARGET = "c.webhook_url, c.webhook_secret, c.webhook_previous_secret, c.webhook_previous_until"
_FREE = "COALESCE(CAST(CAST(:free AS jsonb) ->> d.client_id AS integer), :per)"

_CLAIM_PG = f"""
WITH due AS (
    SELECT d.id, d.client_id, d.next_attempt_at, {_FREE} AS slots
    FROM webhook_deliveries d
    WHERE {_DUE} AND {_IN_ORDER} AND {_FREE} > 0
    ORDER BY d.next_attempt_at, d.id LIMIT :scan
), ranked AS (
    SELECT id, slots,
        ROW_NUMBER() OVER (PARTITION BY client_id ORDER BY next_attempt_at, id) AS rn
    FROM due
), picked AS (
    SELECT d.id FROM webhook_deliveries d JOIN ranked r ON r.id = d.id
    WHERE r.rn <= r.slots AND {_DUE}
    ORDER BY d.next_attempt_at, d.id LIMIT :lim
    FOR UPDATE OF d SKIP LOCKED
)
UPDATE webhook_deliveries AS w SET claimed_until = :tok
FROM picked, clients c WHERE w.id = picked.id AND c.id = w.client_id
RETURNING w.id, w.message_id, w.client_id, w.payload, w.attempts, {_TARGET}
"""


@dataclass(frozen=True, slots=True)
class Job:
    """A claimed delivery, with what a worker needs to send it."""

    id: int
    message_id: str
    client_id: str
    url: str
    payload: str
    secrets: tuple[str, ...]
    attempts: int
    token: int


def one_statement(conn: Conn) -> bool:
    """True when `claim_due` needs no surrounding transaction (PostgreSQL)."""
    return conn.dialect == "postgresql"


async def has_due(conn: Conn, now: int) -> bool:
    """Whether any delivery may be claimable now (a cheap read before a write transaction)."""
    found = await conn.fetchval(
        "SELECT 1 FROM webhook_deliveries d WHERE " + _DUE + " LIMIT 1", {"now": now}
    )
    return found is not None


def _secrets(row: Any, now: int) -> tuple[str, ...]:
    out = [row["webhook_secret"]] if row["webhook_secret"] else []
    prev, until = row["webhook_previous_secret"], row["webhook_previous_until"]
    if prev and until is not None and until > now:
        out.append(prev)
    return tuple(out)


async def claim_due(
    conn: Conn,
    now: int,
    *,
    limit: int,
    lease_ms: int,
    free_slots: Mapping[str, int],
    per_client: int,
) -> tuple[list[Job], bool]:
    """Claim up to `limit` due deliveries, in order per activation, per-client capped.

    `free_slots` holds the clients with sends already in flight here (missing =
    `per_client`). Returns the jobs and whether due rows were left for lack of slots.
    """
    token = now + lease_ms
    if one_statement(conn):
        rows = await conn.fetchall(
            _CLAIM_PG,
            {
                "now": now,
                "lim": limit,
                "scan": limit * 4,
                "per": per_client,
                "free": orjson.dumps(dict(free_slots)).decode(),
                "tok": token,
            },
        )
        left = False
    else:
        rows, left = await _claim_sqlite(conn, now, limit, token, free_slots, per_client)
    jobs = []
    for r in rows:
        if r["webhook_url"] and r["webhook_secret"]:
            jobs.append(
                Job(
                    id=int(r["id"]),
                    message_id=r["message_id"],
                    client_id=r["client_id"],
                    url=r["webhook_url"],
                    payload=r["payload"],
                    secrets=_secrets(r, now),
                    attempts=int(r["attempts"]),
                    token=token,
                )
            )
        else:
            await conn.execute(FAIL_WITHOUT_URL + "id = :i", {"i": r["id"], "err": NO_URL})
    return jobs, left


async def _claim_sqlite(
    conn: Conn,
    now: int,
    limit: int,
    token: int,
    free_slots: Mapping[str, int],
    per_client: int,
) -> tuple[list[Any], bool]:
    busy = [c for c, n in free_slots.items() if n <= 0]
    params: dict[str, Any] = {"now": now, "lim": limit}
    skip = ""
    if busy:
        names = [f"b{i}" for i in range(len(busy))]
        params.update(zip(names, busy, strict=True))
        skip = f" AND d.client_id NOT IN ({', '.join(':' + n for n in names)})"
    rows = await conn.fetchall(
        "SELECT d.id, d.message_id, d.client_id, d.payload, d.attempts, " + _TARGET + " "
        "FROM webhook_deliveries d JOIN clients c ON c.id = d.client_id "
        f"WHERE {_DUE} AND {_IN_ORDER}{skip} ORDER BY d.next_attempt_at, d.id LIMIT :lim",
        params,
    )
    slots = dict(free_slots)
    picked: list[Any] = []
    left = False
    for r in rows:
        free = slots.get(r["client_id"], per_client)
        if free <= 0:
            left = True
            continue
        slots[r["client_id"]] = free - 1
        picked.append(r)
    if picked:
        await conn.executemany(
            "UPDATE webhook_deliveries SET claimed_until = :t WHERE id = :i",
            [{"t": token, "i": r["id"]} for r in picked],
        )
    return picked, left
