"""Lifecycle webhooks (API-extensions §6) delivered signed, once per state change, both DBs."""

from __future__ import annotations

import asyncio
from decimal import Decimal
from typing import Any

import httpx
import pytest
from standardwebhooks import Webhook

from otpvirt.activation.service import expire_due
from otpvirt.admin import client_ops
from otpvirt.admin.audit import Actor
from otpvirt.client import (
    ActivationFinished,
    BalanceLow,
    WebhookSms,
    WebhookVerificationError,
    parse_event,
)
from otpvirt.clock import now_ms
from otpvirt.db import in_transaction
from otpvirt.errors import ValidationFailed
from otpvirt.events import service as events
from otpvirt.runtime import Runtime
from otpvirt.worker.runner import Worker
from tests.support.receiver import Receiver, fail_first
from tests.support.wait import until
from tests.webhook.conftest import delivery_rows, lease, sms

ALL = "sms,activation.finished,balance.low,rent.ending,rent.finished"
ACTOR = Actor("cli:test")


async def subscribe(rt: Runtime, client_id: str, url: str, wanted: str = ALL) -> str:
    out = await client_ops.set_webhook(rt, ACTOR, client_id, url, None, wanted)
    assert out.events == events.check_events(wanted)
    return out.secret or ""


async def call(api: httpx.AsyncClient, method: str, body: dict[str, Any]) -> dict[str, Any]:
    data: dict[str, Any] = (await api.post(f"/native/{method}", json=body)).json()
    return data


def finished(rx: Receiver, secret: str) -> list[dict[str, Any]]:
    out = []
    for req in rx.received:
        body = Webhook(secret).verify(req.body, req.headers)
        # The SDK verifies the same request and returns the matching type.
        event = parse_event(req.body, req.headers, secret)
        if body.get("type") == "activation.finished":
            assert isinstance(event, ActivationFinished)
            assert (event.activation_id, event.state) == (body["activationId"], body["state"])
            assert event.refund == Decimal(str(body["refund"]))
            out.append(body)
        else:
            assert isinstance(event, WebhookSms) and event.id == body["id"]
    return out


async def test_cancel_confirm_expire_complete_each_send_one_signed_event(
    rt: Runtime, api: httpx.AsyncClient, worker: Worker
) -> None:
    async with Receiver() as rx:
        first = await lease(rt, api, None)
        secret = await subscribe(rt, first.client.id, rx.url)
        creds = first.client.creds
        assert (await call(api, "CancelActivation", creds(activationId=first.activation_id)))[
            "status"
        ] == 2
        second = await lease(rt, api, None, client=first.client)
        await sms(rt, second.phone, "Your Viber code: 123456")
        await call(api, "ConfirmActivation", creds(activationId=second.activation_id))
        rt.settings.lease_minutes = 0.002  # these two run out at once
        third = await lease(rt, api, None, client=first.client)
        fourth = await lease(rt, api, None, client=first.client)
        await sms(rt, fourth.phone, "Your Viber code: 654321")
        # Both run out: the one without an SMS is refunded (expired), the other completed.
        await asyncio.sleep(0.3)
        assert await in_transaction(rt.db, expire_due, now_ms()) == 2
        rt.notify("webhook")
        await until(lambda: len(finished(rx, secret)) == 4)
        await asyncio.sleep(0.3)
    got = {b["activationId"]: b for b in finished(rx, secret)}
    assert len(got) == 4 and len(finished(rx, secret)) == 4
    want = {
        first.activation_id: ("cancelled", 0.05),
        second.activation_id: ("confirmed", 0),
        third.activation_id: ("expired", 0.05),
        fourth.activation_id: ("completed", 0),
    }
    for act, (state, refund) in want.items():
        body = got[act]
        assert list(body) == [
            "type",
            "activationId",
            "clientId",
            "service",
            "number",
            "state",
            "refund",
            "finishedAt",
        ]
        assert (body["state"], body["refund"], body["service"]) == (state, refund, "vi")
        assert body["clientId"] == first.client.id and body["finishedAt"].endswith("Z")
    assert got[first.activation_id]["number"] == first.phone
    # The SMS webhook bodies are unchanged (no type) and came too.
    plain = [Webhook(secret).verify(r.body, r.headers) for r in rx.received]
    assert sum("type" not in b for b in plain) == 2


