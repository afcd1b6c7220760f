"""Receiving the SMS the server pushes to you (the "automatic SMS receipt" webhook).

Requests are signed as in the Standard Webhooks spec: headers ``webhook-id``,
``webhook-timestamp`` (Unix seconds) and ``webhook-signature`` (``v1,<base64 HMAC-SHA256 of
"{id}.{timestamp}.{body}">``, several may be space-separated), with the secret you were
given (``whsec_<base64 key>``). Hand the raw body bytes and the headers of any framework to
`parse_webhook` and answer `WEBHOOK_ACK` with HTTP 200.

Flask::

    @app.post("/otp")
    def otp_webhook():
        try:
            sms = parse_webhook(request.headers, request.get_data(), secret=SECRET)
        except WebhookVerificationError:
            return {"error": "bad signature"}, 400
        handle(sms.activation_id, sms.code)
        return WEBHOOK_ACK

FastAPI / Starlette::

    @app.post("/otp")
    async def otp_webhook(request: Request):
        sms = parse_webhook(request.headers, await request.body(), secret=SECRET)
        ...
        return WEBHOOK_ACK

aiohttp::

    async def otp_webhook(request: web.Request) -> web.Response:
        sms = parse_webhook(request.headers, await request.read(), secret=SECRET)
        ...
        return web.json_response(WEBHOOK_ACK)

Plain WSGI ``environ`` (``HTTP_WEBHOOK_ID``...) and raw ASGI header lists
(``[(b"webhook-id", b"...")]``) work as the headers too.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import time
from collections.abc import Iterable, Mapping
from typing import Any

from otpvirt_client import _wire
from otpvirt_client._errors import WebhookVerificationError
from otpvirt_client._models import WebhookSms

Headers = Mapping[str, Any] | Mapping[bytes, Any] | Iterable[tuple[str | bytes, str | bytes]]

# What the server expects back, with HTTP 200.
WEBHOOK_ACK: dict[str, int] = {"status": 2}
TOLERANCE_SECONDS = 5 * 60
_PREFIX = "whsec_"


def _text(value: str | bytes) -> str:
    return value.decode("latin-1") if isinstance(value, bytes) else str(value)


def _lower_headers(headers: Headers) -> dict[str, str]:
    items = headers.items() if isinstance(headers, Mapping) else headers
    out: dict[str, str] = {}
    for key, value in items:
        name = _text(key).lower()
        if name.startswith("http_"):  # a WSGI environ: HTTP_WEBHOOK_ID
            name = name[5:].replace("_", "-")
        if isinstance(value, str | bytes):
            out[name] = _text(value)
    return out


def _key(secret: str | bytes) -> bytes:
    if isinstance(secret, bytes):
        key = secret
    else:
        try:
            key = base64.b64decode(secret.removeprefix(_PREFIX) + "==", validate=False)
        except (binascii.Error, ValueError):
            raise WebhookVerificationError("the webhook secret is not whsec_<base64>") from None
    if not key:
        raise WebhookVerificationError("the webhook secret is empty")
    return key


def sign_webhook(msg_id: str, timestamp: int | str, body: bytes, secret: str | bytes) -> str:
    """The ``webhook-signature`` value for a body (useful to test your receiver)."""
    signed = f"{msg_id}.{timestamp}.".encode() + body
    digest = hmac.new(_key(secret), signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def verify_webhook(
    headers: Headers,
    body: bytes | str,
    secret: str | bytes,
    *,
    tolerance: float = TOLERANCE_SECONDS,
    now: float | None = None,
) -> None:
    """Check that `body` was signed with `secret` less than `tolerance` seconds ago (either
    way); raises `WebhookVerificationError` otherwise.

    >>> verify_webhook(request.headers, raw_body, SECRET)  # doctest: +SKIP
    """
    raw = body.encode() if isinstance(body, str) else bytes(body)
    found = _lower_headers(headers)
    msg_id = found.get("webhook-id")
    stamp = found.get("webhook-timestamp")
    signatures = found.get("webhook-signature")
    if not (msg_id and stamp and signatures):
        raise WebhookVerificationError(
            "missing webhook-id, webhook-timestamp or webhook-signature header"
        )
    stamp = stamp.strip()
    try:
        timestamp = float(stamp)
    except ValueError:
        raise WebhookVerificationError("webhook-timestamp is not Unix seconds") from None
    current = time.time() if now is None else now
    if abs(current - timestamp) > tolerance:
        raise WebhookVerificationError("webhook-timestamp is too old or too far in the future")
    expected = sign_webhook(msg_id, stamp, raw, secret).split(",", 1)[1].encode()
    for candidate in signatures.split():
        version, _, value = candidate.partition(",")
        if version == "v1" and hmac.compare_digest(value.encode(), expected):
            return
    raise WebhookVerificationError("no webhook-signature matches the secret")


def parse_webhook(headers: Headers, body: bytes | str, *, secret: str | bytes | None) -> WebhookSms:
    """Verify (unless `secret` is None) and parse a webhook request into a `WebhookSms`.

    Pass ``secret=None`` only when the endpoint is reachable by the server alone.

    >>> sms = parse_webhook(request.headers, raw_body, secret=SECRET)  # doctest: +SKIP
    >>> sms.activation_id, sms.code  # doctest: +SKIP
    ('df500217-3a9b-4260-8d87-cb72fe7c8a43', '905526')
    """
    if secret is not None:
        verify_webhook(headers, body, secret)
    try:
        data = json.loads(body)
    except ValueError:
        raise WebhookVerificationError("the webhook body is not JSON") from None
    if not isinstance(data, dict):
        raise WebhookVerificationError("the webhook body is not a JSON object")
    sms = _wire.parse_sms(data, "webhook", WebhookVerificationError)
    ids = {k: data.get(k) for k in ("clientId", "activationId")}
    missing = [k for k, v in ids.items() if not isinstance(v, str) or not v]
    if missing:
        raise WebhookVerificationError(f"webhook: {', '.join(missing)} missing")
    return WebhookSms(
        id=sms.id,
        sender=sms.sender,
        phone=sms.phone,
        text=sms.text,
        code=sms.code,
        client_id=str(ids["clientId"]).lower(),
        activation_id=str(ids["activationId"]).lower(),
    )
