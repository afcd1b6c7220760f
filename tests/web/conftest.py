"""Helpers for the console and portal tests: read CSRF tokens, log in."""

from __future__ import annotations

import asyncio
import re

import httpx

from otpvirt.admin import service as admins
from otpvirt.runtime import Runtime

OPERATOR_PASSWORD = "operator-password-1"


def csrf_of(html: str) -> str:
    """The first CSRF token in a page."""
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, html[:500]
    return found.group(1)


async def make_operator(rt: Runtime, name: str = "alice") -> None:
    pw_hash = await asyncio.to_thread(rt.passwords.hash, OPERATOR_PASSWORD)
    async with rt.db.transaction() as conn:
        await admins.create_user(conn, name, pw_hash)


async def console_login(
    api: httpx.AsyncClient,
    *,
    username: str = "alice",
    password: str = OPERATOR_PASSWORD,
    token: str = "",
) -> httpx.Response:
    form = await api.get("/console/login")
    return await api.post(
        "/console/login",
        data={
            "csrf": csrf_of(form.text),
            "username": username,
            "password": password,
            "token": token,
            "next": "/console",
        },
    )


async def portal_login(api: httpx.AsyncClient, client_id: str, password: str) -> httpx.Response:
    form = await api.get("/portal/login")
    return await api.post(
        "/portal/login",
        data={"csrf": csrf_of(form.text), "client_id": client_id, "password": password},
    )
