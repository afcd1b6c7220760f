"""`otpvirt clients set-webhook|webhook-secret` and `otpvirt webhooks ...` on both databases."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import httpx

from otpvirt.app import create_app
from otpvirt.db import in_transaction
from otpvirt.runtime import Runtime
from otpvirt.sms.service import ingest
from tests.cli.conftest import Cli
from tests.conftest import make_settings
from tests.support import factory


def _lease_and_sms(database_url: str, tmp_path: Path, client_id: str, password: str) -> str:
    """Lease a number for the client and deliver an SMS to it; returns the activation id."""

    async def work() -> str:
        rt = Runtime.open(make_settings(database_url, tmp_path))
        try:
            await factory.price(rt, "tajikistan", "vi", "0.05")
            phones = await factory.numbers(rt, "tajikistan", "indigo", 1)
            transport = httpx.ASGITransport(app=create_app(runtime=rt))
            async with httpx.AsyncClient(transport=transport, base_url="http://t") as api:
                ask = factory.TestClient(client_id, password).creds(
                    service="vi", detail={"country": "tajikistan"}
                )
                got = (await api.post("/native/GetNumber", json=ask)).json()
            assert got["status"] == 2, got
            await in_transaction(rt.db, ingest, to=phones[0], sender="Viber", text="code 424242")
            return str(got["activationId"])
        finally:
            await rt.close()

    return asyncio.run(work())


def test_set_webhook_secret_rotation_and_format(cli: Cli) -> None:
    cid = json.loads(cli("clients", "create", "--json"))["clientId"]
    first = json.loads(
        cli("clients", "set-webhook", cid, "https://hooks.example.com/otp", "--json")
    )
    assert first["url"] == "https://hooks.example.com/otp" and first["format"] == "native"
    assert first["secret"].startswith("whsec_")
    again = json.loads(
        cli(
            "clients",
            "set-webhook",
            cid,
            "https://hooks.example.com/v2",
            "--format",
            "smsactivate",
            "--json",
        )
    )
    assert again["secret"] is None and again["format"] == "smsactivate"
    shown = json.loads(cli("clients", "show", cid, "--json"))
    assert shown["webhook"] == {
        "url": "https://hooks.example.com/v2",
        "format": "smsactivate",
        "events": "sms",
    }
    rotated = json.loads(cli("clients", "webhook-secret", cid, "--json"))
    assert list(rotated) == ["secret"] and rotated["secret"].startswith("whsec_")
    assert rotated["secret"] != first["secret"]
    assert "secret: whsec_" in cli("clients", "webhook-secret", cid)
    assert "loopback" in cli("clients", "set-webhook", cid, "http://127.0.0.1:9000/h")
    assert "webhook removed" in cli("clients", "set-webhook", cid, "--clear")
    assert json.loads(cli("clients", "show", cid, "--json"))["webhook"]["url"] is None
    assert "http:// or https://" in cli("clients", "set-webhook", cid, "ftp://x/y", ok=False)
    assert "unknown webhook format" in cli(
        "clients", "set-webhook", cid, "https://x.example/", "--format", "xml", ok=False
    )
    assert "give a URL" in cli("clients", "set-webhook", cid, ok=False)


def test_list_show_redeliver(cli: Cli, database_url: str, tmp_path: Path) -> None:
    out = json.loads(cli("clients", "create", "--balance", "1", "--json"))
    cid = out["clientId"]
    cli("clients", "set-webhook", cid, "https://hooks.example.com/otp")
    activation = _lease_and_sms(database_url, tmp_path, cid, out["apiPassword"])
    listed: list[dict[str, Any]] = json.loads(cli("webhooks", "list", "--client", cid, "--json"))
    assert len(listed) == 1
    d = listed[0]
    assert (d["state"], d["activationId"], d["attempts"]) == ("pending", activation, 0)
    assert json.loads(cli("webhooks", "list", "--state", "delivered", "--json")) == []
    assert "unknown state" in cli("webhooks", "list", "--state", "sent", ok=False)
    shown = json.loads(cli("webhooks", "show", d["id"], "--json"))
    assert json.loads(shown["payload"])["code"] == "424242" and shown["attemptLog"] == []
    assert "pending" in cli("webhooks", "list")
    assert "payload:" in cli("webhooks", "show", d["id"])
    again = json.loads(cli("webhooks", "redeliver", d["id"], "--json"))
    assert again["state"] == "pending" and again["id"] == d["id"]
    assert "no webhook delivery" in cli("webhooks", "show", "msg_nope", ok=False)
    cli("clients", "set-webhook", cid, "--clear")
    # Nowhere to send it: the waiting delivery fails at once, not at its next retry.
    cleared = json.loads(cli("webhooks", "show", d["id"], "--json"))
    assert cleared["state"] == "failed" and "no webhook URL" in cleared["lastError"]
    assert "no webhook URL" in cli("webhooks", "redeliver", d["id"], ok=False)


def test_set_webhook_events_and_low_balance(cli: Cli) -> None:
    cid = json.loads(cli("clients", "create", "--json"))["clientId"]
    out = json.loads(
        cli(
            "clients",
            "set-webhook",
            cid,
            "https://hooks.example.com/otp",
            "--events",
            "balance.low,activation.finished,sms",
            "--json",
        )
    )
    assert out["events"] == "sms,activation.finished,balance.low"
    # A later change of URL keeps the subscription.
    again = json.loads(cli("clients", "set-webhook", cid, "https://hooks.example.com/v2", "--json"))
    assert again["events"] == "sms,activation.finished,balance.low"
    assert "unknown webhook event" in cli(
        "clients",
        "set-webhook",
        cid,
        "https://x.example/",
        "--events",
        "sms,rent.started",
        ok=False,
    )
    assert "below 5.00" in cli("clients", "set-low-balance", cid, "5.00")
    # `clients show` has both, as JSON and as text.
    shown = json.loads(cli("clients", "show", cid, "--json"))
    assert shown["webhook"]["events"] == "sms,activation.finished,balance.low"
    assert shown["lowBalance"] == "5.00"
    text = cli("clients", "show", cid)
    assert "events:      sms,activation.finished,balance.low" in text
    assert "lowBalance:  5.00" in text
    assert "no low-balance threshold" in cli("clients", "set-low-balance", cid, "--clear")
    assert "lowBalance:  off" in cli("clients", "show", cid)
    assert "give an AMOUNT" in cli("clients", "set-low-balance", cid, ok=False)
    assert "amount" in cli("clients", "set-low-balance", cid, "lots", ok=False).lower()
