"""Webhooks end to end on both databases: outbox, signature, retries, order, safety."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import orjson
import pytest
from standardwebhooks import Webhook

from otpvirt.runtime import Runtime
from otpvirt.webhook import history, targets
from otpvirt.worker.runner import Worker
from tests.support.receiver import Received, Receiver, fail_first
from tests.support.wait import until
from tests.webhook.conftest import delivery_rows, lease, sms, state_is, webhook_loop


async def test_sms_is_pushed_signed_and_exactly_as_the_collection(
    rt: Runtime, api: httpx.AsyncClient, worker: Worker
) -> None:
    async with Receiver() as rx:
        got = await lease(rt, api, rx.url)
        assert got.secret and got.secret.startswith("whsec_")
        res = await sms(
            rt, got.phone, "<#> Your Viber code: 905526\n\nhttps://unv.viber.com/a/905526"
        )
        (req,) = await rx.wait_count(1)
    assert req.method == "POST" and req.path == "/hook"
    assert req.headers["content-type"] == "application/json"
    payload = Webhook(got.secret).verify(req.body, req.headers)
    sms_list = (
        await api.post("/native/GetSms", json=got.client.creds(activationId=got.activation_id))
    ).json()["sms"]
    assert payload == {
        **sms_list[0],
        "clientId": got.client.id,
        "activationId": got.activation_id,
    }
    assert list(payload) == ["id", "phoneFrom", "phone", "text", "code", "clientId", "activationId"]
    assert payload["id"] == res.sms_id and payload["code"] == "905526"
    assert req.webhook_id.startswith("msg_")
    await until(lambda: state_is(rt, "delivered"))
    assert len(rx.received) == 1
    (row,) = await delivery_rows(rt)
    assert (row[0], row[1], row[2], row[3]) == (req.webhook_id, "delivered", 1, 200)
    async with rt.db.read() as conn:
        shown = await history.get_delivery(conn, req.webhook_id)
    assert [a["status"] for a in shown["attemptLog"]] == [200]
    assert shown["attemptLog"][0]["response"] == '{"status":2}'


async def test_unicode_text_is_sent_as_utf8(
    rt: Runtime, api: httpx.AsyncClient, worker: Worker
) -> None:
    text = "Код подтверждения: 482915 🔐 【中国移动】"
    async with Receiver() as rx:
        got = await lease(rt, api, rx.url)
        await sms(rt, got.phone, text)
        (req,) = await rx.wait_count(1)
    assert text.encode("utf-8") in req.body
    assert Webhook(got.secret or "").verify(req.body, req.headers)["text"] == text


async def test_nothing_is_queued_without_url_for_unrouted_or_duplicate_sms(
    rt: Runtime, api: httpx.AsyncClient
) -> None:
    plain = await lease(rt, api, None)
    await sms(rt, plain.phone, "code 111111")
    hooked = await lease(rt, api, "https://hooks.example.com/otp")
    first = await sms(rt, hooked.phone, "code 222222")
    again = await sms(rt, hooked.phone, "code 222222")
    assert (first.status, again.status) == ("accepted", "duplicate")
    async with rt.db.read() as conn:
        free = await conn.fetchval(
            "SELECT phone FROM numbers WHERE active_activation_id IS NULL LIMIT 1"
        )
    unrouted = await sms(rt, int(free), "code 333333")
    assert unrouted.activation_id is None
    rows = await delivery_rows(rt)
    assert len(rows) == 1 and rows[0][1] == "pending"


async def test_failing_receiver_gets_it_later_with_the_same_id(
    rt: Runtime, api: httpx.AsyncClient, worker: Worker
) -> None:
    async with Receiver(fail_first(2)) as rx:
        got = await lease(rt, api, rx.url)
        await sms(rt, got.phone, "Your code 481516")
        reqs = await rx.wait_for(lambda _r: rx.answered[-1:] == [200])
    assert len(reqs) == 3 and rx.answered == [500, 500, 200]
    assert len({r.webhook_id for r in reqs}) == 1
    stamps = [int(r.headers["webhook-timestamp"]) for r in reqs]
    assert stamps == sorted(stamps)
    for r in reqs:
        Webhook(got.secret or "").verify(r.body, r.headers)
    await until(lambda: state_is(rt, "delivered"))
    (row,) = await delivery_rows(rt)
    assert (row[1], row[2], row[3]) == ("delivered", 3, 200)
    async with rt.db.read() as conn:
        log = (await history.get_delivery(conn, row[0]))["attemptLog"]
    assert [(a["status"], a["error"]) for a in log] == [
        (500, "HTTP 500"),
        (500, "HTTP 500"),
        (200, None),
    ]
    assert all(a["durationMs"] >= 0 and a["url"] == rx.url for a in log)


async def test_gives_up_after_the_schedule_and_redeliver_sends_again(
    rt: Runtime, api: httpx.AsyncClient, worker: Worker
) -> None:
    # 1 first attempt + 3 retries ("300ms,300ms,300ms"), then failed.
    async with Receiver(fail_first(4, status=503)) as rx:
        got = await lease(rt, api, rx.url)
        await sms(rt, got.phone, "code 900900")
        await rx.wait_for(lambda _r: len(rx.answered) >= 4)
        await until(lambda: state_is(rt, "failed"))  # final: nothing more is sent
        assert len(rx.received) == 4
        (row,) = await delivery_rows(rt)
        assert (row[1], row[2], row[3]) == ("failed", 4, 503)
        async with rt.db.transaction() as conn:
            from otpvirt.clock import now_ms
            from otpvirt.webhook.service import redeliver

            again = await redeliver(conn, row[0], now_ms())
        assert again.delivery.state == "pending" and again.delivery.attempts == 0
        rt.notify("webhook")
        await rx.wait_for(lambda _r: rx.answered[-1:] == [200])
    assert {r.webhook_id for r in rx.received} == {row[0]}
    await until(lambda: state_is(rt, "delivered"))
    (row,) = await delivery_rows(rt)
    assert (row[1], row[2]) == ("delivered", 1)


async def test_deliveries_of_one_activation_go_out_in_order(
    rt: Runtime, api: httpx.AsyncClient, worker: Worker
) -> None:
    async with Receiver(fail_first(1)) as rx:
        got = await lease(rt, api, rx.url)
        for i in range(4):
            await sms(rt, got.phone, f"message {i} code {100000 + i}")
        await rx.wait_for(lambda _r: rx.answered.count(200) >= 4)
    ok = [r.json()["text"] for r, st in zip(rx.received, rx.answered, strict=True) if st == 200]
    assert ok == [f"message {i} code {100000 + i}" for i in range(4)]
    # The failed first message was retried before any later one was sent.
    assert [r.json()["text"][:9] for r in rx.received[:2]] == ["message 0"] * 2


async def test_slow_receiver_does_not_hold_up_another_client(
    rt: Runtime, api: httpx.AsyncClient, worker: Worker
) -> None:
    release = asyncio.Event()

    async def stuck(_req: Received, _i: int) -> tuple[int, dict[str, str], bytes]:
        await release.wait()
        return 200, {}, b"ok"

    async with Receiver(stuck) as slow, Receiver() as fast:
        a = await lease(rt, api, slow.url)
        b = await lease(rt, api, fast.url)
        await sms(rt, a.phone, "code 111222")
        await slow.wait_count(1)
        await sms(rt, b.phone, "code 333444")
        # B arrives while A's receiver still holds its request open.
        (req,) = await fast.wait_count(1, within=2.5)
        assert not release.is_set() and req.json()["code"] == "333444"
        release.set()


async def test_smsactivate_format(rt: Runtime, api: httpx.AsyncClient, worker: Worker) -> None:
    async with Receiver() as rx:
        got = await lease(rt, api, rx.url, fmt="smsactivate", service="tg")
        await sms(rt, got.phone, "Telegram code: 55123", sender="Telegram")
        (req,) = await rx.wait_count(1)
    payload = Webhook(got.secret or "").verify(req.body, req.headers)
    async with rt.db.read() as conn:
        row = await conn.fetchone(
            "SELECT a.id, c.smsactivate_id, m.received_at FROM activations a "
            "JOIN countries c ON c.id = a.country_id JOIN sms_messages m ON m.activation_id = a.id "
            "WHERE a.guid = :g",
            {"g": got.activation_id},
        )
    assert row is not None
    from datetime import UTC, datetime

    stamp = datetime.fromtimestamp(row[2] / 1000, tz=UTC).strftime("%Y-%m-%d %H:%M:%S")
    assert payload == {
        "activationId": int(row[0]),
        "service": "tg",
        "text": "Telegram code: 55123",
        "code": "55123",
        "country": row[1],
        "receivedAt": stamp,
    }
    assert isinstance(payload["activationId"], int) and isinstance(payload["country"], int)


async def test_rotated_secret_co_signs_and_both_verify(
    rt: Runtime, api: httpx.AsyncClient, worker: Worker
) -> None:
    async with Receiver() as rx:
        got = await lease(rt, api, rx.url)
        async with rt.db.transaction() as conn:
            rotated = await targets.rotate_secret(conn, got.client.id)
        assert rotated.secret != got.secret and rotated.previous_valid_until
        await sms(rt, got.phone, "code 777888")
        (req,) = await rx.wait_count(1)
    assert len(req.headers["webhook-signature"].split(" ")) == 2
    for secret in (got.secret or "", rotated.secret):
        Webhook(secret).verify(req.body, req.headers)


async def test_cleared_url_fails_pending_deliveries(rt: Runtime, api: httpx.AsyncClient) -> None:
    got = await lease(rt, api, "https://hooks.example.com/x")
    await sms(rt, got.phone, "code 123123")
    async with rt.db.transaction() as conn:
        await targets.set_webhook(conn, got.client.id, None)
    w = Worker(rt, [webhook_loop(rt)])
    w.start()
    await until(lambda: state_is(rt, "failed"))
    await w.stop()
    (row,) = await delivery_rows(rt)
    assert (row[1], row[4]) == ("failed", "the client has no webhook URL")


async def test_bad_urls_and_formats_are_refused(rt: Runtime, api: httpx.AsyncClient) -> None:
    got = await lease(rt, api, None)
    for url in ("ftp://x.example/h", "hooks.example.com/x", "http://", "http://x:99999/"):
        with pytest.raises(targets.BadWebhookUrl):
            async with rt.db.transaction() as conn:
                await targets.set_webhook(conn, got.client.id, url)
    from otpvirt.errors import ValidationFailed

    with pytest.raises(ValidationFailed):
        async with rt.db.transaction() as conn:
            await targets.set_webhook(conn, got.client.id, "https://ok.example/", "xml")
    async with rt.db.read() as conn:
        assert (await targets.get_webhook(conn, got.client.id)).url is None


async def test_two_workers_never_claim_the_same_delivery(
    rt: Runtime, api: httpx.AsyncClient
) -> None:
    from otpvirt.clock import now_ms
    from otpvirt.db import in_transaction
    from otpvirt.webhook.claim import claim_due

    for i in range(6):
        got = await lease(rt, api, f"https://hooks.example.com/{i}")
        await sms(rt, got.phone, f"code {200000 + i}")
    other = Runtime.open(rt.settings)
    try:
        kw: dict[str, Any] = {"limit": 4, "lease_ms": 60_000, "free_slots": {}, "per_client": 4}
        (a, _), (b, _) = await asyncio.gather(
            in_transaction(rt.db, claim_due, now_ms(), **kw),
            in_transaction(other.db, claim_due, now_ms(), **kw),
        )
        (c, _) = await in_transaction(rt.db, claim_due, now_ms(), **kw)
    finally:
        await other.close()
    ids = [j.message_id for j in a + b + c]
    assert len(ids) == len(set(ids)) == 6
    assert orjson.loads(a[0].payload)["code"].startswith("2000")


async def test_one_client_holds_at_most_its_share_of_sends(
    rt: Runtime, api: httpx.AsyncClient, worker: Worker
) -> None:
    release = asyncio.Event()

    async def stuck(_req: Received, _i: int) -> tuple[int, dict[str, str], bytes]:
        await release.wait()
        return 200, {}, b"ok"

    async with Receiver(stuck) as rx:
        first = await lease(rt, api, rx.url)
        phones = [first.phone]
        for _ in range(6):
            phones.append((await lease(rt, api, None, client=first.client)).phone)
        for i, phone in enumerate(phones):
            await sms(rt, phone, f"code {300000 + i}")
        await rx.wait_count(rt.settings.webhook_per_client_concurrency)
        await asyncio.sleep(0.5)
        # Per-client cap (4): the other three wait although the global limit is 32.
        assert len(rx.received) == rt.settings.webhook_per_client_concurrency
        release.set()
        await rx.wait_count(7)
    assert len({r.webhook_id for r in rx.received}) == 7
