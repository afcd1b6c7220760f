"""The Python SDK under its old name: `otpvirt.client` is `otpvirt_client`.

The SDK is its own distribution (`otpvirt-client`, source in `sdk/python/`, httpx its
only dependency); the server ships it too, so code written against `otpvirt.client`
keeps working. New code can import `otpvirt_client` directly.
"""

from otpvirt_client import (
    WEBHOOK_ACK,
    Activation,
    AsyncClient,
    Balance,
    Client,
    HistoryEntry,
    InvalidRequestError,
    NoNumbersError,
    OtpVirtError,
    Price,
    PriceList,
    ServerError,
    Sms,
    SmsAlreadyReceivedError,
    TransportError,
    WaitTimeout,
    WebhookSms,
    WebhookVerificationError,
    parse_webhook,
    sign_webhook,
    verify_webhook,
)

__all__ = [
    "WEBHOOK_ACK",
    "Activation",
    "AsyncClient",
    "Balance",
    "Client",
    "HistoryEntry",
    "InvalidRequestError",
    "NoNumbersError",
    "OtpVirtError",
    "Price",
    "PriceList",
    "ServerError",
    "Sms",
    "SmsAlreadyReceivedError",
    "TransportError",
    "WaitTimeout",
    "WebhookSms",
    "WebhookVerificationError",
    "parse_webhook",
    "sign_webhook",
    "verify_webhook",
]
