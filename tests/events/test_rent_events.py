"""rent.finished and rent.ending (API-extensions §6): once per end path, once per notice,
re-armed by an extension, the same webhook-id on retries, never twice with two workers."""

from __future__ import annotations

import asyncio
from decimal import Decimal
from typing import Any

import httpx
import orjson
from standardwebhooks import Webhook

from otpvirt.admin import client_ops, rent_ops
from otpvirt.admin.audit import Actor
from otpvirt.client import RentEnding, RentFinished, parse_event
from otpvirt.clock import now_ms
from otpvirt.config import Settings
from otpvirt.db import in_transaction
from otpvirt.rental import notices
from otpvirt.rental import service as rentals
from otpvirt.runtime import Runtime
from otpvirt.worker.runner import Worker, end_rentals
from tests.support import factory
from tests.support.receiver import Receiver, fail_first
from tests.webhook.conftest import webhook_loop

ACTOR = Actor("cli:test")
HOUR = 3_600_000
RENT = "sms,rent.ending,rent.finished"
FINISHED_KEYS = [
    "type",
    "rentId",
    "clientId",
    "service",
    "number",
    "endDate",
    "state",
    "refund",
    "finishedAt",
]


async def _shop(rt: Runtime, count: int) -> None:
    await factory.numbers(rt, "tajikistan", "indigo", count)
    snap = await rt.catalogue.get()
    tj = snap.countries["tajikistan"].id
    await in_transaction(rt.db, rentals.set_price, tj, "full", "USD", 10, now_ms())


async def _subscriber(
    rt: Runtime, url: str, events: str = RENT, fmt: str | None = None
) -> tuple[factory.TestClient, str]:
    c = await factory.client(rt, balance=10_000)
    out = await client_ops.set_webhook(rt, ACTOR, c.id, url, fmt, events)
    assert out.secret
    return c, out.secret


async def _rent(rt: Runtime, client_id: str, *, started: int | None = None) -> rentals.Rental:
    snap = await rt.catalogue.get()
    return await in_transaction(
        rt.db,
        rentals.rent,
        client_id=client_id,
        cur="USD",
        service_code="full",
        service_id=None,
        places=[rentals.Place(snap.countries["tajikistan"].id, None)],
        hours=4,
        url=None,
        now=now_ms() if started is None else started,
    )


async def _call(api: httpx.AsyncClient, method: str, body: dict[str, Any]) -> dict[str, Any]:
    data: dict[str, Any] = (await api.post(f"/native/{method}", json=body)).json()
    return data


async def _events(rt: Runtime, event: str) -> list[tuple[str, int, dict[str, Any]]]:
    """(webhook-id, rental id, body) of the queued deliveries of `event`, oldest first."""
    async with rt.db.read() as conn:
        rows = await conn.fetchall(
            "SELECT message_id, rental_id, payload FROM webhook_deliveries WHERE event = :e "
            "ORDER BY id",
            {"e": event},
        )
    return [(str(r[0]), int(r[1]), orjson.loads(r[2])) for r in rows]


