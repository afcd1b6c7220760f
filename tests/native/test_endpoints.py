"""The seven native methods over HTTP, on both databases."""

from __future__ import annotations

import gzip
import json
import uuid
from typing import Any

import httpx
import pytest

from otpvirt.db import in_transaction
from otpvirt.runtime import Runtime
from otpvirt.sms.service import ingest
from tests.support import factory

VIBER_TEXT = (
    "<#> Your Viber code: 905526\n\nYou can also tap this link to finish your activation:\n"
    "https://unv.viber.com/a/905526\n\n6EQbNfKgO8O"
)


async def call(api: httpx.AsyncClient, method: str, body: Any) -> dict[str, Any]:
    resp = await api.post(f"/native/{method}", json=body)
    assert resp.status_code == 200
    assert resp.headers["content-type"].startswith("application/json")
    data: dict[str, Any] = resp.json()
    return data


@pytest.fixture
async def shop(rt: Runtime) -> factory.TestClient:
    """A client with 10.00 USD, Viber at 0.05 in Tajikistan, 3 numbers there."""
    await factory.price(rt, "tajikistan", "vi", "0.05")
    await factory.price(rt, "tajikistan", "fb", "0.06")
    await factory.numbers(rt, "tajikistan", "indigo", 3)
    return await factory.client(rt, balance=1000)


async def test_get_balance(api: httpx.AsyncClient, shop: factory.TestClient) -> None:
    resp = await api.post("/native/GetBalance", json=shop.creds())
    assert resp.content == b'{"currency":"USD","balance":10.00,"status":2,"error":0}'


async def test_get_price_matches_the_collection_shape(api: httpx.AsyncClient, rt: Runtime) -> None:
    await factory.price(rt, "tajikistan", "wa", "0.32")
    await factory.price(rt, "tajikistan", "vi", "0.05")
    await factory.price(rt, "laos", "wv", "1.23")
    c = await factory.client(rt)
    data = await call(api, "GetPrice", c.creds())
    assert data == {
        "currency": "USD",
        "countryList": [
            {"country": "tajikistan", "services": {"wa": 0.32, "vi": 0.05}},
            {"country": "laos", "services": {"wv": 1.23}},
        ],
        "status": 2,
        "error": 0,
    }


async def test_prices_are_in_the_clients_currency(api: httpx.AsyncClient, rt: Runtime) -> None:
    await factory.price(rt, "tajikistan", "vi", "0.05")
    await factory.price(rt, "tajikistan", "vi", "4.50", "RUB")
    c = await factory.client(rt, currency="RUB", balance=10_000)
    data = await call(api, "GetPrice", c.creds())
    assert data["currency"] == "RUB"
    assert data["countryList"] == [{"country": "tajikistan", "services": {"vi": 4.5}}]


async def test_count_number_lifecycle_and_sms(
    api: httpx.AsyncClient, rt: Runtime, shop: factory.TestClient
) -> None:
    count = {"service": "vi", "country": "tajikistan", "provider": "indigo"}
    assert (await call(api, "GetNumbersCount", shop.creds(**count)))["count"] == 3
    got = await call(
        api,
        "GetNumber",
        shop.creds(service="vi", detail={"country": "tajikistan", "provider": "indigo"}),
    )
    assert got["status"] == 2 and got["error"] == 0
    assert got["ammount"] == 0.05
    assert isinstance(got["number"], int) and str(got["number"]).startswith("992")
    act = got["activationId"]
    assert act == str(uuid.UUID(act))
    assert (await call(api, "GetNumbersCount", shop.creds(**count)))["count"] == 2
    assert (await call(api, "GetBalance", shop.creds()))["balance"] == 9.95
    assert await call(api, "GetSms", shop.creds(activationId=act)) == {
        "sms": [],
        "status": 2,
        "error": 0,
    }

    await in_transaction(rt.db, ingest, to=str(got["number"]), sender="Viber", text=VIBER_TEXT)
    sms = await call(api, "GetSms", shop.creds(activationId=act.upper()))
    assert sms["status"] == 2
    [msg] = sms["sms"]
    assert msg["phoneFrom"] == "Viber" and msg["phone"] == got["number"]
    assert msg["text"] == VIBER_TEXT and msg["code"] == "905526"
    assert msg["id"] == str(uuid.UUID(msg["id"]))

    # An SMS came: cancel is refused with error 4 and nothing changes.
    assert await call(api, "CancelActivation", shop.creds(activationId=act)) == {
        "status": 4,
        "error": 4,
        "reason": "sms_already_received",
        "message": "an SMS was already received for this activation",
    }
    assert (await call(api, "GetBalance", shop.creds()))["balance"] == 9.95
    assert await call(api, "ConfirmActivation", shop.creds(activationId=act)) == {
        "status": 2,
        "error": 0,
    }
    again = await call(api, "ConfirmActivation", shop.creds(activationId=act))
    assert (again["status"], again["error"], again["reason"]) == (4, 3, "activation_finished")
    # The number is free again, but never for Viber: it received a Viber SMS.
    assert (await call(api, "GetNumbersCount", shop.creds(**count)))["count"] == 2
    fb = dict(count, service="fb")
    assert (await call(api, "GetNumbersCount", shop.creds(**fb)))["count"] == 3


