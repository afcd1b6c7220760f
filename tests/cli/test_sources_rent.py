"""`otpvirt sources create --rent` and `otpvirt sources rent NAME --on/--off`."""

from __future__ import annotations

import json

from tests.cli.conftest import Cli

UP = ["--upstream-smsactivate", "http://127.0.0.1:9/x", "--api-key", "k1", "--max-price", "0.5"]


def _rent(cli: Cli) -> dict[str, object]:
    return {r["name"]: r["rent"] for r in json.loads(cli("sources", "list", "--json"))}


def test_renting_through_an_upstream_is_switched_per_source(cli: Cli) -> None:
    cli("sources", "create", "gw", "--kind", "gateway")
    cli("sources", "create", "up1", *UP, "--rent")
    cli("sources", "create", "up2", *UP)
    assert _rent(cli) == {"gw": None, "up1": True, "up2": False}
    assert "rent" in cli("sources", "list")
    assert "up2: rent on" in cli("sources", "rent", "up2", "--on")
    cli("sources", "rent", "up1", "--off")
    assert _rent(cli) == {"gw": None, "up1": False, "up2": True}
    assert "only upstream providers" in cli("sources", "rent", "gw", "--on", ok=False)
    assert "nosuch" in cli("sources", "rent", "nosuch", "--on", ok=False)
