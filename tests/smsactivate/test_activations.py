"""getStatus, getStatusV2, getFullSms, setStatus and getActiveActivations."""

from __future__ import annotations

from pathlib import Path

import httpx

from otpvirt.activation import service as activations
from otpvirt.app import create_app
from otpvirt.clock import now_ms
from otpvirt.db import in_transaction
from otpvirt.runtime import Runtime
from tests.conftest import make_settings
from tests.smsactivate.conftest import URL, Buyer, buyer, deliver, jsonof, ledger, token

WAITING = {"verificationType": 0, "sms": None, "call": None}


async def buy(api: httpx.AsyncClient, key: str) -> tuple[str, str]:
    answer = await token(api, key, "getNumber", service="vi", country=143)
    _, act_id, phone = answer.split(":")
    return act_id, phone


async def test_code_retry_and_complete(api: httpx.AsyncClient, rt: Runtime, shop: Buyer) -> None:
    act, phone = await buy(api, shop.key)
    assert await token(api, shop.key, "getStatus", id=act) == "STATUS_WAIT_CODE"
    assert await jsonof(api, shop.key, "getStatusV2", id=act) == WAITING
    assert await token(api, shop.key, "getFullSms", id=act) == "STATUS_WAIT_CODE"
    assert await token(api, shop.key, "setStatus", id=act, status=1) == "ACCESS_READY"

    await deliver(rt, phone)
    assert await token(api, shop.key, "getStatus", id=act) == "STATUS_OK:905526"
    v2 = await jsonof(api, shop.key, "getStatusV2", id=act)
    assert v2["sms"]["code"] == "905526" and v2["sms"]["text"].startswith("<#> Your Viber code")
    assert len(v2["sms"]["dateTime"]) == 19 and v2["call"] is None
    full = await token(api, shop.key, "getFullSms", id=act)
    assert full == "FULL_SMS:<#> Your Viber code: 905526\n\nYou can also tap this link: " + (
        "https://unv.viber.com/a/905526"
    )

    # Ask for another SMS: the old code is shown as the one being replaced.
    assert await token(api, shop.key, "setStatus", id=act, status=3) == "ACCESS_RETRY_GET"
    assert await token(api, shop.key, "getStatus", id=act) == "STATUS_WAIT_RETRY:905526"
    assert await jsonof(api, shop.key, "getStatusV2", id=act) == WAITING
    await deliver(rt, phone, "Viber code: 771234. Don't share it.")
    assert await token(api, shop.key, "getStatus", id=act) == "STATUS_OK:771234"
    assert await token(api, shop.key, "getFullSms", id=act) == (
        "FULL_SMS:Viber code: 771234. Don't share it."
    )

    assert await token(api, shop.key, "setStatus", id=act, status=6) == "ACCESS_ACTIVATION"
    assert await token(api, shop.key, "getStatus", id=act) == "STATUS_CANCEL"
    assert (await jsonof(api, shop.key, "getStatusV2", id=act))["sms"]["code"] == "771234"
    # Repeating the completion changes nothing; anything else is refused.
    assert await token(api, shop.key, "setStatus", id=act, status=6) == "ACCESS_ACTIVATION"
    for status in (1, 3, 8):
        assert await token(api, shop.key, "setStatus", id=act, status=status) == "BAD_STATUS"
    assert await ledger(rt, shop.client.id) == [("topup", 1000), ("charge", -5)]
    async with rt.db.read() as conn:
        count = await conn.fetchval(
            "SELECT COUNT(*) FROM sms_messages WHERE activation_id = :a", {"a": int(act)}
        )
    assert count == 2


async def test_cancel_refunds_once(api: httpx.AsyncClient, rt: Runtime, shop: Buyer) -> None:
    act, _ = await buy(api, shop.key)
    assert await token(api, shop.key, "getBalance") == "ACCESS_BALANCE:9.95"
    assert await token(api, shop.key, "setStatus", id=act, status=8) == "ACCESS_CANCEL"
    assert await token(api, shop.key, "setStatus", id=act, status=8) == "ACCESS_CANCEL"
    assert await token(api, shop.key, "getStatus", id=act) == "STATUS_CANCEL"
    assert await jsonof(api, shop.key, "getStatusV2", id=act) == WAITING
    assert await token(api, shop.key, "getFullSms", id=act) == "STATUS_CANCEL"
    assert await token(api, shop.key, "setStatus", id=act, status=6) == "BAD_STATUS"
    assert await token(api, shop.key, "getBalance") == "ACCESS_BALANCE:10.00"
    assert await ledger(rt, shop.client.id) == [("topup", 1000), ("charge", -5), ("refund", 5)]