async def test_rent_finished_once_per_end_path(
    rt: Runtime, api: httpx.AsyncClient, worker: Worker
) -> None:
    await _shop(rt, 4)
    async with Receiver() as rx:
        c, secret = await _subscriber(rt, rx.url)
        rented = []
        for _ in range(3):
            got = await _call(
                api,
                "RentNumber",
                c.creds(service="full", hours=4, detail={"country": "tajikistan"}),
            )
            assert got["status"] == 2, got
            rented.append(got["rentId"])
        by_client, by_operator, cancelled = rented
        expired = await _rent(rt, c.id, started=now_ms() - 5 * HOUR)
        assert (await _call(api, "FinishRent", c.creds(rentId=by_client)))["status"] == 2
        async with rt.db.read() as conn:
            op_id = (await rentals.get(conn, c.id, guid=by_operator)).id
        await rent_ops.finish_rental(rt, ACTOR, op_id)
        assert (await _call(api, "CancelRent", c.creds(rentId=cancelled)))["status"] == 2
        assert await end_rentals(rt) == 1
        # Ended ones end once: nothing more is queued by a second try of each path.
        assert await end_rentals(rt) == 0
        assert (await _call(api, "FinishRent", c.creds(rentId=by_client)))["status"] == 4
        assert (await _call(api, "CancelRent", c.creds(rentId=cancelled)))["status"] == 4
        await rx.wait_count(4)
        await asyncio.sleep(0.3)
    assert len(rx.received) == 4 and len({r.webhook_id for r in rx.received}) == 4
    got_states: dict[str, tuple[str, Any]] = {}
    for req in rx.received:
        body = Webhook(secret).verify(req.body, req.headers)
        assert list(body) == FINISHED_KEYS and body["type"] == "rent.finished"
        assert body["clientId"] == c.id and body["service"] == "full"
        assert body["endDate"].endswith("Z") and body["finishedAt"].endswith("Z")
        event = parse_event(req.body, req.headers, secret)
        assert isinstance(event, RentFinished) and event.rent_id == body["rentId"]
        assert event.refund == Decimal(str(body["refund"]))
        got_states[body["rentId"]] = (body["state"], body["refund"])
    assert got_states == {
        by_client: ("finished", 0),
        by_operator: ("finished", 0),
        cancelled: ("cancelled", 0.4),
        expired.guid: ("expired", 0),
    }
    # The expired rental was past its end: it got rent.finished, no rent.ending.
    assert await _events(rt, "rent.ending") == []


