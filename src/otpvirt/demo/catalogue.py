"""The demo's price list and number plans: every country and operator of the seed
catalogue sells every service.

Tajikistan (all but wv) and Laos (wv) keep the example prices of the collection; the rest
are plausible. Tajikistan stays the cheapest country for each service the collection
prices there, and Laos for `wv`, so a GetNumber without a country lands where the
collection's examples do.
"""

from __future__ import annotations

SERVICES = ("wa", "hw", "mb", "vi", "fb", "go", "ma", "wb", "tg", "ig", "vk", "wx", "wv")


def _row(prices: str) -> dict[str, str]:
    return dict(zip(SERVICES, prices.split(), strict=True))


# USD, one price per service in the order of SERVICES (wa hw mb vi fb go ma wb tg ig vk wx wv).
DEMO_PRICES: dict[str, dict[str, str]] = {
    "tajikistan": _row("0.32 0.06 0.03 0.05 0.06 0.09 0.03 0.14 0.29 0.06 0.03 0.03 1.45"),
    "iran": _row("0.34 0.07 0.04 0.06 0.07 0.10 0.04 0.15 0.31 0.08 0.04 0.05 1.35"),
    "libyan": _row("0.40 0.08 0.05 0.07 0.09 0.12 0.05 0.18 0.35 0.09 0.05 0.05 1.40"),
    "afghanistan": _row("0.36 0.07 0.04 0.06 0.08 0.11 0.04 0.16 0.33 0.07 0.04 0.04 1.30"),
    "latvia": _row("0.95 0.18 0.12 0.15 0.20 0.35 0.10 0.40 0.85 0.22 0.12 0.15 1.90"),
    "serbia": _row("0.65 0.12 0.08 0.10 0.14 0.22 0.07 0.30 0.55 0.15 0.08 0.10 1.60"),
    "laos": _row("0.42 0.08 0.05 0.08 0.09 0.13 0.05 0.17 0.38 0.09 0.05 0.06 1.23"),
}

# The simulated SIM bank the demo numbers are on.
SIMULATOR_SOURCE = "simulator"

# A realistic mobile prefix and the number of digits that follow it.
NUMBER_PLANS = {
    "tajikistan": ("9921123", 5),
    "iran": ("98912", 7),
    "libyan": ("21891", 7),
    "afghanistan": ("9379", 7),
    "latvia": ("3712", 7),
    "serbia": ("38164", 7),
    "laos": ("85620", 8),
}

# USD per hour of a rental: `full` (any service) and a cheaper Telegram/WhatsApp-only rent.
DEMO_RENT_PRICES: dict[str, dict[str, str]] = {
    "tajikistan": {"full": "0.10", "tg": "0.05", "wa": "0.06"},
    "iran": {"full": "0.11", "tg": "0.06"},
    "latvia": {"full": "0.25", "tg": "0.12"},
    "serbia": {"full": "0.18"},
    "laos": {"full": "0.12"},
}
