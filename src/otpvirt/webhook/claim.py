"""Claiming due deliveries: in order per activation, capped per client, never twice.

A claim sets a lease (`claimed_until`); a worker that dies mid-send simply lets it
run out and another worker sends again. On PostgreSQL one statement claims
(`FOR UPDATE SKIP LOCKED`, so several workers share the queue); on SQLite the
single writer serialises a short SELECT-then-UPDATE transaction.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import orjson

from otpvirt.db import Conn
from otpvirt.webhook.repositories import outbox
from otpvirt.webhook.repositories.outbox import DueRow

NO_URL = "the client has no webhook URL"


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
    return await outbox.any_due(conn, now)


def _secrets(row: DueRow, now: int) -> tuple[str, ...]:
    out = [row.secret] if row.secret else []
    prev, until = row.previous_secret, row.previous_until
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
        free = orjson.dumps(dict(free_slots)).decode()
        rows = await outbox.claim_in_one_statement(conn, now, limit, token, free, per_client)
        left = False
    else:
        rows, left = await _claim_sqlite(conn, now, limit, token, free_slots, per_client)
    jobs = []
    for r in rows:
        if r.url and r.secret:
            jobs.append(
                Job(
                    id=int(r.id),
                    message_id=r.message_id,
                    client_id=r.client_id,
                    url=r.url,
                    payload=r.payload,
                    secrets=_secrets(r, now),
                    attempts=int(r.attempts),
                    token=token,
                )
            )
        else:
            await outbox.fail_delivery(conn, r.id, NO_URL)
    return jobs, left


async def _claim_sqlite(
    conn: Conn,
    now: int,
    limit: int,
    token: int,
    free_slots: Mapping[str, int],
    per_client: int,
) -> tuple[list[DueRow], bool]:
    busy = [c for c, n in free_slots.items() if n <= 0]
    rows = await outbox.due(conn, now, limit, busy)
    slots = dict(free_slots)
    picked: list[DueRow] = []
    left = False
    for r in rows:
        free = slots.get(r.client_id, per_client)
        if free <= 0:
            left = True
            continue
        slots[r.client_id] = free - 1
        picked.append(r)
    await outbox.mark_claimed(conn, [r.id for r in picked], token)
    return picked, left