async def test_rent_ending_once_and_rearmed_after_prolong(rt: Runtime, worker: Worker) -> None:
    await _shop(rt, 2)
    async with Receiver() as rx:
        c, secret = await _subscriber(rt, rx.url)
        now = now_ms()
        a = await _rent(rt, c.id, started=now - 3 * HOUR - HOUR // 2)  # ends in 30 min
        b = await _rent(rt, c.id, started=now - 2 * HOUR)  # notice due in 1 h
        assert await end_rentals(rt) == 1
        assert await end_rentals(rt) == 0
        await rx.wait_count(1)
        await asyncio.sleep(0.3)
    assert len(rx.received) == 1
    body = Webhook(secret).verify(rx.received[0].body, rx.received[0].headers)
    assert list(body) == FINISHED_KEYS[:7]
    assert (body["type"], body["rentId"], body["state"]) == ("rent.ending", a.guid, "active")
    event = parse_event(rx.received[0].body, rx.received[0].headers, secret)
    assert isinstance(event, RentEnding) and event.end_date == body["endDate"]
    # Extending re-arms the notice for the new end, and moves a pending one.
    a2, _ = await in_transaction(rt.db, rentals.prolong, c.id, 4, now=now_ms(), guid=a.guid)
    b2, _ = await in_transaction(rt.db, rentals.prolong, c.id, 4, now=now_ms(), guid=b.guid)
    assert await in_transaction(rt.db, notices.send_ending_notices, b.ends_at - HOUR + 1) == 0
    assert await in_transaction(rt.db, notices.send_ending_notices, a2.ends_at - HOUR + 1) == 1
    assert await in_transaction(rt.db, notices.send_ending_notices, a2.ends_at - HOUR + 2) == 0
    assert await in_transaction(rt.db, notices.send_ending_notices, b2.ends_at - HOUR + 1) == 1
    queued = await _events(rt, "rent.ending")
    assert [(q[2]["rentId"], q[2]["endDate"]) for q in queued] == [
        (a.guid, event.end_date),
        (a2.guid, _iso(a2.ends_at)),
        (b2.guid, _iso(b2.ends_at)),
    ]
    assert event.end_date == _iso(a.ends_at)


def _iso(ms: int) -> str:
    from datetime import UTC, datetime

    return datetime.fromtimestamp(ms / 1000, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


async def test_retries_keep_the_webhook_id(rt: Runtime, worker: Worker) -> None:
    await _shop(rt, 1)
    async with Receiver(fail_first(2)) as rx:
        c, secret = await _subscriber(rt, rx.url, "rent.finished")
        r = await _rent(rt, c.id)
        await in_transaction(rt.db, rentals.finish, c.id, now=now_ms(), guid=r.guid)
        rt.notify("webhook")
        await rx.wait_count(3)
        await asyncio.sleep(0.3)
    assert len(rx.received) == 3 and rx.answered == [500, 500, 200]
    assert len({r.webhook_id for r in rx.received}) == 1
    ((message_id, rental_id, _),) = await _events(rt, "rent.finished")
    assert rx.received[0].webhook_id == message_id and rental_id == r.id
    assert Webhook(secret).verify(rx.received[2].body, rx.received[2].headers)["state"] == (
        "finished"
    )


async def test_smsactivate_clients_get_the_integer_id_and_unsubscribed_get_none(
    rt: Runtime, worker: Worker
) -> None:
    await _shop(rt, 2)
    async with Receiver() as rx:
        sa, secret = await _subscriber(rt, rx.url, "rent.finished", fmt="smsactivate")
        quiet, _ = await _subscriber(rt, rx.url, "sms,activation.finished")
        r = await _rent(rt, sa.id)
        q = await _rent(rt, quiet.id)
        await in_transaction(rt.db, rentals.cancel, sa.id, now=now_ms(), guid=r.guid)
        await in_transaction(rt.db, rentals.cancel, quiet.id, now=now_ms(), guid=q.guid)
        rt.notify("webhook")
        await rx.wait_count(1)
        await asyncio.sleep(0.3)
    assert len(rx.received) == 1
    body = Webhook(secret).verify(rx.received[0].body, rx.received[0].headers)
    assert (body["rentId"], body["state"], body["refund"]) == (r.id, "cancelled", 0.4)
    event = parse_event(rx.received[0].body, rx.received[0].headers, secret)
    assert isinstance(event, RentFinished) and event.rent_id == str(r.id)


async def test_two_workers_never_double_send_after_a_restart(settings: Settings) -> None:
    """Notices and ends are columns: new processes' workers send each event exactly once."""
    count = 12
    async with Receiver() as rx:
        first = Runtime.open(settings)
        try:
            await _shop(first, 2 * count)
            c, secret = await _subscriber(first, rx.url)
            now = now_ms()
            for _ in range(count):  # in their last hour
                await _rent(first, c.id, started=now - 3 * HOUR - HOUR // 2)
            for _ in range(count):  # past their end
                await _rent(first, c.id, started=now - 5 * HOUR)
        finally:
            await first.close()
        a, b = Runtime.open(settings), Runtime.open(settings)
        workers = [Worker(x, [webhook_loop(x)]) for x in (a, b)]
        try:
            for w in workers:
                w.start()
            for _ in range(10):  # until a round finds nothing left
                done = await asyncio.gather(*(end_rentals(x) for x in (a, b, a, b)))
                if not any(done):
                    break
            assert not any(done)
            await rx.wait_count(2 * count)
            await asyncio.sleep(0.5)
        finally:
            for w in workers:
                await w.stop()
            ending = await _events(a, "rent.ending")
            finished = await _events(a, "rent.finished")
            await a.close()
            await b.close()
    assert len(ending) == count and len({e[1] for e in ending}) == count
    assert len(finished) == count and len({e[1] for e in finished}) == count
    assert {e[1] for e in ending}.isdisjoint({e[1] for e in finished})
    assert len(rx.received) == 2 * count
    assert len({r.webhook_id for r in rx.received}) == 2 * count
    types = [Webhook(secret).verify(r.body, r.headers)["type"] for r in rx.received]
    assert sorted(types) == ["rent.ending"] * count + ["rent.finished"] * count
