"""The rental events (API-extensions §6): `rent.ending` and `rent.finished`.

Queued in the outbox in the transaction of the change they report (the end of a
rental; the worker's claim of a due `rent.ending` notice), delivered to the client's
URL like every lifecycle event. `rentId` is what the client's dialect calls the
rental: the GUID (native `rentId`) or, for a client whose webhook format is
`smsactivate`, the integer id of `getRentNumber`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from otpvirt.db import Conn
from otpvirt.events import repository as repo
from otpvirt.events.repository import RentSubject
from otpvirt.events.service import (
    RENT_ENDING,
    RENT_FINISHED,
    WEBHOOK_CHANNEL,
    _json,
    _stamp,
    new_message_id,
    subscribed,
)
from otpvirt.money import currency, to_wire

# `rent.ending` goes out this long before the end (§6: one hour).
ENDING_LEAD_MS = 3_600_000
# webhook.targets.SMSACTIVATE (this package imports no webhook module).
SMSACTIVATE_FORMAT = "smsactivate"


def end_date(ms: int) -> str:
    """A rental's end as its `endDate` everywhere else (ISO 8601 UTC, whole seconds)."""
    return datetime.fromtimestamp(ms / 1000, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def rent_id(subject: RentSubject) -> str | int:
    """The rental's id in the client's dialect."""
    return subject.id if subject.format == SMSACTIVATE_FORMAT else subject.guid


async def _queue(
    conn: Conn, rental_id: int, event: str, state: str, now: int, *, refund: int | None = None
) -> str | None:
    found = await repo.rent_subject(conn, rental_id)
    if found is None or not found.url or not subscribed(found.events, event):
        return None
    body: dict[str, Any] = {
        "type": event,
        "rentId": rent_id(found),
        "clientId": found.client_id,
        "service": found.service,
        "number": int(found.phone),
        "endDate": end_date(found.ends_at),
        "state": state,
    }
    if refund is not None:
        body["refund"] = to_wire(refund, currency(found.currency))
        body["finishedAt"] = _stamp(now)
    message_id = new_message_id()
    await repo.insert_event(
        conn, message_id, found.client_id, None, event, _json(body), now, rental_id=rental_id
    )
    await repo.wake_workers(conn, WEBHOOK_CHANNEL)
    return message_id


async def record_rent_finished(
    conn: Conn, rental_id: int, state: str, refund: int, now: int
) -> str | None:
    """Queue `rent.finished` for a rental that just ended (caller's transaction).

    `state` is finished, cancelled or expired; `refund` what was given back (minor
    units, 0 when none). Returns the `webhook-id`, or None when nobody subscribed.
    """
    return await _queue(conn, rental_id, RENT_FINISHED, state, now, refund=refund)


async def record_rent_ending(conn: Conn, rental_id: int, now: int) -> str | None:
    """Queue `rent.ending` for a live rental whose last hour began (caller's transaction)."""
    return await _queue(conn, rental_id, RENT_ENDING, "active", now)