async def test_cancel_refunds_once(api: httpx.AsyncClient, shop: factory.TestClient) -> None:
    got = await call(api, "GetNumber", shop.creds(service="vi", detail={"country": "tajikistan"}))
    act = got["activationId"]
    assert await call(api, "CancelActivation", shop.creds(activationId=act)) == {
        "status": 2,
        "error": 0,
    }
    assert (await call(api, "GetBalance", shop.creds()))["balance"] == 10.00
    twice = await call(api, "CancelActivation", shop.creds(activationId=act))
    assert (twice["error"], twice["reason"]) == (3, "activation_finished")
    confirm = await call(api, "ConfirmActivation", shop.creds(activationId=act))
    assert (confirm["error"], confirm["reason"]) == (3, "activation_finished")
    assert (await call(api, "GetBalance", shop.creds()))["balance"] == 10.00


@pytest.mark.parametrize(
    "detail",
    [
        {"Country": "Tajikistan", "Provider": "INDIGO"},
        {"country": "tajikistan", "provider": "any"},
        {"COUNTRY": "tajikistan"},
        {},
    ],
)
async def test_detail_keys_are_case_insensitive_and_provider_any(
    api: httpx.AsyncClient, shop: factory.TestClient, detail: dict[str, str]
) -> None:
    got = await call(api, "GetNumber", shop.creds(service="vi", detail=detail))
    assert (got["status"], got["error"]) == (2, 0), got


async def test_no_country_picks_the_cheapest_offering_country(
    api: httpx.AsyncClient, rt: Runtime
) -> None:
    await factory.price(rt, "tajikistan", "tg", "0.29")
    await factory.price(rt, "latvia", "tg", "0.10")
    await factory.numbers(rt, "tajikistan", "indigo", 1)
    await factory.numbers(rt, "latvia", "xomobile", 1)
    c = await factory.client(rt)
    got = await call(api, "GetNumber", c.creds(service="tg", detail={}))
    assert str(got["number"]).startswith("371") and got["ammount"] == 0.1
    got = await call(api, "GetNumber", c.creds(service="tg", detail={}))
    assert str(got["number"]).startswith("992") and got["ammount"] == 0.29
    none = await call(api, "GetNumber", c.creds(service="tg", detail={}))
    assert (none["status"], none["error"], none["reason"]) == (4, 1, "no_numbers")


async def test_get_number_errors(
    api: httpx.AsyncClient, rt: Runtime, shop: factory.TestClient
) -> None:
    async def err(body: dict[str, Any]) -> tuple[int, int, str]:
        d = await call(api, "GetNumber", body)
        return d["status"], d["error"], d["reason"]

    assert await err(shop.creds(service="wa", detail={"country": "tajikistan"})) == (
        4,
        1,
        "service_not_offered",
    )
    assert await err(shop.creds(service="zz", detail={"country": "tajikistan"})) == (
        4,
        3,
        "unknown_service",
    )
    assert await err(shop.creds(service="vi", detail={"country": "atlantis"})) == (
        4,
        3,
        "unknown_country",
    )
    assert await err(
        shop.creds(service="vi", detail={"country": "tajikistan", "provider": "mts"})
    ) == (4, 3, "unknown_provider")
    assert await err(shop.creds(service="vi", detail={"country": 5})) == (4, 3, "validation_failed")
    assert await err(shop.creds(service="vi")) == (4, 3, "validation_failed")
    poor = await factory.client(rt, balance=4)
    assert await err(poor.creds(service="vi", detail={"country": "tajikistan"})) == (
        4,
        3,
        "insufficient_balance",
    )
    # Nothing was charged or leased by any of those.
    assert (await call(api, "GetBalance", poor.creds()))["balance"] == 0.04
    count = await call(
        api, "GetNumbersCount", shop.creds(service="vi", country="tajikistan", provider="any")
    )
    assert count["count"] == 3


