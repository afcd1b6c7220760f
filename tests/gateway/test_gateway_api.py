"""The native gateway API: `POST /gateway/v1/sms` with a source's bearer token."""

from __future__ import annotations

import gzip
import json
from typing import Any

import httpx
import pytest

from otpvirt.runtime import Runtime
from otpvirt.sources import service as sources
from tests.support import factory
from tests.support.gateway import source

UNICODE_TEXTS = [
    "Код подтверждения: 482915. Никому не сообщайте этот код.",
    "Рамзи тасдиқ: 551203. Онро ба касе нагӯед.",
    "کد تایید شما: ۴۸۲۹۱۵",
    "رمز التحقق الخاص بك هو ٤٨٢٩١٥",
    "ستاسو د تایید کوډ: 482915",
    "Jūsu verifikācijas kods: 482915. Nevienam to neizpaudiet.",
    "Ваш верификациони код је 482915",
    "Vaš verifikacioni kod je 482915, važi 5 minuta. Šifra: č ć đ š ž",
    "ລະຫັດຢືນຢັນຂອງທ່ານແມ່ນ 482915",
    "【中国移动】验证码482915，5分钟内有效。",
    "emoji 🔐 and ZWJ 👩‍💻 code 482915",
]


async def post(api: httpx.AsyncClient, token: str, body: Any, **kw: Any) -> httpx.Response:
    return await api.post(
        "/gateway/v1/sms", json=body, headers={"Authorization": f"Bearer {token}"}, **kw
    )


@pytest.fixture
async def pool(rt: Runtime) -> dict[str, Any]:
    src, token = await source(rt)
    phones = await factory.numbers(rt, "tajikistan", "indigo", 3, source="gw1")
    return {"source": src, "token": token, "phones": phones}


async def test_single_sms_is_accepted_and_unicode_survives(
    api: httpx.AsyncClient, rt: Runtime, pool: dict[str, Any]
) -> None:
    phone = pool["phones"][0]
    for i, text in enumerate(UNICODE_TEXTS):
        resp = await post(
            api,
            pool["token"],
            {"to": str(phone), "from": "Service", "text": text, "messageId": f"m{i}"},
        )
        assert resp.status_code == 200
        answer = resp.json()
        assert answer["accepted"] == 1, answer
        assert answer["results"][0]["routed"] is False  # no lease: kept as unrouted
    async with rt.db.read() as conn:
        stored = [r[0] for r in await conn.fetchall("SELECT text FROM sms_messages ORDER BY id")]
    assert stored == UNICODE_TEXTS


async def test_routed_to_the_live_lease_with_code(
    api: httpx.AsyncClient, rt: Runtime, pool: dict[str, Any]
) -> None:
    client, got = await factory.leased(api, rt)
    resp = await post(
        api,
        pool["token"],
        [
            {
                "to": f"+{got['number']}",
                "from": "Viber",
                "text": "Your Viber code: 905526",
                "receivedAt": "2026-11-27T18:00:00Z",
            }
        ],
    )
    [result] = resp.json()["results"]
    assert (result["index"], result["status"], result["routed"]) == (0, "accepted", True)
    assert result["smsId"]
    sms = (
        await api.post("/native/GetSms", json=client.creds(activationId=got["activationId"]))
    ).json()
    assert [(m["phoneFrom"], m["code"]) for m in sms["sms"]] == [("Viber", "905526")]


async def test_duplicates_by_message_id_and_by_content(
    api: httpx.AsyncClient, rt: Runtime, pool: dict[str, Any]
) -> None:
    phone = str(pool["phones"][0])
    first = {"to": phone, "from": "Bank", "text": "Code 1234", "messageId": "abc"}
    assert (await post(api, pool["token"], first)).json()["accepted"] == 1
    # The same id again, and the same SMS re-pushed with a fresh id: both duplicates.
    again = await post(api, pool["token"], [first, dict(first, messageId="fresh-id")])
    assert [r["status"] for r in again.json()["results"]] == ["duplicate", "duplicate"]
    # A different text from the same sender is a new SMS.
    other = await post(api, pool["token"], dict(first, text="Code 9999", messageId="abd"))
    assert other.json()["accepted"] == 1
    async with rt.db.read() as conn:
        assert await conn.fetchval("SELECT COUNT(*) FROM sms_messages") == 2


