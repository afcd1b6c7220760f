"""sms-activate answers that charge, lease or refund come only after their commit."""

from __future__ import annotations

import httpx

from otpvirt.runtime import Runtime
from tests.native.test_commit_order import state
from tests.smsactivate.conftest import buyer, token
from tests.support import factory
from tests.support.commitfail import refuse_commits


async def test_get_number_and_cancel_wait_for_their_commits(
    api: httpx.AsyncClient, rt: Runtime, database_url: str
) -> None:
    await factory.numbers(rt, "tajikistan", "indigo", 1)
    await factory.price(rt, "tajikistan", "vi", "0.05")
    shop = await buyer(rt, balance=100)
    before = await state(rt)
    undo = await refuse_commits(database_url, "ledger_entries")
    for action in ("getNumber", "getNumberV2"):
        answer = await token(api, shop.key, action, service="vi", country=143)
        assert answer == "ERROR_SQL", (action, answer)
    assert await state(rt) == before
    await undo()
    bought = await token(api, shop.key, "getNumber", service="vi", country=143)
    assert bought.startswith("ACCESS_NUMBER:")
    act = bought.split(":")[1]
    charged = await state(rt)
    undo = await refuse_commits(database_url, "ledger_entries")
    assert await token(api, shop.key, "setStatus", id=act, status=8) == "ERROR_SQL"
    assert await state(rt) == charged
    await undo()
    assert await token(api, shop.key, "setStatus", id=act, status=8) == "ACCESS_CANCEL"
    assert (await state(rt))["balance"] == 100