async def test_pool_exhausted_is_error_1(api: httpx.AsyncClient, shop: factory.TestClient) -> None:
    for _ in range(3):
        assert (
            await call(api, "GetNumber", shop.creds(service="vi", detail={"country": "tajikistan"}))
        )["status"] == 2
    d = await call(api, "GetNumber", shop.creds(service="vi", detail={"country": "tajikistan"}))
    assert (d["status"], d["error"], d["reason"]) == (4, 1, "no_numbers")
    assert (await call(api, "GetBalance", shop.creds()))["balance"] == 9.85


async def test_count_for_unoffered_service_is_zero(
    api: httpx.AsyncClient, shop: factory.TestClient
) -> None:
    d = await call(
        api, "GetNumbersCount", shop.creds(service="wa", country="tajikistan", provider="indigo")
    )
    assert d == {"count": 0, "status": 2, "error": 0}


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ({"apiPassword": "whatever-long"}, "validation_failed"),
        ({"clientId": "not-a-guid", "apiPassword": "whatever-long"}, "validation_failed"),
        ({"clientId": str(uuid.uuid4()), "apiPassword": "test"}, "validation_failed"),
        ({"clientId": str(uuid.uuid4()), "apiPassword": "x" * 129}, "validation_failed"),
        ({"clientId": str(uuid.uuid4()), "apiPassword": 12345678}, "validation_failed"),
        ({"clientId": str(uuid.uuid4()), "apiPassword": "whatever-long"}, "bad_credentials"),
    ],
)
async def test_credentials_are_checked(
    api: httpx.AsyncClient, shop: factory.TestClient, body: dict[str, Any], reason: str
) -> None:
    d = await call(api, "GetBalance", body)
    assert (d["status"], d["error"], d["reason"]) == (4, 3, reason)
    assert "whatever-long" not in json.dumps(d)


async def test_wrong_password_and_disabled_client(
    api: httpx.AsyncClient, rt: Runtime, shop: factory.TestClient
) -> None:
    wrong = await call(api, "GetBalance", {"clientId": shop.id, "apiPassword": "wrong-password"})
    assert wrong["reason"] == "bad_credentials"
    # Upper-case GUIDs are accepted.
    ok = await call(api, "GetBalance", {"clientId": shop.id.upper(), "apiPassword": shop.password})
    assert ok["status"] == 2
    from otpvirt.clients.service import set_enabled

    async with rt.db.transaction() as conn:
        await set_enabled(conn, shop.id, False)
    off = await call(api, "GetBalance", shop.creds())
    assert (off["error"], off["reason"]) == (3, "client_disabled")
    still_wrong = await call(
        api, "GetBalance", {"clientId": shop.id, "apiPassword": "wrong-password"}
    )
    assert still_wrong["reason"] == "bad_credentials"


async def test_foreign_and_unknown_activations_look_the_same(
    api: httpx.AsyncClient, rt: Runtime, shop: factory.TestClient
) -> None:
    got = await call(api, "GetNumber", shop.creds(service="vi", detail={"country": "tajikistan"}))
    other = await factory.client(rt)
    for method in ("GetSms", "CancelActivation", "ConfirmActivation"):
        for act in (got["activationId"], str(uuid.uuid4())):
            d = await call(api, method, other.creds(activationId=act))
            assert (d["status"], d["error"], d["reason"]) == (4, 3, "activation_not_found"), method
    # The owner's lease is untouched.
    assert (await call(api, "CancelActivation", shop.creds(activationId=got["activationId"])))[
        "status"
    ] == 2
    bad = await call(api, "GetSms", shop.creds(activationId="nope"))
    assert bad["reason"] == "validation_failed"


