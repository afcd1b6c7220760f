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

from otpvirt.db import Conn
from otpvirt.errors import InvalidRequest, NotFound
from otpvirt.events.service import WEBHOOK_CHANNEL
from otpvirt.webhook.claim import Job, one_statement
from otpvirt.webhook.history import DELIVERED, FAILED, PENDING, DeliveryDetail, delivery
from otpvirt.webhook.repositories import outbox
from otpvirt.webhook.repositories.outbox import SmsActivateExtra
from otpvirt.webhook.sender import Outcome, redact
from otpvirt.webhook.signing import new_message_id
from otpvirt.webhook.targets import SMSACTIVATE

# PostgreSQL channel that wakes workers in other processes at once; the payload
# names the queuing process, whose own worker was already woken in-process.
CHANNEL = WEBHOOK_CHANNEL
PROCESS_TOKEN = uuid.uuid4().hex[:16]
JITTER = 0.2


def _payload(fmt: str, sms: Mapping[str, Any], extra: SmsActivateExtra | None) -> str:
    if fmt == SMSACTIVATE:
        stamp = datetime.fromtimestamp(sms["received_at"] / 1000, tz=UTC)
        body: dict[str, Any] = {
            "activationId": sms["activation_id"],
            "service": extra.service if extra else None,
            "text": sms["text"],
            "code": sms["code"],
            "country": extra.country if extra else None,
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
    target = await outbox.target(conn, sms["client_id"], CHANNEL, PROCESS_TOKEN)
    if target is None or not target.url:
        return None
    extra = None
    if target.format == SMSACTIVATE:
        extra = await outbox.smsactivate_extra(conn, sms["activation_id"])
    message_id = new_message_id()
    await outbox.insert_delivery(
        conn,
        message_id,
        sms["client_id"],
        sms["activation_id"],
        sms["id"],
        _payload(target.format, sms, extra),
        now,
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
    changed = await outbox.record_attempt(conn, params, one_statement=one_statement(conn))
    return state if changed else "stale"


async def redeliver(conn: Conn, message_id: str, now: int) -> DeliveryDetail:
    """Send a delivery again now, with the same `webhook-id` and a fresh retry schedule."""
    row = await outbox.lock_delivery(conn, message_id.strip())
    if row is None:
        raise NotFound(f"no webhook delivery {message_id}", reason="delivery_not_found")
    if not row.url:
        raise InvalidRequest(
            "the client has no webhook URL; set one with `otpvirt clients set-webhook`",
            reason="no_webhook_url",
        )
    await outbox.restart(conn, row.id, now, CHANNEL)
    return await delivery(conn, message_id)
