"""checkExtraActivation and getExtraActivation: the same number again (the reuse rule)."""

from __future__ import annotations

import asyncio

import httpx

from otpvirt.clock import now_ms
from otpvirt.doctor.service import CHECKS, run_checks
from otpvirt.runtime import Runtime
from tests.smsactivate.conftest import Buyer, buyer, deliver, jsonof, ledger, token

OTHER_TEXT = "Your Viber code: 314159"


async def _used(api: httpx.AsyncClient, rt: Runtime, key: str) -> tuple[str, str]:
    """A Viber activation that got its SMS and was completed: (id, phone)."""
    _, act, phone = (await token(api, key, "getNumber", service="vi", country=143)).split(":")
    await deliver(rt, phone)
    assert await token(api, key, "setStatus", id=act, status=6) == "ACCESS_ACTIVATION"
    return act, phone


async def test_reuse_after_an_sms(api: httpx.AsyncClient, rt: Runtime, shop: Buyer) -> None:
    act, phone = await _used(api, rt, shop.key)
    assert await jsonof(api, shop.key, "checkExtraActivation", activationId=act) == {
        "status": "success",
        "cost": 0.05,
        "service": "vi",
        "phone": int(phone),
        "country": 143,
    }
    again = await token(api, shop.key, "getExtraActivation", activationId=act)
    _, new_id, new_phone = again.split(":")
    assert new_phone == phone and new_id != act
    # A new charge, and the new code reaches the new activation.
    assert await ledger(rt, shop.client.id) == [("topup", 1000), ("charge", -5), ("charge", -5)]
    assert await token(api, shop.key, "getStatus", id=new_id) == "STATUS_WAIT_CODE"
    await deliver(rt, phone, OTHER_TEXT)
    assert await token(api, shop.key, "getStatus", id=new_id) == "STATUS_OK:314159"
    assert await token(api, shop.key, "getStatus", id=act) == "STATUS_CANCEL"
    # Busy now: neither check nor a second reuse.
    assert await jsonof(api, shop.key, "checkExtraActivation", activationId=act) == {
        "status": "error",
        "message": "RENEW_ACTIVATION_NOT_AVAILABLE",
    }
    assert await token(api, shop.key, "getExtraActivation", id=act) == "NEW_ACTIVATION_IMPOSSIBLE"
    # Once free again, the reuse (which got an SMS itself) can be taken again, by `id` too.
    await token(api, shop.key, "setStatus", id=new_id, status=6)
    third = await token(api, shop.key, "getExtraActivation", id=new_id)
    assert third.startswith("ACCESS_NUMBER:") and third.endswith(f":{phone}")
    # Reused leases keep every invariant (one live lease per number, no overlap, money).
    async with rt.db.read() as conn:
        assert {r["name"]: r["violations"] for r in await run_checks(conn)} == {
            c.name: 0 for c in CHECKS
        }


async def test_reuse_refused(api: httpx.AsyncClient, rt: Runtime, shop: Buyer) -> None:
    act, phone = await _used(api, rt, shop.key)
    # Another client: as if the activation did not exist; the pool never gives it the number.
    other = await buyer(rt)
    assert await jsonof(api, other.key, "checkExtraActivation", activationId=act) == {
        "status": "error",
        "message": "WRONG_ACTIVATION_ID",
    }
    assert await token(api, other.key, "getExtraActivation", activationId=act) == (
        "WRONG_ACTIVATION_ID"
    )
    for _ in range(2):
        got = await token(api, other.key, "getNumber", service="vi", country=143)
        assert not got.endswith(phone)
    assert await token(api, shop.key, "getExtraActivation", activationId="x") == (
        "WRONG_ACTIVATION_ID"
    )
    assert await token(api, shop.key, "getExtraActivation") == "WRONG_ACTIVATION_ID"
    # No balance: nothing changes.
    poor = await buyer(rt, balance=7)
    _, p_act, p_phone = (await token(api, poor.key, "getNumber", service="fb", country=143)).split(
        ":"
    )
    await deliver(rt, p_phone, "Facebook code 12345")
    await token(api, poor.key, "setStatus", id=p_act, status=6)
    assert await token(api, poor.key, "getExtraActivation", id=p_act) == "NO_BALANCE"
    assert await ledger(rt, poor.client.id) == [("topup", 7), ("charge", -6)]
    # After the window (30 days by default).
    async with rt.db.transaction() as conn:
        await conn.execute(
            "UPDATE activations SET created_at = :t WHERE id = :i",
            {"t": now_ms() - 31 * 86_400_000, "i": int(act)},
        )
    assert await jsonof(api, shop.key, "checkExtraActivation", activationId=act) == {
        "status": "error",
        "message": "RENEW_ACTIVATION_NOT_AVAILABLE",
    }
    assert await token(api, shop.key, "getExtraActivation", activationId=act) == (
        "NEW_ACTIVATION_IMPOSSIBLE"
    )
    assert await ledger(rt, shop.client.id) == [("topup", 1000), ("charge", -5)]


async def test_no_reuse_without_an_sms(api: httpx.AsyncClient, rt: Runtime, shop: Buyer) -> None:
    _, act, _ = (await token(api, shop.key, "getNumber", service="vi", country=143)).split(":")
    await token(api, shop.key, "setStatus", id=act, status=8)
    assert await token(api, shop.key, "getExtraActivation", activationId=act) == (
        "NEW_ACTIVATION_IMPOSSIBLE"
    )


async def test_parallel_reuse_leases_once(api: httpx.AsyncClient, rt: Runtime, shop: Buyer) -> None:
    act, phone = await _used(api, rt, shop.key)
    answers = await asyncio.gather(
        *(token(api, shop.key, "getExtraActivation", activationId=act) for _ in range(6))
    )
    [won] = [a for a in answers if a.startswith("ACCESS_NUMBER:")]
    assert won.endswith(f":{phone}")
    assert answers.count("NEW_ACTIVATION_IMPOSSIBLE") == 5
    assert await ledger(rt, shop.client.id) == [("topup", 1000), ("charge", -5), ("charge", -5)]
