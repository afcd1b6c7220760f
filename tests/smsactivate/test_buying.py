"""getBalance, getNumber and getNumberV2: charging exactly as the native API does."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import httpx
import pytest

from otpvirt.catalogue import service as catalogue
from otpvirt.runtime import Runtime
from tests.smsactivate.conftest import Buyer, buyer, jsonof, ledger, token
from tests.support import factory


async def balance(api: httpx.AsyncClient, key: str) -> str:
    return await token(api, key, "getBalance")


async def test_balance_always_has_two_decimals(api: httpx.AsyncClient, rt: Runtime) -> None:
    cases = [("USD", 1000, "10.00"), ("USD", 5, "0.05"), ("JPY", 150, "150.00")]
    # Three-decimal currencies are rounded down, never overstating the balance.
    cases.append(("LYD", 12_349, "12.34"))
    for cur, minor, shown in cases:
        b = await buyer(rt, balance=minor, currency=cur)
        assert await balance(api, b.key) == f"ACCESS_BALANCE:{shown}"
        assert await token(api, b.key, "getBalanceAndCashBack") == f"ACCESS_BALANCE:{shown}"


async def test_get_number_charges_and_answers_the_integer_id(
    api: httpx.AsyncClient, rt: Runtime, shop: Buyer
) -> None:
    answer = await token(api, shop.key, "getNumber", service="vi", country=143, ref="x")
    m = re.fullmatch(r"ACCESS_NUMBER:([1-9][0-9]*):(99255[0-9]{6})", answer)
    assert m, answer
    async with rt.db.read() as conn:
        row = await conn.fetchone(
            "SELECT id, phone, price, state FROM activations WHERE client_id = :c",
            {"c": shop.client.id},
        )
    assert row is not None
    assert (int(row[0]), str(row[1]), row[2], row[3]) == (int(m[1]), m[2], 5, "waiting")
    assert await balance(api, shop.key) == "ACCESS_BALANCE:9.95"
    assert await ledger(rt, shop.client.id) == [("topup", 1000), ("charge", -5)]


async def test_country_by_id_or_name_operator_and_anywhere(
    api: httpx.AsyncClient, rt: Runtime, shop: Buyer
) -> None:
    for params in (
        {"country": "tajikistan"},
        {"country": "TAJIKISTAN", "operator": "indigo"},
        {"country": "143", "operator": "any"},
    ):
        assert (await token(api, shop.key, "getNumber", service="vi", **params)).startswith(
            "ACCESS_NUMBER:"
        )
    # No country: the cheapest country offering the service (here the only one).
    assert await token(api, shop.key, "getNumber", service="vi") == "NO_NUMBERS"
    assert await balance(api, shop.key) == "ACCESS_BALANCE:9.85"


async def test_a_country_without_an_id_gets_a_derived_one(
    api: httpx.AsyncClient, rt: Runtime, shop: Buyer
) -> None:
    async with rt.db.transaction() as conn:
        added = await catalogue.add_country(conn, "kyrgyzstan", calling_code=996)
        await catalogue.add_provider(conn, "kyrgyzstan", "megacom")
    rt.catalogue.invalidate()
    await factory.price(rt, "kyrgyzstan", "vi", "0.07")
    await factory.numbers(rt, "kyrgyzstan", "megacom", 1)
    derived = 100_000 + added.id
    countries = await jsonof(api, shop.key, "getCountries")
    assert countries[str(derived)]["eng"] == "Kyrgyzstan"
    answer = await token(api, shop.key, "getNumber", service="vi", country=derived)
    assert answer.startswith("ACCESS_NUMBER:") and answer.split(":")[2].startswith("996")
    # Once the operator sets the real id, that one is used and the derived one is gone.
    async with rt.db.transaction() as conn:
        await catalogue.set_smsactivate_id(conn, "kyrgyzstan", 11)
    rt.catalogue.invalidate()
    assert await token(api, shop.key, "getNumber", service="vi", country=derived) == "BAD_COUNTRY"
    assert "11" in await jsonof(api, shop.key, "getCountries")


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"service": "zz", "country": 143}, "BAD_SERVICE"),
        ({"country": 143}, "BAD_SERVICE"),
        ({"service": "vi", "country": 999}, "BAD_COUNTRY"),
        ({"service": "vi", "country": "atlantis"}, "BAD_COUNTRY"),
        ({"service": "vi", "country": 143, "operator": "beeline"}, "WRONG_OPERATOR"),
        ({"service": "vi", "operator": "beeline"}, "WRONG_OPERATOR"),
        ({"service": "wa", "country": 143}, "NO_NUMBERS"),
        ({"service": "vi", "country": 57}, "NO_NUMBERS"),
        ({"service": "vi", "country": 143, "maxPrice": "0.04"}, "WRONG_MAX_PRICE:0.05"),
        ({"service": "vi", "country": 143, "maxPrice": "-1"}, "WRONG_MAX_PRICE:0.05"),
        ({"service": "vi", "country": 143, "maxPrice": "cheap"}, "BAD_DATA"),
        ({"service": "vi", "country": 143, "maxPrice": "NaN"}, "BAD_DATA"),
        ({"service": "vi", "country": 143, "phoneException": "992,x"}, "WRONG_EXCEPTION_PHONE"),
        ({"service": "vi", "country": 143, "phoneException": "99255"}, "NO_NUMBERS"),
        ({"service": "vi", "country": 143, "forward": "1"}, "BAD_FORWARD"),
        ({"service": "vi", "country": 143, "orderId": "o" * 129}, "BAD_DATA"),
    ],
)
async def test_get_number_errors_change_nothing(
    api: httpx.AsyncClient, rt: Runtime, shop: Buyer, params: dict[str, object], expected: str
) -> None:
    assert await token(api, shop.key, "getNumber", **params) == expected
    assert await token(api, shop.key, "getNumberV2", **params) == expected
    assert await balance(api, shop.key) == "ACCESS_BALANCE:10.00"
    assert await ledger(rt, shop.client.id) == [("topup", 1000)]


async def test_max_price_and_phone_exceptions_that_fit(
    api: httpx.AsyncClient, rt: Runtime, shop: Buyer
) -> None:
    await factory.numbers(rt, "tajikistan", "indigo", 1, prefix="99277")
    # 0.059 allows 0.05; the 99255 numbers are excluded, leaving the 99277 one.
    answer = await token(
        api,
        shop.key,
        "getNumber",
        service="vi",
        country=143,
        maxPrice="0.059",
        phoneException="+99255, 7918",
    )
    assert answer.split(":")[2].startswith("99277")


async def test_no_balance(api: httpx.AsyncClient, rt: Runtime, shop: Buyer) -> None:
    poor = await buyer(rt, balance=4)
    assert await token(api, poor.key, "getNumber", service="vi", country=143) == "NO_BALANCE"
    assert await ledger(rt, poor.client.id) == [("topup", 4)]
    async with rt.db.read() as conn:
        assert await conn.fetchval("SELECT COUNT(*) FROM activations") == 0


async def test_get_number_v2_shape(api: httpx.AsyncClient, rt: Runtime, shop: Buyer) -> None:
    before = datetime.now(UTC).replace(microsecond=0)
    data = await jsonof(api, shop.key, "getNumberV2", service="vi", country=143)
    assert set(data) == {
        "activationId",
        "phoneNumber",
        "activationCost",
        "currency",
        "countryCode",
        "canGetAnotherSms",
        "activationTime",
        "activationEndTime",
        "activationOperator",
    }
    assert isinstance(data["activationId"], int) and data["activationId"] > 0
    assert isinstance(data["phoneNumber"], str) and data["phoneNumber"].startswith("99255")
    assert data["activationCost"] == 0.05
    assert (data["currency"], data["countryCode"], data["canGetAnotherSms"]) == (840, "143", "1")
    assert data["activationOperator"] == "indigo"
    start = datetime.strptime(data["activationTime"], "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
    end = datetime.strptime(data["activationEndTime"], "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
    assert 0 <= (start - before).total_seconds() <= 60
    assert (end - start).total_seconds() == pytest.approx(rt.settings.lease_minutes * 60, abs=1)


async def test_order_id_is_an_idempotency_key(
    api: httpx.AsyncClient, rt: Runtime, shop: Buyer
) -> None:
    first = await jsonof(api, shop.key, "getNumberV2", service="vi", country=143, orderId="A-1")
    again = await token(api, shop.key, "getNumberV2", service="vi", country=143, orderId="A-1")
    assert again == "ORDER_ALREADY_EXISTS"
    assert (
        await token(api, shop.key, "getNumber", service="vi", country=143, orderId="A-1")
        == "ORDER_ALREADY_EXISTS"
    )
    # Another client may use the same key.
    other = await buyer(rt)
    assert isinstance(
        (await jsonof(api, other.key, "getNumberV2", service="vi", country=143, orderId="A-1"))[
            "activationId"
        ],
        int,
    )
    assert await ledger(rt, shop.client.id) == [("topup", 1000), ("charge", -5)]
    assert first["activationId"] > 0
