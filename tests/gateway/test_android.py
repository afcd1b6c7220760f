"""SMS Gateway for Android webhooks, signed exactly as the app signs them."""

from __future__ import annotations

import json
import time
from typing import Any

import httpx
import pytest

from otpvirt.gateway import android
from otpvirt.runtime import Runtime
from otpvirt.sources import service as sources
from tests.support import factory
from tests.support.gateway import android_request, gson, sms_received, source


def test_signature_matches_the_apps_published_vector() -> None:
    body = (
        '{"id":"s2N-KXXNSBbcc1GtOrcbF","webhookId":"wh-1","event":"sms:received",'
        '"deviceId":"ffffffffceb0b1db0000018e937c815b","payload":{"messageId":"faf5e43c",'
        '"message":"Код \\u003cb\\u003e123456\\u003c/b\\u003e \\u0026 ok",'
        '"receivedAt":"2024-06-22T15:46:11.000+07:00","sender":"+79161234567","simNumber":1,'
        '"phoneNumber":"+79161234567"}}'
    ).encode()
    headers = {
        "x-timestamp": "1719046000",
        "x-signature": "8d706ad89eeab0eba15d980e3765660ee0c376004c949cf97246e82d00e7f975",
    }
    android.verify(body, headers, "AbCd1234", now=1719046000)
    with pytest.raises(android.BadSignature):
        android.verify(body + b" ", headers, "AbCd1234", now=1719046000)
    with pytest.raises(android.BadSignature):
        android.verify(body, headers, "AbCd1234", now=1719046000 + 301)


@pytest.fixture
async def phone_source(rt: Runtime) -> dict[str, Any]:
    info, token = await source(rt, "pixel", kind="android", signing_key="AbCd1234")
    phones = await factory.numbers(rt, "serbia", "mts", 2, source="pixel")
    return {"token": token, "key": "AbCd1234", "phones": phones, "info": info}


async def send(
    api: httpx.AsyncClient, s: dict[str, Any], event: dict[str, Any], **kw: Any
) -> httpx.Response:
    body = gson(event)
    return await api.post(
        f"/gateway/v1/android/{s['token']}",
        content=body,
        headers=android_request(body, s["key"], **kw),
    )


async def test_sms_received_with_recipient(
    api: httpx.AsyncClient, rt: Runtime, phone_source: dict[str, Any]
) -> None:
    phone = phone_source["phones"][0]
    text = "Ваш верификациони код је <b>482915</b> & ok='1'"
    resp = await send(api, phone_source, sms_received(text, recipient=f"+{phone}"))
    assert resp.status_code == 200 and resp.json()["accepted"] == 1
    # The app retries with the same envelope id: stored once.
    again = await send(api, phone_source, sms_received(text, recipient=f"+{phone}"))
    assert again.status_code == 200 and again.json()["duplicates"] == 1
    async with rt.db.read() as conn:
        rows = await conn.fetchall("SELECT text, sender, code, external_id FROM sms_messages")
    assert [tuple(r) for r in rows] == [(text, "+79161234567", "482915", "s2N-KXXNSBbcc1GtOrcbF")]


async def test_recipient_missing_maps_device_and_sim(
    api: httpx.AsyncClient, rt: Runtime, phone_source: dict[str, Any]
) -> None:
    event = sms_received("Code 7788", sim=2, event_id="evt-2")
    unmapped = await send(api, phone_source, event)
    # Not 2xx: the app keeps retrying until the operator maps the device.
    assert (
        unmapped.status_code == 422 and unmapped.json()["results"][0]["reason"] == "unknown_number"
    )
    async with rt.db.transaction() as conn:
        await sources.map_device(
            conn, "pixel", event["deviceId"], str(phone_source["phones"][1]), sim=2
        )
    mapped = await send(api, phone_source, event)
    assert mapped.status_code == 200 and mapped.json()["accepted"] == 1
    async with rt.db.read() as conn:
        assert (
            int(await conn.fetchval("SELECT phone FROM sms_messages")) == phone_source["phones"][1]
        )


async def test_old_app_versions_send_phone_number_only(
    api: httpx.AsyncClient, rt: Runtime, phone_source: dict[str, Any]
) -> None:
    event = sms_received("Code 1357", recipient=str(phone_source["phones"][0]), event_id="old-1")
    del event["payload"]["sender"]
    del event["id"]
    resp = await send(api, phone_source, event)
    assert resp.status_code == 200
    async with rt.db.read() as conn:
        row = await conn.fetchone("SELECT sender, external_id FROM sms_messages")
    assert row is not None and (row[0], row[1]) == ("+79161234567", "faf5e43c")


async def test_batch_event(
    api: httpx.AsyncClient, rt: Runtime, phone_source: dict[str, Any]
) -> None:
    one = sms_received("first 1111", recipient=str(phone_source["phones"][0]))["payload"]
    two = sms_received("second 2222", recipient=str(phone_source["phones"][1]))["payload"]
    event = {
        "id": "batch-1",
        "event": "sms:batch:received",
        "deviceId": "d",
        "payload": {"messages": [one, two]},
    }
    resp = await send(api, phone_source, event)
    assert resp.status_code == 200 and resp.json()["accepted"] == 2


@pytest.mark.parametrize("event", ["sms:sent", "system:ping", "sms:delivered", "mms:received"])
async def test_other_events_are_acknowledged_and_ignored(
    api: httpx.AsyncClient, rt: Runtime, phone_source: dict[str, Any], event: str
) -> None:
    resp = await send(
        api, phone_source, {"id": "x", "event": event, "deviceId": "d", "payload": {}}
    )
    assert resp.status_code == 200 and resp.json() == {"status": "ignored", "event": event}
    async with rt.db.read() as conn:
        assert await conn.fetchval("SELECT COUNT(*) FROM sms_messages") == 0


async def test_forged_or_stale_requests_are_refused(
    api: httpx.AsyncClient, rt: Runtime, phone_source: dict[str, Any]
) -> None:
    event = sms_received("Code 1", recipient=str(phone_source["phones"][0]))
    body = gson(event)
    wrong_key = android_request(body, "not-the-key")
    resp = await api.post(
        f"/gateway/v1/android/{phone_source['token']}", content=body, headers=wrong_key
    )
    assert resp.status_code == 401 and resp.json()["error"] == "bad_signature"
    stale = await send(api, phone_source, event, ts=int(time.time()) - 600)
    assert stale.status_code == 401
    tampered_headers = android_request(body, phone_source["key"])
    tampered = json.dumps(event).encode()
    resp = await api.post(
        f"/gateway/v1/android/{phone_source['token']}", content=tampered, headers=tampered_headers
    )
    assert resp.status_code == 401
    resp = await api.post(
        "/gateway/v1/android/src_unknown",
        content=body,
        headers=android_request(body, phone_source["key"]),
    )
    assert resp.status_code == 401 and resp.json()["error"] == "bad_token"
    async with rt.db.read() as conn:
        assert await conn.fetchval("SELECT COUNT(*) FROM sms_messages") == 0
