"""Webhooks of rentals (API-extensions §1): every SMS to a rented number is pushed to the
client's webhook URL and, when the rental was given one, to the rental's own `url`.

Both deliveries are queued in the transaction that stores the SMS and go out like
every webhook (signed with the client's secret, same retries, history and
redelivery). Bodies:
- client URL, `native` format: the seed's SMS webhook with `rentId` (the GUID) in place
  of `activationId`;
- client URL in the `smsactivate` format, and the rental's `url`: sms-activate's
  `{"rentId": <id of getRentNumber>, "sms": {"phoneFrom", "text", "date"}}`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

import orjson

from otpvirt.db import Conn
from otpvirt.webhook.repositories import outbox
from otpvirt.webhook.service import CHANNEL, PROCESS_TOKEN
from otpvirt.webhook.signing import new_message_id
from otpvirt.webhook.targets import SMSACTIVATE

CLIENT, RENTAL = "client", "rental"


def native_body(sms: Mapping[str, Any]) -> str:
    """The seed's SMS webhook body, with `rentId` instead of `activationId`."""
    body = {
        "id": sms["guid"],
        "phoneFrom": sms["sender"],
        "phone": sms["phone"],
        "text": sms["text"],
        "code": sms["code"],
        "clientId": sms["client_id"],
        "rentId": sms["rental_guid"],
    }
    return orjson.dumps(body).decode("utf-8")


def smsactivate_body(sms: Mapping[str, Any]) -> str:
    """sms-activate's rent webhook body."""
    date = datetime.fromtimestamp(sms["received_at"] / 1000, tz=UTC)
    body = {
        "rentId": sms["rental_id"],
        "sms": {
            "phoneFrom": sms["sender"],
            "text": sms["text"],
            "date": date.strftime("%Y-%m-%d %H:%M:%S"),
        },
    }
    return orjson.dumps(body).decode("utf-8")


async def enqueue_sms(conn: Conn, sms: Mapping[str, Any], now: int) -> list[str]:
    """Queue the webhooks of an SMS routed to a rental (caller's transaction).

    `sms` holds id, guid, sender, phone, text, code, received_at, client_id,
    rental_id (integer), rental_guid and rental_url. Returns the `webhook-id`s.
    """
    queued: list[str] = []
    client_id, rental_id = sms["client_id"], int(sms["rental_id"])
    # On PostgreSQL this also asks for a NOTIFY at commit when the client has a URL.
    target = await outbox.target(conn, client_id, CHANNEL, PROCESS_TOKEN)
    if target is not None and target.url:
        body = smsactivate_body(sms) if target.format == SMSACTIVATE else native_body(sms)
        queued.append(new_message_id())
        await outbox.insert_delivery(
            conn, queued[-1], client_id, None, sms["id"], body, now, rental_id=rental_id
        )
    url = sms.get("rental_url")
    if url:
        queued.append(new_message_id())
        await outbox.insert_delivery(
            conn,
            queued[-1],
            client_id,
            None,
            sms["id"],
            smsactivate_body(sms),
            now,
            rental_id=rental_id,
            target=RENTAL,
            url=str(url),
        )
        if target is None or not target.url:
            await outbox.wake(conn, CHANNEL, PROCESS_TOKEN)
    return queued