async def test_rejections_are_per_item_with_reasons(
    api: httpx.AsyncClient, rt: Runtime, pool: dict[str, Any]
) -> None:
    await source(rt, "other")
    [foreign] = await factory.numbers(rt, "latvia", "xomobile", 1, source="other")
    body = [
        {"to": "99200000001", "from": "X", "text": "a"},
        {"from": "X", "text": "no receiver"},
        {"to": str(pool["phones"][0]), "text": "no sender"},
        {"to": str(pool["phones"][0]), "from": "X", "text": 5},
        {"to": str(foreign), "from": "X", "text": "not yours"},
        {"to": "12", "from": "X", "text": "short"},
        {"to": str(pool["phones"][1]), "from": "X", "text": "fine", "receivedAt": "yesterday"},
        {"to": str(pool["phones"][1]), "from": "X", "text": "fine"},
    ]
    answer = (await post(api, pool["token"], body)).json()
    reasons = [r.get("reason") for r in answer["results"]]
    assert reasons == [
        "unknown_number",
        "unknown_number",
        "bad_field",
        "bad_field",
        "number_of_other_source",
        "bad_number",
        # An unreadable time is no reason to lose the SMS (issue 15, item 6): it is
        # stored with the server's receipt time, the claim kept; the next is its twin.
        None,
        None,
    ]
    assert (answer["accepted"], answer["duplicates"], answer["rejected"]) == (1, 1, 6)
    async with rt.db.read() as conn:
        assert await conn.fetchval("SELECT reported_at FROM sms_messages") == "yesterday"


async def test_device_mapping(api: httpx.AsyncClient, rt: Runtime, pool: dict[str, Any]) -> None:
    async with rt.db.transaction() as conn:
        await sources.map_device(conn, "gw1", "modem-a", str(pool["phones"][2]))
        await sources.map_device(conn, "gw1", "phone-b", str(pool["phones"][1]), sim=2)
    answer = (
        await post(
            api,
            pool["token"],
            [
                {"device": "modem-a", "from": "X", "text": "one"},
                {"device": "phone-b", "sim": 2, "from": "X", "text": "two"},
                {"device": "phone-b", "sim": 1, "from": "X", "text": "three"},
            ],
        )
    ).json()
    assert [r["status"] for r in answer["results"]] == ["accepted", "accepted", "rejected"]
    async with rt.db.read() as conn:
        rows = await conn.fetchall("SELECT phone, text FROM sms_messages ORDER BY id")
    assert [(int(r[0]), r[1]) for r in rows] == [
        (pool["phones"][2], "one"),
        (pool["phones"][1], "two"),
    ]


@pytest.mark.parametrize(
    ("headers", "status"),
    [({}, 401), ({"Authorization": "Bearer nope"}, 401), ({"Authorization": "Basic x"}, 401)],
)
async def test_bad_tokens_are_refused(
    api: httpx.AsyncClient, pool: dict[str, Any], headers: dict[str, str], status: int
) -> None:
    resp = await api.post(
        "/gateway/v1/sms",
        json={"to": str(pool["phones"][0]), "from": "X", "text": "y"},
        headers=headers,
    )
    assert resp.status_code == status and resp.json()["error"] == "bad_token"


async def test_disabled_source_and_rotated_token(
    api: httpx.AsyncClient, rt: Runtime, pool: dict[str, Any]
) -> None:
    msg = {"to": str(pool["phones"][0]), "from": "X", "text": "y"}
    async with rt.db.transaction() as conn:
        await sources.set_enabled(conn, "gw1", False)
    assert (await post(api, pool["token"], msg)).status_code == 401
    async with rt.db.transaction() as conn:
        await sources.set_enabled(conn, "gw1", True)
        new = await sources.rotate_token(conn, "gw1")
    assert (await post(api, pool["token"], msg)).status_code == 401
    assert (await post(api, new, msg)).status_code == 200


async def test_malformed_bodies(api: httpx.AsyncClient, pool: dict[str, Any]) -> None:
    auth = {"Authorization": f"Bearer {pool['token']}"}
    bad = await api.post("/gateway/v1/sms", content=b"{nope", headers=auth)
    assert bad.status_code == 400 and bad.json()["error"] == "malformed_json"
    empty = await api.post("/gateway/v1/sms", json=[], headers=auth)
    assert empty.status_code == 400 and empty.json()["error"] == "bad_batch"
    big = await api.post(
        "/gateway/v1/sms", json=[{"to": "1", "from": "x", "text": "y"}] * 1001, headers=auth
    )
    assert big.status_code == 400
    zipped = gzip.compress(
        json.dumps({"to": str(pool["phones"][0]), "from": "X", "text": "gz"}).encode()
    )
    ok = await api.post(
        "/gateway/v1/sms", content=zipped, headers={**auth, "Content-Encoding": "gzip"}
    )
    assert ok.status_code == 200 and ok.json()["accepted"] == 1
    bomb = gzip.compress(b"[" + b" " * 20_000_000 + b"]")
    assert (
        await api.post(
            "/gateway/v1/sms", content=bomb, headers={**auth, "Content-Encoding": "gzip"}
        )
    ).status_code == 413


async def test_heartbeat_marks_the_source_seen(
    api: httpx.AsyncClient, rt: Runtime, pool: dict[str, Any]
) -> None:
    resp = await api.post(
        "/gateway/v1/heartbeat", headers={"Authorization": f"Bearer {pool['token']}"}
    )
    assert resp.json() == {"status": "ok", "source": "gw1"}
    async with rt.db.read() as conn:
        assert (
            await conn.fetchval("SELECT last_seen_at FROM sources WHERE name = 'gw1'") is not None
        )
