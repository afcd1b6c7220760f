"""IBANs in SMS text: written solid or in blocks of four, cut to their country's length."""

from __future__ import annotations

import re

HINT = re.compile(r"[A-Z]{2}\d\d")
# Solid, or in blocks of four; after the bank's block every block holds a digit, so that
# "RO49 AAAA 1B31 0075 9384 0000 ESTE 482193" ends before "ESTE".
_IBAN = re.compile(
    r"(?<![A-Za-z0-9])[A-Z]{2}\d{2}"
    r"(?:[A-Z0-9]{11,30}(?![A-Za-z0-9])"
    r"|[ ][A-Z0-9]{4}(?:[ ](?=[A-Z]{0,3}\d)[A-Z0-9]{4}){1,6}"
    r"(?:[ ](?=[A-Z]{0,3}\d)[A-Z0-9]{1,4}(?![A-Za-z0-9]))?)"
)

# Characters of an IBAN per country (ISO 13616 registry): "AT61 1904 3002 3457 3201 4821"
# is an Austrian IBAN of 20 characters, then a code.
# fmt: off
LENGTHS: dict[str, int] = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22,
    "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "DO": 28,
    "EE": 20, "EG": 29, "ES": 24, "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23,
    "GL": 18, "GR": 27, "GT": 28, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26,
    "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20,
    "LV": 21, "LY": 25, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MR": 27, "MT": 31, "MU": 30,
    "NL": 18, "NO": 15, "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22,
    "SA": 24, "SC": 31, "SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "ST": 25, "SV": 28,
    "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20,
}
# fmt: on


def spans(t: str) -> list[tuple[int, int]]:
    """Start/end offsets of the IBANs in the text, each no longer than its country allows."""
    out: list[tuple[int, int]] = []
    for m in _IBAN.finditer(t):
        start, end = m.span()
        size = LENGTHS.get(t[start : start + 2])
        if size is not None:
            count = 0
            for i in range(start, end):
                if t[i] != " ":
                    count += 1
                    if count == size:
                        end = i + 1
                        break
        out.append((start, end))
    return out
