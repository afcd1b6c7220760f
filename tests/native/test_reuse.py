"""GetNumber with `detail.number`: a number the client received an SMS on, again."""

from __future__ import annotations

from typing import Any

import httpx

from otpvirt.db import in_transaction
from otpvirt.runtime import Runtime
from otpvirt.sms.service import ingest
from tests.support import factory


async def _get(api: httpx.AsyncClient, c: factory.TestClient, number: Any) -> Any:
    body = c.creds(service="vi", detail={"country": "tajikistan", "number": number})
    return (await api.post("/native/GetNumber", json=body)).json()


async def test_get_number_again(api: httpx.AsyncClient, rt: Runtime) -> None:
    await factory.numbers(rt, "tajikistan", "indigo", 2)
    c, got = await factory.leased(api, rt)
    number = got["number"]
    # Still leased: not free (error 1).
    assert (await _get(api, c, number))["error"] == 1
    await in_transaction(rt.db, ingest, to=str(number), sender="Viber", text="code 111222")
    await api.post("/native/ConfirmActivation", json=c.creds(activationId=got["activationId"]))
    again = await _get(api, c, str(number))
    assert again["status"] == 2 and again["number"] == number
    assert again["activationId"] != got["activationId"] and again["ammount"] == 0.05
    await in_transaction(rt.db, ingest, to=str(number), sender="Viber", text="code 333444")
    sms = (
        await api.post("/native/GetSms", json=c.creds(activationId=again["activationId"]))
    ).json()["sms"]
    assert [m["code"] for m in sms] == ["333444"]
    await api.post("/native/ConfirmActivation", json=c.creds(activationId=again["activationId"]))
    # Another client may not; nor a number never used; a malformed one is error 3.
    other = await factory.client(rt)
    assert (await _get(api, other, number))["error"] == 1
    assert (await _get(api, c, 992_000_000_001))["error"] == 1
    assert (await _get(api, c, "12ab"))["error"] == 3
    assert (await _get(api, c, True))["error"] == 3
