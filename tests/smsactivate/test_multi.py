"""getMultiServiceNumber: one number, one activation per service, SMS routed by service."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx

from otpvirt.db import in_transaction
from otpvirt.doctor.service import CHECKS, run_checks
from otpvirt.runtime import Runtime
from otpvirt.sms.service import ingest
from tests.smsactivate.conftest import Buyer, buyer, jsonof, ledger, sa, token
from tests.support import factory

FACEBOOK_TEXT = "FB-48213 is your Facebook confirmation code"
VIBER_TEXT = "Your Viber code: 905526"
PLAIN_TEXT = "Your verification code is 7731"


async def multi(api: httpx.AsyncClient, key: str, **params: Any) -> Any:
    """getMultiServiceNumber answered as JSON (a list), or its token."""
    resp = await sa(api, key, "getMultiServiceNumber", **params)
    if resp.headers["content-type"] == "application/json":
        return resp.json()
    return resp.text


async def sms(rt: Runtime, phone: str, sender: str, text: str) -> None:
    await in_transaction(rt.db, ingest, to=phone, sender=sender, text=text)


async def full_sms(api: httpx.AsyncClient, key: str, act: str) -> str:
    return await token(api, key, "getFullSms", id=act)


async def clean(rt: Runtime) -> None:
    async with rt.db.read() as conn:
        assert {r["name"]: r["violations"] for r in await run_checks(conn)} == {
            c.name: 0 for c in CHECKS
        }


async def test_one_number_charged_per_service(
    api: httpx.AsyncClient, rt: Runtime, shop: Buyer
) -> None:
    got = await multi(api, shop.key, multiService="vi,fb", country=143)
    assert isinstance(got, list) and [g["service"] for g in got] == ["vi", "fb"]
    assert got[0]["phone"] == got[1]["phone"] and got[0]["phone"].startswith("992")
    assert got[0]["activation"] != got[1]["activation"]
    assert all(isinstance(g["activation"], str) and g["activation"].isdigit() for g in got)
    # Each activation charged its own price, each its own ledger entry.
    assert await ledger(rt, shop.client.id) == [("topup", 1000), ("charge", -5), ("charge", -6)]
    assert await token(api, shop.key, "getBalance") == "ACCESS_BALANCE:9.89"
    active = await jsonof(api, shop.key, "getActiveActivations")
    assert [(a["activationId"], a["serviceCode"]) for a in active["activeActivations"]] == [
        (g["activation"], g["service"]) for g in got
    ]
    for g in got:
        assert await token(api, shop.key, "getStatus", id=g["activation"]) == "STATUS_WAIT_CODE"
    await clean(rt)


async def test_sms_reach_the_activation_of_their_service(
    api: httpx.AsyncClient, rt: Runtime, shop: Buyer
) -> None:
    vi, fb = await multi(api, shop.key, multiService="vi,fb", country=143)
    phone = vi["phone"]
    # Named by the sender: only that service's activation.
    await sms(rt, phone, "Viber", VIBER_TEXT)
    assert await token(api, shop.key, "getStatus", id=vi["activation"]) == "STATUS_OK:905526"
    assert await token(api, shop.key, "getStatus", id=fb["activation"]) == "STATUS_WAIT_CODE"
    # "Meta" is one of the parser's names of Facebook.
    await sms(rt, phone, "Meta", FACEBOOK_TEXT)
    assert await token(api, shop.key, "getStatus", id=fb["activation"]) == "STATUS_OK:48213"
    assert await full_sms(api, shop.key, vi["activation"]) == f"FULL_SMS:{VIBER_TEXT}"
    # Named by the text only (an unknown sender).
    await sms(rt, phone, "+15550100", "Your Viber code: 112233")
    assert await token(api, shop.key, "getStatus", id=vi["activation"]) == "STATUS_OK:112233"
    assert await token(api, shop.key, "getStatus", id=fb["activation"]) == "STATUS_OK:48213"
    # Named by nothing: every activation of the number gets it.
    await sms(rt, phone, "INFO", PLAIN_TEXT)
    for g in (vi, fb):
        assert await full_sms(api, shop.key, g["activation"]) == f"FULL_SMS:{PLAIN_TEXT}"
        assert await token(api, shop.key, "getStatus", id=g["activation"]) == "STATUS_OK:7731"
    async with rt.db.read() as conn:
        counts = await conn.fetchall(
            "SELECT id, sms_count FROM activations WHERE phone = :p ORDER BY id", {"p": int(phone)}
        )
        stored = await conn.fetchval(
            "SELECT COUNT(*) FROM sms_messages WHERE phone = :p", {"p": int(phone)}
        )
    assert [int(r[1]) for r in counts] == [3, 2]
    assert int(stored) == 5  # one row per activation reached
    # A peer re-pushing the unmatched SMS adds nothing.
    await sms(rt, phone, "INFO", PLAIN_TEXT)
    for g in (vi, fb):
        assert await token(api, shop.key, "setStatus", id=g["activation"], status=6) == (
            "ACCESS_ACTIVATION"
        )
    # Used for both services now: never leased for either again (the reuse rule aside).
    other = await buyer(rt)
    for _ in range(3):
        got = await token(api, other.key, "getNumber", service="vi", country=143)
        assert not got.endswith(f":{phone}")
    await clean(rt)


async def _one_number(rt: Runtime) -> tuple[Buyer, Buyer, int]:
    await factory.price(rt, "tajikistan", "vi", "0.05")
    await factory.price(rt, "tajikistan", "fb", "0.06")
    (phone,) = await factory.numbers(rt, "tajikistan", "indigo", 1)
    return await buyer(rt), await buyer(rt), phone


async def test_cancel_one_refunds_that_one(api: httpx.AsyncClient, rt: Runtime) -> None:
    first, other, phone = await _one_number(rt)
    vi, fb = await multi(api, first.key, multiService="vi,fb", country=143)
    assert await token(api, first.key, "setStatus", id=vi["activation"], status=8) == (
        "ACCESS_CANCEL"
    )
    assert await ledger(rt, first.client.id) == [
        ("topup", 1000),
        ("charge", -5),
        ("charge", -6),
        ("refund", 5),
    ]
    assert await token(api, first.key, "getStatus", id=vi["activation"]) == "STATUS_CANCEL"
    assert await token(api, first.key, "getStatus", id=fb["activation"]) == "STATUS_WAIT_CODE"
    # The number stays with the remaining activation: no one else gets it meanwhile.
    assert await token(api, other.key, "getNumber", service="vi", country=143) == "NO_NUMBERS"
    assert await multi(api, other.key, multiService="fb,vi", country=143) == "NO_NUMBERS"
    await clean(rt)
    # Its SMS (whatever it names) goes to the live activation only.
    await sms(rt, str(phone), "Viber", VIBER_TEXT)
    assert await token(api, first.key, "getStatus", id=fb["activation"]) == "STATUS_OK:905526"
    assert await token(api, first.key, "getStatus", id=vi["activation"]) == "STATUS_CANCEL"
    assert await token(api, first.key, "setStatus", id=fb["activation"], status=6) == (
        "ACCESS_ACTIVATION"
    )
    # Free again, and used for Facebook only: Viber can be leased, Facebook cannot.
    assert await multi(api, other.key, multiService="vi,fb", country=143) == "NO_NUMBERS"
    assert await token(api, other.key, "getNumber", service="fb", country=143) == "NO_NUMBERS"
    again = await token(api, other.key, "getNumber", service="vi", country=143)
    assert again.startswith("ACCESS_NUMBER:") and again.endswith(f":{phone}")
    await clean(rt)


async def test_cancel_every_activation_frees_the_number(
    api: httpx.AsyncClient, rt: Runtime
) -> None:
    first, other, phone = await _one_number(rt)
    got = await multi(api, first.key, multiService="fb,vi", country=143)
    for g in reversed(got):
        assert await token(api, first.key, "setStatus", id=g["activation"], status=8) == (
            "ACCESS_CANCEL"
        )
    assert [k for k, _ in await ledger(rt, first.client.id)] == [
        "topup",
        "charge",
        "charge",
        "refund",
        "refund",
    ]
    assert await token(api, first.key, "getBalance") == "ACCESS_BALANCE:10.00"
    again = await multi(api, other.key, multiService="vi,fb", country=143)
    assert [g["phone"] for g in again] == [str(phone)] * 2
    await clean(rt)


async def test_parallel_burst_on_the_last_number(api: httpx.AsyncClient, rt: Runtime) -> None:
    one, two, phone = await _one_number(rt)
    three = await buyer(rt)
    answers = await asyncio.gather(
        multi(api, one.key, multiService="vi,fb", country=143),
        multi(api, two.key, multiService="fb,vi", country=143),
        token(api, three.key, "getNumber", service="vi", country=143),
    )
    won = [a for a in answers if a != "NO_NUMBERS"]
    assert len(won) == 1, answers
    winner = won[0]
    assert str(phone) in (winner if isinstance(winner, str) else winner[0]["phone"])
    # Only the winner paid.
    payers = [b for b in (one, two, three) if len(await ledger(rt, b.client.id)) > 1]
    assert len(payers) == 1
    await clean(rt)


async def test_refusals_change_nothing(api: httpx.AsyncClient, rt: Runtime, shop: Buyer) -> None:
    cases: list[tuple[dict[str, Any], str]] = [
        ({"multiService": "vi,zz", "country": 143}, "BAD_SERVICE"),
        ({"multiService": "", "country": 143}, "BAD_SERVICE"),
        ({"country": 143}, "BAD_SERVICE"),
        ({"multiService": "vi,vi", "country": 143}, "BAD_SERVICE"),
        ({"multiService": "vi,,fb", "country": 143}, "BAD_SERVICE"),
        ({"multiService": "vi,tg", "country": 143}, "NO_NUMBERS"),  # tg not sold there
        ({"multiService": "vi,fb", "country": 143, "multiForward": "1,0"}, "BAD_FORWARD"),
        ({"multiService": "vi,fb", "country": 4242}, "BAD_COUNTRY"),
        ({"multiService": "vi,fb", "country": 143, "operator": "nope"}, "WRONG_OPERATOR"),
    ]
    for params, expected in cases:
        assert await multi(api, shop.key, **params) == expected, params
    # 0.10 left: enough for Viber (0.05), not for Viber and Facebook (0.11).
    poor = await buyer(rt, balance=10)
    assert await multi(api, poor.key, multiService="vi,fb", country=143) == "NO_BALANCE"
    assert await ledger(rt, poor.client.id) == [("topup", 10)]
    assert await ledger(rt, shop.client.id) == [("topup", 1000)]
    async with rt.db.read() as conn:
        assert await conn.fetchval("SELECT COUNT(*) FROM activations") == 0
    # Without a country: the cheapest country selling both; the operator filter applies.
    got = await multi(api, poor.key, multiService="vi", operator="indigo")
    assert [g["service"] for g in got] == ["vi"]
    await clean(rt)
