"""A peer's receipt time is believed only when plausible: the SMS is never lost for it.

Issue 15, item 6: a gateway SMS with `receivedAt: 1e17` was stored as it came and
broke every view of the client's activation (500s, sms-activate `ERROR_SQL`). Now
an implausible time is replaced by the server's receipt time and kept, verbatim,
for display.
"""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from otpvirt.clock import now_ms
from otpvirt.db import in_transaction
from otpvirt.gateway.gammu import item_from_env
from otpvirt.runtime import Runtime
from otpvirt.sms.service import ingest
from otpvirt.webhook.targets import set_webhook
from tests.smsactivate.conftest import URL, issue_key
from tests.support import factory
from tests.support.gateway import android_request, gson, sms_received, source
from tests.web.conftest import console_login, make_operator, portal_login

DAY_MS = 86_400_000

# The raw JSON text of `receivedAt` peers have sent, and how the claim is kept.
NEXT_YEAR = str(now_ms() + 400 * DAY_MS)
IMPLAUSIBLE = {
    "huge_number": ("1e17", "1e+17"),
    "huge_integer": ("100000000000000000", "100000000000000000"),
    "far_future_iso": ('"9999-12-31T23:59:59Z"', "9999-12-31T23:59:59Z"),
    "next_year_ms": (NEXT_YEAR, NEXT_YEAR),
    "reset_modem_clock": ('"2000-01-01T00:00:00Z"', "2000-01-01T00:00:00Z"),
    "epoch_zero": ("0", "0"),
    "negative": ("-5", "-5"),
    "not_a_date": ('"yesterday"', "yesterday"),
    "fraction": ("1.5", "1.5"),
    "object": ('{"t": 1}', '{"t":1}'),
    "nan_text": ('"NaN"', "NaN"),
    "long_text": ('"' + "9" * 500 + '"', "9" * 64),
}


async def _lease(api: httpx.AsyncClient, rt: Runtime) -> tuple[factory.TestClient, dict[str, Any]]:
    await factory.price(rt, "tajikistan", "vi", "0.05")
    c = await factory.client(rt)
    got = (
        await api.post(
            "/native/GetNumber", json=c.creds(service="vi", detail={"country": "tajikistan"})
        )
    ).json()
    assert got["status"] == 2, got
    return c, got


async def _stored(rt: Runtime) -> list[tuple[int, str | None]]:
    async with rt.db.read() as conn:
        rows = await conn.fetchall("SELECT received_at, reported_at FROM sms_messages ORDER BY id")
    return [(int(r[0]), r[1]) for r in rows]


