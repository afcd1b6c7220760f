"""Money as integer minor units of an ISO 4217 currency; Decimal at the edges."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal

import orjson

from otpvirt.errors import ValidationFailed

# No amount or balance is ever stored beyond this many minor units: the schema's
# CHECK constraints say the same (migration 0012). It is far enough below 2**63
# that sums and differences of stored amounts cannot overflow 64-bit integers.
MAX_MINOR = 10**15
_BILLION = 10**9

# The one way to write an amount: ASCII digits with at most one '.', and a '-'
# where a negative amount makes sense. No thousands separators, no decimal comma,
# no exponent, no other scripts' digits: "1,000" must not quietly become 1.00.
_AMOUNT = re.compile(r"-?(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)")
_MAX_CHARS = 40


@dataclass(frozen=True, slots=True)
class Currency:
    """An ISO 4217 currency: codes, decimal places, and the largest sensible balance."""

    code: str
    numeric: int
    decimals: int
    # The largest balance, top-up or price, in major units: about a billion US
    # dollars' worth, rounded to a power of ten.
    max_major: int = _BILLION

    @property
    def scale(self) -> int:
        """How many minor units make one major unit."""
        scale: int = 10**self.decimals  # int ** int is typed Any (a negative power is a float)
        return scale

    @property
    def max_minor(self) -> int:
        """The largest balance, top-up or price in minor units."""
        return self.max_major * self.scale


# The currencies an operator can price in; extend here (ISO 4217 data).
CURRENCIES: dict[str, Currency] = {
    c.code: c
    for c in (
        Currency("USD", 840, 2),
        Currency("EUR", 978, 2),
        Currency("RUB", 643, 2, 100 * _BILLION),
        Currency("GBP", 826, 2),
        Currency("CNY", 156, 2, 10 * _BILLION),
        Currency("INR", 356, 2, 100 * _BILLION),
        Currency("UAH", 980, 2, 100 * _BILLION),
        Currency("KZT", 398, 2, 1000 * _BILLION),
        Currency("TJS", 972, 2, 10 * _BILLION),
        Currency("UZS", 860, 2, 10_000 * _BILLION),
        Currency("TRY", 949, 2, 100 * _BILLION),
        Currency("IDR", 360, 2, 10_000 * _BILLION),
        Currency("RSD", 941, 2, 100 * _BILLION),
        Currency("AFN", 971, 2, 100 * _BILLION),
        Currency("IRR", 364, 2, 10_000 * _BILLION),
        Currency("LAK", 418, 2, 10_000 * _BILLION),
        Currency("LYD", 434, 3, 10 * _BILLION),
        Currency("JPY", 392, 0, 100 * _BILLION),
        Currency("USDT", 0, 6),
    )
}
assert all(c.max_minor <= MAX_MINOR for c in CURRENCIES.values())


def currency(code: str) -> Currency:
    """Look a currency up by code, case-insensitively."""
    try:
        return CURRENCIES[code.strip().upper()]
    except KeyError:
        known = ", ".join(sorted(CURRENCIES))
        raise ValidationFailed(
            f"unknown currency {code!r} (known: {known})", reason="unknown_currency"
        ) from None


def plain_decimal(text: str) -> Decimal:
    """A decimal written as ASCII digits with at most one '.' (and maybe a leading '-')."""
    raw = text.strip() if isinstance(text, str) else ""
    if len(raw) > _MAX_CHARS or not _AMOUNT.fullmatch(raw):
        shown = repr(text) if len(str(text)) <= _MAX_CHARS else f"{str(text)[:_MAX_CHARS]!r}…"
        raise ValidationFailed(
            f"not an amount: {shown} (write digits with '.' as the decimal point, e.g. 1000.50)",
            reason="bad_amount",
        )
    return Decimal(raw)


def parse_amount(text: str | int | Decimal, cur: Currency, *, allow_negative: bool = False) -> int:
    """Parse a decimal amount into minor units, refusing sub-minor precision and excess."""
    if isinstance(text, Decimal):
        text = format(text, "f") if text.is_finite() else str(text)
    elif isinstance(text, int):
        text = "" if isinstance(text, bool) else str(text)
    value = plain_decimal(text)
    if value < 0 and not allow_negative:
        raise ValidationFailed(f"amount must not be negative: {text}", reason="bad_amount")
    minor = value * cur.scale
    if minor != minor.to_integral_value():
        raise ValidationFailed(
            f"{text} has more than {cur.decimals} decimal places for {cur.code}",
            reason="bad_amount",
        )
    if abs(minor) > cur.max_minor:
        raise ValidationFailed(
            f"amount {text} is too large: at most {format_amount(cur.max_minor, cur)} {cur.code}",
            reason="bad_amount",
        )
    return int(minor)


def to_decimal(minor: int, cur: Currency) -> Decimal:
    """Minor units to an exact Decimal with the currency's places."""
    return (Decimal(minor) / cur.scale).quantize(
        Decimal(1).scaleb(-cur.decimals), rounding=ROUND_HALF_EVEN
    )


def format_amount(minor: int, cur: Currency) -> str:
    """Minor units as a plain decimal string with the currency's places, e.g. '131.95'."""
    if cur.decimals == 0:
        return str(minor)
    sign = "-" if minor < 0 else ""
    whole, frac = divmod(abs(minor), cur.scale)
    return f"{sign}{whole}.{frac:0{cur.decimals}d}"


def to_wire(minor: int, cur: Currency) -> orjson.Fragment:
    """Minor units as a JSON number written exactly, e.g. `131.95`, `100.00`, `0.05`.

    Emitted as pre-serialised JSON text, so no binary float ever touches money.
    """
    return orjson.Fragment(format_amount(minor, cur).encode())
