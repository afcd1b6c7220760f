"""The native rental methods over HTTP: answers, errors, money."""

from __future__ import annotations

from typing import Any

import httpx

from otpvirt.clock import now_ms
from otpvirt.db import in_transaction
from otpvirt.rental import service as rentals
from otpvirt.runtime import Runtime
from otpvirt.sms.service import ingest
from tests.support import factory


async def _call(api: httpx.AsyncClient, method: str, body: dict[str, Any]) -> dict[str, Any]:
    resp = await api.post(f"/native/{method}", json=body)
    data: dict[str, Any] = resp.json()
    return data


async def test_native_rental_round_trip(api: httpx.AsyncClient, rt: Runtime) -> None:
    await factory.numbers(rt, "tajikistan", "indigo", 2)
    snap = await rt.catalogue.get()
    tj = snap.countries["tajikistan"].id
    await in_transaction(rt.db, rentals.set_price, tj, "full", "USD", 10, now_ms())
    c = await factory.client(rt, balance=1000)
    price = await _call(api, "GetRentPrice", c.creds(hours=6))
    assert price["countryList"] == [{"country": "tajikistan", "services": {"full": 0.6}}]
    got = await _call(
        api, "RentNumber", c.creds(service="full", hours=4, detail={"country": "tajikistan"})
    )
    assert got["status"] == 2 and got["ammount"] == 0.4, got
    assert got["endDate"].endswith("Z")
    rent_id = got["rentId"]
    await in_transaction(rt.db, ingest, to=got["number"], sender="Viber", text="Viber code: 905526")
    sms = await _call(api, "GetRentSms", c.creds(rentId=rent_id))
    assert sms["state"] == "active" and [m["code"] for m in sms["sms"]] == ["905526"]
    refused = await _call(api, "CancelRent", c.creds(rentId=rent_id))
    assert (refused["status"], refused["error"]) == (4, 4)
    more = await _call(api, "ProlongRent", c.creds(rentId=rent_id, hours=4))
    assert more["ammount"] == 0.4 and more["endDate"] > got["endDate"]
    assert (await _call(api, "FinishRent", c.creds(rentId=rent_id)))["status"] == 2
    again = await _call(api, "FinishRent", c.creds(rentId=rent_id))
    assert (again["status"], again["error"]) == (4, 3)
    assert (await _call(api, "GetRentSms", c.creds(rentId=rent_id)))["state"] == "finished"
    # Another client's rental is unknown to the caller; bad hours change nothing.
    other = await factory.client(rt, balance=1000)
    hidden = await _call(api, "GetRentSms", other.creds(rentId=rent_id))
    assert (hidden["status"], hidden["error"]) == (4, 3)
    bad = await _call(api, "RentNumber", other.creds(service="full", hours=2))
    assert (bad["status"], bad["error"]) == (4, 3)
    second = await _call(api, "RentNumber", other.creds(service="full", hours=4))
    assert (await _call(api, "CancelRent", other.creds(rentId=second["rentId"])))["status"] == 2
    balance = await _call(api, "GetBalance", other.creds())
    assert balance["balance"] == 10.0
    assert (await _call(api, "GetBalance", c.creds()))["balance"] == 9.2