@pytest.mark.parametrize(("raw", "kept"), list(IMPLAUSIBLE.values()), ids=list(IMPLAUSIBLE))
async def test_gateway_sms_with_an_implausible_time_is_stored_at_receipt(
    api: httpx.AsyncClient, rt: Runtime, raw: str, kept: str
) -> None:
    _, token = await source(rt)
    await factory.numbers(rt, "tajikistan", "indigo", 1, source="gw1")
    c, got = await _lease(api, rt)
    body = (
        f'{{"to":"{got["number"]}","from":"Viber","text":"Your Viber code: 905526",'
        f'"receivedAt":{raw}}}'
    ).encode()
    before = now_ms()
    resp = await api.post(
        "/gateway/v1/sms",
        content=body,
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    after = now_ms()
    assert resp.status_code == 200, resp.text
    assert resp.json()["accepted"] == 1, resp.json()
    [(received, reported)] = await _stored(rt)
    assert before <= received <= after
    assert reported == kept
    sms = (await api.post("/native/GetSms", json=c.creds(activationId=got["activationId"]))).json()
    assert sms["status"] == 2 and sms["sms"][0]["code"] == "905526", sms


async def test_plausible_peer_times_are_kept(api: httpx.AsyncClient, rt: Runtime) -> None:
    _, token = await source(rt)
    phones = await factory.numbers(rt, "tajikistan", "indigo", 1, source="gw1")
    an_hour_ago = now_ms() - 3_600_000
    resp = await api.post(
        "/gateway/v1/sms",
        json=[
            {"to": str(phones[0]), "from": "A", "text": "one 111", "receivedAt": an_hour_ago},
            {"to": str(phones[0]), "from": "B", "text": "two 222", "receivedAt": "2h"},
        ],
        headers={"Authorization": f"Bearer {token}"},
    )
    assert resp.json()["accepted"] == 2, resp.json()
    [(first, none), (second, kept)] = await _stored(rt)
    assert (first, none) == (an_hour_ago, None)
    assert kept == "2h" and abs(second - now_ms()) < 60_000


async def test_every_view_of_the_activation_works_after_an_absurd_time(
    api: httpx.AsyncClient, rt: Runtime
) -> None:
    """The views that answered 500 / ERROR_SQL in the report."""
    _, token = await source(rt)
    await factory.numbers(rt, "tajikistan", "indigo", 1, source="gw1")
    c, got = await _lease(api, rt)
    async with rt.db.transaction() as conn:
        # The sms-activate webhook format renders the time too (it used to fail the ingest).
        await set_webhook(conn, c.id, "https://hooks.example.com/otp", "smsactivate")
    body = f'[{{"to":"{got["number"]}","from":"Viber","text":"code 905526","receivedAt":1e17}}]'
    resp = await api.post(
        "/gateway/v1/sms",
        content=body.encode(),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    assert resp.json()["accepted"] == 1, resp.json()
    guid = got["activationId"]
    async with rt.db.read() as conn:
        act_id = await conn.fetchval("SELECT id FROM activations WHERE guid = :g", {"g": guid})
        payload = await conn.fetchval("SELECT payload FROM webhook_deliveries")
    assert payload is not None and json.loads(payload)["receivedAt"].startswith("20")

    key = await issue_key(rt, c.id)
    status = await api.get(URL, params={"api_key": key, "action": "getStatusV2", "id": act_id})
    assert status.status_code == 200 and "ERROR" not in status.text, status.text
    assert status.json()["sms"]["code"] == "905526"

    assert (await portal_login(api, c.id, factory.PASSWORD)).status_code == 303
    for path in (f"/portal/activations/{guid}", f"/portal/activations/{guid}/status"):
        page = await api.get(path)
        assert page.status_code == 200 and "905526" in page.text, path
    api.cookies.clear()

    await make_operator(rt)
    assert (await console_login(api)).status_code == 303
    for path in ("/console/sms", f"/console/activations/{guid}"):
        page = await api.get(path)
        assert page.status_code == 200 and "905526" in page.text, path
    # The operator sees what the peer claimed.
    assert "1e+17" in (await api.get("/console/sms")).text


async def test_android_and_gammu_items_with_implausible_times(
    api: httpx.AsyncClient, rt: Runtime
) -> None:
    _, token = await source(rt, "pixel", kind="android", signing_key="AbCd1234")
    phones = await factory.numbers(rt, "serbia", "mts", 2, source="pixel")
    event = sms_received("Kod 482915", recipient=f"+{phones[0]}")
    event["payload"]["receivedAt"] = "3026-11-27T15:46:11.000+07:00"
    body = gson(event)
    resp = await api.post(
        f"/gateway/v1/android/{token}", content=body, headers=android_request(body, "AbCd1234")
    )
    assert resp.status_code == 200, resp.text
    # gammu-smsd passes the modem's clock; a modem after a power cut says 1970.
    env = {"SMS_1_NUMBER": "Bank", "SMS_1_TEXT": "Kod 771234", "SMS_MESSAGES": "1"}
    item = item_from_env({**env, "SMS_1_TIMESTAMP": "5"}, [], number=str(phones[1]))
    assert item is not None
    resp = await api.post(
        "/gateway/v1/sms", json=item, headers={"Authorization": f"Bearer {token}"}
    )
    assert resp.json()["accepted"] == 1, resp.json()
    rows = await _stored(rt)
    assert [r[1] for r in rows] == ["3026-11-27T15:46:11.000+07:00", "5"]
    assert all(abs(r[0] - now_ms()) < 60_000 for r in rows)


@pytest.mark.parametrize("claimed", [10**17, -1, 0, 2**63 - 1])
async def test_ingest_itself_refuses_implausible_times(rt: Runtime, claimed: int) -> None:
    """The rule lives in `ingest`, so SMPP, Jasmin, SMSHub, upstream and the CLI share it."""
    phones = await factory.numbers(rt, "tajikistan", "indigo", 1)
    before = now_ms()
    res = await in_transaction(
        rt.db, ingest, to=str(phones[0]), sender="X", text="code 123456", received_at=claimed
    )
    assert res.status == "accepted"
    [(received, reported)] = await _stored(rt)
    assert before <= received <= now_ms()
    assert reported == str(claimed)
