"""An SMSHub agent hears SUCCESS for a PUSH_SMS only after the commit holding the SMS."""

from __future__ import annotations

import gzip
from typing import Any

import httpx
import orjson

from otpvirt.runtime import Runtime
from otpvirt.sources import service as sources
from otpvirt.supply import registry
from tests.gateway.test_commit_order import texts
from tests.support import factory
from tests.support.commitfail import refuse_commits


async def test_smshub_agent_hears_no_success_until_the_sms_is_committed(
    api: httpx.AsyncClient, rt: Runtime, database_url: str
) -> None:
    key = "agent-key-1234"
    async with rt.db.transaction() as conn:
        await sources.create_source(
            conn,
            "bank1",
            kind="smshub",
            settings=registry.smshub_config("https://agent.example.net/smshub", key),
        )
    (phone,) = await factory.numbers(rt, "tajikistan", "indigo", 1, source="bank1")
    push: dict[str, Any] = {
        "action": "PUSH_SMS",
        "key": key,
        "smsId": 77,
        "phone": phone,
        "phoneFrom": "Viber",
        "text": "Viber code 905526",
    }
    body = gzip.compress(orjson.dumps(push))
    headers = {"Content-Type": "application/json", "Content-Encoding": "gzip"}
    undo = await refuse_commits(database_url, "sms_messages")
    resp = await api.post("/agent/api/sms", content=body, headers=headers)
    assert resp.json()["status"] == "ERROR", resp.text
    assert await texts(rt) == []
    await undo()
    resp = await api.post("/agent/api/sms", content=body, headers=headers)
    assert resp.json() == {"status": "SUCCESS"}
    assert await texts(rt) == ["Viber code 905526"]
