"""What the sync and async clients share: building requests, reading answers, the retry
schedule. No I/O happens here."""

from __future__ import annotations

import gzip
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import httpx

from otpvirt_client._errors import (
    InvalidRequestError,
    NoNumbersError,
    OtpVirtError,
    ServerError,
    SmsAlreadyReceivedError,
    TransportError,
)
from otpvirt_client._models import Activation, Balance, PriceList, Sms
from otpvirt_client._version import __version__

ActivationRef = Activation | str | uuid.UUID

HEADERS = {
    "Accept": "application/json",
    "Accept-Encoding": "gzip",
    "Content-Type": "application/json",
    "Content-Encoding": "gzip",
    "User-Agent": f"otpvirt-client/{__version__}",
}
_ERRORS: dict[int, type[OtpVirtError]] = {
    1: NoNumbersError,
    2: ServerError,
    3: InvalidRequestError,
    4: SmsAlreadyReceivedError,
}
# Failures that happen before a single byte of the request left: always safe to retry.
_NOT_SENT = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
    httpx.UnsupportedProtocol,
)
_RETRY_STATUS = frozenset({502, 503, 504})
_MAX_RETRY_DELAY = 2.0


@dataclass(frozen=True, slots=True)
class Call:
    """One API call: the method name, its body (without credentials), and whether
    sending it twice is harmless."""

    method: str
    body: dict[str, Any]
    idempotent: bool
    # Seconds the server may hold the answer (GetSms `wait`): added to the timeout.
    hold: float = 0.0

    @property
    def path(self) -> str:
        return f"/native/{self.method}"


BALANCE = Call("GetBalance", {}, idempotent=True)
PRICES = Call("GetPrice", {}, idempotent=True)


def count_call(service: str, country: str, provider: str) -> Call:
    """GetNumbersCount: how many numbers could be leased now."""
    body = {"service": service, "country": country, "provider": provider}
    return Call("GetNumbersCount", body, idempotent=True)


def number_call(service: str, country: str | None, provider: str | None) -> Call:
    """GetNumber: paid, so never repeated once it may have reached the server."""
    detail = {k: v for k, v in (("country", country), ("provider", provider)) if v is not None}
    return Call("GetNumber", {"service": service, "detail": detail}, idempotent=False)


def activation_call(method: str, activation: ActivationRef) -> Call:
    """ConfirmActivation / CancelActivation (not idempotent) or GetSms (idempotent)."""
    body = {"activationId": activation_id(activation)}
    return Call(method, body, idempotent=method == "GetSms")


def sms_call(activation: ActivationRef, *, wait: int = 0, after: str | None = None) -> Call:
    """GetSms, held by the server up to `wait` s until an SMS newer than `after` arrives."""
    body: dict[str, Any] = {"activationId": activation_id(activation)}
    if wait > 0:
        body["wait"] = wait
    if after is not None:
        body["after"] = after
    return Call("GetSms", body, idempotent=True, hold=float(max(wait, 0)))


def base_url(url: str) -> str:
    """The service root (a trailing ``/native`` or slash is dropped)."""
    url = url.strip().rstrip("/")
    return url.removesuffix("/native")


def activation_id(ref: ActivationRef) -> str:
    """The GUID of an `Activation`, a GUID string or a `uuid.UUID`."""
    if isinstance(ref, Activation):
        return ref.id
    return str(ref).strip()


def encode(credentials: dict[str, str], call: Call) -> bytes:
    """The gzip-compressed JSON body of a call."""
    raw = json.dumps({**credentials, **call.body}, separators=(",", ":")).encode()
    return gzip.compress(raw, compresslevel=6)


def decode(call: Call, status_code: int, content: bytes) -> dict[str, Any]:
    """The JSON object of a success answer; anything else raises the matching error."""
    if status_code != 200:
        raise ServerError(
            f"{call.method}: the server answered HTTP {status_code}", status_code=status_code
        )
    try:
        # parse_float=Decimal: money is never a binary float, not even for a moment.
        data = json.loads(content, parse_float=Decimal)
    except ValueError:
        raise ServerError(
            f"{call.method}: the answer is not JSON", status_code=status_code
        ) from None
    if not isinstance(data, dict):
        raise ServerError(f"{call.method}: the answer is not a JSON object", status_code=200)
    # The collection's own examples answer success with status 0: accept any status but 4.
    if data.get("error", 0) == 0 and data.get("status") != 4:
        return data
    raise error_from(call.method, data)


def error_from(method: str, data: dict[str, Any]) -> OtpVirtError:
    """The exception for an error envelope ``{"status": 4, "error": N, ...}``."""
    error = data.get("error")
    reason = data.get("reason") if isinstance(data.get("reason"), str) else None
    message = data.get("message") if isinstance(data.get("message"), str) else None
    code = error if isinstance(error, int) and not isinstance(error, bool) else None
    cls = _ERRORS.get(code, OtpVirtError) if code is not None else ServerError
    text = message or reason or f"{method} failed with error {error!r}"
    return cls(text, error=code, reason=reason)