async def test_not_subscribed_clients_get_no_lifecycle_event(
    rt: Runtime, api: httpx.AsyncClient
) -> None:
    async with Receiver() as rx:
        got = await lease(rt, api, rx.url)  # the default: sms only
        await call(api, "CancelActivation", got.client.creds(activationId=got.activation_id))
    assert await delivery_rows(rt) == []


async def test_retries_keep_the_webhook_id(
    rt: Runtime, api: httpx.AsyncClient, worker: Worker
) -> None:
    async with Receiver(fail_first(2)) as rx:
        got = await lease(rt, api, None)
        secret = await subscribe(rt, got.client.id, rx.url, "activation.finished")
        await call(api, "CancelActivation", got.client.creds(activationId=got.activation_id))
        await until(lambda: len(rx.received) == 3)
    ids = {r.webhook_id for r in rx.received}
    assert len(ids) == 1
    assert Webhook(secret).verify(rx.received[-1].body, rx.received[-1].headers)["state"] == (
        "cancelled"
    )
    (row,) = await delivery_rows(rt)
    assert row[0] in ids


async def test_balance_low_fires_once_per_fall(
    rt: Runtime, api: httpx.AsyncClient, worker: Worker
) -> None:
    async with Receiver() as rx:
        got = await lease(rt, api, None)  # 100.00 - 0.05
        secret = await subscribe(rt, got.client.id, rx.url, "balance.low")
        await client_ops.set_low_balance(rt, ACTOR, got.client.id, "99.90")
        await lease(rt, api, None, client=got.client)  # 99.90: not below
        await lease(rt, api, None, client=got.client)  # 99.85: below -> one event
        await lease(rt, api, None, client=got.client)  # 99.80: still below -> none
        await until(lambda: len(rx.received) == 1)
        # Back above (a top-up) re-arms it; the next fall sends again.
        await client_ops.change_balance(rt, ACTOR, got.client.id, "0.20", kind="topup", note=None)
        for _ in range(3):  # 100.00 -> 99.85
            await lease(rt, api, None, client=got.client)
        await until(lambda: len(rx.received) == 2)
        await asyncio.sleep(0.3)
    bodies = [Webhook(secret).verify(r.body, r.headers) for r in rx.received]
    assert len(bodies) == 2
    low = parse_event(rx.received[0].body, rx.received[0].headers, secret)
    assert isinstance(low, BalanceLow) and low.balance == Decimal("99.85")
    with pytest.raises(WebhookVerificationError):
        parse_event(rx.received[0].body, rx.received[0].headers, "whsec_" + "A" * 32)
    assert bodies[0]["type"] == "balance.low" and bodies[0]["threshold"] == 99.9
    assert bodies[0]["balance"] == 99.85 and bodies[0]["currency"] == "USD"


async def test_a_refund_back_above_the_threshold_re_arms_it_without_a_webhook(
    rt: Runtime, api: httpx.AsyncClient
) -> None:
    # No webhook, only a threshold: the cancel still has the flag to re-arm with it
    # (PostgreSQL's one-statement cancel must not skip that).
    async def alerted(client_id: str) -> bool:
        async with rt.db.read() as conn:
            flag = await conn.fetchval(
                "SELECT low_balance_alerted FROM clients WHERE id = :c", {"c": client_id}
            )
        return bool(flag)

    got = await lease(rt, api, None)  # 100.00 - 0.05
    await client_ops.set_low_balance(rt, ACTOR, got.client.id, "99.90")
    await lease(rt, api, None, client=got.client)  # 99.90: not below
    last = await lease(rt, api, None, client=got.client)  # 99.85: below
    assert await alerted(got.client.id)
    answer = await call(api, "CancelActivation", got.client.creds(activationId=last.activation_id))
    assert answer == {"status": 2, "error": 0}
    assert not await alerted(got.client.id)  # 99.90 again: armed for the next fall


async def test_unknown_event_types_are_refused(rt: Runtime) -> None:
    with pytest.raises(ValidationFailed) as refused:
        events.check_events("sms,activation.started")
    assert refused.value.reason == "bad_webhook_events"
    assert events.check_events(" balance.low , SMS,sms") == "sms,balance.low"
