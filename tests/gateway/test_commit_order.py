"""Gateway API, Android, Jasmin and Gammu peers hear "stored" only once the SMS is committed.

The database refuses the COMMIT of the SMS (every statement succeeded); the peer must
get the answer that makes it send again, nothing is stored, and the resend is stored
once commits work again.
"""

from __future__ import annotations

import asyncio
import json
import os
from pathlib import Path

import httpx

from otpvirt.runtime import Runtime
from tests.conftest import make_settings
from tests.gateway.test_gammu import SINGLE, otpvirt, run_gammu
from tests.gateway.test_jasmin import jasmin_args
from tests.gateway.test_jasmin import post as jasmin_post
from tests.support import factory
from tests.support.commitfail import refuse_commits
from tests.support.gateway import android_request, gson, sms_received, source
from tests.support.server import start_server, stop_server


async def stored_texts(database_url: str, data: Path) -> list[str]:
    rt = Runtime.open(make_settings(database_url, data))
    try:
        return await texts(rt)
    finally:
        await rt.close()


async def texts(rt: Runtime) -> list[str]:
    async with rt.db.read() as conn:
        return [r[0] for r in await conn.fetchall("SELECT text FROM sms_messages ORDER BY id")]


async def test_gateway_api_answers_503_until_the_sms_is_committed(
    api: httpx.AsyncClient, rt: Runtime, database_url: str
) -> None:
    _, tok = await source(rt)
    (phone,) = await factory.numbers(rt, "tajikistan", "indigo", 1, source="gw1")
    body = [{"to": str(phone), "from": "Viber", "text": "code 482915", "messageId": "m1"}]
    headers = {"Authorization": f"Bearer {tok}"}
    undo = await refuse_commits(database_url, "sms_messages")
    resp = await api.post("/gateway/v1/sms", json=body, headers=headers)
    assert resp.status_code == 503 and "accepted" not in resp.json(), resp.text
    assert await texts(rt) == []
    await undo()
    resp = await api.post("/gateway/v1/sms", json=body, headers=headers)
    assert resp.status_code == 200 and resp.json()["accepted"] == 1
    assert await texts(rt) == ["code 482915"]


async def test_android_app_gets_no_2xx_until_the_sms_is_committed(
    api: httpx.AsyncClient, rt: Runtime, database_url: str
) -> None:
    _, tok = await source(rt, "pixel", kind="android", signing_key="AbCd1234")
    (phone,) = await factory.numbers(rt, "serbia", "mts", 1, source="pixel")
    body = gson(sms_received("Ваш код је 482915", recipient=f"+{phone}"))
    url = f"/gateway/v1/android/{tok}"
    undo = await refuse_commits(database_url, "sms_messages")
    resp = await api.post(url, content=body, headers=android_request(body, "AbCd1234"))
    assert resp.status_code == 503, resp.text
    assert await texts(rt) == []
    await undo()
    resp = await api.post(url, content=body, headers=android_request(body, "AbCd1234"))
    assert resp.status_code == 200 and resp.json()["accepted"] == 1
    assert await texts(rt) == ["Ваш код је 482915"]


async def test_jasmin_gets_no_ack_until_the_sms_is_committed(
    api: httpx.AsyncClient, rt: Runtime, database_url: str
) -> None:
    _, tok = await source(rt, "jasmin1", kind="jasmin")
    (phone,) = await factory.numbers(rt, "tajikistan", "indigo", 1, source="jasmin1")
    args = jasmin_args(phone, "Код: 551203".encode("utf-16-be"), 8)
    undo = await refuse_commits(database_url, "sms_messages")
    resp = await jasmin_post(api, tok, args)
    # Anything but exactly ACK/Jasmin (and not 404, which it never retries) is redelivered.
    assert resp.text != "ACK/Jasmin" and resp.status_code == 503, resp.text
    assert await texts(rt) == []
    await undo()
    resp = await jasmin_post(api, tok, args)
    assert (resp.status_code, resp.text) == (200, "ACK/Jasmin")
    assert await texts(rt) == ["Код: 551203"]


async def test_gammu_keeps_the_sms_on_disk_until_the_server_committed_it(
    database_url: str, tmp_path: Path
) -> None:
    """gammu-smsd deletes the SMS whatever we answer: the spool is its only copy meanwhile."""
    data = tmp_path / "data"
    data.mkdir()
    server = await asyncio.to_thread(start_server, data, database_url=database_url)
    try:
        env = {**os.environ, "OTPVIRT_DATA_DIR": str(data), "OTPVIRT_DATABASE_URL": database_url}
        made = await asyncio.to_thread(
            otpvirt, env, "sources", "create", "modems", "--kind", "gammu", "--json"
        )
        tok = json.loads(made.stdout)["token"]
        (data / "n.csv").write_text(
            "number,country,provider,source\n37120000001,latvia,xomobile,modems\n"
        )
        await asyncio.to_thread(otpvirt, env, "numbers", "import", str(data / "n.csv"))
        await asyncio.to_thread(otpvirt, env, "sources", "map", "modems", "modem-a", "37120000001")
        spool = tmp_path / "spool"
        first = dict(SINGLE, SMS_1_TEXT="Spooled code: 424242", SMS_1_NUMBER="Bank")
        undo = await refuse_commits(database_url, "sms_messages")
        done = await asyncio.to_thread(run_gammu, env, first, [], server.base, tok, spool)
        assert done.returncode == 0 and "kept in" in done.stderr, done.stderr
        (kept,) = spool.glob("*.json")
        assert kept.stat().st_mode & 0o777 == 0o600
        assert json.loads(kept.read_text())["text"] == "Spooled code: 424242"
        assert await stored_texts(database_url, tmp_path) == []
        await undo()
        later = dict(SINGLE, SMS_1_TEXT="Next code: 515151", SMS_1_NUMBER="Bank")
        done = await asyncio.to_thread(run_gammu, env, later, [], server.base, tok, spool)
        assert done.returncode == 0 and done.stdout.startswith("accepted"), done.stderr
        assert list(spool.glob("*.json")) == []
        assert await stored_texts(database_url, tmp_path) == [
            "Spooled code: 424242",
            "Next code: 515151",
        ]
    finally:
        await asyncio.to_thread(stop_server, server)