def transport_error(call: Call, exc: httpx.RequestError, url: str, attempts: int) -> OtpVirtError:
    """Our error for an httpx failure, saying whether the call may have taken effect."""
    detail = str(exc) or type(exc).__name__
    if not isinstance(exc, httpx.TransportError):
        return ServerError(f"{call.method}: unreadable answer from {url}: {detail}")
    tries = f" (after {attempts} attempts)" if attempts > 1 else ""
    if isinstance(exc, _NOT_SENT):
        return TransportError(
            f"{call.method}: cannot reach {url}: {detail}{tries}", maybe_processed=False
        )
    if call.method == "GetNumber":
        message = (
            f"GetNumber: the connection to {url} failed after the request was sent ({detail}). "
            "A number may have been leased and charged; the call is not repeated automatically. "
            "Check get_balance() before asking again (an unused lease expires and is refunded)."
        )
    elif not call.idempotent:
        message = (
            f"{call.method}: the connection to {url} failed after the request was sent "
            f"({detail}); it may have taken effect (repeating it then answers "
            "activation_finished)."
        )
    else:
        message = f"{call.method}: the connection to {url} failed: {detail}{tries}"
    return TransportError(message, maybe_processed=True)


def retry_delay(call: Call, err: OtpVirtError, attempt: int, retries: int) -> float | None:
    """Seconds to wait before trying `call` again after `err`, or None to give up."""
    if attempt >= retries:
        return None
    if isinstance(err, TransportError):
        retry = call.idempotent or not err.maybe_processed
    else:
        retry = (
            call.idempotent and isinstance(err, ServerError) and err.status_code in _RETRY_STATUS
        )
    return min(0.25 * 2**attempt, _MAX_RETRY_DELAY) if retry else None


def _field(data: dict[str, Any], key: str, kind: type | tuple[type, ...], what: str) -> Any:
    value = data.get(key)
    if not isinstance(value, kind) or isinstance(value, bool):
        raise ServerError(f"{what}: unexpected answer, {key!r} missing or of the wrong type")
    return value


def money(data: dict[str, Any], key: str, what: str) -> Decimal:
    """An exact amount (the server prints integers for currencies without decimals)."""
    value = _field(data, key, (Decimal, int), what)
    return Decimal(value)


def parse_activation(data: dict[str, Any]) -> Activation:
    """GetNumber's answer (`ammount` is spelled so on the wire)."""
    key = "ammount" if "ammount" in data else "amount"
    return Activation(
        id=str(_field(data, "activationId", str, "GetNumber")).lower(),
        number=_field(data, "number", int, "GetNumber"),
        amount=money(data, key, "GetNumber"),
    )


def parse_sms(item: Any, what: str, fail: Callable[[str], Exception] = ServerError) -> Sms:
    """One SMS object (GetSms or webhook); "" as code means none was found."""
    if not isinstance(item, dict):
        raise fail(f"{what}: an SMS is not a JSON object")
    phone = item.get("phone")
    if isinstance(phone, str) and phone.isdigit():
        phone = int(phone)
    checks = {"id": str, "phoneFrom": str, "text": str}
    bad = [k for k, t in checks.items() if not isinstance(item.get(k), t)]
    if not isinstance(phone, int) or isinstance(phone, bool):
        bad.append("phone")
    code = item.get("code")
    if code is not None and not isinstance(code, str):
        bad.append("code")
    if bad:
        raise fail(f"{what}: SMS field(s) {', '.join(bad)} missing or of the wrong type")
    return Sms(item["id"], item["phoneFrom"], int(phone or 0), item["text"], code or None)


def parse_count(data: dict[str, Any]) -> int:
    """GetNumbersCount's answer."""
    count: int = _field(data, "count", int, "GetNumbersCount")
    return count


def parse_sms_list(data: dict[str, Any]) -> list[Sms]:
    """GetSms's answer, oldest first."""
    items = _field(data, "sms", list, "GetSms")
    return [parse_sms(item, "GetSms") for item in items]


def parse_balance(data: dict[str, Any]) -> Balance:
    """GetBalance's answer."""
    return Balance(
        amount=money(data, "balance", "GetBalance"),
        currency=_field(data, "currency", str, "GetBalance"),
    )


def parse_prices(data: dict[str, Any]) -> PriceList:
    """GetPrice's answer."""
    countries: dict[str, dict[str, Decimal]] = {}
    for entry in _field(data, "countryList", list, "GetPrice"):
        if not isinstance(entry, dict):
            raise ServerError("GetPrice: unexpected answer, a country entry is not an object")
        name = _field(entry, "country", str, "GetPrice")
        services = _field(entry, "services", dict, "GetPrice")
        countries[name] = {code: money(services, code, "GetPrice") for code in services}
    return PriceList(currency=_field(data, "currency", str, "GetPrice"), countries=countries)
