"""The webhook outbox: enqueue with the SMS, claim due deliveries, record attempts.

A delivery row is written in the transaction that stores the SMS, so no webhook
is lost to a crash. Workers claim due rows in a short transaction (a lease in
`claimed_until`; SKIP LOCKED on PostgreSQL), send outside any transaction, and
record each attempt in another short one. A crash after sending and before
recording means one more send with the same `webhook-id` (at-least-once).
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import orjson

from otpvirt.db import Conn, Row
from otpvirt.errors import InvalidRequest, NotFound
from otpvirt.webhook.history import DELIVERED, FAILED, PENDING, get_delivery
from otpvirt.webhook.sender import Outcome
from otpvirt.webhook.signing import new_message_id
from otpvirt.webhook.targets import SMSACTIVATE

# PostgreSQL channel that wakes workers in other processes at once; the payload
# names the queuing process, whose own worker was already woken in-process.
CHANNEL = "otpvirt_webhooks"
PROCESS_TOKEN = uuid.uuid4().hex[:16]
JITTER = 0.2


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


def _payload(fmt: str, sms: Mapping[str, Any], extra: Row | None) -> str:
    if fmt == SMSACTIVATE:
        stamp = datetime.fromtimestamp(sms["received_at"] / 1000, tz=UTC)
        body: dict[str, Any] = {
            "activationId": sms["activation_id"],
            "service": extra[0] if extra else None,
            "text": sms["text"],
            "code": sms["code"],
            "country": extra[1] if extra else None,
            "receivedAt": stamp.strftime("%Y-%m-%d %H:%M:%S"),
        }
    else:
        body = {
            "id": sms["guid"],
            "phoneFrom": sms["sender"],
            "phone": sms["phone"],
            "text": sms["text"],
            "code": sms["code"],
            "clientId": sms["client_id"],
            "activationId": sms["activation_guid"],
        }
    return orjson.dumps(body).decode("utf-8")


async def enqueue(conn: Conn, sms: Mapping[str, Any], now: int) -> str | None:
    """Queue the webhook of a routed SMS, if its client has a URL (caller's transaction).

    `sms` holds id, guid, sender, phone, text, code, received_at, client_id,
    activation_id (integer) and activation_guid. Returns the `webhook-id`.
    """
    row = await conn.fetchone(
        "SELECT webhook_url, webhook_format FROM clients WHERE id = :c", {"c": sms["client_id"]}
    )
    if row is None or not row[0]:
        return None
    extra = None
    if row[1] == SMSACTIVATE:
        extra = await conn.fetchone(
            "SELECT s.code, c.smsactivate_id FROM activations a "
            "JOIN services s ON s.id = a.service_id JOIN countries c ON c.id = a.country_id "
            "WHERE a.id = :a",
            {"a": sms["activation_id"]},
        )
    message_id = new_message_id()
    await conn.execute(
        "INSERT INTO webhook_deliveries (message_id, client_id, activation_id, sms_id, payload, "
        "state, attempts, next_attempt_at, created_at) VALUES (:m, :c, :a, :s, :p, 'pending', 0, "
        ":now, :now)",
        {
            "m": message_id,
            "c": sms["client_id"],
            "a": sms["activation_id"],
            "s": sms["id"],
            "p": _payload(str(row[1]), sms, extra),
            "now": now,
        },
    )
    if conn.dialect == "postgresql":
        # Delivered at commit: workers in other processes wake up at once.
        await conn.execute(f"SELECT pg_notify('{CHANNEL}', :p)", {"p": PROCESS_TOKEN})
    return message_id


async def _no_fsync_wait(conn: Conn) -> None:
    # Claims and attempt records may be lost in a PostgreSQL crash without losing
    # a webhook (it is sent again, at-least-once), so they need not wait for the
    # WAL flush; the SMS and its outbox row are committed synchronously.
    if conn.dialect == "postgresql":
        await conn.execute("SET LOCAL synchronous_commit TO OFF")


def _secrets(row: Any, now: int) -> tuple[str, ...]:
    out = [row["webhook_secret"]] if row["webhook_secret"] else []
    prev, until = row["webhook_previous_secret"], row["webhook_previous_until"]
    if prev and until is not None and until > now:
        out.append(prev)
    return tuple(out)


async def has_due(conn: Conn, now: int) -> bool:
    """Whether any delivery may be claimable now (a cheap read before a write transaction)."""
    found = await conn.fetchval(
        "SELECT 1 FROM webhook_deliveries WHERE state = 'pending' AND next_attempt_at <= :now "
        "AND (claimed_until IS NULL OR claimed_until < :now) LIMIT 1",
        {"now": now},
    )
    return found is not None


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
    await _no_fsync_wait(conn)
    busy = [c for c, n in free_slots.items() if n <= 0]
    params: dict[str, Any] = {"now": now, "lim": limit}
    skip = ""
    if busy:
        names = [f"b{i}" for i in range(len(busy))]
        params.update(zip(names, busy, strict=True))
        skip = f" AND d.client_id NOT IN ({', '.join(':' + n for n in names)})"
    rows = await conn.fetchall(
        "SELECT d.id, d.message_id, d.client_id, d.payload, d.attempts, c.webhook_url, "
        "c.webhook_secret, c.webhook_previous_secret, c.webhook_previous_until "
        "FROM webhook_deliveries d JOIN clients c ON c.id = d.client_id "
        "WHERE d.state = 'pending' AND d.next_attempt_at <= :now "
        "AND (d.claimed_until IS NULL OR d.claimed_until < :now) "
        # Deliveries of one activation go out in order: never overtake a pending one.
        "AND NOT EXISTS (SELECT 1 FROM webhook_deliveries e WHERE e.activation_id = "
        "d.activation_id AND e.state = 'pending' AND e.id < d.id)" + skip + " "
        "ORDER BY d.next_attempt_at, d.id LIMIT :lim" + conn.skip_locked_of("d"),
        params,
    )
    slots = dict(free_slots)
    jobs: list[Job] = []
    left = False
    token = now + lease_ms
    for r in rows:
        if not r["webhook_url"] or not r["webhook_secret"]:
            await conn.execute(
                "UPDATE webhook_deliveries SET state = 'failed', claimed_until = NULL, "
                "last_error = 'the client has no webhook URL' WHERE id = :i",
                {"i": r["id"]},
            )
            continue
        free = slots.get(r["client_id"], per_client)
        if free <= 0:
            left = True
            continue
        slots[r["client_id"]] = free - 1
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
    if jobs:
        await conn.executemany(
            "UPDATE webhook_deliveries SET claimed_until = :t WHERE id = :i",
            [{"t": token, "i": j.id} for j in jobs],
        )
    return jobs, left


def next_delay_ms(attempts: int, delays: Sequence[float], rng: random.Random) -> int | None:
    """Milliseconds until the next try after `attempts` failed ones (None: give up)."""
    if attempts > len(delays):
        return None
    return int(delays[attempts - 1] * 1000 * rng.uniform(1 - JITTER, 1 + JITTER))


async def record(
    conn: Conn,
    job: Job,
    outcome: Outcome,
    now: int,
    *,
    delays: Sequence[float],
    rng: random.Random,
) -> str:
    """Store one attempt and move the delivery on; returns the delivery's new state."""
    await _no_fsync_wait(conn)
    await conn.execute(
        "INSERT INTO webhook_attempts (delivery_id, attempted_at, url, status_code, error, "
        "duration_ms, response_snippet) VALUES (:d, :at, :u, :st, :err, :dur, :snip)",
        {
            "d": job.id,
            "at": now - outcome.duration_ms,
            "u": job.url[:2000],
            "st": outcome.status,
            "err": outcome.error[:500] if outcome.error else None,
            "dur": outcome.duration_ms,
            "snip": outcome.snippet,
        },
    )
    attempts = job.attempts + 1
    if outcome.ok:
        state, next_at, delivered = DELIVERED, now, now
    else:
        delay = next_delay_ms(attempts, delays, rng)
        state = PENDING if delay is not None else FAILED
        next_at, delivered = now + (delay or 0), None
    # Only the holder of the current claim moves the delivery on; an attempt
    # whose lease ran out (another worker took over) is kept as history only.
    changed = await conn.execute(
        "UPDATE webhook_deliveries SET state = :s, attempts = :n, next_attempt_at = :next, "
        "claimed_until = NULL, last_attempt_at = :now, delivered_at = COALESCE(:dl, "
        "delivered_at), last_status = :st, last_error = :err WHERE id = :i AND state = 'pending' "
        "AND claimed_until = :tok",
        {
            "s": state,
            "n": attempts,
            "next": next_at,
            "now": now,
            "dl": delivered,
            "st": outcome.status,
            "err": outcome.error[:500] if outcome.error else None,
            "i": job.id,
            "tok": job.token,
        },
    )
    return state if changed else "stale"


async def redeliver(conn: Conn, message_id: str, now: int) -> dict[str, Any]:
    """Send a delivery again now, with the same `webhook-id` and a fresh retry schedule."""
    row = await conn.fetchone(
        "SELECT d.id, c.webhook_url FROM webhook_deliveries d JOIN clients c "
        "ON c.id = d.client_id WHERE d.message_id = :m"
        + (" FOR UPDATE OF d" if conn.for_update else ""),
        {"m": message_id.strip()},
    )
    if row is None:
        raise NotFound(f"no webhook delivery {message_id}", reason="delivery_not_found")
    if not row[1]:
        raise InvalidRequest(
            "the client has no webhook URL; set one with `otpvirt clients set-webhook`",
            reason="no_webhook_url",
        )
    await conn.execute(
        "UPDATE webhook_deliveries SET state = 'pending', attempts = 0, next_attempt_at = :now, "
        "delivered_at = NULL WHERE id = :i",
        {"now": now, "i": row[0]},
    )
    if conn.dialect == "postgresql":
        await conn.execute(f"SELECT pg_notify('{CHANNEL}', :p)", {"p": PROCESS_TOKEN})
    return await get_delivery(conn, message_id)
