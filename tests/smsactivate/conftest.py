"""Fixtures for the sms-activate dialect: a client with an API key and a small shop."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from otpvirt.clients.service import rotate_api_key
from otpvirt.db import in_transaction
from otpvirt.runtime import Runtime
from otpvirt.sms.service import ingest
from tests.support import factory

URL = "/stubs/handler_api.php"
VIBER_TEXT = (
    "<#> Your Viber code: 905526\n\nYou can also tap this link: https://unv.viber.com/a/905526"
)


@dataclass
class Buyer:
    """A client that speaks the sms-activate protocol."""

    client: factory.TestClient
    key: str


async def issue_key(rt: Runtime, client_id: str) -> str:
    """A fresh sms-activate API key for a client."""
    return await in_transaction(rt.db, rotate_api_key, client_id)


async def buyer(rt: Runtime, *, balance: int = 1000, currency: str = "USD") -> Buyer:
    """A new client with `balance` minor units and an API key."""
    c = await factory.client(rt, balance=balance, currency=currency)
    return Buyer(c, await issue_key(rt, c.id))


async def sa(api: httpx.AsyncClient, key: str | None, action: str, **params: Any) -> httpx.Response:
    """One GET call of the protocol; checks what every answer must be."""
    query = {"action": action, **{k: str(v) for k, v in params.items()}}
    if key is not None:
        query["api_key"] = key
    resp = await api.get(URL, params=query)
    assert resp.status_code == 200
    return resp


async def token(api: httpx.AsyncClient, key: str | None, action: str, **params: Any) -> str:
    """A call answered with a plain-text token."""
    resp = await sa(api, key, action, **params)
    assert resp.headers["content-type"] == "text/plain; charset=utf-8", resp.text
    return resp.text


async def jsonof(api: httpx.AsyncClient, key: str, action: str, **params: Any) -> Any:
    """A call answered with a JSON object."""
    resp = await sa(api, key, action, **params)
    assert resp.headers["content-type"] == "application/json", resp.text
    data = resp.json()
    assert isinstance(data, dict)
    return data


async def deliver(rt: Runtime, phone: int | str, text: str = VIBER_TEXT) -> None:
    """An SMS arrives for a number, as from a gateway."""
    await in_transaction(rt.db, ingest, to=str(phone), sender="Viber", text=text)


async def ledger(rt: Runtime, client_id: str) -> list[tuple[str, int]]:
    """(kind, amount) of the client's ledger entries, oldest first."""
    async with rt.db.read() as conn:
        rows = await conn.fetchall(
            "SELECT kind, amount FROM ledger_entries WHERE client_id = :c ORDER BY id",
            {"c": client_id},
        )
    return [(r[0], int(r[1])) for r in rows]


@pytest.fixture
async def shop(rt: Runtime) -> Buyer:
    """10.00 USD; Viber 0.05 and Facebook 0.06 in Tajikistan (id 143), 3 numbers there."""
    await factory.price(rt, "tajikistan", "vi", "0.05")
    await factory.price(rt, "tajikistan", "fb", "0.06")
    await factory.numbers(rt, "tajikistan", "indigo", 3)
    return await buyer(rt)
