"""getHistory, getTopCountriesByService, getListOfTopCountriesByService."""

from __future__ import annotations

from typing import Any

import httpx

from otpvirt.clock import now_ms
from otpvirt.runtime import Runtime
from tests.smsactivate.conftest import URL, Buyer, buyer, deliver, jsonof, token
from tests.support import factory

DAY_MS = 86_400_000


async def _backdate(rt: Runtime, act_id: str, ms: int) -> None:
    async with rt.db.transaction() as conn:
        await conn.execute(
            "UPDATE activations SET created_at = :t WHERE id = :i", {"t": ms, "i": int(act_id)}
        )


async def _buy(api: httpx.AsyncClient, key: str, service: str = "vi") -> tuple[str, str]:
    answer = await token(api, key, "getNumber", service=service, country=143)
    assert answer.startswith("ACCESS_NUMBER:"), answer
    _, act, phone = answer.split(":")
    return act, phone


async def _history(api: httpx.AsyncClient, key: str, **params: Any) -> list[dict[str, Any]]:
    resp = await api.get(URL, params={"api_key": key, "action": "getHistory", **params})
    assert resp.headers["content-type"] == "application/json", resp.text
    data = resp.json()
    assert isinstance(data, list)
    return data


async def test_history_lists_newest_first_with_sms(
    api: httpx.AsyncClient, rt: Runtime, shop: Buyer
) -> None:
    first, phone = await _buy(api, shop.key)
    await deliver(rt, phone)
    await token(api, shop.key, "setStatus", id=first, status=6)
    second, _ = await _buy(api, shop.key, "fb")
    await token(api, shop.key, "setStatus", id=second, status=8)
    got = await _history(api, shop.key)
    assert [h["id"] for h in got] == [int(second), int(first)]
    assert got[0]["sms"] is None and got[0]["status"] == "cancelled"
    assert got[0]["cost"] == 0.06 and got[0]["currency"] == 840
    assert got[1]["phone"] == phone and got[1]["status"] == "completed"
    assert got[1]["sms"] == [
        "<#> Your Viber code: 905526\n\nYou can also tap this link: https://unv.viber.com/a/905526"
    ]
    assert isinstance(got[1]["date"], str) and len(got[1]["date"]) == 19
    # Another client sees nothing of it.
    other = await buyer(rt)
    assert await _history(api, other.key) == []


async def test_history_paging_and_windows(api: httpx.AsyncClient, rt: Runtime, shop: Buyer) -> None:
    await factory.numbers(rt, "tajikistan", "indigo", 3, prefix="99277")
    ids = []
    for _ in range(5):
        act, _ = await _buy(api, shop.key)
        await token(api, shop.key, "setStatus", id=act, status=8)
        ids.append(int(act))
    now = now_ms()
    # Two of them happened 40 and 10 days ago.
    await _backdate(rt, str(ids[0]), now - 40 * DAY_MS)
    await _backdate(rt, str(ids[1]), now - 10 * DAY_MS)
    # Default: the last 30 days, 50 a page.
    assert [h["id"] for h in await _history(api, shop.key)] == ids[:0:-1]
    assert [h["id"] for h in await _history(api, shop.key, limit=2)] == [ids[4], ids[3]]
    assert [h["id"] for h in await _history(api, shop.key, limit=2, offset=2)] == [
        ids[2],
        ids[1],
    ]
    assert await _history(api, shop.key, offset=4) == []
    start = (now - 50 * DAY_MS) // 1000
    end = (now - 5 * DAY_MS) // 1000
    assert [h["id"] for h in await _history(api, shop.key, start=start, end=end)] == [
        ids[1],
        ids[0],
    ]
    assert [h["id"] for h in await _history(api, shop.key, start=start)] == ids[::-1]
    # A limit above 100 is served as 100; a bad range is WRONG_DATE.
    assert len(await _history(api, shop.key, start=start, limit=1000)) == 5
    assert await token(api, shop.key, "getHistory", start=end, end=start) == "WRONG_DATE"
    assert await token(api, shop.key, "getHistory", start="yesterday") == "WRONG_DATE"
    assert await token(api, shop.key, "getHistory", start=-5) == "WRONG_DATE"
    assert await token(api, shop.key, "getHistory", limit=0) == "BAD_DATA"
    assert await token(api, shop.key, "getHistory", offset=10_001) == "BAD_DATA"
    assert await token(api, "nope", "getHistory") == "BAD_KEY"


async def test_top_countries_by_free_numbers_then_price(
    api: httpx.AsyncClient, rt: Runtime, shop: Buyer
) -> None:
    await factory.price(rt, "laos", "vi", "0.04")
    await factory.numbers(rt, "laos", "any", 5)
    await factory.price(rt, "serbia", "vi", "0.03")
    await factory.numbers(rt, "serbia", "mts", 3)
    got = await jsonof(api, shop.key, "getTopCountriesByService", service="vi", freePrice="true")
    assert got == {
        "0": {"country": 25, "count": 5, "price": 0.04, "retail_price": 0.04},
        "1": {"country": 29, "count": 3, "price": 0.03, "retail_price": 0.03},
        "2": {"country": 143, "count": 3, "price": 0.05, "retail_price": 0.05},
    }
    # Only Tajikistan sells Facebook.
    assert list(await jsonof(api, shop.key, "getTopCountriesByService", service="fb")) == ["0"]
    assert await token(api, shop.key, "getTopCountriesByService", service="nope") == "BAD_SERVICE"
    assert await token(api, shop.key, "getTopCountriesByService") == "BAD_SERVICE"


async def test_list_of_top_countries_share_and_rate(
    api: httpx.AsyncClient, rt: Runtime, shop: Buyer
) -> None:
    await factory.price(rt, "laos", "vi", "0.04")
    await factory.numbers(rt, "laos", "any", 2)
    # Tajikistan: 3 Viber activations, one got an SMS; Laos: 1, with an SMS.
    acts = []
    for _ in range(3):
        act, phone = await _buy(api, shop.key)
        acts.append((act, phone))
    await deliver(rt, acts[0][1])
    laos = await token(api, shop.key, "getNumber", service="vi", country=25)
    await deliver(rt, laos.split(":")[2])
    # One more in Tajikistan, 8 days ago: outside the window.
    await token(api, shop.key, "setStatus", id=acts[1][0], status=8)
    old, _ = await _buy(api, shop.key)
    await _backdate(rt, old, now_ms() - 8 * 86_400_000)
    resp = await api.get(
        URL,
        params={"api_key": shop.key, "action": "getListOfTopCountriesByService", "service": "vi"},
    )
    assert resp.json() == [
        {"country": 143, "share": 75.0, "rate": 33.33},
        {"country": 25, "share": 25.0, "rate": 100.0},
    ]
    resp = await api.get(
        URL,
        params={
            "api_key": shop.key,
            "action": "getListOfTopCountriesByService",
            "service": "vi",
            "length": 1,
            "page": 2,
        },
    )
    assert resp.json() == [{"country": 25, "share": 25.0, "rate": 100.0}]
    # The figures are reused for a minute: a new activation does not show yet.
    await token(api, shop.key, "getNumber", service="vi", country=25)
    resp = await api.get(
        URL,
        params={"api_key": shop.key, "action": "getListOfTopCountriesByService", "service": "vi"},
    )
    assert resp.json()[1] == {"country": 25, "share": 25.0, "rate": 100.0}
    assert (
        await token(api, shop.key, "getListOfTopCountriesByService", service="vi", length=0)
        == "BAD_DATA"
    )
    assert await token(api, shop.key, "getListOfTopCountriesByService", service="x") == (
        "BAD_SERVICE"
    )
