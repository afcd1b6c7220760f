"""Webhook signatures checked against the reference `standardwebhooks` library."""

from __future__ import annotations

import base64
import json
import os
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from standardwebhooks import Webhook

from otpvirt.client import WebhookSms, WebhookVerificationError, parse_webhook, verify_webhook
from otpvirt.client.webhooks import sign_webhook

SECRET = "whsec_" + base64.b64encode(os.urandom(32)).decode()
PAYLOAD: dict[str, Any] = {
    "id": "0f9aa28a-125e-4f61-ac48-3d3a48b404a5",
    "phoneFrom": "Viber",
    "phone": 992112302159,
    "text": "<#> Your Viber code: 905526 — не сообщайте его никому",
    "code": "905526",
    "clientId": "BD7BF3DD-EA7A-4079-A836-4BB26592FDAD",
    "activationId": "df500217-3a9b-4260-8d87-cb72fe7c8a43",
}


def signed(
    payload: object = PAYLOAD, *, secret: str = SECRET, at: datetime | None = None
) -> tuple[dict[str, str], bytes]:
    """Headers and body exactly as a Standard Webhooks sender makes them."""
    body = json.dumps(payload, ensure_ascii=False)
    when = at or datetime.now(tz=UTC)
    msg_id = "msg_2b7c9a"
    signature = Webhook(secret).sign(msg_id, when, body)
    headers = {
        "Webhook-Id": msg_id,
        "Webhook-Timestamp": str(int(when.timestamp())),
        "Webhook-Signature": signature,
    }
    return headers, body.encode()


def test_reference_signatures_verify_and_parse() -> None:
    headers, body = signed()
    verify_webhook(headers, body, SECRET)
    sms = parse_webhook(headers, body, secret=SECRET)
    assert sms == WebhookSms(
        id=PAYLOAD["id"],
        sender="Viber",
        phone=992112302159,
        text=str(PAYLOAD["text"]),
        code="905526",
        client_id="bd7bf3dd-ea7a-4079-a836-4bb26592fdad",
        activation_id="df500217-3a9b-4260-8d87-cb72fe7c8a43",
    )


def test_our_signature_verifies_with_the_reference() -> None:
    body = json.dumps(PAYLOAD).encode()
    stamp = int(time.time())
    headers = {
        "webhook-id": "msg_1",
        "webhook-timestamp": str(stamp),
        "webhook-signature": sign_webhook("msg_1", stamp, body, SECRET),
    }
    assert Webhook(SECRET).verify(body, headers) == PAYLOAD


def test_any_of_several_signatures_may_match() -> None:
    headers, body = signed()
    other = signed(secret="whsec_" + base64.b64encode(b"rotated-key-0123456789").decode())[0]
    headers["Webhook-Signature"] = (
        f"v1a,xyz {other['Webhook-Signature']} " + headers["Webhook-Signature"]
    )
    verify_webhook(headers, body, SECRET)


@pytest.mark.parametrize(
    "spoil",
    [
        lambda h, b: (h, b.replace(b"905526", b"000000", 1)),
        lambda h, b: ({**h, "Webhook-Id": "msg_other"}, b),
        lambda h, b: ({k: v for k, v in h.items() if k != "Webhook-Signature"}, b),
        lambda h, b: ({**h, "Webhook-Signature": "v2," + h["Webhook-Signature"][3:]}, b),
        lambda h, b: ({**h, "Webhook-Timestamp": "yesterday"}, b),
    ],
)
def test_tampered_requests_are_refused(spoil: object) -> None:
    headers, body = spoil(*signed())  # type: ignore[operator]
    with pytest.raises(WebhookVerificationError):
        parse_webhook(headers, body, secret=SECRET)


def test_wrong_secret_is_refused() -> None:
    headers, body = signed(secret="whsec_" + base64.b64encode(b"someone-else-entirely").decode())
    with pytest.raises(WebhookVerificationError, match="no webhook-signature matches"):
        verify_webhook(headers, body, SECRET)


@pytest.mark.parametrize("minutes", [-6, 6])
def test_timestamps_outside_five_minutes_are_refused(minutes: int) -> None:
    headers, body = signed(at=datetime.now(tz=UTC) + timedelta(minutes=minutes))
    with pytest.raises(WebhookVerificationError, match="timestamp"):
        verify_webhook(headers, body, SECRET)
    verify_webhook(headers, body, SECRET, now=time.time() + minutes * 60)


def test_wsgi_environ_and_raw_asgi_headers() -> None:
    headers, body = signed()
    environ = {"HTTP_" + k.upper().replace("-", "_"): v for k, v in headers.items()}
    environ["wsgi.input"] = object()  # type: ignore[assignment]
    assert parse_webhook(environ, body, secret=SECRET).code == "905526"
    raw = [(k.lower().encode(), v.encode()) for k, v in headers.items()]
    assert parse_webhook(raw, body, secret=SECRET).code == "905526"


def test_payload_problems() -> None:
    sms = parse_webhook({}, json.dumps({**PAYLOAD, "code": ""}), secret=None)
    assert sms.code is None
    for bad in [b"not json", b"[]", json.dumps({**PAYLOAD, "activationId": None}).encode()]:
        with pytest.raises(WebhookVerificationError):
            parse_webhook({}, bad, secret=None)
    with pytest.raises(WebhookVerificationError, match="phone"):
        parse_webhook({}, json.dumps({**PAYLOAD, "phone": "+992"}), secret=None)
