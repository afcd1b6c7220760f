"""SMS Gateway for Android (capcom6/android-sms-gateway) webhooks.

The app signs each request: `X-Signature` = hex HMAC-SHA256, keyed with the signing
key set in the app, over the raw body bytes followed by the `X-Timestamp` string
(Unix seconds). The envelope `id` stays the same across the app's retries, so it is
the message id we de-duplicate on.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Mapping
from typing import Any

from otpvirt.errors import InvalidRequest

TOLERANCE_SECONDS = 300
RECEIVED_EVENTS = ("sms:received", "sms:batch:received")


class BadSignature(InvalidRequest):
    reason = "bad_signature"


def verify(body: bytes, headers: Mapping[str, str], key: str, *, now: float | None = None) -> None:
    """Check the app's signature and timestamp, or raise BadSignature."""
    stamp = headers.get("x-timestamp", "")
    signature = headers.get("x-signature", "").strip().lower()
    if not stamp.isdigit() or not signature:
        raise BadSignature("missing X-Signature or X-Timestamp")
    if abs((now if now is not None else time.time()) - int(stamp)) > TOLERANCE_SECONDS:
        raise BadSignature("X-Timestamp is more than 5 minutes away from now")
    expected = hmac.new(key.encode(), body + stamp.encode(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, signature):
        raise BadSignature("X-Signature does not match the body")


def items(event: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The received SMS of an event, as gateway items (empty for other events)."""
    kind = event.get("event")
    if kind not in RECEIVED_EVENTS:
        return []
    payload = event.get("payload") or {}
    messages = payload.get("messages", []) if kind == "sms:batch:received" else [payload]
    device = event.get("deviceId")
    out = []
    for i, msg in enumerate(messages):
        if not isinstance(msg, Mapping):
            continue
        # The envelope id is stable across retries; messageId is a mere hash.
        ext = event.get("id") or msg.get("messageId")
        if ext and len(messages) > 1:
            ext = f"{ext}:{i}"
        out.append(
            {
                "to": msg.get("recipient"),
                # Older app versions send only the now-deprecated phoneNumber.
                "from": msg.get("sender") or msg.get("phoneNumber"),
                "text": msg.get("message"),
                "receivedAt": msg.get("receivedAt"),
                "messageId": ext,
                "device": device,
                "sim": msg.get("simNumber"),
            }
        )
    return out
