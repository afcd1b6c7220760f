"""Helpers to speak to the gateway endpoints as real peers do."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from typing import Any

from otpvirt.runtime import Runtime
from otpvirt.sources import service as sources


async def source(rt: Runtime, name: str = "gw1", **kwargs: Any) -> tuple[sources.SourceInfo, str]:
    """A source and its token."""
    async with rt.db.transaction() as conn:
        return await sources.create_source(conn, name, **kwargs)


def gson(obj: Any) -> bytes:
    """JSON as the Android app's Gson writes it: compact, HTML-safe escapes, no nulls."""

    def strip(o: Any) -> Any:
        if isinstance(o, dict):
            return {k: strip(v) for k, v in o.items() if v is not None}
        if isinstance(o, list):
            return [strip(v) for v in o]
        return o

    text = json.dumps(strip(obj), ensure_ascii=False, separators=(",", ":"))
    for ch, esc in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("=", "\\u003d"),
        ("'", "\\u0027"),
    ):
        text = text.replace(ch, esc)
    return text.encode("utf-8")


def android_request(body: bytes, key: str, ts: int | None = None) -> dict[str, str]:
    """Headers the app sends: X-Timestamp (Unix seconds) and hex HMAC of body+timestamp."""
    stamp = str(int(time.time()) if ts is None else ts)
    sig = hmac.new(key.encode(), body + stamp.encode(), hashlib.sha256).hexdigest()
    return {
        "Content-Type": "application/json",
        "X-Signature": sig,
        "X-Timestamp": stamp,
        "User-Agent": "me.capcom.smsgateway/1.40.0",
    }


def sms_received(
    text: str,
    *,
    sender: str = "+79161234567",
    recipient: str | None = None,
    sim: int | None = 1,
    event_id: str = "s2N-KXXNSBbcc1GtOrcbF",
    device: str = "ffffffffceb0b1db0000018e937c815b",
) -> dict[str, Any]:
    """An `sms:received` event as the app emits it (newest payload version)."""
    return {
        "id": event_id,
        "webhookId": "wh-1",
        "event": "sms:received",
        "deviceId": device,
        "payload": {
            "messageId": "faf5e43c",
            "message": text,
            "receivedAt": "2026-11-27T15:46:11.000+07:00",
            "sender": sender,
            "recipient": recipient,
            "simNumber": sim,
            "phoneNumber": sender,
        },
    }
