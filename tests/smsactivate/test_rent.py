"""The sms-activate rent actions, exactly as API-extensions §1 answers them."""

from __future__ import annotations

import httpx

from otpvirt.clock import now_ms
from otpvirt.db import in_transaction
from otpvirt.rental import service as rentals
from otpvirt.runtime import Runtime
from otpvirt.sms.service import ingest
from tests.smsactivate.conftest import buyer, jsonof
from tests.support import factory

TAJIKISTAN = 143


async def _shop(rt: Runtime, count: int = 2) -> None:
    await factory.numbers(rt, "tajikistan", "indigo", count)
    snap = await rt.catalogue.get()
    tj = snap.countries["tajikistan"].id
    await in_transaction(rt.db, rentals.set_price, tj, "full", "USD", 10, now_ms())
    await in_transaction(rt.db, rentals.set_price, tj, "tg", "USD", 5, now_ms())


async def test_rent_extend_finish(api: httpx.AsyncClient, rt: Runtime) -> None:
    await _shop(rt)
    b = await buyer(rt, balance=1000)
    countries = await jsonof(api, b.key, "getCountries")
    assert {k for k, v in countries.items() if v["rent"] == 1} == {str(TAJIKISTAN)}
    offer = await jsonof(api, b.key, "getRentServicesAndCountries", rent_time=4, country=TAJIKISTAN)
    assert offer["countries"] == {"0": TAJIKISTAN} and offer["currency"] == 840
    assert offer["services"] == {"full": {"cost": 0.4, "quant": 2}, "tg": {"cost": 0.2, "quant": 2}}
    got = await jsonof(api, b.key, "getRentNumber", service="tg", rent_time=4, country=TAJIKISTAN)
    assert got["status"] == "success", got
    rid, phone = got["phone"]["id"], got["phone"]["number"]
    assert await jsonof(api, b.key, "getRentStatus", id=rid) == {
        "status": "error",
        "message": "STATUS_WAIT_CODE",
    }
    await in_transaction(rt.db, ingest, to=phone, sender="Telegram", text="Telegram code 77123")
    await in_transaction(rt.db, ingest, to=phone, sender="Bank", text="Your code: 4455")
    status = await jsonof(api, b.key, "getRentStatus", id=rid)
    assert status["quantity"] == "2"
    assert [v["phoneFrom"] for v in status["values"].values()] == ["Bank", "Telegram"]
    listed = await jsonof(api, b.key, "getRentList")
    assert listed == {"status": "success", "values": {"0": {"id": str(rid), "phone": phone}}}
    price = await jsonof(api, b.key, "getContinueRentPriceNumber", id=rid, rent_time=8)
    assert price == {"status": "success", "price": 0.4, "currency": 840, "hours": 8}
    more = await jsonof(api, b.key, "continueRentNumber", id=rid, rent_time=8)
    assert more["phone"]["endDate"] > got["phone"]["endDate"]
    assert await jsonof(api, b.key, "setRentStatus", id=rid, status=2) == {
        "status": "error",
        "message": "CANT_CANCEL",
    }
    assert await jsonof(api, b.key, "setRentStatus", id=rid, status=1) == {"status": "success"}
    assert (await jsonof(api, b.key, "setRentStatus", id=rid, status=1))["message"] == (
        "ALREADY_FINISH"
    )
    assert (await jsonof(api, b.key, "continueRentNumber", id=rid, rent_time=4))["message"] == (
        "RENT_DIE"
    )
    assert (await jsonof(api, b.key, "getRentStatus", id=rid))["message"] == "STATUS_FINISH"
    assert (await jsonof(api, b.key, "getRentList"))["message"] == "NO_NUMBERS"
    balance = await api.get(
        "/stubs/handler_api.php", params={"api_key": b.key, "action": "getBalance"}
    )
    assert balance.text == "ACCESS_BALANCE:9.40"  # 10.00 - 0.20 - 0.40


async def test_rent_cancel_and_errors(api: httpx.AsyncClient, rt: Runtime) -> None:
    await _shop(rt, 1)
    b = await buyer(rt, balance=1000)
    other = await buyer(rt, balance=1000)
    got = await jsonof(api, b.key, "getRentNumber", service="full", country=TAJIKISTAN)
    rid = got["phone"]["id"]
    for action, params, message in [
        ("getRentStatus", {"id": rid}, "NO_ID_RENT"),
        ("setRentStatus", {"id": rid, "status": 1}, "NO_ID_RENT"),
        ("getRentNumber", {"service": "full", "rent_time": 3}, "INVALID_TIME"),
        ("getRentNumber", {"service": "full", "rent_time": 1345}, "INVALID_TIME"),
        ("getRentNumber", {"service": "full", "country": TAJIKISTAN}, "NO_NUMBERS"),
        ("getRentNumber", {"service": "nope1"}, "BAD_SERVICE"),
    ]:
        answer = await jsonof(api, other.key, action, **params)
        assert answer == {"status": "error", "message": message}, (action, answer)
    assert (await jsonof(api, b.key, "continueRentNumber", id=rid, rent_time=1341))["message"] == (
        "MAX_HOURS_EXCEED"
    )
    assert (await jsonof(api, b.key, "setRentStatus", id=rid, status=7))["message"] == (
        "INCORECT_STATUS"
    )
    assert await jsonof(api, b.key, "setRentStatus", id=rid, status=2) == {"status": "success"}
    assert (await jsonof(api, b.key, "setRentStatus", id=rid, status=2))["message"] == (
        "ALREADY_CANCEL"
    )
    poor = await buyer(rt, balance=39)
    assert (await jsonof(api, poor.key, "getRentNumber", service="full"))["message"] == (
        "NO_BALANCE"
    )
    for key in (b.key, other.key, poor.key):
        resp = await api.get(
            "/stubs/handler_api.php", params={"api_key": key, "action": "getBalance"}
        )
        assert resp.text in ("ACCESS_BALANCE:10.00", "ACCESS_BALANCE:0.39")
