"""Python client for an OTP-virt service: get a number, wait for the code, confirm.

>>> from otpvirt_client import Client
>>> with Client("http://127.0.0.1:8080", CLIENT_ID, API_PASSWORD) as otp:  # doctest: +SKIP
...     act = otp.get_number("vi", country="tajikistan")   # pays 0.05
...     code = otp.wait_for_code(act, timeout=300)          # '905526'
...     otp.confirm(act)

`AsyncClient` has the same methods, awaited. Results are typed (`Activation`, `Sms`,
`Balance`, `PriceList`) with money as `Decimal`. Requests are sent gzip-compressed.
It depends on httpx alone (`pip install otpvirt-client`, or `pip install ./sdk/python`
from the server's source tree); the server package re-exports it as `otpvirt.client`.

Every error is an `OtpVirtError`::

    OtpVirtError                      .message, .error (API number), .reason (snake_case)
    ├── NoNumbersError                error 1: no number fits; nothing was charged
    ├── ServerError                   error 2, HTTP status other than 200, or not the API's JSON
    ├── InvalidRequestError           error 3: bad credentials, unknown or finished activation,
    │                                 insufficient balance... (tell them apart by .reason)
    ├── SmsAlreadyReceivedError       error 4: cancel refused, an SMS came; confirm instead
    ├── TransportError                connection failed or timed out (.maybe_processed)
    ├── WaitTimeout                   no SMS in time (.activation_id); the lease is still live
    └── WebhookVerificationError      a webhook request with a bad signature or payload

Retries: idempotent reads (balance, prices, count, SMS) are repeated (`retries=`, default 2)
after a connection failure or an HTTP 502/503/504. GetNumber is paid and is never repeated
once the request may have reached the server: a `TransportError` with `maybe_processed`
True then means a number may have been leased and charged (an unused lease expires and is
refunded). Confirm and cancel are not repeated either: when a first attempt did take
effect, the second answers `InvalidRequestError` with reason ``activation_finished``.

Webhooks: `verify_webhook` and `parse_webhook` (in `otpvirt_client.webhooks`) check the
Standard Webhooks signature and parse the pushed SMS into a `WebhookSms`.
"""

from otpvirt_client._async import AsyncClient
from otpvirt_client._errors import (
    InvalidRequestError,
    NoNumbersError,
    OtpVirtError,
    ServerError,
    SmsAlreadyReceivedError,
    TransportError,
    WaitTimeout,
    WebhookVerificationError,
)
from otpvirt_client._history import HistoryEntry
from otpvirt_client._models import (
    Activation,
    Balance,
    Price,
    PriceList,
    Prolonged,
    Rental,
    Sms,
    WebhookSms,
)
from otpvirt_client._sync import Client
from otpvirt_client._version import __version__
from otpvirt_client.events import (
    ActivationFinished,
    BalanceLow,
    Event,
    RentEnding,
    RentEvent,
    RentFinished,
    RentUrlSms,
    WebhookRentalSms,
    parse_event,
)
from otpvirt_client.webhooks import WEBHOOK_ACK, parse_webhook, sign_webhook, verify_webhook

__all__ = [
    "WEBHOOK_ACK",
    "Activation",
    "ActivationFinished",
    "AsyncClient",
    "Balance",
    "BalanceLow",
    "Client",
    "Event",
    "HistoryEntry",
    "InvalidRequestError",
    "NoNumbersError",
    "OtpVirtError",
    "Price",
    "PriceList",
    "Prolonged",
    "RentEnding",
    "RentEvent",
    "RentFinished",
    "RentUrlSms",
    "Rental",
    "ServerError",
    "Sms",
    "SmsAlreadyReceivedError",
    "TransportError",
    "WaitTimeout",
    "WebhookRentalSms",
    "WebhookSms",
    "WebhookVerificationError",
    "__version__",
    "parse_event",
    "parse_webhook",
    "sign_webhook",
    "verify_webhook",
]