async def test_gzip_both_ways(api: httpx.AsyncClient, shop: factory.TestClient) -> None:
    body = gzip.compress(json.dumps(shop.creds()).encode())
    resp = await api.post(
        "/native/GetBalance",
        content=body,
        headers={
            "Content-Encoding": "gzip",
            "Content-Type": "application/json",
            "Accept-Encoding": "gzip",
        },
    )
    assert resp.headers["content-encoding"] == "gzip"
    assert resp.json()["balance"] == 10.0  # httpx transparently gunzips
    plain = await api.post(
        "/native/GetBalance", json=shop.creds(), headers={"Accept-Encoding": "identity"}
    )
    assert "content-encoding" not in plain.headers


@pytest.mark.parametrize(
    ("content", "headers", "reason"),
    [
        (b"", {}, "malformed_json"),
        (b"{not json", {}, "malformed_json"),
        (b"[1, 2]", {}, "malformed_json"),
        (b"\xff\xfe{}", {}, "malformed_json"),
        (b"not gzip at all", {"Content-Encoding": "gzip"}, "unsupported_encoding"),
        (b"{}", {"Content-Encoding": "br"}, "unsupported_encoding"),
        (gzip.compress(b" " * 10_000_000), {"Content-Encoding": "gzip"}, "body_too_large"),
        (b"{" + b" " * 200_000 + b"}", {}, "body_too_large"),
        (gzip.compress(b"{}", mtime=0)[:-6], {"Content-Encoding": "gzip"}, "unsupported_encoding"),
        (b'{"a":' * 5000 + b"1" + b"}" * 5000, {}, "malformed_json"),
    ],
)
async def test_bad_bodies_get_the_envelope(
    api: httpx.AsyncClient, content: bytes, headers: dict[str, str], reason: str
) -> None:
    resp = await api.post("/native/GetBalance", content=content, headers=headers)
    assert resp.status_code == 200
    d = resp.json()
    assert (d["status"], d["error"], d["reason"]) == (4, 3, reason)


async def test_openapi_describes_every_method(api: httpx.AsyncClient) -> None:
    doc = (await api.get("/openapi.json")).json()
    methods = [
        "GetNumbersCount",
        "GetNumber",
        "ConfirmActivation",
        "CancelActivation",
        "GetSms",
        "GetBalance",
        "GetPrice",
        "GetHistory",
        # Rentals (API-extensions §1).
        "RentNumber",
        "GetRentSms",
        "ProlongRent",
        "FinishRent",
        "CancelRent",
        "GetRentPrice",
    ]
    native = [p.removeprefix("/native/") for p in doc["paths"] if p.startswith("/native/")]
    assert native == methods
    op = doc["paths"]["/native/GetNumber"]["post"]
    ref = op["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    schema = doc["components"]["schemas"][ref.rsplit("/", 1)[1]]
    assert set(schema["required"]) == {"clientId", "apiPassword", "service", "detail"}
    assert schema["properties"]["apiPassword"]["minLength"] == 8
    assert "ammount" in doc["components"]["schemas"]["GetNumberResponse"]["properties"]


async def test_client_cache_keeps_balances_fresh_and_expires(database_url: str, tmp_path) -> None:
    """With cached credentials, the balance is still read live; a disable made
    elsewhere applies once the cache entry expires."""
    import asyncio

    from otpvirt.app import create_app
    from otpvirt.clients.service import set_enabled
    from tests.conftest import make_settings

    rt = Runtime.open(make_settings(database_url, tmp_path, client_cache_seconds=0.3))
    other = Runtime.open(make_settings(database_url, tmp_path))
    try:
        await factory.price(rt, "tajikistan", "vi", "0.05")
        await factory.numbers(rt, "tajikistan", "indigo", 2)
        c = await factory.client(rt, balance=1000)
        app = create_app(runtime=rt)
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://t"
        ) as api:
            assert (await call(api, "GetBalance", c.creds()))["balance"] == 10.0
            await call(api, "GetNumber", c.creds(service="vi", detail={"country": "tajikistan"}))
            assert (await call(api, "GetBalance", c.creds()))["balance"] == 9.95
            async with other.db.transaction() as conn:  # "another process" disables it
                await set_enabled(conn, c.id, False)
            await asyncio.sleep(0.35)
            assert (await call(api, "GetBalance", c.creds()))["reason"] == "client_disabled"
    finally:
        await other.close()
        await rt.close()
