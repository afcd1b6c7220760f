"""Webhook test set-up: private targets allowed (the receiver is on 127.0.0.1), fast retries."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from otpvirt.config import Settings
from otpvirt.db import in_transaction
from otpvirt.runtime import Runtime
from otpvirt.sms.service import IngestResult, ingest
from otpvirt.webhook import targets
from otpvirt.worker.runner import WEBHOOK_MORE, Loop, Worker, send_webhooks, stop_webhooks
from tests.conftest import make_settings
from tests.support import factory

WEBHOOK_SETTINGS: dict[str, Any] = {
    "webhook_allow_private": True,
    "webhook_retry_schedule": "300ms,300ms,300ms",
    "webhook_timeout_seconds": 3,
    "webhook_poll_seconds": 0.1,
}


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    return make_settings(database_url, tmp_path, **WEBHOOK_SETTINGS)


def webhook_loop(rt: Runtime) -> Loop:
    """The webhook loop alone, as `serve` runs it."""
    return Loop(
        "webhooks",
        send_webhooks,
        rt.settings.webhook_poll_seconds,
        WEBHOOK_MORE,
        topic=("sms", "webhook"),
        stop=stop_webhooks,
    )


@pytest.fixture
async def worker(rt: Runtime) -> AsyncIterator[Worker]:
    """The webhook worker running in this process for the test."""
    w = Worker(rt, [webhook_loop(rt)])
    w.start()
    try:
        yield w
    finally:
        await w.stop()


@dataclass
class Lease:
    client: factory.TestClient
    activation_id: str
    phone: int
    secret: str | None


async def with_webhook(
    rt: Runtime, url: str | None, fmt: str = "native", client: factory.TestClient | None = None
) -> tuple[factory.TestClient, str | None]:
    """A client whose webhook points at `url` (a given client with url None: unchanged)."""
    if client is not None and url is None:
        return client, None
    c = client or await factory.client(rt)
    async with rt.db.transaction() as conn:
        out = await targets.set_webhook(conn, c.id, url, fmt)
    return c, out.secret


async def lease(
    rt: Runtime,
    api: httpx.AsyncClient,
    url: str | None,
    *,
    fmt: str = "native",
    client: factory.TestClient | None = None,
    secret: str | None = None,
    service: str = "vi",
) -> Lease:
    """A client with a webhook to `url` that leased a number for `service`."""
    await factory.price(rt, "tajikistan", service, "0.05")
    async with rt.db.read() as conn:
        free = await conn.fetchval(
            "SELECT COUNT(*) FROM numbers WHERE active_activation_id IS NULL"
        )
    if not free:
        await factory.numbers(rt, "tajikistan", "indigo", 20)
    c, made = await with_webhook(rt, url, fmt, client)
    got = (
        await api.post(
            "/native/GetNumber",
            json=c.creds(service=service, detail={"country": "tajikistan"}),
        )
    ).json()
    assert got["status"] == 2, got
    return Lease(c, got["activationId"], int(got["number"]), made or secret)


async def sms(rt: Runtime, phone: int, text: str, sender: str = "Viber") -> IngestResult:
    """An SMS through the one ingest path, then the in-process wake-up adapters give."""
    res = await in_transaction(rt.db, ingest, to=phone, sender=sender, text=text)
    rt.notify("sms")
    return res


async def state_is(rt: Runtime, state: str) -> bool:
    """Whether every webhook delivery is in `state` (and there is one)."""
    rows = await delivery_rows(rt)
    return bool(rows) and all(row[1] == state for row in rows)


async def delivery_rows(rt: Runtime) -> list[Any]:
    async with rt.db.read() as conn:
        return await conn.fetchall(
            "SELECT message_id, state, attempts, last_status, last_error "
            "FROM webhook_deliveries ORDER BY id"
        )
