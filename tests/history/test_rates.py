"""Success rate per service and country: the console's figures."""

from __future__ import annotations

import httpx

from otpvirt.clock import now_ms
from otpvirt.db import in_transaction
from otpvirt.history.rates import success_rates
from otpvirt.runtime import Runtime
from otpvirt.sms.service import ingest
from tests.support import factory
from tests.web.conftest import console_login, make_operator


async def _lease(api: httpx.AsyncClient, c: factory.TestClient, service: str, country: str) -> int:
    got = (
        await api.post(
            "/native/GetNumber", json=c.creds(service=service, detail={"country": country})
        )
    ).json()
    assert got["status"] == 2, got
    number: int = got["number"]
    return number


async def test_success_rates_in_the_console(api: httpx.AsyncClient, rt: Runtime) -> None:
    await factory.price(rt, "tajikistan", "vi", "0.05")
    await factory.price(rt, "laos", "vi", "0.04")
    await factory.price(rt, "tajikistan", "fb", "0.06")
    await factory.numbers(rt, "tajikistan", "indigo", 3)
    await factory.numbers(rt, "laos", "any", 1)
    c = await factory.client(rt)
    tj = await _lease(api, c, "vi", "tajikistan")
    await _lease(api, c, "vi", "laos")
    await _lease(api, c, "fb", "tajikistan")
    old = await _lease(api, c, "fb", "tajikistan")
    await in_transaction(rt.db, ingest, to=str(tj), sender="Viber", text="code 123456")
    async with rt.db.transaction() as conn:
        await conn.execute(
            "UPDATE activations SET created_at = :t WHERE phone = :p",
            {"t": now_ms() - 8 * 86_400_000, "p": old},
        )
    rates = await success_rates(rt)
    assert [
        (r.service.code, r.country.name, r.activations, r.with_sms, r.share, r.rate) for r in rates
    ] == [
        ("fb", "tajikistan", 1, 0, 100.0, 0.0),
        ("vi", "laos", 1, 0, 50.0, 0.0),
        ("vi", "tajikistan", 1, 1, 50.0, 100.0),
    ]
    await make_operator(rt)
    await console_login(api)
    page = (await api.get("/console/prices")).text
    table = page.split('id="success-rates"')[1].split("</table>")[0]
    assert "<td>vi</td><td>tajikistan</td>" in table and "100.0 %" in table