async def test_legacy_cancel_status(api: httpx.AsyncClient, shop: Buyer) -> None:
    act, _ = await buy(api, shop.key)
    assert await token(api, shop.key, "setStatus", id=act, status=-1) == "ACCESS_CANCEL"


async def test_no_cancel_once_an_sms_came(api: httpx.AsyncClient, rt: Runtime, shop: Buyer) -> None:
    act, phone = await buy(api, shop.key)
    await deliver(rt, phone)
    assert await token(api, shop.key, "setStatus", id=act, status=8) == "BAD_STATUS"
    assert await token(api, shop.key, "getStatus", id=act) == "STATUS_OK:905526"
    assert await ledger(rt, shop.client.id) == [("topup", 1000), ("charge", -5)]


async def test_expiry_refunds_and_reads_as_cancelled(
    api: httpx.AsyncClient, rt: Runtime, shop: Buyer
) -> None:
    waiting, _ = await buy(api, shop.key)
    answered, phone = await buy(api, shop.key)
    await deliver(rt, phone)
    await in_transaction(rt.db, activations.expire_due, now_ms() + 10**9)
    assert await token(api, shop.key, "getStatus", id=waiting) == "STATUS_CANCEL"
    assert await token(api, shop.key, "getStatus", id=answered) == "STATUS_CANCEL"
    assert await token(api, shop.key, "getFullSms", id=answered) == "FULL_SMS:" + (
        "<#> Your Viber code: 905526\n\nYou can also tap this link: https://unv.viber.com/a/905526"
    )
    # The expired one was refunded: cancelling it again is answered as done.
    assert await token(api, shop.key, "setStatus", id=waiting, status=8) == "ACCESS_CANCEL"
    assert await token(api, shop.key, "setStatus", id=answered, status=6) == "ACCESS_ACTIVATION"
    assert await ledger(rt, shop.client.id) == [
        ("topup", 1000),
        ("charge", -5),
        ("charge", -5),
        ("refund", 5),
    ]


async def test_ids_are_checked_and_private(
    api: httpx.AsyncClient, rt: Runtime, shop: Buyer
) -> None:
    act, _ = await buy(api, shop.key)
    other = await buyer(rt)
    theirs, _ = await buy(api, other.key)
    for action in ("getStatus", "getStatusV2", "getFullSms"):
        for bad in ("", "abc", "0", "-5", "1.5", "9" * 19):
            assert await token(api, shop.key, action, id=bad) == "WRONG_ACTIVATION_ID"
        # Someone else's activation, a neighbour id and a missing one look the same.
        for probe in (theirs, int(act) + 1000, int(theirs) + 1):
            assert await token(api, shop.key, action, id=probe) == "NO_ACTIVATION"
    for status in (1, 3, 6, 8):
        assert await token(api, shop.key, "setStatus", id=theirs, status=status) == (
            "NO_ACTIVATION"
        )
    for bad in ("", "2", "7", "x"):
        assert await token(api, shop.key, "setStatus", id=act, status=bad) == "BAD_STATUS"
    assert await token(api, shop.key, "setStatus", id="x", status=8) == "WRONG_ACTIVATION_ID"
    assert await token(api, other.key, "getStatus", id=theirs) == "STATUS_WAIT_CODE"
    assert await ledger(rt, other.client.id) == [("topup", 1000), ("charge", -5)]


async def test_early_cancel_rule_is_a_setting(
    database_url: str, tmp_path: Path, rt: Runtime, shop: Buyer
) -> None:
    settings = make_settings(database_url, tmp_path, smsactivate_early_cancel_minutes=2)
    strict = Runtime.open(settings)
    try:
        transport = httpx.ASGITransport(app=create_app(runtime=strict))
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as api:
            act, _ = await buy(api, shop.key)
            assert await token(api, shop.key, "setStatus", id=act, status=8) == (
                "EARLY_CANCEL_DENIED"
            )
            assert await token(api, shop.key, "getStatus", id=act) == "STATUS_WAIT_CODE"
            async with strict.db.transaction() as conn:
                await conn.execute(
                    "UPDATE activations SET created_at = created_at - 120000 WHERE id = :i",
                    {"i": int(act)},
                )
            assert await token(api, shop.key, "setStatus", id=act, status=8) == "ACCESS_CANCEL"
    finally:
        await strict.close()
    assert await ledger(rt, shop.client.id) == [("topup", 1000), ("charge", -5), ("refund", 5)]


