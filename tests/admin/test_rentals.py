"""The admin API's rentals and rent prices."""

from __future__ import annotations

import httpx

from otpvirt.clock import now_ms
from otpvirt.db import in_transaction
from otpvirt.rental import service as rentals
from otpvirt.runtime import Runtime
from tests.support import factory


async def test_rent_prices_and_rentals(admin: httpx.AsyncClient, rt: Runtime) -> None:
    await factory.numbers(rt, "tajikistan", "indigo", 1)
    put = await admin.put(
        "/admin/v1/rent-prices",
        json={"country": "tajikistan", "service": "full", "perHour": "0.10"},
    )
    assert put.status_code == 200, put.text
    assert put.json()["perHour"] == "0.10"
    bad = await admin.put(
        "/admin/v1/rent-prices",
        json={"country": "tajikistan", "service": "nope9", "perHour": "0.10"},
    )
    assert bad.status_code >= 400
    listed = (await admin.get("/admin/v1/rent-prices")).json()
    assert listed == [
        {"country": "tajikistan", "service": "full", "perHourMinor": 10, "currency": "USD"}
    ]
    c = await factory.client(rt, balance=1000)
    snap = await rt.catalogue.get()
    r = await in_transaction(
        rt.db,
        rentals.rent,
        client_id=c.id,
        cur="USD",
        service_code="full",
        service_id=None,
        places=[rentals.Place(snap.countries["tajikistan"].id, None)],
        hours=4,
        url=None,
        now=now_ms(),
    )
    rows = (await admin.get("/admin/v1/rentals", params={"state": "active"})).json()
    assert [x["rentId"] for x in rows] == [r.guid] and rows[0]["amount"] == "0.40"
    shown = (await admin.get(f"/admin/v1/rentals/{r.id}")).json()
    assert shown["sms"] == [] and shown["state"] == "active"
    done = (await admin.post(f"/admin/v1/rentals/{r.id}/finish")).json()
    assert done["state"] == "finished"
    again = await admin.post(f"/admin/v1/rentals/{r.id}/finish")
    assert again.status_code >= 400
    assert (await admin.get("/admin/v1/rentals/999999")).status_code == 404
