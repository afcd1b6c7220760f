"""Jasmin's HTTP MO callback, fed exactly what Jasmin 0.11 sends (raw bytes, form-encoded)."""

from __future__ import annotations

import binascii
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest

from otpvirt.app import create_app
from otpvirt.runtime import Runtime
from tests.conftest import make_settings
from tests.support import factory
from tests.support.dblock import hold_table
from tests.support.gateway import source

HEADERS = {
    "Content-Type": "application/x-www-form-urlencoded",
    "Accept": "text/plain",
    "User-Agent": "Jasmin gateway/1.0 deliverSmHttpThrower",
}


def jasmin_args(
    to: int | str, content: bytes, coding: int, *, msg_id: str = "16fd2706-8baf-433b-82eb"
) -> dict[bytes, bytes]:
    """The `args` dict of Jasmin's http_deliver_sm_callback, values as it builds them."""
    return {
        b"id": msg_id.encode(),
        b"from": b"79161234567",
        b"to": str(to).encode(),
        b"origin-connector": b"smsc1",
        b"priority": b"0",
        b"coding": bytes([coding]),  # DataCodingEncoder: one raw byte
        b"content": content,
        b"binary": binascii.hexlify(content),
    }


async def post(api: httpx.AsyncClient, token: str, args: dict[bytes, bytes]) -> httpx.Response:
    return await api.post(
        "/gateway/v1/jasmin", params={"token": token}, content=urlencode(args), headers=HEADERS
    )


@pytest.fixture
async def pool(rt: Runtime) -> dict[str, Any]:
    src, token = await source(rt, "jasmin1", kind="jasmin")
    phones = await factory.numbers(rt, "tajikistan", "indigo", 2, source="jasmin1")
    return {"source": src, "token": token, "phones": phones}


async def stored(rt: Runtime) -> list[tuple[int, str, str]]:
    async with rt.db.read() as conn:
        rows = await conn.fetchall("SELECT phone, sender, text FROM sms_messages ORDER BY id")
    return [(int(r[0]), r[1], r[2]) for r in rows]


async def test_ucs2_post_is_stored_then_acknowledged(
    api: httpx.AsyncClient, rt: Runtime, pool: dict[str, Any]
) -> None:
    client, got = await factory.leased(api, rt)
    text = "Код Viber: 482915 🔐 — никому не сообщайте"
    args = jasmin_args(got["number"], text.encode("utf-16-be"), 8)
    # Jasmin's own encoding check: coding travels as %08, content as UTF-16 bytes.
    assert "coding=%08" in urlencode(args)
    resp = await post(api, pool["token"], args)
    assert resp.status_code == 200 and resp.text == "ACK/Jasmin"
    assert await stored(rt) == [(got["number"], "79161234567", text)]
    sms = (
        await api.post("/native/GetSms", json=client.creds(activationId=got["activationId"]))
    ).json()["sms"]
    assert sms[0]["text"] == text and sms[0]["code"] == "482915"


async def test_get_with_gsm_and_latin1_and_a_retry(
    api: httpx.AsyncClient, rt: Runtime, pool: dict[str, Any]
) -> None:
    to = pool["phones"][0]
    # GSM 03.38 written by hand: "Code 55@" then "€" (1B 65) and "[" (1B 3C).
    gsm = b"Code 55" + bytes.fromhex("00 1b65 1b3c")
    args = {**jasmin_args(to, gsm, 0, msg_id="m-1"), b"token": pool["token"].encode()}
    resp = await api.get("/gateway/v1/jasmin?" + urlencode(args), headers=HEADERS)
    assert resp.text == "ACK/Jasmin"
    latin = "Café 4711".encode("latin-1")
    for _ in range(2):  # Jasmin retries with the same id when an answer is lost
        resp = await post(api, pool["token"], jasmin_args(to, latin, 3, msg_id="m-2"))
        assert resp.text == "ACK/Jasmin"
    assert await stored(rt) == [(to, "79161234567", "Code 55@€["), (to, "79161234567", "Café 4711")]


async def test_content_without_binary_and_text_coding(
    api: httpx.AsyncClient, rt: Runtime, pool: dict[str, Any]
) -> None:
    to = pool["phones"][1]
    args = jasmin_args(to, "Привет 1234".encode("utf-16-be"), 8, msg_id="m-3")
    del args[b"binary"]
    args[b"coding"] = b"8"  # the form the documentation shows
    assert (await post(api, pool["token"], args)).text == "ACK/Jasmin"
    assert await stored(rt) == [(to, "79161234567", "Привет 1234")]


async def test_refusals(api: httpx.AsyncClient, rt: Runtime, pool: dict[str, Any]) -> None:
    unknown = await post(api, pool["token"], jasmin_args(992000000009, b"x 1", 0))
    # Permanent: 404 is the one status Jasmin does not retry.
    assert unknown.status_code == 404 and unknown.text != "ACK/Jasmin"
    assert "unknown_number" in unknown.text
    args = jasmin_args(pool["phones"][0], b"x 1", 0)
    del args[b"from"]
    assert (await post(api, pool["token"], args)).status_code == 404
    bad = await post(api, "src_wrong", jasmin_args(pool["phones"][0], b"x 1", 0))
    assert bad.status_code == 403 and bad.text != "ACK/Jasmin"
    assert await stored(rt) == []


@pytest.fixture
async def slow_db_api(sqlite_database_url: str, tmp_path: Path) -> AsyncIterator[dict[str, Any]]:
    # SQLite only: a held SQLite writer lock makes the database refuse; PostgreSQL waits.
    database_url = sqlite_database_url
    rt = Runtime.open(make_settings(database_url, tmp_path, sqlite_busy_timeout_ms=200))
    transport = httpx.ASGITransport(app=create_app(runtime=rt))
    async with httpx.AsyncClient(transport=transport, base_url="http://otpvirt.test") as api:
        yield {"rt": rt, "api": api, "url": database_url}
    await rt.close()


async def test_no_ack_while_the_database_cannot_store(slow_db_api: dict[str, Any]) -> None:
    rt, api = slow_db_api["rt"], slow_db_api["api"]
    _, token = await source(rt, "jasmin1", kind="jasmin")
    (to,) = await factory.numbers(rt, "tajikistan", "indigo", 1, source="jasmin1")
    args = jasmin_args(to, "Код 5555".encode("utf-16-be"), 8, msg_id="m-9")
    release = await hold_table(slow_db_api["url"], "sms_messages")
    try:
        resp = await post(api, token, args)
        assert resp.status_code == 503 and resp.text != "ACK/Jasmin"
    finally:
        await release()
    assert (await post(api, token, args)).text == "ACK/Jasmin"
    assert await stored(rt) == [(to, "79161234567", "Код 5555")]
