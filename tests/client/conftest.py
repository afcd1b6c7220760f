"""Fixtures for the SDK: the app in-process, a real `otpvirt serve`, and a scripted HTTP
peer on 127.0.0.1 for the failures a healthy server never produces."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest

from otpvirt.app import create_app
from otpvirt.client import AsyncClient
from otpvirt.db import in_transaction
from otpvirt.runtime import Runtime
from otpvirt.sms.service import IngestResult, ingest
from tests.support import factory
from tests.support.peer import Scripted, scripted_peer
from tests.support.server import Server, free_port

VIBER_TEXT = (
    "<#> Your Viber code: 905526\n\nYou can also tap this link: https://unv.viber.com/a/905526"
)


@pytest.fixture
async def shop(rt: Runtime) -> factory.TestClient:
    """A client with 10.00 USD; Viber at 0.05 in Tajikistan with 3 numbers there."""
    await factory.price(rt, "tajikistan", "vi", "0.05")
    await factory.price(rt, "tajikistan", "fb", "0.06")
    await factory.numbers(rt, "tajikistan", "indigo", 3)
    return await factory.client(rt, balance=1000)


@pytest.fixture
async def otp(rt: Runtime, shop: factory.TestClient) -> AsyncIterator[AsyncClient]:
    """An `AsyncClient` on the app in-process, as the `shop` client."""
    transport = httpx_asgi(rt)
    async with AsyncClient(
        "http://otpvirt.test", shop.id, shop.password, transport=transport
    ) as client:
        yield client


def httpx_asgi(rt: Runtime) -> httpx.ASGITransport:
    """An httpx transport that calls the real app in-process."""
    return httpx.ASGITransport(app=create_app(runtime=rt))


async def deliver(rt: Runtime, number: int, text: str, sender: str = "Viber") -> IngestResult:
    """An incoming SMS to `number`, through the service, as a gateway would deliver it."""
    return await in_transaction(rt.db, ingest, to=str(number), sender=sender, text=text)


@pytest.fixture
def server(demo_server: Server) -> Server:
    """A real `otpvirt serve --demo` on 127.0.0.1 (SQLite in its data dir), with one
    unpriced service, `zq`."""
    return demo_server


def inject(server: Server, number: int, text: str, sender: str = "Viber") -> dict[str, Any]:
    """`otpvirt sms inject` against the server's database; the delivery as JSON."""
    env = {**os.environ, "OTPVIRT_DATA_DIR": str(server.data_dir)}
    env.pop("OTPVIRT_DATABASE_URL", None)
    args = ["--to", str(number), "--from", sender, "--text", text, "--json"]
    out = subprocess.run(
        [sys.executable, "-m", "otpvirt", "sms", "inject", *args],
        env=env,
        capture_output=True,
        check=True,
        timeout=60,
    )
    result: dict[str, Any] = json.loads(out.stdout)
    return result


@pytest.fixture
def scripted() -> Iterator[Scripted]:
    """A scripted HTTP peer on 127.0.0.1 (see `tests.support.peer`)."""
    with scripted_peer() as peer:
        yield peer


def closed_port_url() -> str:
    """A URL on 127.0.0.1 where nothing listens."""
    return f"http://127.0.0.1:{free_port()}"
