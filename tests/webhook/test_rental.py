"""Rental webhooks (API-extensions §1): every SMS to a rented number reaches the client's
URL and the rental's own `url`, signed, once each; a private `url` is refused."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
from standardwebhooks import Webhook

from otpvirt.client import RentUrlSms, WebhookRentalSms, parse_event
from otpvirt.clock import now_ms
from otpvirt.db import in_transaction
from otpvirt.doctor.service import run_checks
from otpvirt.rental import service as rentals
from otpvirt.runtime import Runtime
from otpvirt.webhook import service as webhooks
from otpvirt.webhook.dispatcher import DISPATCHER_KEY, Dispatcher
from otpvirt.webhook.sender import Sender
from otpvirt.worker.runner import Worker
from tests.smsactivate.conftest import buyer, jsonof
from tests.support.receiver import Receiver, fail_first
from tests.support.wait import until
from tests.webhook.conftest import sms, webhook_loop, with_webhook

TAJIKISTAN = 143


async def _shop(rt: Runtime, count: int = 2) -> None:
    from tests.support import factory

    await factory.numbers(rt, "tajikistan", "indigo", count)
    snap = await rt.catalogue.get()
    tj = snap.countries["tajikistan"].id
    await in_transaction(rt.db, rentals.set_price, tj, "full", "USD", 10, now_ms())


async def _rent(api: httpx.AsyncClient, key: str, **extra: Any) -> dict[str, Any]:
    got: dict[str, Any] = await jsonof(
        api, key, "getRentNumber", service="full", rent_time=4, country=TAJIKISTAN, **extra
    )
    return got


async def _rows(rt: Runtime) -> list[Any]:
    async with rt.db.read() as conn:
        return await conn.fetchall(
            "SELECT message_id, target, url, state, rental_id, sms_id, event "
            "FROM webhook_deliveries ORDER BY id"
        )


async def _secret(rt: Runtime, client_id: str) -> str:
    async with rt.db.read() as conn:
        value = await conn.fetchval(
            "SELECT webhook_secret FROM clients WHERE id = :c", {"c": client_id}
        )
    assert value, "the client has a signing secret"
    return str(value)


async def test_sms_reaches_client_url_and_rental_url_signed_once(
    rt: Runtime, api: httpx.AsyncClient, worker: Worker
) -> None:
    await _shop(rt)
    b = await buyer(rt, balance=1000)
    async with Receiver() as client_rx, Receiver(fail_first(1)) as rent_rx:
        _, secret = await with_webhook(rt, client_rx.url, client=b.client)
        assert secret
        got = await _rent(api, b.key, url=rent_rx.url + "/rent?x=1")
        assert got["status"] == "success", got
        rid, phone = got["phone"]["id"], int(got["phone"]["number"])
        async with rt.db.read() as conn:
            rental = await rentals.get(conn, b.client.id, rental_id=rid)
        first = await sms(rt, phone, "Telegram code 77123", sender="Telegram")
        second = await sms(rt, phone, "Your code: 4455", sender="Bank")
        # The rental's URL failed once: the retry carries the same webhook-id; the
        # second SMS waits for the first (in order per rental and target).
        await client_rx.wait_count(2)
        await rent_rx.wait_count(3)
        await until(lambda: _all_delivered(rt))
        await asyncio.sleep(0.3)  # nothing more comes
    assert len(client_rx.received) == 2 and len(rent_rx.received) == 3
    assert rent_rx.received[0].webhook_id == rent_rx.received[1].webhook_id
    assert rent_rx.received[0].path == "/hook/rent?x=1"
    native = [Webhook(secret).verify(r.body, r.headers) for r in client_rx.received]
    assert native[0] == {
        "id": first.sms_id,
        "phoneFrom": "Telegram",
        "phone": phone,
        "text": "Telegram code 77123",
        "code": "77123",
        "clientId": b.client.id,
        "rentId": rental.guid,
    }
    assert native[1]["id"] == second.sms_id and native[1]["code"] == "4455"
    own = [Webhook(secret).verify(r.body, r.headers) for r in rent_rx.received[1:]]
    assert [list(o) for o in own] == [["rentId", "sms"]] * 2
    assert own[0]["rentId"] == rid and list(own[0]["sms"]) == ["phoneFrom", "text", "date"]
    assert [o["sms"]["phoneFrom"] for o in own] == ["Telegram", "Bank"]
    assert len(own[0]["sms"]["date"]) == len("2026-01-01 00:00:00")
    # The SDK verifies and types both forms.
    typed = parse_event(client_rx.received[0].body, client_rx.received[0].headers, secret)
    assert isinstance(typed, WebhookRentalSms)
    assert (typed.rent_id, typed.code, typed.client_id) == (rental.guid, "77123", b.client.id)
    url_sms = parse_event(rent_rx.received[2].body, rent_rx.received[2].headers, secret)
    assert isinstance(url_sms, RentUrlSms) and (url_sms.rent_id, url_sms.sender) == (rid, "Bank")
    rows = await _rows(rt)
    assert [(r[1], r[3], r[4]) for r in rows] == [
        ("client", "delivered", rid),
        ("rental", "delivered", rid),
    ] * 2
    assert len({r[0] for r in rows}) == 4
    await _doctor_clean(rt)


async def _doctor_clean(rt: Runtime) -> None:
    async with rt.db.read() as conn:
        bad = [c for c in await run_checks(conn) if c["violations"]]
    assert bad == []


async def _all_delivered(rt: Runtime) -> bool:
    rows = await _rows(rt)
    return bool(rows) and all(r[3] == "delivered" for r in rows)


async def test_rental_url_without_client_url_signed_and_redelivered(
    rt: Runtime, api: httpx.AsyncClient, worker: Worker
) -> None:
    """A client with no webhook gets a secret at rent time; only the rental's URL is called."""
    await _shop(rt)
    b = await buyer(rt, balance=1000)
    async with Receiver() as rx:
        got = await _rent(api, b.key, url=rx.url)
        assert got["status"] == "success", got
        secret = await _secret(rt, b.client.id)
        await sms(rt, int(got["phone"]["number"]), "Viber code: 905526", sender="Viber")
        await rx.wait_count(1)
        await until(lambda: _all_delivered(rt))
        (row,) = await _rows(rt)
        assert (row[1], row[2], row[6]) == ("rental", rx.url, "sms")
        # Redelivery sends it again with the same webhook-id.
        await in_transaction(rt.db, webhooks.redeliver, row[0], now_ms())
        rt.notify("webhook")
        await rx.wait_count(2)
    assert [r.webhook_id for r in rx.received] == [row[0], row[0]]
    body = Webhook(secret).verify(rx.received[1].body, rx.received[1].headers)
    assert body["rentId"] == got["phone"]["id"] and body["sms"]["text"] == "Viber code: 905526"
    await _doctor_clean(rt)


