"""GetHistory: a client's activations in a time window, newest first, with their SMS."""

from __future__ import annotations

from typing import Any

import httpx

from otpvirt.clock import now_ms
from otpvirt.db import in_transaction
from otpvirt.runtime import Runtime
from otpvirt.sms.service import ingest
from tests.support import factory

DAY_MS = 86_400_000


async def _history(api: httpx.AsyncClient, c: factory.TestClient, **body: Any) -> Any:
    return (await api.post("/native/GetHistory", json=c.creds(**body))).json()


async def test_get_history(api: httpx.AsyncClient, rt: Runtime) -> None:
    await factory.numbers(rt, "tajikistan", "indigo", 3)
    c, got = await factory.leased(api, rt)
    await in_transaction(
        rt.db, ingest, to=str(got["number"]), sender="Viber", text="Your Viber code: 123456"
    )
    second = (
        await api.post(
            "/native/GetNumber", json=c.creds(service="vi", detail={"country": "tajikistan"})
        )
    ).json()
    await api.post("/native/CancelActivation", json=c.creds(activationId=second["activationId"]))
    answer = await _history(api, c)
    assert answer["status"] == 2 and answer["error"] == 0
    acts = answer["activations"]
    assert [a["activationId"] for a in acts] == [second["activationId"], got["activationId"]]
    newest, oldest = acts
    assert newest["state"] == "cancelled" and newest["sms"] == []
    assert newest["finishedAt"].endswith("Z")
    assert oldest["state"] == "sms_received" and oldest["finishedAt"] is None
    assert (oldest["number"], oldest["service"], oldest["country"], oldest["provider"]) == (
        got["number"],
        "vi",
        "tajikistan",
        "indigo",
    )
    assert oldest["ammount"] == 0.05 and oldest["createdAt"].endswith("Z")
    [sms] = oldest["sms"]
    assert (sms["phoneFrom"], sms["code"], sms["phone"]) == ("Viber", "123456", got["number"])
    # Paging and windows.
    assert [
        a["activationId"] for a in (await _history(api, c, limit=1, offset=1))["activations"]
    ] == [got["activationId"]]
    async with rt.db.transaction() as conn:
        await conn.execute(
            "UPDATE activations SET created_at = :t WHERE guid = :g",
            {"t": now_ms() - 40 * DAY_MS, "g": got["activationId"]},
        )
    assert len((await _history(api, c))["activations"]) == 1
    start = (now_ms() - 41 * DAY_MS) // 1000
    old = await _history(api, c, **{"from": start, "to": start + 2 * 86_400})
    assert [a["activationId"] for a in old["activations"]] == [got["activationId"]]
    # Someone else's history is their own.
    other = await factory.client(rt)
    assert (await _history(api, other))["activations"] == []


async def test_get_history_bad_input(api: httpx.AsyncClient, rt: Runtime) -> None:
    c = await factory.client(rt)
    for body in (
        {"from": 200, "to": 100},
        {"from": -1},
        {"limit": 0},
        {"offset": 10_001},
        {"from": "soon"},
    ):
        answer = await _history(api, c, **body)
        assert (answer["status"], answer["error"]) == (4, 3), (body, answer)
    wrong = await api.post(
        "/native/GetHistory", json={"clientId": c.id, "apiPassword": "wrong-password"}
    )
    assert wrong.json()["status"] == 4
