"""Lifecycle webhooks (API-extensions §6): activation.finished, balance.low, rent.*.

Each event is queued in the outbox in the transaction of the state change it
reports, and goes out like an SMS webhook: same signing, retries, history and
redelivery, one `webhook-id` per event. Only clients subscribed to the type
(`otpvirt clients set-webhook ID URL --events LIST`) with a URL get one.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

import orjson

from otpvirt.db import Conn
from otpvirt.errors import NotFound, ValidationFailed
from otpvirt.events import repository as repo
from otpvirt.ids import parse_guid
from otpvirt.money import currency, to_wire

SMS = "sms"
ACTIVATION_FINISHED = "activation.finished"
RENT_ENDING = "rent.ending"
RENT_FINISHED = "rent.finished"
BALANCE_LOW = "balance.low"
# rent.* are accepted now and fire once rentals exist.
EVENTS = (SMS, ACTIVATION_FINISHED, RENT_ENDING, RENT_FINISHED, BALANCE_LOW)
FINISHED_STATES = ("confirmed", "cancelled", "expired", "completed")
# The webhook workers' PostgreSQL wake-up channel (webhook.service uses the same).
WEBHOOK_CHANNEL = "otpvirt_webhooks"


def new_message_id() -> str:
    """A `webhook-id`, as `webhook.signing` makes them (unique, kept on retries)."""
    return f"msg_{uuid.uuid4().hex}"


def check_events(text: str) -> str:
    """A comma list of known event types, de-duplicated in the documented order."""
    asked = {part.strip().lower() for part in text.split(",") if part.strip()}
    unknown = sorted(asked - set(EVENTS))
    if unknown or not asked:
        raise ValidationFailed(
            f"unknown webhook event {', '.join(unknown) or '(none)'}: use {', '.join(EVENTS)}",
            reason="bad_webhook_events",
        )
    return ",".join(e for e in EVENTS if e in asked)


def subscribed(events: str, event: str) -> bool:
    """Whether the comma list `events` holds `event`."""
    return event in events.split(",")


def _stamp(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, tz=UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def _json(body: dict[str, Any]) -> str:
    return orjson.dumps(body).decode("utf-8")


async def record_activation_finished(
    conn: Conn, activation_id: int, state: str, refund: int, now: int
) -> str | None:
    """Queue `activation.finished` for a lease that just ended (caller's transaction).

    `state` is confirmed, cancelled, expired or completed; `refund` the amount given
    back (minor units). Returns the `webhook-id`, or None when nobody subscribed.
    """
    found = await repo.finished(conn, activation_id)
    if found is None or not found.url or not subscribed(found.events, ACTIVATION_FINISHED):
        return None
    body = {
        "type": ACTIVATION_FINISHED,
        "activationId": found.guid,
        "clientId": found.client_id,
        "service": found.service,
        "number": int(found.phone),
        "state": state,
        "refund": to_wire(refund, currency(found.currency)),
        "finishedAt": _stamp(now),
    }
    message_id = new_message_id()
    await repo.insert_event(
        conn, message_id, found.client_id, activation_id, ACTIVATION_FINISHED, _json(body), now
    )
    await repo.wake_workers(conn, WEBHOOK_CHANNEL)
    return message_id


async def record_cancelled(conn: Conn, activation: str | int, refund: int, now: int) -> None:
    """`activation.finished` (cancelled) for a lease cancelled by one statement (by guid/id)."""
    act_id = activation if isinstance(activation, int) else await repo.id_of(conn, activation)
    if act_id is not None:
        await record_activation_finished(conn, act_id, "cancelled", refund, now)


async def balance_changed(conn: Conn, client_id: str, now: int) -> str | None:
    """After a balance change: queue `balance.low` when it fell below the threshold.

    Fires once per fall (a flag, re-armed when the balance is back at or above the
    threshold), so repeated charges below it send nothing more.
    """
    turn = await repo.turn_low_balance(conn, client_id)
    if turn is None or not turn.alerted or not turn.url:
        return None
    if not subscribed(turn.events, BALANCE_LOW):
        return None
    cur = currency(turn.currency)
    body = {
        "type": BALANCE_LOW,
        "clientId": turn.id,
        "balance": to_wire(turn.balance, cur),
        "threshold": to_wire(turn.threshold, cur),
        "currency": cur.code,
        "at": _stamp(now),
    }
    message_id = new_message_id()
    await repo.insert_event(conn, message_id, turn.id, None, BALANCE_LOW, _json(body), now)
    await repo.wake_workers(conn, WEBHOOK_CHANNEL)
    return message_id


async def set_events(conn: Conn, client_id: str, events: str) -> str:
    """Subscribe the client to exactly these event types; returns the stored list."""
    cid = parse_guid(client_id, field="clientId")
    clean = check_events(events)
    if await repo.events_of(conn, cid) is None:
        raise NotFound(f"no client {cid}", reason="client_not_found")
    await repo.set_events(conn, cid, clean)
    return clean


async def events_of(conn: Conn, client_id: str) -> str:
    """The client's subscribed event types."""
    cid = parse_guid(client_id, field="clientId")
    found = await repo.events_of(conn, cid)
    if found is None:
        raise NotFound(f"no client {cid}", reason="client_not_found")
    return found


async def set_low_balance(conn: Conn, client_id: str, threshold: int | None, now: int) -> None:
    """Set (None: clear) the balance below which `balance.low` fires."""
    cid = parse_guid(client_id, field="clientId")
    if threshold is not None and threshold < 0:
        raise ValidationFailed("the threshold must not be negative", reason="bad_amount")
    if not await repo.set_low_balance(conn, cid, threshold):
        raise NotFound(f"no client {cid}", reason="client_not_found")