async def test_finished_rental_gets_no_more_webhooks(
    rt: Runtime, api: httpx.AsyncClient, worker: Worker
) -> None:
    await _shop(rt)
    b = await buyer(rt, balance=1000)
    async with Receiver() as rx:
        await with_webhook(rt, rx.url, client=b.client)
        got = await _rent(api, b.key, url=rx.url)
        rid, phone = got["phone"]["id"], int(got["phone"]["number"])
        assert await jsonof(api, b.key, "setRentStatus", id=rid, status=1) == {"status": "success"}
        late = await sms(rt, phone, "Your code: 1111")
        assert late.activation_id is None
        await asyncio.sleep(0.3)
    assert rx.received == [] and await _rows(rt) == []


async def test_private_rental_url_refused_at_rent_time(rt: Runtime, api: httpx.AsyncClient) -> None:
    await _shop(rt)
    b = await buyer(rt, balance=1000)
    rt.settings.webhook_allow_private = False
    for url in (
        "http://127.0.0.1:8080/hook",
        "http://localhost/hook",
        "http://10.1.2.3/x",
        "http://[::1]:9/x",
        "http://169.254.169.254/latest/meta-data",
        "http://[::ffff:192.168.0.1]/x",
        "ftp://example.com/x",
        "http://exa mple.com/x",
    ):
        assert await _rent(api, b.key, url=url) == {"status": "error", "message": "BAD_DATA"}, url
    async with rt.db.read() as conn:
        assert await conn.fetchval("SELECT COUNT(*) FROM rentals") == 0
        assert (
            await conn.fetchval("SELECT balance FROM clients WHERE id = :c", {"c": b.client.id})
            == 1000
        )
    ok = await _rent(api, b.key, url="https://hooks.example.com/rent")
    assert ok["status"] == "success"


async def _resolve_to_loopback(host: str, port: int) -> list[str]:
    return ["127.0.0.1"]


async def test_rental_url_vetted_again_at_send_time(rt: Runtime, api: httpx.AsyncClient) -> None:
    """A name that passes at rent time but resolves to a private address is never called."""
    await _shop(rt)
    b = await buyer(rt, balance=1000)
    async with Receiver() as rx:
        rented = await _rent(api, b.key, url=f"http://rebind.example:{rx.port}/hook")
        assert rented["status"] == "success", rented
        rt.settings.webhook_allow_private = False
        sender = Sender(timeout=3, allow_private=False, resolve=_resolve_to_loopback)
        rt.extras[DISPATCHER_KEY] = Dispatcher(rt, sender)
        w = Worker(rt, [webhook_loop(rt)])
        w.start()
        try:
            await sms(rt, int(rented["phone"]["number"]), "Your code: 2222")

            async def refused() -> bool:
                async with rt.db.read() as conn:
                    err = await conn.fetchval("SELECT error FROM webhook_attempts LIMIT 1")
                return err is not None and "refused" in str(err)

            await until(refused)
        finally:
            await w.stop()
    assert rx.received == []


async def test_smsactivate_format_client_gets_the_rent_form(
    rt: Runtime, api: httpx.AsyncClient, worker: Worker
) -> None:
    await _shop(rt)
    b = await buyer(rt, balance=1000)
    async with Receiver() as rx:
        _, secret = await with_webhook(rt, rx.url, "smsactivate", client=b.client)
        assert secret
        got = await _rent(api, b.key)
        await sms(rt, int(got["phone"]["number"]), "Telegram code 77123", sender="Telegram")
        await rx.wait_count(1)
        await until(lambda: _all_delivered(rt))
    body = Webhook(secret).verify(rx.received[0].body, rx.received[0].headers)
    assert body["rentId"] == got["phone"]["id"]
    assert (body["sms"]["phoneFrom"], body["sms"]["text"]) == ("Telegram", "Telegram code 77123")
    (row,) = await _rows(rt)
    assert (row[1], row[2]) == ("client", None)
