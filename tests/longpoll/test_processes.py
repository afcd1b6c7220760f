"""Long-poll GetSms across processes: a real server, SMS stored by another process."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from otpvirt.config import Settings
from otpvirt.db import in_transaction
from otpvirt.runtime import Runtime
from otpvirt.sms.service import ingest
from tests.conftest import make_settings
from tests.support.server import QUIET_SIMULATOR, Server, start_server, stop_server

pytestmark = pytest.mark.slow


@pytest.fixture(params=["sqlite", "postgres"])
def served(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Server, Settings]]:
    """A real server (2 processes on PostgreSQL) and settings for its database."""
    url: str | None = None
    extra: tuple[str, ...] = ()
    if request.param == "postgres":
        url = request.getfixturevalue("pg_database_url")
        extra = ("--workers", "2")
    server = start_server(tmp_path, *extra, env=QUIET_SIMULATOR, database_url=url)
    try:
        db = url or Settings(data_dir=tmp_path).effective_database_url
        yield server, make_settings(db, tmp_path)
    finally:
        stop_server(server)


async def lease(http: httpx.AsyncClient, server: Server) -> dict[str, Any]:
    creds = {"clientId": server.client_id, "apiPassword": server.password}
    got: dict[str, Any] = (
        await http.post(
            f"{server.base}/native/GetNumber",
            json={**creds, "service": "wa", "detail": {"country": "tajikistan"}},
        )
    ).json()
    assert got["status"] == 2, got
    return got


async def hold(http: httpx.AsyncClient, server: Server, act: str, wait: int) -> dict[str, Any]:
    creds = {"clientId": server.client_id, "apiPassword": server.password}
    resp = await http.post(
        f"{server.base}/native/GetSms", json={**creds, "activationId": act, "wait": wait}
    )
    data: dict[str, Any] = resp.json()
    return data


async def test_an_sms_stored_by_another_process_wakes_the_request(
    served: tuple[Server, Settings],
) -> None:
    server, settings = served
    async with httpx.AsyncClient(timeout=90) as http:
        got = await lease(http, server)
        waiting = asyncio.create_task(hold(http, server, got["activationId"], 60))
        # Give the request time to be held (its wait is 60 s; the answer must come sooner).
        await asyncio.sleep(1.0)
        assert not waiting.done()
        rt = Runtime.open(settings)
        try:
            await in_transaction(
                rt.db, ingest, to=str(got["number"]), sender="WhatsApp", text="code 481516"
            )
            stored = time.monotonic()
        finally:
            await rt.close()
        answer = await asyncio.wait_for(waiting, 30)
        assert time.monotonic() - stored < 5
        assert answer["status"] == 2 and [m["code"] for m in answer["sms"]] == ["481516"]


async def test_held_requests_are_answered_on_sigterm(served: tuple[Server, Settings]) -> None:
    server, _ = served
    async with httpx.AsyncClient(timeout=90) as http:
        got = await lease(http, server)
        waiting = [
            asyncio.create_task(hold(http, server, got["activationId"], 60)) for _ in range(3)
        ]
        await asyncio.sleep(1.0)
        assert not any(w.done() for w in waiting)
        stopped = time.monotonic()
        server.proc.terminate()
        for answer in await asyncio.wait_for(asyncio.gather(*waiting), 30):
            assert answer == {"sms": [], "status": 2, "error": 0}
        # Answered at once, not after the graceful-shutdown timeout (10 s).
        assert time.monotonic() - stopped < 5
        # uvicorn re-raises the signal once it has stopped: it ends as SIGTERM would.
        assert await asyncio.to_thread(server.proc.wait, 20) in (0, -15)
        assert "Traceback" not in (server.data_dir / "serve.log").read_text()
