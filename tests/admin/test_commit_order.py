"""An operator's top-up is answered only once it is committed."""

from __future__ import annotations

import httpx

from otpvirt.runtime import Runtime
from tests.support import factory
from tests.support.commitfail import refuse_commits


async def test_topup_is_not_answered_before_its_commit(
    admin: httpx.AsyncClient, rt: Runtime, database_url: str
) -> None:
    c = await factory.client(rt, balance=500)
    undo = await refuse_commits(database_url, "ledger_entries")
    refused = await admin.post(f"/admin/v1/clients/{c.id}/topup", json={"amount": "2.50"})
    assert refused.status_code == 503, refused.text
    assert refused.json()["error"] == "database_unavailable"
    shown = (await admin.get(f"/admin/v1/clients/{c.id}")).json()
    assert shown["balance"] == "5.00"
    await undo()
    done = await admin.post(f"/admin/v1/clients/{c.id}/topup", json={"amount": "2.50"})
    assert done.status_code == 200 and done.json()["balance"] == "7.50"
