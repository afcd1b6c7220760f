"""Helpers for the lockout tests: apps on one database, clients from chosen addresses."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx

from otpvirt.app import create_app
from otpvirt.runtime import Runtime
from tests.conftest import make_settings
from tests.web.conftest import csrf_of


@asynccontextmanager
async def process(database_url: str, tmp_path: Path, **overrides: Any) -> AsyncIterator[Runtime]:
    """A runtime of its own on the database: what another server process would have."""
    # The lockout alone is under test here: the queue of password checks is not.
    values: dict[str, Any] = {"rate_limit": "off", "password_check_queue": 1000, **overrides}
    rt = Runtime.open(make_settings(database_url, tmp_path, **values))
    try:
        yield rt
    finally:
        await rt.close()


@asynccontextmanager
async def web(rt: Runtime, address: str = "127.0.0.1") -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client on the app of `rt`, its requests coming from `address`."""
    transport = httpx.ASGITransport(app=create_app(runtime=rt), client=(address, 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://otpvirt.test") as api:
        yield api


def count_kdf(rt: Runtime) -> list[int]:
    """Count the runs of the password KDF of `rt` (the expensive part of a check)."""
    runs = [0]
    real = rt.passwords._check

    def counting(stored_hash: str, password: str) -> bool:
        runs[0] += 1
        return real(stored_hash, password)

    rt.passwords._check = counting  # type: ignore[method-assign]
    return runs


async def balance(api: httpx.AsyncClient, client_id: str, password: str) -> str:
    """GetBalance's outcome: "ok" or the error reason."""
    body = {"clientId": client_id, "apiPassword": password}
    data = (await api.post("/native/GetBalance", json=body)).json()
    return "ok" if data["status"] == 2 else str(data["reason"])


async def login_form(api: httpx.AsyncClient, area: str) -> str:
    """The login form's CSRF token (its double-submit cookie is now in `api`)."""
    return csrf_of((await api.get(f"/{area}/login")).text)


async def console_attempt(api: httpx.AsyncClient, csrf: str, name: str, password: str) -> str:
    """A console login: "ok", "too_many_attempts" or "bad_credentials"."""
    resp = await api.post(
        "/console/login",
        data={"csrf": csrf, "username": name, "password": password, "next": "/console"},
    )
    return _outcome(resp)


async def portal_attempt(api: httpx.AsyncClient, csrf: str, client_id: str, password: str) -> str:
    """A portal login: "ok", "too_many_attempts" or "bad_credentials"."""
    resp = await api.post(
        "/portal/login", data={"csrf": csrf, "client_id": client_id, "password": password}
    )
    return _outcome(resp)


def _outcome(resp: httpx.Response) -> str:
    if resp.status_code == 303:
        return "ok"
    if "too many" in resp.text:
        return "too_many_attempts"
    if "busy" in resp.text:
        return "rate_limited"
    assert resp.status_code == 401, resp.text[:300]
    return "bad_credentials"
