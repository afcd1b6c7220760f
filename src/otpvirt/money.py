"""Money as integer minor units of an ISO 4217 currency; Decimal at the edges."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation

import orjson

from otpvirt.errors import ValidationFailed


@dataclass(frozen=True, slots=True)
class Currency:
    """An ISO 4217 currency: alphabetic code, numeric code, decimal places."""

    code: str
    numeric: int
    decimals: int

    @property
    def scale(self) -> int:
        """How many minor units make one major unit."""
        scale: int = 10**self.decimals  # int ** int is typed Any (a negative power is a float)
        return scale


# The currencies an operator can price in; extend here (ISO 4217 data).
CURRENCIES: dict[str, Currency] = {
    c.code: c
    for c in (
        Currency("USD", 840, 2),
        Currency("EUR", 978, 2),
        Currency("RUB", 643, 2),
        Currency("GBP", 826, 2),
        Currency("CNY", 156, 2),
        Currency("INR", 356, 2),
        Currency("UAH", 980, 2),
        Currency("KZT", 398, 2),
        Currency("TJS", 972, 2),
        Currency("UZS", 860, 2),
        Currency("TRY", 949, 2),
        Currency("IDR", 360, 2),
        Currency("RSD", 941, 2),
        Currency("AFN", 971, 2),
        Currency("IRR", 364, 2),
        Currency("LAK", 418, 2),
        Currency("LYD", 434, 3),
        Currency("JPY", 392, 0),
        Currency("USDT", 0, 6),
    )
}


def currency(code: str) -> Currency:
    """Look a currency up by code, case-insensitively."""
    try:
        return CURRENCIES[code.strip().upper()]
    except KeyError:
        known = ", ".join(sorted(CURRENCIES))
        raise ValidationFailed(
            f"unknown currency {code!r} (known: {known})", reason="unknown_currency"
        ) from None


def parse_amount(text: str | int | Decimal, cur: Currency, *, allow_negative: bool = False) -> int:
    """Parse a decimal amount into minor units, refusing sub-minor precision."""
    try:
        value = Decimal(str(text).strip().replace(",", "."))
    except InvalidOperation:
        raise ValidationFailed(f"not an amount: {text!r}", reason="bad_amount") from None
    if not value.is_finite():
        raise ValidationFailed(f"not an amount: {text!r}", reason="bad_amount")
    minor = value * cur.scale
    if minor != minor.to_integral_value():
        raise ValidationFailed(
            f"{text} has more than {cur.decimals} decimal places for {cur.code}",
            reason="bad_amount",
        )
    if minor < 0 and not allow_negative:
        raise ValidationFailed(f"amount must not be negative: {text}", reason="bad_amount")
    if abs(minor) >= 2**62:
        raise ValidationFailed(f"amount out of range: {text}", reason="bad_amount")
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
