"""The sms-activate dialect's parameters, answer tokens and value formats."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime
from decimal import ROUND_DOWN, ROUND_FLOOR, Decimal, InvalidOperation

from otpvirt.activation.progress import Sms
from otpvirt.errors import ValidationFailed
from otpvirt.money import Currency

Params = Mapping[str, str]

_DIGITS = re.compile(r"[0-9]{1,18}")
_PREFIX = re.compile(r"[0-9]{1,15}")
MAX_PREFIXES = 20
MAX_ORDER_ID = 128
MAX_LIMIT = 1000

READY, RETRY, COMPLETE, CANCEL = 1, 3, 6, 8
# -1 is the cancel of the protocol's first version; some old clients still send it.
_STATUSES = {"1": READY, "3": RETRY, "6": COMPLETE, "8": CANCEL, "-1": CANCEL}


class DialectError(ValidationFailed):
    """Bad input, answered with a fixed token of the protocol."""

    reason = "smsactivate_token"

    def __init__(self, token: str, message: str | None = None) -> None:
        super().__init__(message or token)
        self.token = token


def _get(params: Params, name: str) -> str:
    return (params.get(name) or "").strip()


def service_code(params: Params) -> str:
    """The `service` parameter (BAD_SERVICE when missing)."""
    code = _get(params, "service")
    if not code or len(code) > 36:
        raise DialectError("BAD_SERVICE")
    return code


def activation_id(params: Params) -> int:
    """The `id` parameter: a positive integer (WRONG_ACTIVATION_ID otherwise)."""
    raw = _get(params, "id")
    if not _DIGITS.fullmatch(raw) or int(raw) == 0:
        raise DialectError("WRONG_ACTIVATION_ID")
    return int(raw)


def status(params: Params) -> int:
    """The `status` of setStatus: 1, 3, 6 or 8 (BAD_STATUS otherwise)."""
    value = _STATUSES.get(_get(params, "status"))
    if value is None:
        raise DialectError("BAD_STATUS")
    return value


def max_price(params: Params, cur: Currency) -> int | None:
    """`maxPrice` in minor units, rounded down (a price is at most 0.055 iff at most 0.05)."""
    raw = _get(params, "maxPrice")
    if not raw:
        return None
    try:
        value = Decimal(raw.replace(",", "."))
    except InvalidOperation:
        raise DialectError("BAD_DATA", f"maxPrice is not a number: {raw!r}") from None
    if not value.is_finite() or abs(value) >= 10**15:
        raise DialectError("BAD_DATA", f"maxPrice is out of range: {raw!r}")
    return int((value * cur.scale).to_integral_value(rounding=ROUND_FLOOR))


def phone_exceptions(params: Params) -> tuple[str, ...]:
    """`phoneException`: comma-separated number prefixes to avoid (country code first)."""
    raw = _get(params, "phoneException")
    prefixes = [p.strip().lstrip("+") for p in raw.split(",") if p.strip()]
    if len(prefixes) > MAX_PREFIXES or not all(_PREFIX.fullmatch(p) for p in prefixes):
        raise DialectError("WRONG_EXCEPTION_PHONE")
    return tuple(dict.fromkeys(prefixes))


def operators(params: Params) -> list[str | None]:
    """`operator`: comma-separated operator names; None stands for any operator."""
    names = [o.strip().lower() for o in _get(params, "operator").split(",") if o.strip()]
    if not names or "any" in names:
        return [None]
    if any(len(n) > 64 for n in names):
        raise DialectError("WRONG_OPERATOR")
    return list(dict.fromkeys(names))


def order_id(params: Params) -> str | None:
    """`orderId`, the client's idempotency key for buying."""
    raw = _get(params, "orderId")
    if len(raw) > MAX_ORDER_ID:
        raise DialectError("BAD_DATA", f"orderId is longer than {MAX_ORDER_ID} characters")
    return raw or None


def check_no_forward(params: Params) -> None:
    """Call forwarding is not offered: `forward` must be absent or 0."""
    if _get(params, "forward").lower() not in ("", "0", "false"):
        raise DialectError("BAD_FORWARD", "call forwarding is not offered")


def paging(params: Params) -> tuple[int, int]:
    """`start` and `limit` of a listing."""
    start, limit = _get(params, "start") or "0", _get(params, "limit") or "100"
    if not _DIGITS.fullmatch(start) or not _DIGITS.fullmatch(limit):
        raise DialectError("BAD_DATA", "start and limit must be non-negative integers")
    return int(start), min(int(limit), MAX_LIMIT)


def sa_time(ms: int) -> str:
    """Epoch milliseconds as `YYYY-MM-DD HH:MM:SS` (UTC), the protocol's date format."""
    return datetime.fromtimestamp(ms / 1000, UTC).strftime("%Y-%m-%d %H:%M:%S")


def two_decimals(minor: int, cur: Currency) -> str:
    """An amount with exactly two decimals, rounded down (never overstates a balance)."""
    value = Decimal(minor) / cur.scale
    return str(value.quantize(Decimal("0.01"), rounding=ROUND_DOWN))


def status_code(sms: Sms | None) -> str:
    """What follows `STATUS_OK:`: the parsed code, else the text, never with a `:`."""
    if sms is None:
        return ""
    # Clients split the answer on ':' and take the second field.
    return " ".join((sms.code or sms.text).replace(":", " ").split())
