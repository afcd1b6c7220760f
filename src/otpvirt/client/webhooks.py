"""`otpvirt.client.webhooks` is `otpvirt_client.webhooks` (the SDK's webhook verification)."""

from otpvirt_client.webhooks import (
    TOLERANCE_SECONDS,
    WEBHOOK_ACK,
    Headers,
    parse_webhook,
    sign_webhook,
    verify_webhook,
)

__all__ = [
    "TOLERANCE_SECONDS",
    "WEBHOOK_ACK",
    "Headers",
    "parse_webhook",
    "sign_webhook",
    "verify_webhook",
]
