"""Native answers that move money or lease a number come only after their commit.

Each test makes the database refuse the COMMIT of the method's work (after every
statement succeeded) and checks that the client heard no success and nothing
changed, then that the same call succeeds once commits work again.
"""

from __future__ import annotations

from typing import Any

import httpx

from otpvirt.runtime import Runtime
from tests.support import factory
from tests.support.commitfail import refuse_commits

WANT = {"service": "vi", "detail": {"country": "tajikistan"}}


async def state(rt: Runtime) -> dict[str, Any]:
    async with rt.db.read() as conn:
        return {
            "balance": await conn.fetchval("SELECT SUM(balance) FROM clients"),
            "entries": await conn.fetchval("SELECT COUNT(*) FROM ledger_entries"),
            "activations": [
                tuple(r) for r in await conn.fetchall("SELECT guid, state FROM activations")
            ],
            "leased": await conn.fetchval(
                "SELECT COUNT(*) FROM numbers WHERE active_activation_id IS NOT NULL"
            ),
        }


async def shop(rt: Runtime) -> factory.TestClient:
    await factory.numbers(rt, "tajikistan", "indigo", 1)
    await factory.price(rt, "tajikistan", "vi", "0.05")
    return await factory.client(rt, balance=100)


def refused(answer: dict[str, Any]) -> bool:
    """The failure envelope of error 2, carrying nothing of a success."""
    return (answer["status"], answer["error"]) == (4, 2) and set(answer) == {
        "status",
        "error",
        "reason",
        "message",
    }


async def test_get_number_is_not_answered_before_its_commit(
    api: httpx.AsyncClient, rt: Runtime, database_url: str
) -> None:
    c = await shop(rt)
    before = await state(rt)
    undo = await refuse_commits(database_url, "activations")
    answer = (await api.post("/native/GetNumber", json=c.creds(**WANT))).json()
    assert refused(answer), answer
    assert await state(rt) == before
    await undo()
    again = (await api.post("/native/GetNumber", json=c.creds(**WANT))).json()
    assert again["status"] == 2 and again["ammount"] == 0.05


async def test_cancel_is_not_answered_before_its_refund_is_committed(
    api: httpx.AsyncClient, rt: Runtime, database_url: str
) -> None:
    c = await shop(rt)
    got = (await api.post("/native/GetNumber", json=c.creds(**WANT))).json()
    before = await state(rt)
    undo = await refuse_commits(database_url, "ledger_entries")
    ask = c.creds(activationId=got["activationId"])
    assert refused((await api.post("/native/CancelActivation", json=ask)).json())
    after = await state(rt)
    assert after == before and after["activations"] == [(got["activationId"], "waiting")]
    await undo()
    assert (await api.post("/native/CancelActivation", json=ask)).json()["status"] == 2
    assert (await state(rt))["balance"] == 100


async def test_confirm_is_not_answered_before_its_commit(
    api: httpx.AsyncClient, rt: Runtime, database_url: str
) -> None:
    c = await shop(rt)
    got = (await api.post("/native/GetNumber", json=c.creds(**WANT))).json()
    before = await state(rt)
    undo = await refuse_commits(database_url, "activations", on="UPDATE")
    ask = c.creds(activationId=got["activationId"])
    assert refused((await api.post("/native/ConfirmActivation", json=ask)).json())
    assert await state(rt) == before
    await undo()
    assert (await api.post("/native/ConfirmActivation", json=ask)).json()["status"] == 2
    assert (await state(rt))["activations"] == [(got["activationId"], "completed")]
