"""The operator CLI, end to end on both databases."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from tests.cli.conftest import Cli


def test_clients_create_list_show_topup_disable(cli: Cli) -> None:
    out = json.loads(cli("clients", "create", "--balance", "5.50", "--json"))
    cid, pw = out["clientId"], out["apiPassword"]
    assert len(pw) >= 8 and out["balance"] == "5.50"
    listed = json.loads(cli("clients", "list", "--json"))
    assert [c["clientId"] for c in listed] == [cid]
    cli("clients", "topup", cid, "1.25")
    shown = json.loads(cli("clients", "show", cid, "--json"))
    assert shown["balance"] == "6.75"
    assert [e["kind"] for e in shown["ledger"]] == ["topup", "topup"]
    err = cli("clients", "topup", cid, "0.001", ok=False)
    assert "decimal places" in err
    cli("clients", "adjust", cid, "-0.75", "--reason", "goodwill reversal")
    assert json.loads(cli("clients", "show", cid, "--json"))["balance"] == "6.00"
    assert "less than" in cli("clients", "adjust", cid, "-7", "--reason", "x", ok=False)
    cli("clients", "disable", cid)
    assert json.loads(cli("clients", "show", cid, "--json"))["enabled"] is False


def test_client_with_given_id_and_password(cli: Cli) -> None:
    gid = "BD7BF3DD-EA7A-4079-A836-4BB26592FDAD"
    out = json.loads(
        cli("clients", "create", "--client-id", gid, "--password", "twelve-chars", "--json")
    )
    assert out == {
        "clientId": gid.lower(),
        "apiPassword": "twelve-chars",
        "currency": "USD",
        "balance": "0.00",
    }
    assert "already exists" in cli("clients", "create", "--client-id", gid, ok=False)
    assert "8 to 128" in cli("clients", "create", "--password", "short", ok=False)
    assert "unknown currency" in cli("clients", "create", "--currency", "XXX", ok=False)


def test_catalogue_and_prices(cli: Cli, tmp_path: Path) -> None:
    cat = json.loads(cli("catalogue", "list", "--json"))
    names = [c["name"] for c in cat["countries"]]
    assert names == ["tajikistan", "iran", "libyan", "afghanistan", "latvia", "serbia", "laos"]
    assert {s["code"] for s in cat["services"]} >= {"wa", "vi", "tg", "fb", "wv"}
    cli("catalogue", "add-country", "kyrgyzstan", "--calling-code", "996", "--smsactivate-id", "11")
    cli("catalogue", "add-provider", "kyrgyzstan", "megacom")
    cli("catalogue", "add-service", "oi", "Tinder")
    assert "already exists" in cli("catalogue", "add-service", "oi", "Tinder", ok=False)
    assert "unknown country" in cli("catalogue", "add-provider", "narnia", "x", ok=False)
    cli("prices", "set", "kyrgyzstan", "oi", "0.40")
    csv = tmp_path / "prices.csv"
    csv.write_text("country,service,price,currency\ntajikistan,vi,0.05,USD\nlaos,zz,1,USD\n")
    out = cli("prices", "import", str(csv), ok=False)
    assert "line 3" in out and "unknown service" in out
    rows = json.loads(cli("prices", "list", "--json"))
    assert {(r["country"], r["service"], r["price"]) for r in rows} == {
        ("kyrgyzstan", "oi", "0.40"),
        ("tajikistan", "vi", "0.05"),
    }
    assert "decimal places" in cli("prices", "set", "laos", "wv", "1.234", ok=False)


def test_numbers_import_is_idempotent_and_reports_lines(cli: Cli, tmp_path: Path) -> None:
    csv = tmp_path / "numbers.csv"
    csv.write_text(
        "number,country,provider\n"
        "+992 11 230 2159,tajikistan,indigo\n"
        "992112302160,tajikistan,indigo\n"
        "992112302160,tajikistan,indigo\n"
        "37120000000,tajikistan,indigo\n"
        "99211,tajikistan,indigo\n"
        "992112302161,tajikistan,nope\n"
    )
    rep = json.loads(cli("numbers", "import", str(csv), "--json"))
    assert rep["added"] == 2
    assert [s["line"] for s in rep["skipped"]] == [4]
    assert [i["line"] for i in rep["invalid"]] == [5, 6, 7]
    again = json.loads(cli("numbers", "import", str(csv), "--json"))
    assert again["added"] == 0 and [s["line"] for s in again["skipped"]] == [2, 3, 4]
    listed = json.loads(cli("numbers", "list", "--json"))
    assert [n["number"] for n in listed] == [992112302159, 992112302160]
    cli("numbers", "disable", "992112302159")
    assert [
        n["number"] for n in json.loads(cli("numbers", "list", "--state", "free", "--json"))
    ] == [992112302160]
    assert "no number" in cli("numbers", "disable", "992000000000", ok=False)


def test_sms_inject_goes_through_ingest(cli: Cli, tmp_path: Path) -> None:
    csv = tmp_path / "n.csv"
    csv.write_text("number,country,provider\n992112302159,tajikistan,indigo\n")
    cli("numbers", "import", str(csv))
    out = json.loads(
        cli(
            "sms",
            "inject",
            "--to",
            "992112302159",
            "--from",
            "Viber",
            "--text",
            "Code: 1234",
            "--json",
        )
    )
    assert out["status"] == "accepted" and out["activationId"] is None and out["code"] == "1234"
    dup = json.loads(
        cli(
            "sms",
            "inject",
            "--to",
            "992112302159",
            "--from",
            "Viber",
            "--text",
            "Code: 1234",
            "--json",
        )
    )
    assert dup["status"] == "duplicate"
    assert "not a number of this service" in cli(
        "sms", "inject", "--to", "111111111", "--from", "x", "--text", "y", ok=False
    )


def test_db_current(cli: Cli) -> None:
    out = json.loads(cli("db", "current", "--json"))
    assert out["upToDate"] is True


def test_clients_api_key_issues_and_rotates(cli: Cli, database_url: str, tmp_path: Path) -> None:
    import asyncio

    from otpvirt.clients.service import authenticate_api_key
    from otpvirt.errors import BadCredentials
    from otpvirt.runtime import Runtime
    from tests.conftest import make_settings

    cid = json.loads(cli("clients", "create", "--balance", "2", "--json"))["clientId"]
    first = json.loads(cli("clients", "api-key", cid, "--json"))["apiKey"]
    assert len(first) >= 32 and first.isalnum()
    second = cli("clients", "api-key", cid.upper()).split()[1]
    assert len(second) >= 32 and second != first
    assert "no client" in cli(
        "clients", "api-key", "BD7BF3DD-EA7A-4079-A836-4BB26592FDAD", ok=False
    )

    async def check() -> None:
        rt = Runtime.open(make_settings(database_url, tmp_path))
        try:
            client = await authenticate_api_key(rt.db, second)
            assert (client.id, client.balance) == (cid, 200)
            with pytest.raises(BadCredentials):
                await authenticate_api_key(rt.db, first)
        finally:
            await rt.close()

    asyncio.run(check())


def test_smsactivate_ids_are_bounded(cli: Cli) -> None:
    cli("catalogue", "set-smsactivate-id", "laos", "26")
    laos = [
        c
        for c in json.loads(cli("catalogue", "list", "--json"))["countries"]
        if c["name"] == "laos"
    ]
    assert laos[0]["smsactivateId"] == 26
    assert "0-99999" in cli("catalogue", "set-smsactivate-id", "laos", "100000", ok=False)
    assert "used by another" in cli("catalogue", "set-smsactivate-id", "laos", "143", ok=False)


def test_sources_create_suppliers_and_receivers(cli: Cli) -> None:
    out = json.loads(
        cli(
            "sources",
            "create",
            "bank1",
            "--smshub-agent",
            "http://127.0.0.1:9/smshub",
            "--key",
            "k-123",
            "--json",
        )
    )
    assert out["kind"] == "smshub"
    out = json.loads(
        cli(
            "sources",
            "create",
            "up1",
            "--upstream-smsactivate",
            "https://upstream.example",
            "--api-key",
            "abc",
            "--max-price",
            "0.50",
            "--json",
        )
    )
    assert out["kind"] == "upstream"
    assert "--max-price" in cli(
        "sources",
        "create",
        "up2",
        "--upstream-smsactivate",
        "https://u.example",
        "--api-key",
        "abc",
        ok=False,
    )
    assert "URL" in cli(
        "sources", "create", "b2", "--smshub-agent", "ftp://x", "--key", "k", ok=False
    )
    jasmin = cli("sources", "create", "j1", "--kind", "jasmin")
    assert "/gateway/v1/jasmin?token=src_" in jasmin
    listed = {s["name"]: s["kind"] for s in json.loads(cli("sources", "list", "--json"))}
    assert listed == {"bank1": "smshub", "up1": "upstream", "j1": "jasmin"}
    assert json.loads(cli("sources", "orders", "--pending", "--json")) == []
    assert "no supplier orders" in cli("sources", "orders")


def test_smpp_command_checks_its_options(cli: Cli, tmp_path: Path) -> None:
    common = ["smpp", "--host", "127.0.0.1", "--system-id", "x", "--password", "y"]
    assert "--bind" in cli(*common, "--bind", "transmitter", ok=False)
    assert "number map" in cli(*common, "--number-map", str(tmp_path / "missing.csv"), ok=False)


def test_sources_priority_orders_the_suppliers(cli: Cli, database_url: str, tmp_path: Path) -> None:
    from otpvirt.runtime import Runtime
    from otpvirt.supply.stock import suppliers
    from tests.conftest import make_settings

    cli("sources", "create", "gw", "--kind", "gateway")
    up = ["--upstream-smsactivate", "http://127.0.0.1:9/x", "--api-key", "k1"]
    cli("sources", "create", "up1", *up, "--max-price", "0.50")
    cli("sources", "create", "bank1", "--smshub-agent", "http://127.0.0.1:9/y", "--key", "k2")
    cli("sources", "priority", "bank1", "10")
    listed = {r["name"]: r["priority"] for r in json.loads(cli("sources", "list", "--json"))}
    assert listed == {"gw": None, "up1": 100, "bank1": 10}

    async def order() -> list[str]:
        rt = Runtime.open(make_settings(database_url, tmp_path))
        try:
            async with rt.db.read() as conn:
                return [s.name for s in await suppliers(conn)]
        finally:
            await rt.close()

    assert asyncio.run(order()) == ["bank1", "up1"]
    cli("sources", "priority", "up1", "0")
    assert asyncio.run(order()) == ["up1", "bank1"]
    assert "only on-demand suppliers" in cli("sources", "priority", "gw", "1", ok=False)
    assert "between 0 and" in cli("sources", "priority", "up1", "2000000", ok=False)
    assert "nosuch" in cli("sources", "priority", "nosuch", "1", ok=False)


def test_a_failing_command_prints_one_line(database_url: str, tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "OTPVIRT_DATABASE_URL": database_url, "OTPVIRT_DATA_DIR": str(tmp_path)}
    for args in (
        ["sms", "inject", "--to", "992112302159", "--from", "Viber", "--text", "code 1234"],
        ["sources", "disable", "nosuch"],
    ):
        done = subprocess.run(
            [sys.executable, "-m", "otpvirt", *args], env=env, capture_output=True, text=True
        )
        lines = (done.stdout + done.stderr).strip().splitlines()
        assert done.returncode == 1 and len(lines) == 1, lines
        assert lines[0].startswith("error: ")
