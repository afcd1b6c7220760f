"""`otpvirt client ...` against a real `otpvirt serve --demo` on 127.0.0.1."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from otpvirt.cli.main import app
from otpvirt.client import Client, InvalidRequestError
from otpvirt.demo import DEMO_PRICES
from tests.client.conftest import VIBER_TEXT, closed_port_url, inject
from tests.support.server import Server


@pytest.fixture
def server(demo_server: Server) -> Server:
    return demo_server


def env_of(server: Server, **extra: str) -> dict[str, str]:
    return {
        "OTPVIRT_URL": server.base,
        "OTPVIRT_CLIENT_ID": server.client_id,
        "OTPVIRT_API_PASSWORD": server.password,
        **extra,
    }


def cli(server: Server, *args: str, code: int = 0, **env: str) -> Result:
    result = CliRunner().invoke(app, ["client", *args], env=env_of(server, **env))
    assert result.exit_code == code, (args, result.output)
    return result


def balance(server: Server) -> Decimal:
    return Decimal(json.loads(cli(server, "balance", "--json").stdout)["balance"])


def test_balance_prices_count(server: Server) -> None:
    assert cli(server, "balance").stdout.strip() == f"{balance(server)} USD"
    table = cli(server, "prices", "--country", "tajikistan").stdout
    assert "vi" in table and "0.05" in table and "laos" not in table
    prices = json.loads(cli(server, "prices", "--service", "wv", "--json").stdout)
    # The demo sells every service in every seed country (in catalogue order).
    countries = ["tajikistan", "iran", "libyan", "afghanistan", "latvia", "serbia", "laos"]
    assert prices == {
        "currency": "USD",
        "prices": [
            {"country": c, "service": "wv", "price": DEMO_PRICES[c]["wv"]} for c in countries
        ],
    }
    assert {"country": "laos", "service": "wv", "price": "1.23"} in prices["prices"]
    assert int(cli(server, "count", "fb", "tajikistan", "indigo").stdout) > 0
    counted = json.loads(cli(server, "count", "fb", "tajikistan", "--json").stdout)
    assert counted["provider"] == "any" and counted["count"] > 0


def test_number_sms_cancel_confirm(server: Server) -> None:
    start = balance(server)
    got = json.loads(cli(server, "number", "vi", "--country", "tajikistan", "--json").stdout)
    assert got["amount"] == "0.05" and str(got["number"]).startswith("992")
    assert json.loads(cli(server, "sms", got["activationId"], "--json").stdout) == []
    assert "no SMS yet" in cli(server, "sms", got["activationId"]).stdout
    cli(server, "cancel", got["activationId"])
    assert balance(server) == start

    got = json.loads(cli(server, "number", "vi", "--country", "tajikistan", "--json").stdout)
    inject(server, got["number"], VIBER_TEXT)
    [sms] = json.loads(cli(server, "sms", got["activationId"], "--json").stdout)
    assert (sms["sender"], sms["code"]) == ("Viber", "905526")
    assert "905526" in cli(server, "sms", got["activationId"]).stdout
    refused = cli(server, "cancel", got["activationId"], "--json", code=4)
    assert json.loads(refused.stdout)["error"]["reason"] == "sms_already_received"
    assert "error:" in refused.stderr
    done = json.loads(cli(server, "confirm", got["activationId"], "--json").stdout)
    assert done == {"activationId": got["activationId"], "status": "confirmed"}
    assert balance(server) == start - Decimal("0.05")


def test_wait_timeout_cancels_and_refunds(server: Server) -> None:
    start = balance(server)
    out = cli(server, "number", "vi", "--country", "tajikistan", "--wait", "--timeout", "1", code=5)
    assert "no SMS within 1 s" in out.stderr and "0.05 refunded" in out.stderr
    assert balance(server) == start
    out = cli(server, "number", "vi", "--wait", "--timeout", "0.5", "--json", code=5)
    data = json.loads(out.stdout)
    assert (data["status"], data["refunded"], data["code"]) == ("cancelled", "0.05", None)
    assert balance(server) == start


@pytest.mark.parametrize(
    ("args", "env", "code", "text"),
    [
        (["number", "zq", "--country", "tajikistan"], {}, 3, "not offered"),
        (["balance"], {"OTPVIRT_API_PASSWORD": "wrong-password"}, 1, "wrong apiPassword"),
        (["confirm", "0f9aa28a-125e-4f61-ac48-3d3a48b404a5"], {}, 1, "no such activation"),
        (["balance"], {"OTPVIRT_CLIENT_ID": ""}, 2, "--client-id"),
        (["number"], {}, 2, "Missing argument"),
    ],
)
def test_exit_codes(
    server: Server, args: list[str], env: dict[str, str], code: int, text: str
) -> None:
    result = cli(server, *args, code=code, OTPVIRT_DATA_DIR=str(Path("no-such-dir")), **env)
    assert text in result.output


def test_unreachable_service_exits_6(server: Server) -> None:
    out = cli(server, "balance", "--json", code=6, OTPVIRT_URL=closed_port_url())
    assert "cannot reach" in json.loads(out.stdout)["error"]["message"]


def test_demo_credentials_are_found_in_the_data_dir(server: Server) -> None:
    result = CliRunner().invoke(
        app,
        ["client", "balance", "--url", server.base],
        env={
            "OTPVIRT_CLIENT_ID": "",
            "OTPVIRT_API_PASSWORD": "",
            "OTPVIRT_DATA_DIR": str(server.data_dir),
        },
    )
    assert result.exit_code == 0, result.output
    assert "using the demo client" in result.stderr and "USD" in result.stdout


def _spawn(server: Server, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, **env_of(server), "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "otpvirt", "client", "number", "vi", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _leased(proc: subprocess.Popen[str]) -> tuple[int, str]:
    """The number and activation id the waiting CLI printed first."""
    assert proc.stdout is not None
    line = proc.stdout.readline()
    found = re.search(r"Number \+(\d+) for vi \(activation ([0-9a-f-]+),", line)
    assert found, line
    return int(found.group(1)), found.group(2)


def test_number_wait_prints_the_code_and_confirms(server: Server) -> None:
    start = balance(server)
    proc = _spawn(server, "--country", "tajikistan", "--wait", "--timeout", "60")
    number, activation = _leased(proc)
    errors: list[Any] = []

    def deliver() -> None:
        try:
            inject(server, number, VIBER_TEXT)
        except Exception as exc:  # surfaced by the assertion below
            errors.append(exc)

    threading.Thread(target=deliver).start()
    out, err = proc.communicate(timeout=90)
    assert proc.returncode == 0, (out, err, errors)
    assert "Code 905526 (from Viber)" in out and "confirmed" in err
    assert balance(server) == start - Decimal("0.05")
    with (
        Client(server.base, server.client_id, server.password) as otp,
        pytest.raises(InvalidRequestError) as finished,
    ):
        otp.confirm(activation)
    assert finished.value.reason == "activation_finished"


def test_ctrl_c_cancels_and_refunds(server: Server) -> None:
    start = balance(server)
    proc = _spawn(server, "--country", "tajikistan", "--wait")
    _, activation = _leased(proc)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, (out, err)
    assert "interrupted" in err and "0.05 refunded" in err
    assert balance(server) == start
    with (
        Client(server.base, server.client_id, server.password) as otp,
        pytest.raises(InvalidRequestError) as finished,
    ):
        otp.cancel(activation)
    assert finished.value.reason == "activation_finished"


def test_rent_sms_prolong_finish(server: Server) -> None:
    start = balance(server)
    got = json.loads(cli(server, "rent", "full", "4", "--country", "tajikistan", "--json").stdout)
    # Demo rent price: any service ("full") 0.10 per hour in Tajikistan.
    assert got["amount"] == "0.40" and str(got["number"]).startswith("992")
    assert json.loads(cli(server, "rent-sms", got["rentId"], "--json").stdout) == []
    inject(server, got["number"], VIBER_TEXT)
    [sms] = json.loads(cli(server, "rent-sms", got["rentId"], "--json").stdout)
    assert sms["code"] == "905526"
    refused = cli(server, "cancel-rent", got["rentId"], "--json", code=4)
    assert json.loads(refused.stdout)["error"]["reason"] == "rent_sms_received"
    more = json.loads(cli(server, "prolong-rent", got["rentId"], "4", "--json").stdout)
    assert more["amount"] == "0.40" and more["endsAt"] > got["endsAt"]
    cli(server, "finish-rent", got["rentId"])
    assert balance(server) == start - Decimal("0.80")
