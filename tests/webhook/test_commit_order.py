"""A webhook goes out only once the outbox row, and then its claim, are committed.

The worker runs in-process against a real receiver on 127.0.0.1 while the database
refuses to COMMIT first the SMS with its outbox row, then the claim of that row: the
receiver must hear nothing until the commit succeeds, then exactly one delivery.
"""

from __future__ import annotations

import asyncio

import httpx
import pytest

from otpvirt.db import DatabaseUnavailable
from otpvirt.runtime import Runtime
from otpvirt.worker.runner import Worker
from tests.support.commitfail import refuse_commits
from tests.support.receiver import Receiver
from tests.webhook.conftest import delivery_rows, lease, sms

QUIET = 1.0  # several worker polls (0.1 s each in these tests)


async def test_no_webhook_for_an_sms_whose_commit_failed(
    rt: Runtime, api: httpx.AsyncClient, worker: Worker, database_url: str
) -> None:
    async with Receiver() as rx:
        got = await lease(rt, api, rx.url)
        undo = await refuse_commits(database_url, "webhook_deliveries")
        with pytest.raises(DatabaseUnavailable):
            await sms(rt, got.phone, "Your Viber code: 905526")
        await asyncio.sleep(QUIET)
        assert rx.received == [] and await delivery_rows(rt) == []
        await undo()
        await sms(rt, got.phone, "Your Viber code: 905526")
        (req,) = await rx.wait_count(1)
        assert req.json()["code"] == "905526"


async def test_no_webhook_before_its_claim_is_committed(
    rt: Runtime, api: httpx.AsyncClient, worker: Worker, database_url: str
) -> None:
    async with Receiver() as rx:
        got = await lease(rt, api, rx.url)
        undo = await refuse_commits(database_url, "webhook_deliveries", on="UPDATE")
        await sms(rt, got.phone, "Your Viber code: 905526")
        await asyncio.sleep(QUIET)
        assert rx.received == []
        ((_, state, attempts, _, _),) = await delivery_rows(rt)
        assert (state, attempts) == ("pending", 0)
        await undo()
        rt.notify("sms")
        (req,) = await rx.wait_count(1)
        await asyncio.sleep(0.3)
        assert len(rx.received) == 1 and req.json()["code"] == "905526"
