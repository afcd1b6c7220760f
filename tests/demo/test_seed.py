"""`serve --demo`'s data: every country, operator and service of the seed catalogue can
be counted, leased and cancelled, at the collection's example prices where it has them."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest

from otpvirt.config import Settings
from otpvirt.demo import DEMO_PRICES, setup_demo
from otpvirt.runtime import Runtime
from tests.conftest import make_settings

COLLECTION = Path(__file__).resolve().parents[1] / "e2e" / "OTP-virt.postman_collection.json"


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    # 91 leases, counted and cancelled in a row: faster than the per-client limit.
    return make_settings(database_url, tmp_path, rate_limit="off")


def _collection_prices() -> dict[str, dict[str, Decimal]]:
    """The example answer of the collection's GetPrice, exactly as printed."""
    items = json.loads(COLLECTION.read_text())["item"]
    item = next(i for i in items if i["name"].startswith("8."))
    body = json.loads(item["response"][0]["body"], parse_float=Decimal)
    return {c["country"]: c["services"] for c in body["countryList"]}


async def _call(api: httpx.AsyncClient, method: str, body: dict[str, Any]) -> dict[str, Any]:
    resp = await api.post(f"/native/{method}", json=body)
    assert resp.status_code == 200
    data: dict[str, Any] = resp.json()
    return data


async def test_demo_prices_keep_the_collection_examples() -> None:
    for country, services in _collection_prices().items():
        for service, price in services.items():
            assert Decimal(DEMO_PRICES[country][service]) == price, (country, service)


async def test_every_country_operator_and_service_is_counted_leased_and_cancelled(
    api: httpx.AsyncClient, rt: Runtime
) -> None:
    demo = await setup_demo(rt, per_provider=2)
    creds = {"clientId": demo.client_id, "apiPassword": demo.api_password}
    snap = await rt.catalogue.get()
    services = sorted(s.code for s in snap.services.values() if s.enabled)
    countries = [c for c in snap.countries_by_id.values() if c.enabled]
    assert len(countries) == 7 and len(services) == 13
    listed = await _call(api, "GetPrice", creds)
    assert {c["country"] for c in listed["countryList"]} == {c.name for c in countries}
    start = (await _call(api, "GetBalance", creds))["balance"]
    for country in countries:
        offered = next(c for c in listed["countryList"] if c["country"] == country.name)
        assert sorted(offered["services"]) == services, country.name
        for provider in country.providers:
            for service in services:
                where = {"country": country.name, "provider": provider}
                count = await _call(api, "GetNumbersCount", {**creds, "service": service, **where})
                assert count == {"count": 2, "status": 2, "error": 0}, (where, service)
                got = await _call(api, "GetNumber", {**creds, "service": service, "detail": where})
                assert got["error"] == 0, (where, service, got)
                assert Decimal(str(got["ammount"])) == Decimal(DEMO_PRICES[country.name][service])
                assert str(got["number"]).startswith(str(country.calling_code))
                done = await _call(
                    api, "CancelActivation", {**creds, "activationId": got["activationId"]}
                )
                assert done == {"status": 2, "error": 0}
    # Every lease was refunded.
    assert (await _call(api, "GetBalance", creds))["balance"] == start


async def test_a_service_without_a_country_lands_where_the_collection_examples_do(
    api: httpx.AsyncClient, rt: Runtime
) -> None:
    demo = await setup_demo(rt, per_provider=3)
    creds = {"clientId": demo.client_id, "apiPassword": demo.api_password}
    snap = await rt.catalogue.get()
    for service, country in (("vi", "tajikistan"), ("tg", "tajikistan"), ("wv", "laos")):
        got = await _call(api, "GetNumber", {**creds, "service": service, "detail": {}})
        assert got["error"] == 0
        assert str(got["number"]).startswith(str(snap.countries[country].calling_code))
        assert Decimal(str(got["ammount"])) == Decimal(DEMO_PRICES[country][service])
        others = [Decimal(p[service]) for c, p in DEMO_PRICES.items() if c != country]
        assert Decimal(DEMO_PRICES[country][service]) < min(others)
