"""getNumbersStatus, getPrices, getCountries, getOperators, getServicesList."""

from __future__ import annotations

from typing import Any

import httpx

from otpvirt.runtime import Runtime
from tests.smsactivate.conftest import Buyer, buyer, deliver, jsonof, token
from tests.support import factory


async def test_numbers_status(api: httpx.AsyncClient, rt: Runtime, shop: Buyer) -> None:
    await factory.price(rt, "laos", "vi", "0.10")
    await factory.numbers(rt, "laos", "any", 2)
    assert await jsonof(api, shop.key, "getNumbersStatus", country=143) == {"vi_0": 3, "fb_0": 3}
    assert await jsonof(api, shop.key, "getNumbersStatus", country=25) == {"vi_0": 2}
    # No country: every country counts.
    assert await jsonof(api, shop.key, "getNumbersStatus") == {"vi_0": 5, "fb_0": 3}
    assert await jsonof(api, shop.key, "getNumbersStatus", country=143, operator="indigo") == {
        "vi_0": 3,
        "fb_0": 3,
    }
    assert await jsonof(api, shop.key, "getNumbersStatus", operator="indigo") == {
        "vi_0": 3,
        "fb_0": 3,
    }
    assert await token(api, shop.key, "getNumbersStatus", country=143, operator="mci") == (
        "WRONG_OPERATOR"
    )
    assert await token(api, shop.key, "getNumbersStatus", country=1) == "BAD_COUNTRY"
    # A number that got a Viber SMS is never leased for Viber again; a leased one is busy.
    _, act, phone = (await token(api, shop.key, "getNumber", service="vi", country=143)).split(":")
    await deliver(rt, phone)
    await token(api, shop.key, "setStatus", id=act, status=6)
    await token(api, shop.key, "getNumber", service="fb", country=143)
    assert await jsonof(api, shop.key, "getNumbersStatus", country=143) == {"vi_0": 1, "fb_0": 2}
    # Only what is priced in the client's currency.
    rub = await buyer(rt, currency="RUB")
    assert await jsonof(api, rub.key, "getNumbersStatus", country=143) == {}


async def test_prices(api: httpx.AsyncClient, rt: Runtime, shop: Buyer) -> None:
    await factory.price(rt, "laos", "wv", "1.23")
    await factory.price(rt, "tajikistan", "vi", "4.50", "RUB")
    entry = {"cost": 0.05, "count": 3, "physicalCount": 3}
    assert await jsonof(api, shop.key, "getPrices") == {
        "143": {"vi": entry, "fb": {"cost": 0.06, "count": 3, "physicalCount": 3}},
        "25": {"wv": {"cost": 1.23, "count": 0, "physicalCount": 0}},
    }
    assert await jsonof(api, shop.key, "getPrices", service="vi") == {"143": {"vi": entry}}
    assert await jsonof(api, shop.key, "getPrices", service="vi", country="tajikistan") == {
        "143": {"vi": entry}
    }
    assert await jsonof(api, shop.key, "getPrices", country=25, service="vi") == {}
    assert await token(api, shop.key, "getPrices", service="nope") == "BAD_SERVICE"
    assert await token(api, shop.key, "getPrices", country="mars") == "BAD_COUNTRY"
    rub = await buyer(rt, currency="RUB")
    assert await jsonof(api, rub.key, "getPrices") == {
        "143": {"vi": {"cost": 4.50, "count": 3, "physicalCount": 3}}
    }
    raw = await api.get(
        "/stubs/handler_api.php",
        params={"api_key": rub.key, "action": "getPrices"},
    )
    # Money is written exactly, with the currency's decimals.
    assert raw.text == '{"143":{"vi":{"cost":4.50,"count":3,"physicalCount":3}}}'


async def test_countries(api: httpx.AsyncClient, shop: Buyer) -> None:
    countries = await jsonof(api, shop.key, "getCountries")
    assert set(countries) == {"143", "57", "102", "74", "49", "29", "25"}
    assert countries["143"] == {
        "id": 143,
        "rus": "Tajikistan",
        "eng": "Tajikistan",
        "chn": "Tajikistan",
        "visible": 1,
        "retry": 1,
        "rent": 0,
        # Viber and Facebook are both sold there: one number can serve both.
        "multiService": 1,
    }
    assert countries["102"]["eng"] == "Libya"
    assert countries["57"]["multiService"] == 0


async def test_operators(api: httpx.AsyncClient, rt: Runtime, shop: Buyer) -> None:
    data = await jsonof(api, shop.key, "getOperators", country=143)
    assert data == {"status": "success", "countryOperators": {"143": ["indigo"]}}
    everything = await jsonof(api, shop.key, "getOperators")
    assert everything["countryOperators"]["57"] == ["mci"]
    assert len(everything["countryOperators"]) == 7
    assert await token(api, shop.key, "getOperators", country=4242) == "BAD_COUNTRY"
    async with rt.db.transaction() as conn:
        await conn.execute(
            "INSERT INTO countries (name, title, calling_code, smsactivate_id, enabled) "
            "VALUES ('nowhere', 'Nowhere', 999, 4242, TRUE)"
        )
    rt.catalogue.invalidate()
    assert await token(api, shop.key, "getOperators", country=4242) == "OPERATORS_NOT_FOUND"


async def test_services_list(api: httpx.AsyncClient, shop: Buyer) -> None:
    everything = await jsonof(api, shop.key, "getServicesList")
    assert everything["status"] == "success"
    # Not sold anywhere: not combinable with another service on one number.
    tg = {"code": "tg", "name": "Telegram", "multiService": 0, "rent": 0}
    assert tg in everything["services"]
    assert {"code": "vi", "name": "Viber", "multiService": 1, "rent": 0} in everything["services"]
    assert len(everything["services"]) == 13
    assert await jsonof(api, shop.key, "getServicesList", country=143, lang="en") == {
        "status": "success",
        "services": [
            {"code": "vi", "name": "Viber", "multiService": 1, "rent": 0},
            {"code": "fb", "name": "Facebook", "multiService": 1, "rent": 0},
        ],
    }


async def test_services_list_says_which_services_can_be_rented(
    api: httpx.AsyncClient, rt: Runtime, shop: Buyer
) -> None:
    from otpvirt.clock import now_ms
    from otpvirt.rental import service as rentals

    snap = await rt.catalogue.get()
    tj, iran = snap.countries["tajikistan"], snap.countries["iran"]
    async with rt.db.transaction() as conn:
        await rentals.set_price(conn, tj.id, "vi", "USD", 4, now_ms())
        await rentals.set_price(conn, iran.id, "full", "USD", 9, now_ms())

    def flags(answer: dict[str, Any]) -> dict[str, int]:
        return {x["code"]: x["rent"] for x in answer["services"]}

    in_tj = flags(await jsonof(api, shop.key, "getServicesList", country=143))
    assert in_tj == {"vi": 1, "fb": 0}
    # Anywhere: `full` in Iran rents every service.
    assert set(flags(await jsonof(api, shop.key, "getServicesList")).values()) == {1}
