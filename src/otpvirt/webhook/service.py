"""The webhook outbox: enqueue with the SMS, record attempts, redeliver.

A delivery row is written in the transaction that stores the SMS, so no webhook
is lost to a crash. Workers claim due rows (`claim.py`), send outside any
transaction, and record each attempt atomically afterwards. A crash after
sending and before recording means one more send with the same `webhook-id`
(at-least-once).
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

import orjson

from otpvirt.db import Conn, Row
from otpvirt.errors import InvalidRequest, NotFound
from otpvirt.webhook.claim import Job, one_statement
from otpvirt.webhook.history import DELIVERED, FAILED, PENDING, get_delivery
from otpvirt.webhook.sender import Outcome, redact
from otpvirt.webhook.signing import new_message_id
from otpvirt.webhook.targets import SMSACTIVATE

# PostgreSQL channel that wakes workers in other processes at once; the payload
# names the queuing process, whose own worker was already woken in-process.
CHANNEL = "otpvirt_webhooks"
PROCESS_TOKEN = uuid.uuid4().hex[:16]
JITTER = 0.2


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
    # On PostgreSQL the same statement asks for a NOTIFY at commit (only when a
    # delivery is queued), so workers in other processes wake up at once.
    wake = ", CASE WHEN webhook_url IS NOT NULL THEN pg_notify(:ch, :tok) END"
    row = await conn.fetchone(
        f"SELECT webhook_url, webhook_format{wake if conn.dialect == 'postgresql' else ''} "
        "FROM clients WHERE id = :c",
        {"c": sms["client_id"], "ch": CHANNEL, "tok": PROCESS_TOKEN}
        if conn.dialect == "postgresql"
        else {"c": sms["client_id"]},
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
    return message_id


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
    """Store one attempt and move the delivery on; returns the delivery's new state.

    On PostgreSQL this is one statement (no transaction needed); elsewhere run it
    in a transaction.
    """
    attempts = job.attempts + 1
    if outcome.ok:
        state, next_at, delivered = DELIVERED, now, now
    else:
        delay = next_delay_ms(attempts, delays, rng)
        state = PENDING if delay is not None else FAILED
        next_at, delivered = now + (delay or 0), None
    error = outcome.error[:500] if outcome.error else None
    insert = (
        "INSERT INTO webhook_attempts (delivery_id, attempted_at, url, status_code, error, "
        "duration_ms, response_snippet) VALUES (:i, :at, :u, :st, :err, :dur, :snip)"
    )
    # Only the holder of the current claim moves the delivery on; an attempt
    # whose lease ran out (another worker took over) is kept as history only.
    update = (
        "UPDATE webhook_deliveries SET state = :s, attempts = :n, next_attempt_at = :next, "
        "claimed_until = NULL, last_attempt_at = :now, delivered_at = COALESCE(:dl, "
        "delivered_at), last_status = :st, last_error = :err WHERE id = :i AND state = 'pending' "
        "AND claimed_until = :tok"
    )
    params = {
        "i": job.id,
        "at": now - outcome.duration_ms,
        "u": redact(job.url)[:2000],
        "st": outcome.status,
        "err": error,
        "dur": outcome.duration_ms,
        "snip": outcome.snippet,
        "s": state,
        "n": attempts,
        "next": next_at,
        "now": now,
        "dl": delivered,
        "tok": job.token,
    }
    if one_statement(conn):
        changed = await conn.execute(f"WITH attempt AS ({insert}) {update}", params)
    else:
        await conn.execute(insert, params)
        changed = await conn.execute(update, params)
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
        await conn.execute("SELECT pg_notify(:ch, :tok)", {"ch": CHANNEL, "tok": ""})
    return await get_delivery(conn, message_id)
