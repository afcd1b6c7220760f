"""`otpvirt client history` and `otpvirt client reuse` against a real `otpvirt serve --demo`."""

from __future__ import annotations

import json

import pytest

from tests.cli.test_client import cli
from tests.client.conftest import VIBER_TEXT, inject
from tests.support.server import Server


@pytest.fixture
def server(demo_server: Server) -> Server:
    return demo_server


def test_history_and_reuse(server: Server) -> None:
    got = json.loads(cli(server, "number", "vi", "--country", "tajikistan", "--json").stdout)
    inject(server, got["number"], VIBER_TEXT)
    cli(server, "confirm", got["activationId"])
    listed = json.loads(cli(server, "history", "--limit", "100", "--json").stdout)
    [entry] = [h for h in listed if h["activationId"] == got["activationId"]]
    assert (entry["number"], entry["service"], entry["state"]) == (got["number"], "vi", "completed")
    assert [m["code"] for m in entry["sms"]] == ["905526"]
    # The table: one row, on a terminal as narrow as the test runner's.
    table = cli(server, "history", "--limit", "1").stdout
    assert "created" in table and "+" + str(got["number"])[:6] in table
    again = json.loads(cli(server, "reuse", got["activationId"], "--json").stdout)
    assert again["number"] == got["number"] and again["activationId"] != got["activationId"]
    # Busy now (leased by the reuse): exit 3, no numbers.
    cli(server, "reuse", got["activationId"], code=3)
    cli(server, "cancel", again["activationId"])