async def test_active_activations(api: httpx.AsyncClient, rt: Runtime, shop: Buyer) -> None:
    assert await jsonof(api, shop.key, "getActiveActivations") == {
        "status": "success",
        "activeActivations": [],
    }
    first, phone = await buy(api, shop.key)
    second, _ = await buy(api, shop.key)
    done, _ = await buy(api, shop.key)
    await token(api, shop.key, "setStatus", id=done, status=8)
    await deliver(rt, phone)
    data = await jsonof(api, shop.key, "getActiveActivations")
    items = data["activeActivations"]
    assert [i["activationId"] for i in items] == [first, second]
    assert items[0] == {
        "activationId": first,
        "serviceCode": "vi",
        "phoneNumber": phone,
        "activationCost": "0.05",
        "activationStatus": "1",
        "smsCode": "905526",
        "smsText": items[0]["smsText"],
        "activationTime": items[0]["activationTime"],
        "activationEndTime": items[0]["activationEndTime"],
        "discount": "0.00",
        "repeated": "0",
        "countryCode": "143",
        "countryName": "Tajikistan",
        "canGetAnotherSms": "1",
        "currency": 840,
    }
    assert items[0]["smsText"].startswith("<#> Your Viber code")
    assert (items[1]["activationStatus"], items[1]["smsCode"]) == ("4", None)
    await token(api, shop.key, "setStatus", id=first, status=3)
    paged = await jsonof(api, shop.key, "getActiveActivations", start=0, limit=1)
    assert [(i["activationId"], i["activationStatus"]) for i in paged["activeActivations"]] == [
        (first, "3")
    ]
    assert await token(api, shop.key, "getActiveActivations", limit="x") == "BAD_DATA"


async def test_post_with_query_parameters_like_aiosmsactivate(
    api: httpx.AsyncClient, shop: Buyer
) -> None:
    resp = await api.post(
        URL, params={"api_key": shop.key, "action": "getNumberV2", "service": "vi"}
    )
    act = resp.json()["activationId"]
    resp = await api.post(
        URL, params={"api_key": shop.key, "action": "setStatus", "id": act, "status": 8}
    )
    assert resp.text == "ACCESS_CANCEL"


async def test_an_sms_without_a_code_is_shown_whole(
    api: httpx.AsyncClient, rt: Runtime, shop: Buyer
) -> None:
    act, phone = await buy(api, shop.key)
    await deliver(rt, phone, "Welcome to Viber!\nNote: keep this number.")
    # The text stands in for the code, without the ':' that clients split on.
    assert await token(api, shop.key, "getStatus", id=act) == (
        "STATUS_OK:Welcome to Viber! Note keep this number."
    )
    assert await token(api, shop.key, "getFullSms", id=act) == (
        "FULL_SMS:Welcome to Viber!\nNote: keep this number."
    )
    assert (await jsonof(api, shop.key, "getStatusV2", id=act))["sms"]["code"] == ""


async def test_one_domain_two_dialects(api: httpx.AsyncClient, rt: Runtime, shop: Buyer) -> None:
    native = await api.post(
        "/native/GetNumber",
        json=shop.client.creds(service="vi", detail={"country": "tajikistan"}),
    )
    guid, phone = native.json()["activationId"], native.json()["number"]
    listed = (await jsonof(api, shop.key, "getActiveActivations"))["activeActivations"]
    assert [i["phoneNumber"] for i in listed] == [str(phone)]
    act = listed[0]["activationId"]
    await deliver(rt, phone)
    assert await token(api, shop.key, "getStatus", id=act) == "STATUS_OK:905526"
    assert await token(api, shop.key, "setStatus", id=act, status=6) == "ACCESS_ACTIVATION"
    sms = await api.post("/native/GetSms", json=shop.client.creds(activationId=guid))
    assert [m["code"] for m in sms.json()["sms"]] == ["905526"]
    again = await api.post("/native/ConfirmActivation", json=shop.client.creds(activationId=guid))
    assert again.json()["reason"] == "activation_finished"
    assert await ledger(rt, shop.client.id) == [("topup", 1000), ("charge", -5)]
