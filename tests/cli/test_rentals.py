"""`otpvirt prices set-rent` and `otpvirt rentals list|show|finish`."""

from __future__ import annotations

import json

from tests.cli.conftest import Cli


def test_set_rent_and_rentals(cli: Cli) -> None:
    out = json.loads(cli("prices", "set-rent", "tajikistan", "full", "0.10", "--json"))
    assert out == {"country": "tajikistan", "service": "full", "perHour": "0.10", "currency": "USD"}
    assert "per hour" in cli("prices", "set-rent", "tajikistan", "tg", "0.05", "--currency", "USD")
    cli("prices", "set-rent", "tajikistan", "tg", "abc", ok=False)
    assert json.loads(cli("rentals", "list", "--json")) == []
    cli("rentals", "show", "12345", ok=False)
    cli("rentals", "finish", "12345", ok=False)
